import type { Context } from '../io.js';
import { findRole, loadDataSet } from '../data-set.js';
import { formatFindingLine } from '../report.js';
import { compareFindings } from '../../core/findings.js';

export async function worksheet(ctx: Context, role: string, opts: { profile?: string; out?: string; force?: boolean }): Promise<number> {
  // One import at a time: concurrent dynamic imports of shared modules race in jest's ESM loader.
  const { readProfile, locateProfileWarnings } = await import('../../io/profile.js');
  const gapCore = await import('../../core/gap/index.js');
  const { resolveRole } = await import('../../core/resolve.js');
  const { worksheetRows } = await import('../../core/worksheet.js');
  const { worksheetCsv } = await import('../../render/worksheet.js');
  const profile = opts.profile !== undefined ? await readProfile(opts.profile, ctx.io.cwd) : null;
  const ds = await loadDataSet(ctx);
  const resolved = resolveRole(ds, findRole(ds, role));
  if (profile)
    for (const w of locateProfileWarnings(profile, gapCore.profileWarnings(profile.profile, ds)).sort(compareFindings))
      ctx.io.stderr.write(formatFindingLine(w) + '\n');
  if (resolved.externalParent)
    ctx.io.stderr.write(
      `ladder: ${role} extends ${resolved.externalParent.id}, which is defined outside this data set; its requirements are not in the worksheet\n`,
    );
  const text = worksheetCsv(worksheetRows(resolved, profile?.profile ?? null, ds.vocabulary));
  if (opts.out === undefined) {
    ctx.io.stdout.write(text);
    return 0;
  }
  const { writeOutput } = await import('../../io/worksheet.js');
  await writeOutput(opts.out, text, ctx.io.cwd, Boolean(opts.force));
  ctx.io.stderr.write(
    `ladder: wrote ${opts.out} (${resolved.sections.requirements.length} requirements); fill in your_years, your_skills and evidence, then run \`ladder gap ${role} --profile ${opts.out}\`\n`,
  );
  return 0;
}
