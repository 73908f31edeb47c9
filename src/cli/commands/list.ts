import type { Context } from '../io.js';
import { loadDataSet, tableWidth } from '../data-set.js';
import { listFamilies } from '../../core/list.js';
import { listJson, listMarkdown, listTable } from '../../render/list.js';
import { makePaint } from '../../render/paint.js';
import { renderView } from '../view.js';
import type { ViewFormat } from '../../formats.js';

export async function list(ctx: Context, opts: { format: ViewFormat }): Promise<number> {
  const ds = await loadDataSet(ctx);
  const families = listFamilies(ds);
  const text = await renderView(opts.format, {
    table: async () => listTable(families, await makePaint(ctx.color), tableWidth(ctx)),
    json: () => listJson(families),
    markdown: () => listMarkdown(families),
  });
  ctx.io.stdout.write(text);
  return 0;
}
