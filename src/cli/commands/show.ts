import type { Context } from '../io.js';
import { findRole, loadDataSet, tableWidth } from '../data-set.js';
import { resolveRole } from '../../core/resolve.js';
import { nextRole } from '../../core/next.js';
import { showJsonText, showMarkdown, showTable } from '../../render/show.js';
import { makePaint } from '../../render/paint.js';
import { renderView } from '../view.js';
import type { ViewFormat } from '../../formats.js';

export async function show(
  ctx: Context,
  id: string,
  opts: { format: ViewFormat; own?: boolean; specialty?: string; ids?: boolean; next?: boolean },
): Promise<number> {
  const ds = await loadDataSet(ctx);
  const named = findRole(ds, id);
  const target = opts.next ? nextRole(ds, named) : named;
  id = target.id;
  const resolved = resolveRole(ds, target, { specialty: opts.specialty });
  const own = Boolean(opts.own);
  if (resolved.externalParent) {
    ctx.io.stderr.write(`ladder: ${id} extends ${resolved.externalParent.id}, which is defined outside this data set; its items are not shown\n`);
  }
  const text = await renderView(opts.format, {
    table: async () => showTable(resolved, own, await makePaint(ctx.color), tableWidth(ctx), Boolean(opts.ids)),
    json: () => showJsonText(resolved, own),
    markdown: () => showMarkdown(resolved, own, Boolean(opts.ids)),
  });
  ctx.io.stdout.write(text);
  return 0;
}
