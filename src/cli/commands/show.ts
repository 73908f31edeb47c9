import type { Context } from '../io.js';
import { findRole, loadDataSet, tableWidth } from '../data-set.js';
import { resolveRole } from '../../core/resolve.js';
import { showJsonText, showMarkdown, showTable } from '../../render/show.js';
import { makePaint } from '../../render/paint.js';

export async function show(ctx: Context, id: string, opts: { format: 'table' | 'json' | 'markdown'; own?: boolean; specialty?: string; ids?: boolean }): Promise<number> {
  const ds = await loadDataSet(ctx);
  const resolved = resolveRole(ds, findRole(ds, id), { specialty: opts.specialty });
  const own = Boolean(opts.own);
  if (resolved.externalParent) {
    ctx.io.stderr.write(`ladder: ${id} extends ${resolved.externalParent.id}, which is defined outside this data set; its items are not shown\n`);
  }
  const text = opts.format === 'json' ? showJsonText(resolved, own) : opts.format === 'markdown' ? showMarkdown(resolved, own, Boolean(opts.ids)) : showTable(resolved, own, await makePaint(ctx.color), tableWidth(ctx), Boolean(opts.ids));
  ctx.io.stdout.write(text);
  return 0;
}
