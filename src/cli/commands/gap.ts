import type { Context } from '../io.js';
import { UsageError } from '../../core/errors.js';
import { findRole, loadDataSet, tableWidth } from '../data-set.js';
import { formatFindingLine } from '../report.js';
import { compareFindings } from '../../core/findings.js';
import { renderView } from '../view.js';
import type { ViewFormat } from '../../formats.js';

export async function gap(ctx: Context, role: string | undefined, opts: { profile: string; next?: boolean; strict?: boolean; format: ViewFormat }): Promise<number> {
  if (role !== undefined && opts.next) throw new UsageError(`give either a role id or --next, not both (--next targets the level after the profile's \`role\`)`);
  if (role === undefined && !opts.next) throw new UsageError('give a role id, or --next to target the level after the profile\'s `role`');
  // One import at a time: concurrent dynamic imports of shared modules race in jest's ESM loader.
  const { readProfile, locateProfileWarnings } = await import('../../io/profile.js');
  const gapCore = await import('../../core/gap/index.js');
  const render = await import('../../render/gap.js');
  const profile = await readProfile(opts.profile, ctx.io.cwd);
  const ds = await loadDataSet(ctx);
  const target = role !== undefined ? findRole(ds, role) : gapCore.nextLevel(ds, profile.profile);
  const { resolveRole } = await import('../../core/resolve.js');
  const resolved = resolveRole(ds, target);
  for (const w of locateProfileWarnings(profile, gapCore.profileWarnings(profile.profile, ds)).sort(compareFindings)) ctx.io.stderr.write(formatFindingLine(w) + '\n');
  if (resolved.externalParent) ctx.io.stderr.write(`ladder: ${target.id} extends ${resolved.externalParent.id}, which is defined outside this data set; its requirements are not checked\n`);
  const result = gapCore.matchProfile(resolved, profile.profile, ds.vocabulary);
  const text = await renderView(opts.format, {
    table: async () => {
      const { makePaint } = await import('../../render/paint.js');
      return render.gapTable(result, await makePaint(ctx.color), tableWidth(ctx));
    },
    json: () => render.gapJsonText(result),
    markdown: () => render.gapMarkdown(result),
  });
  ctx.io.stdout.write(text);
  return gapCore.gapExitCode(result, Boolean(opts.strict));
}
