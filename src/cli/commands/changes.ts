import type { Context } from '../io.js';
import { DataError, UsageError } from '../../core/errors.js';
import type { VersionFile, LoadedVersion } from '../../core/changes/index.js';
import { dataChoice, tableWidth } from '../data-set.js';
import { renderView } from '../view.js';
import type { ViewFormat } from '../../formats.js';

export interface ChangesCliOptions {
  format: ViewFormat;
  fromData?: string;
  toData?: string;
  own?: boolean;
  order?: boolean;
  role?: string[];
  family?: string[];
  exitCode?: boolean;
}

/** `<from>`, `<from>..<to>`, `..<to>`, `<from>..`: an empty side is HEAD, as in git; no `<to>`: the working tree. */
export function parseRange(range: string | undefined): { from: string; to: string | null } {
  if (range === undefined || range === '') return { from: 'HEAD', to: null };
  if (range.includes('...')) throw new UsageError(`\`${range}\`: the three-dot form is not supported; pass the merge base yourself: $(git merge-base A B)..B`);
  const at = range.indexOf('..');
  if (at === -1) return { from: range, to: null };
  return { from: range.slice(0, at) || 'HEAD', to: range.slice(at + 2) || 'HEAD' };
}

interface Side {
  name: string;
  files: VersionFile[];
  /** False when a revision has no data set directory at all (every role counts as added/removed). */
  present: boolean;
}

async function gitSides(ctx: Context, range: string | undefined): Promise<[Side, Side]> {
  const git = await import('../../io/git.js');
  const { readDirectoryVersion } = await import('../../io/version-files.js');
  // The data set every command reads: --data, LADDER_DATA, `data:` of .ladderrc.yaml, else the bundled one.
  // Shown relative to the working directory; the git helpers resolve it against it again.
  const { displayPath } = await import('../../io/display.js');
  const dir = displayPath((await dataChoice(ctx)).dir, ctx.io.cwd);
  const { from, to } = parseRange(range);
  const loc = await git.locateRepository(dir, ctx.io.cwd);
  const commits: string[] = [];
  const revision = async (rev: string): Promise<Side> => {
    const commit = await git.resolveCommit(loc, rev);
    commits.push(commit);
    const r = await git.readRevision(loc, rev, commit);
    for (const p of r.problems) ctx.io.stderr.write(`ladder: ${p}\n`);
    return { name: rev, files: r.files, present: r.found };
  };
  const a = await revision(from);
  let b: Side;
  if (to === null) {
    const w = await readDirectoryVersion(dir, ctx.io.cwd);
    for (const p of w.problems) ctx.io.stderr.write(`ladder: ${p}\n`);
    b = { name: 'working tree', files: w.files, present: true };
  } else {
    b = await revision(to);
    // `"$BASE..HEAD"` with BASE unset in CI reads as `..HEAD`: say so rather than report nothing silently.
    if (commits[0] === commits[1]) ctx.io.stderr.write(`ladder: ${from} and ${to} are the same commit (${commits[0].slice(0, 12)}); nothing to compare\n`);
  }
  if ((!a.present || !b.present) && !(await git.tracksDirectory(loc))) {
    throw new DataError(
      `${dir} is not tracked by git in ${loc.top}: \`git add\` and commit the data set first, or compare two directories with --from-data <dir> --to-data <dir>`,
    );
  }
  for (const s of [a, b])
    if (!s.present) ctx.io.stderr.write(`ladder: ${s.name} has no ${loc.prefix || 'files at the top of the repository'}; its roles count as none\n`);
  return [a, b];
}

async function directorySides(ctx: Context, fromDir: string, toDir: string): Promise<[Side, Side]> {
  const { readDirectoryVersion } = await import('../../io/version-files.js');
  const sides: Side[] = [];
  for (const dir of [fromDir, toDir]) {
    const r = await readDirectoryVersion(dir, ctx.io.cwd);
    for (const p of r.problems) ctx.io.stderr.write(`ladder: ${p}\n`);
    sides.push({ name: dir, files: r.files, present: true });
  }
  return [sides[0], sides[1]];
}

/** Refuses a version whose data has YAML or schema errors, with its findings (positioned in that version). */
function checkVersions(sides: [Side, Side], versions: [LoadedVersion, LoadedVersion]): void {
  const findings = versions.flatMap((v) => v.findings.filter((f) => f.level === 'error'));
  if (findings.length) {
    const bad = sides.filter((_, i) => versions[i].findings.some((f) => f.level === 'error')).map((s) => s.name);
    throw new DataError(
      `${bad.join(' and ')} ${bad.length === 1 ? 'has' : 'have'} data errors (${findings.length}); fix them (see \`ladder lint\`) before comparing`,
      findings,
    );
  }
  if (versions.every((v) => v.ds.families.length === 0)) {
    throw new DataError(`no job families found in ${sides[0].name} nor in ${sides[1].name} (expected *.yaml files with \`kind: family\`)`);
  }
}

/** The report of `ladder changes` (also what `ladder site --changes-since` renders as a page). */
export async function changesReport(ctx: Context, range: string | undefined, opts: Omit<ChangesCliOptions, 'format' | 'exitCode'>) {
  if ((opts.fromData === undefined) !== (opts.toData === undefined)) throw new UsageError('--from-data and --to-data go together: pass both directories');
  if (opts.fromData !== undefined && range !== undefined) throw new UsageError('pass either git revisions or --from-data/--to-data, not both');
  const sides = opts.fromData !== undefined ? await directorySides(ctx, opts.fromData, opts.toData!) : await gitSides(ctx, range);
  // One import at a time: concurrent dynamic imports of shared modules race in jest's ESM loader.
  const { loadSchemaSupport } = await import('../../io/schemas.js');
  const schemas = await loadSchemaSupport();
  const core = await import('../../core/changes/index.js');
  const versions = core.loadVersions(sides[0].files, sides[1].files, schemas);
  checkVersions(sides, versions);
  const report = core.computeChanges(versions[0].ds, versions[1].ds, {
    from: sides[0].name,
    to: sides[1].name,
    own: opts.own,
    order: opts.order,
    roles: opts.role,
    families: opts.family,
    sameFiles: versions[1].unchanged,
  });
  return report;
}

export async function changes(ctx: Context, range: string | undefined, opts: ChangesCliOptions): Promise<number> {
  const report = await changesReport(ctx, range, opts);
  const render = await import('../../render/changes.js');
  const text = await renderView(opts.format, {
    table: async () => {
      const { makePaint } = await import('../../render/paint.js');
      return render.changesTable(report, { paint: await makePaint(ctx.color), color: ctx.color, width: tableWidth(ctx) });
    },
    json: () => render.changesJsonText(report),
    markdown: () => render.changesMarkdown(report),
  });
  ctx.io.stdout.write(text);
  return opts.exitCode && report.roles.length > 0 ? 1 : 0;
}
