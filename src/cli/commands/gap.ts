import type { Context } from '../io.js';
import { DataError, UsageError } from '../../core/errors.js';
import { findRole, loadDataSet, tableWidth } from '../data-set.js';
import { formatFindingLine } from '../report.js';
import { compareFindings } from '../../core/findings.js';
import { renderView } from '../view.js';
import type { ViewFormat } from '../../formats.js';

export async function gap(
  ctx: Context,
  role: string | undefined,
  opts: { profile: string; next?: boolean; strict?: boolean; all?: boolean; format: ViewFormat },
): Promise<number> {
  if (role !== undefined && opts.next)
    throw new UsageError(`give either a role id or --next, not both (--next targets the level after the profile's \`role\`)`);
  if (role === undefined && !opts.next) throw new UsageError("give a role id, or --next to target the level after the profile's `role`");
  // One import at a time: concurrent dynamic imports of shared modules race in jest's ESM loader.
  const { readProfile, locateProfileWarnings } = await import('../../io/profile.js');
  const gapCore = await import('../../core/gap/index.js');
  const render = await import('../../render/gap.js');
  const { isWorksheetPath, readWorksheet } = await import('../../io/worksheet.js');
  const { resolveRole } = await import('../../core/resolve.js');
  const worksheet = isWorksheetPath(opts.profile);
  // A filled worksheet is matched to the requirements of the role named; it has no current role.
  if (worksheet && role === undefined)
    throw new UsageError('a worksheet has no current role: name the role (`ladder gap <role> --profile sheet.csv`) instead of --next');
  const yaml = worksheet ? null : await readProfile(opts.profile, ctx.io.cwd, ctx.io.readStdin);
  const sheet = worksheet ? await readWorksheet(opts.profile, ctx.io.cwd) : null;
  const ds = await loadDataSet(ctx);
  const target = role !== undefined ? findRole(ds, role) : gapCore.nextLevel(ds, yaml!.profile);
  const resolved = resolveRole(ds, target);
  let profile;
  let warnings;
  if (sheet) {
    const { profileFromWorksheet, WorksheetError } = await import('../../core/worksheet.js');
    try {
      ({ profile, findings: warnings } = profileFromWorksheet(sheet.file, sheet.records, resolved, ds.vocabulary));
    } catch (e) {
      if (e instanceof WorksheetError) throw new DataError(e.message);
      throw e;
    }
  } else {
    profile = yaml!.profile;
    warnings = locateProfileWarnings(yaml!, gapCore.profileWarnings(profile, ds));
  }
  for (const w of warnings.sort(compareFindings)) ctx.io.stderr.write(formatFindingLine(w) + '\n');
  if (resolved.externalParent)
    ctx.io.stderr.write(
      `ladder: ${target.id} extends ${resolved.externalParent.id}, which is defined outside this data set; its requirements are not checked\n`,
    );
  const result = gapCore.matchProfile(resolved, profile, ds.vocabulary);
  const text = await renderView(opts.format, {
    table: async () => {
      const { makePaint } = await import('../../render/paint.js');
      return render.gapTable(result, await makePaint(ctx.color), tableWidth(ctx), Boolean(opts.all));
    },
    json: () => render.gapJsonText(result),
    markdown: () => render.gapMarkdown(result, Boolean(opts.all)),
  });
  ctx.io.stdout.write(text);
  return gapCore.gapExitCode(result, Boolean(opts.strict));
}
