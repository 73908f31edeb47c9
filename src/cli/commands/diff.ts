import type { Context } from '../io.js';
import { UsageError } from '../../core/errors.js';
import { findRole, loadDataSet, tableWidth } from '../data-set.js';
import { renderView } from '../view.js';
import type { ViewFormat } from '../../formats.js';

export async function diff(ctx: Context, from: string, to: string | undefined, opts: { format: ViewFormat; all?: boolean; next?: boolean }): Promise<number> {
  if (to !== undefined && opts.next) throw new UsageError('give either a target role or --next, not both (--next compares <from> with the level after it)');
  if (to === undefined && !opts.next)
    throw new UsageError('give the target role too (`ladder diff <from> <to>`), or --next to compare with the level after <from>');
  const ds = await loadDataSet(ctx);
  // One import at a time: concurrent dynamic imports of shared modules race in jest's ESM loader.
  const { resolveRole } = await import('../../core/resolve.js');
  const { diffRoles } = await import('../../core/diff/index.js');
  const render = await import('../../render/diff.js');
  const { nextRole } = await import('../../core/next.js');
  const fromRole = findRole(ds, from);
  const roles = [fromRole, to !== undefined ? findRole(ds, to) : nextRole(ds, fromRole)].map((r) => resolveRole(ds, r));
  for (const r of roles) {
    if (r.externalParent)
      ctx.io.stderr.write(`ladder: ${r.role.id} extends ${r.externalParent.id}, which is defined outside this data set; its items are not compared\n`);
  }
  const result = diffRoles(roles[0], roles[1]);
  const all = Boolean(opts.all);
  const text = await renderView(opts.format, {
    table: async () => {
      const { makePaint } = await import('../../render/paint.js');
      return render.diffTable(result, { paint: await makePaint(ctx.color), color: ctx.color, width: tableWidth(ctx), all });
    },
    json: () => render.diffJsonText(result),
    markdown: () => render.diffMarkdown(result, all),
  });
  ctx.io.stdout.write(text);
  return 0;
}
