// Measures the importer on a directory of real handbook pages (`npm run corpus -- <dir>`, after
// `npm run build`). All pages are imported together, as `ladder import <dir>` does, so references
// between pages resolve. One line per page, then totals; `--json` prints the numbers as JSON.
//
// The checks are in src/import/measure.ts (shared with test/import/corpus.test.ts); the YAML of every
// family is loaded and linted here, as `ladder import --out` would write it.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const dist = (p) => import(join(root, 'dist', p));

const args = process.argv.slice(2);
const json = args.includes('--json');
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) {
  process.stderr.write('usage: npm run corpus -- <directory of job-family pages> [--json]\n');
  process.exit(2);
}

const [{ importPages }, { findPages, pageInputs }, { measureCorpus }, { familyYaml }, { loadFile, buildDataSet }, { loadSchemaSupport }, { runLint }] =
  await Promise.all([
    dist('import/import-pages.js'),
    dist('io/pages.js'),
    dist('import/measure.js'),
    dist('import/family-yaml.js'),
    dist('core/load.js'),
    dist('io/schemas.js'),
    dist('core/lint/engine.js'),
  ]);

// The pages `ladder import <dir>` would read, read the same way (src/io/pages.ts).
// File names relative to the directory, as in the reports.
const cwd = resolve(dir);
const inputs = await pageInputs(await findPages(['.'], cwd), cwd);

const started = process.hrtime.bigint();
let result;
try {
  result = importPages(inputs);
} catch (e) {
  process.stderr.write(`importer crashed: ${e.stack}\n`);
  process.exit(1);
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;

const schemas = await loadSchemaSupport();
const loaded = result.families.map((f) => loadFile({ file: f.family.id + '.yaml', text: familyYaml(f.family, null) }, schemas));
const ds = buildDataSet(loaded);
const lintErrors = new Map();
for (const f of runLint(loaded, ds)) {
  if (f.level !== 'error') continue;
  const id = f.file.replace(/\.yaml$/, '');
  lintErrors.set(id, [...(lintErrors.get(id) ?? []), `${f.ruleId}: ${f.message}`]);
}

const { rows, totals, misses } = measureCorpus(inputs, result, lintErrors);

const pct = (a, b) => (b === 0 ? '100.0' : ((100 * a) / b).toFixed(1));
if (json) {
  process.stdout.write(JSON.stringify({ totals, ms: Math.round(ms), rows, misses }, null, 2) + '\n');
} else {
  const w = Math.min(60, Math.max(...rows.map((r) => r.file.length)));
  for (const r of rows) {
    const grades = `${r.gradeRight}/${r.gradeLines}`;
    const ext = `${r.extendsResolved}/${r.extendsLines}`;
    const b = (k) => `${r.bullets[k].placed}${r.bullets[k].reported ? `+${r.bullets[k].reported}r` : ''}/${r.bullets[k].found}`;
    process.stdout.write(
      `${r.file.padEnd(w)}  roles ${String(r.roles).padStart(2)}  grades ${String(r.grades).padStart(2)} (stated ${grades.padStart(5)})  levels ${String(r.levels).padStart(2)}  extends ${String(r.extendsCount).padStart(2)} (lines ${ext.padStart(5)})  placeholders ${r.placeholdersSkipped}  bullets resp ${b('responsibilities').padStart(7)} req ${b('requirements').padStart(7)}  unplaced ${String(r.unplaced).padStart(3)}  errors ${r.errors}${r.roles ? '' : '  (no graded role)'}\n`,
    );
  }
  const show = (title, list) => list.length && process.stdout.write(`\n${title} (${list.length}):\n${list.map((m) => '  ' + m).join('\n')}\n`);
  show('grade lines not on the right role', misses.grades);
  show('extends lines that did not become a resolving extends', misses.extends);
  show('"Extends" lines outside roles (specialties, headings without a grade; reported as skipped)', misses.outside);
  show('load/lint errors', misses.errors);
  show('bullets of a Responsibilities/Requirements section not placed in it', misses.bullets);
  show('placeholder items in the YAML', misses.placeholders);
  process.stdout.write(
    [
      '',
      `pages ${totals.pages}, with a graded role ${totals.graded}, clean (loads and lints with no errors) ${totals.clean} (${pct(totals.clean, totals.graded)} %)`,
      `roles ${totals.roles}; grade lines on the right role ${totals.gradeRight}/${totals.gradeLines} (${pct(totals.gradeRight, totals.gradeLines)} %)`,
      `"Extends"-style lines resolved to a role ${totals.extendsResolved}/${totals.extendsLines} (${pct(totals.extendsResolved, totals.extendsLines)} %), to an external entry ${totals.extendsExternal}; ${totals.extendsOutside} more stand under specialties or headings without a grade`,
      `families with a graded role that lint clean and carry every stated grade on the right role ${totals.cleanAndGraded}/${totals.graded} (${pct(totals.cleanAndGraded, totals.graded)} %)`,
      `levels ${totals.levels}; extends ${totals.extendsCount}; placeholders skipped ${totals.placeholdersSkipped}, imported as items ${totals.placeholderItems}`,
      `bullets placed/found: responsibilities ${totals.bullets.responsibilities.placed}/${totals.bullets.responsibilities.found}, requirements ${totals.bullets.requirements.placed}/${totals.bullets.requirements.found}; under headings without a grade (reported, not imported) ${totals.bullets.responsibilities.reported + totals.bullets.requirements.reported}; pages where placed + reported differ from found ${totals.bulletPagesOff}`,
      `lines reported as skipped ${totals.unplaced}; notes in all ${totals.notes}; import took ${Math.round(ms)} ms`,
      '',
    ].join('\n'),
  );
}
