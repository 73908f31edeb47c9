import type { Context } from '../io.js';
import { loadDataSet, tableWidth } from '../data-set.js';
import { listFamilies } from '../../core/list.js';
import { listJson, listMarkdown, listTable } from '../../render/list.js';
import { makePaint } from '../../render/paint.js';

export async function list(ctx: Context, opts: { format: 'table' | 'json' | 'markdown' }): Promise<number> {
  const ds = await loadDataSet(ctx);
  const families = listFamilies(ds);
  const text = opts.format === 'json' ? listJson(families) : opts.format === 'markdown' ? listMarkdown(families) : listTable(families, await makePaint(ctx.color), tableWidth(ctx));
  ctx.io.stdout.write(text);
  return 0;
}
