import { join, relative, resolve, sep } from 'node:path';
import type { Context } from '../io.js';
import { DataError, UsageError } from '../../core/errors.js';
import { displayPath } from '../../io/files.js';
import { exists, findPages, partialsFor, readText } from '../../io/pages.js';
import { READ_CONCURRENCY, mapLimit } from '../../io/read.js';
import { isReservedName, writeFilesAtomic } from '../../io/atomic.js';

/** The file a family is written to: `<id>.yaml`, or `<id>_family.yaml` for a name Windows reserves (`con`, `aux`). */
export const familyFileName = (id: string) => (isReservedName(`${id}.yaml`) ? `${id}_family.yaml` : `${id}.yaml`);

/** `ladder import <page.md|dir>… [--out <dir>] [--force]` */
export async function importPages(ctx: Context, pages: string[], opts: { out?: string; force?: boolean }): Promise<number> {
  const { cwd } = ctx.io;
  const skipped: string[] = [];
  const files = await findPages(pages, cwd, skipped);
  for (const p of skipped) ctx.io.stderr.write(`ladder: ${p}\n`);
  if (files.length === 0) throw new UsageError(`no handbook pages (*.md, *.md.erb with \`layout: job_family_page\`) found in ${pages.join(', ')}`);
  if (!opts.out && files.length > 1) throw new UsageError(`${files.length} pages to import: pass --out <dir> to write one YAML file per family (stdout takes one page)`);

  // One module at a time: jest's ESM loader can fail on concurrent dynamic imports of shared modules.
  const { importPages: run, placeOf, sourceUrl, assembleHugoFamily } = await import('../../import/import-pages.js');
  const { familyYaml } = await import('../../import/family-yaml.js');
  const inputs = await mapLimit(files, READ_CONCURRENCY, async (f) => {
    const text = await readText(f.abs, f.display);
    if (f.levels) {
      const levels: { file: string; text: string }[] = [];
      for (const l of f.levels) levels.push({ file: displayPath(l, cwd), text: await readText(l, displayPath(l, cwd)) });
      const page = assembleHugoFamily({ file: f.display, text }, levels);
      if (page) return page;
    }
    const place = placeOf(f.abs, f.root);
    return { file: f.display, text, key: place?.key, source: place?.exact ? sourceUrl(place.key) : undefined, partial: await partialsFor(text, f, cwd) };
  });
  const result = run(inputs);
  for (const r of result.reports) ctx.io.stderr.write(`${r.file}:${r.line}: ${r.message}\n`);
  if (result.families.length === 0) throw new DataError('nothing to import: no page has a role with a grade');

  const { SCHEMA_DIR } = await import('../../io/schemas.js');
  const schemaFile = join(SCHEMA_DIR, 'family.schema.json');
  const outDir = opts.out ? resolve(cwd, opts.out) : cwd;
  const schemaPath = relative(outDir, schemaFile).split(sep).join('/');
  const outputs = result.families.map((f) => ({
    id: f.family.id,
    from: f.file,
    text: familyYaml(f.family, schemaPath, [`Imported by \`ladder import\` from ${f.family.source ?? relative(cwd, files.find((p) => p.display === f.file)?.abs ?? f.file).split(sep).join('/')}`]),
  }));
  await verify(outputs, ctx);

  if (!opts.out) {
    ctx.io.stdout.write(outputs[0].text);
    return 0;
  }
  const targets = outputs.map((o) => ({ ...o, name: familyFileName(o.id), path: join(outDir, familyFileName(o.id)) }));
  if (!opts.force) {
    const existing: string[] = [];
    for (const t of targets) if (await exists(t.path)) existing.push(displayPath(t.path, cwd));
    if (existing.length) throw new UsageError(`${existing.length === 1 ? `${existing[0]} exists` : `${existing.length} files exist (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', …' : ''})`}; pass --force to overwrite${existing.length === 1 ? ' it' : ' them'}`);
  }
  await writeFilesAtomic(outDir, targets, { force: Boolean(opts.force), cwd });
  const roles = outputs.reduce((n, o) => n + Object.keys(result.families.find((f) => f.family.id === o.id)!.family.roles).length, 0);
  ctx.io.stderr.write(`ladder: wrote ${targets.length} famil${targets.length === 1 ? 'y' : 'ies'} (${roles} roles) to ${displayPath(outDir, cwd)}; ${result.reports.length} note${result.reports.length === 1 ? '' : 's'} above\n`);
  return 0;
}

/** The generated YAML must load, lint without errors and resolve; otherwise nothing is written. */
async function verify(outputs: { id: string; from: string; text: string }[], ctx: Context): Promise<void> {
  const { verifyImport } = await import('../../import/verify.js');
  const { loadSchemaSupport } = await import('../../io/schemas.js');
  const { formatFindingLine } = await import('../report.js');
  const problems = verifyImport(outputs, await loadSchemaSupport()).map((f) => formatFindingLine(f));
  if (problems.length) {
    for (const p of problems) ctx.io.stderr.write(p + '\n');
    throw new DataError(`the imported YAML has ${problems.length} lint error${problems.length === 1 ? '' : 's'} (above); nothing was written. This is a bug in the importer: please report it with the page`);
  }
}
