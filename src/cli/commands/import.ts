import { join, relative, resolve, sep } from 'node:path';
import type { Context } from '../io.js';
import { DataError, UsageError } from '../../core/errors.js';
import { escapeText } from '../../core/escape-text.js';
import type { LoadedFile } from '../../core/load.js';
import { displayPath } from '../../io/files.js';
import { exists, findPages, pageInputs, readText, removeFiles } from '../../io/pages.js';
import { chooseDataDir, loadPaths } from '../../io/data.js';
import { isReservedName, writeFilesAtomic } from '../../io/atomic.js';

/** The file a family is written to: `<id>.yaml`, or `<id>_family.yaml` for a name Windows reserves (`con`, `aux`). */
export const familyFileName = (id: string) => (isReservedName(`${id}.yaml`) ? `${id}_family.yaml` : `${id}.yaml`);

export interface ImportOptions {
  out?: string;
  /** A data directory, or true for the configured data set. */
  into?: string | boolean;
  force?: boolean;
  renameOnClash?: boolean;
}

/** The comment line that marks a file written by `ladder import`, naming the page it came from. */
const HEADER = 'Imported by `ladder import` from ';

/** `ladder import <page.md|dir>… [--out <dir> | --into [<data dir>]] [--force] [--rename-on-clash]` */
export async function importPages(ctx: Context, pages: string[], opts: ImportOptions): Promise<number> {
  const { cwd } = ctx.io;
  if (opts.out !== undefined && opts.into !== undefined)
    throw new UsageError('pass either --out <dir> (a new set) or --into <data dir> (an existing data set), not both');
  if (opts.renameOnClash && opts.into === undefined) throw new UsageError('--rename-on-clash needs --into <data dir>');
  const skipped: string[] = [];
  const files = await findPages(pages, cwd, skipped);
  for (const p of skipped) ctx.io.stderr.write(`ladder: ${escapeText(p)}\n`);
  if (files.length === 0)
    throw new UsageError(
      `no handbook pages (*.md, *.md.erb with \`layout: job_family_page\`, or current-format pages with a \`title\`) found in ${pages.map(escapeText).join(', ')}`,
    );
  const into = opts.into === undefined ? undefined : resolve(cwd, typeof opts.into === 'string' ? opts.into : await configuredData(ctx));
  if (!opts.out && !into && files.length > 1)
    throw new UsageError(`${files.length} pages to import: pass --out <dir> to write one YAML file per family, or --into <data dir> (stdout takes one page)`);

  // One module at a time: jest's ESM loader can fail on concurrent dynamic imports of shared modules.
  const { importPages: run } = await import('../../import/import-pages.js');
  const { familyYaml } = await import('../../import/family-yaml.js');
  const inputs = await pageInputs(files, cwd);

  const outDir = into ?? (opts.out ? resolve(cwd, opts.out) : cwd);
  const { schemaDirReference } = await import('../../io/schemas.js');
  const { VERSION } = await import('../version.js');
  const schemaPath = `${schemaDirReference(outDir, VERSION)}/family.schema.json`;
  const sourceOf = (f: { file: string; family: Record<string, unknown> }) =>
    typeof f.family.source === 'string'
      ? f.family.source
      : relative(cwd, files.find((p) => p.display === f.file)?.abs ?? f.file)
          .split(sep)
          .join('/');

  // Into an existing data set: its roles and families are what references resolve to; files an
  // earlier import of the same pages wrote are replaced with --force (and refused without it).
  const target = into ? await loadTarget(ctx, into) : null;
  const options = (previous: ReadonlySet<string>) => ({
    known: target ? target.known.filter((k) => !previous.has(k.file)) : [],
    renameOnClash: opts.renameOnClash,
  });
  let result = run(inputs, options(new Set()));
  let previous = new Set<string>();
  if (target) {
    const sources = new Set(result.families.map((f) => HEADER + sourceOf(f)));
    previous = new Set(target.files.filter((f) => f.header !== undefined && sources.has(f.header)).map((f) => f.file));
    if (previous.size && !opts.force) {
      const list = [...previous].map((f) => displayPath(join(into!, f), cwd));
      throw new UsageError(
        `${list.length === 1 ? `${list[0]} was` : `${list.length} files (${list.slice(0, 3).join(', ')}${list.length > 3 ? ', …' : ''}) were`} written by an earlier import of the same page${list.length === 1 ? '' : 's'}; pass --force to replace exactly ${list.length === 1 ? 'it' : 'them'}; nothing was written`,
      );
    }
    if (previous.size) result = run(inputs, options(previous));
  }
  for (const r of result.reports) ctx.io.stderr.write(`${escapeText(r.file)}:${r.line}: ${escapeText(r.message)}\n`);
  if (result.families.length === 0) throw new DataError('nothing to import: no page has a role with a grade');
  if (result.clashes.length) {
    for (const c of result.clashes)
      ctx.io.stderr.write(
        `ladder: ${c.kind} id \`${escapeText(c.id)}\` from ${escapeText(c.page)} already exists in ${escapeText(displayPath(join(into!, c.file), cwd))}\n`,
      );
    throw new DataError(
      `${result.clashes.length} id${result.clashes.length === 1 ? '' : 's'} of the import already exist${result.clashes.length === 1 ? 's' : ''} in the data set (above); nothing was written. Pass --rename-on-clash to give the imported ones new ids`,
    );
  }

  const outputs = result.families.map((f) => ({ id: f.family.id, from: f.file, text: familyYaml(f.family, schemaPath, [HEADER + sourceOf(f)]) }));
  await verify(outputs, ctx, target ? target.loaded.filter((f) => !previous.has(f.file)) : []);

  if (!opts.out && !into) {
    ctx.io.stdout.write(outputs[0].text);
    return 0;
  }
  const targets = outputs.map((o) => ({ ...o, name: familyFileName(o.id), path: join(outDir, familyFileName(o.id)) }));
  const replacing = new Set([...previous].map((f) => join(outDir, f)));
  if (!opts.force) {
    const existing: string[] = [];
    for (const t of targets) if (await exists(t.path)) existing.push(displayPath(t.path, cwd));
    if (existing.length)
      throw new UsageError(
        `${existing.length === 1 ? `${existing[0]} exists` : `${existing.length} files exist (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', …' : ''})`}; pass --force to overwrite${existing.length === 1 ? ' it' : ' them'}; nothing was written`,
      );
  } else if (into) {
    // Into a data set, --force replaces only files the earlier import of these pages wrote.
    const foreign: string[] = [];
    for (const t of targets) if (!replacing.has(t.path) && (await exists(t.path))) foreign.push(displayPath(t.path, cwd));
    if (foreign.length)
      throw new UsageError(
        `${foreign.join(', ')} exist${foreign.length === 1 ? 's' : ''} and ${foreign.length === 1 ? 'was' : 'were'} not written by an import of these pages; nothing was written`,
      );
  }
  await writeFilesAtomic(outDir, targets, { force: Boolean(opts.force), cwd });
  // Files the earlier import wrote that this one no longer produces (a family renamed on the page).
  const stale = [...replacing].filter((p) => !targets.some((t) => t.path === p));
  if (stale.length) await removeFiles(stale);
  const roles = result.families.reduce((n, f) => n + Object.keys(f.family.roles).length, 0);
  ctx.io.stderr.write(
    `ladder: wrote ${targets.length} famil${targets.length === 1 ? 'y' : 'ies'} (${roles} roles) to ${escapeText(displayPath(outDir, cwd))}${stale.length ? `, removed ${stale.length} file${stale.length === 1 ? '' : 's'} of the earlier import` : ''}; ${result.reports.length} note${result.reports.length === 1 ? '' : 's'} above\n`,
  );
  return 0;
}

/** The data set as `ladder lint` chooses it: --data, LADDER_DATA, the config's `data:`, else the bundled one. */
async function configuredData(ctx: Context): Promise<string> {
  if (ctx.data ?? ctx.io.env.LADDER_DATA) return chooseDataDir(ctx.data, ctx.io.env);
  const { loadConfig } = await import('../../io/config.js');
  const { RULES } = await import('../../core/lint/registry.js');
  const config = await loadConfig(
    undefined,
    ctx.io.cwd,
    RULES.map((r) => r.id),
  );
  if (!config?.data) throw new UsageError('--into without a directory needs a configured data set (`data:` in .ladderrc.yaml, --data or LADDER_DATA)');
  return config.data;
}

interface Target {
  loaded: LoadedFile[];
  known: import('../../import/import-pages.js').KnownEntry[];
  /** Each file of the data set (relative to it) and its import header, if it has one. */
  files: { file: string; header?: string }[];
}

/** The data set imported into: it must load without errors. */
async function loadTarget(ctx: Context, dir: string): Promise<Target> {
  if (!(await exists(dir))) throw new UsageError(`${escapeText(displayPath(dir, ctx.io.cwd))}: no such data directory (\`ladder init\` creates one)`);
  const { ds, files: loaded, findings } = await loadPaths([dir], dir, { keepSources: true });
  const errors = findings.filter((f) => f.level === 'error');
  if (errors.length)
    throw new DataError(
      `the data set in ${escapeText(displayPath(dir, ctx.io.cwd))} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} first (see \`ladder lint\`); nothing was written`,
      errors,
    );
  const known: Target['known'] = [];
  for (const fam of ds.families) {
    known.push({ id: fam.id, title: fam.title, kind: 'family', file: fam.file, source: fam.source });
    for (const id of fam.roleIds) {
      const r = ds.roles.get(id)!;
      known.push({ id, title: r.title, kind: 'role', file: r.file, grade: r.grade });
    }
  }
  const files = await Promise.all(
    loaded.map(async (f) => {
      const text = await readText(join(dir, f.file), f.file).catch(() => '');
      const line = text.split('\n', 4).find((l) => l.startsWith('# ' + HEADER));
      return { file: f.file, header: line?.slice(2) };
    }),
  );
  return { loaded, known, files };
}

/**
 * The generated YAML must load, lint without errors and resolve, on its own or as part of the data
 * set it goes into (only errors the import brings count); otherwise nothing is written.
 */
async function verify(outputs: { id: string; from: string; text: string }[], ctx: Context, existing: LoadedFile[]): Promise<void> {
  const { loadFile, buildDataSet } = await import('../../core/load.js');
  const { loadSchemaSupport } = await import('../../io/schemas.js');
  const { runLint } = await import('../../core/lint/engine.js');
  const { formatFindingLine } = await import('../report.js');
  const schemas = await loadSchemaSupport();
  const taken = new Set(existing.map((f) => f.file));
  const name = (id: string) => (taken.has(`${id}.yaml`) ? `${id}.imported.yaml` : `${id}.yaml`);
  const loaded = outputs.map((o) => loadFile({ file: name(o.id), text: o.text }, schemas));
  const errorsOf = (files: LoadedFile[]) => runLint(files, buildDataSet(files)).filter((f) => f.level === 'error');
  const before = new Set(existing.length ? errorsOf(existing).map((f) => formatFindingLine(f)) : []);
  const problems = errorsOf([...existing, ...loaded])
    .map((f) => formatFindingLine(f))
    .filter((p) => !before.has(p));
  if (problems.length) {
    for (const p of problems) ctx.io.stderr.write(escapeText(p) + '\n');
    throw new DataError(
      existing.length
        ? `the imported YAML would give the data set ${problems.length} lint error${problems.length === 1 ? '' : 's'} (above); nothing was written`
        : `the imported YAML has ${problems.length} lint error${problems.length === 1 ? '' : 's'} (above); nothing was written. This is a bug in the importer: please report it with the page`,
    );
  }
}
