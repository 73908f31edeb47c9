import type { Context } from '../io.js';
import { findRole, loadDataSet, tableWidth } from '../data-set.js';
import { resolveRole } from '../../core/resolve.js';
import { nextRole } from '../../core/next.js';
import { showJsonText, showMarkdown, showTable } from '../../render/show.js';
import { makePaint } from '../../render/paint.js';

export async function show(ctx: Context, id: string, opts: { format: 'table' | 'json' | 'markdown'; own?: boolean; specialty?: string; next?: boolean }): Promise<number> {
  const ds = await loadDataSet(ctx);
  const named = findRole(ds, id);
  const target = opts.next ? nextRole(ds, named) : named;
  id = target.id;
  const resolved = resolveRole(ds, target, { specialty: opts.specialty });
  const own = Boolean(opts.own);
  if (resolved.externalParent) {
    ctx.io.stderr.write(`ladder: ${id} extends ${resolved.externalParent.id}, which is defined outside this data set; its items are not shown\n`);
  }
  const text = opts.format === 'json' ? showJsonText(resolved, own) : opts.format === 'markdown' ? showMarkdown(resolved, own) : showTable(resolved, own, await makePaint(ctx.color), tableWidth(ctx));
  ctx.io.stdout.write(text);
  return 0;
}
