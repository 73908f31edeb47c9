import type { Context } from '../io.js';
import { findRole, loadDataSet, tableWidth } from '../data-set.js';
import { renderView } from '../view.js';
import type { ViewFormat } from '../../formats.js';

export async function diff(ctx: Context, from: string, to: string, opts: { format: ViewFormat; all?: boolean }): Promise<number> {
  const ds = await loadDataSet(ctx);
  // One import at a time: concurrent dynamic imports of shared modules race in jest's ESM loader.
  const { resolveRole } = await import('../../core/resolve.js');
  const { diffRoles } = await import('../../core/diff/index.js');
  const render = await import('../../render/diff.js');
  const roles = [findRole(ds, from), findRole(ds, to)].map((r) => resolveRole(ds, r));
  for (const r of roles) {
    if (r.externalParent) ctx.io.stderr.write(`ladder: ${r.role.id} extends ${r.externalParent.id}, which is defined outside this data set; its items are not compared\n`);
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
