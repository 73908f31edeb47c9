// Measures the importer on a directory of real handbook pages (`npm run corpus -- <dir>`, after
// `npm run build`). All pages are imported together, as `ladder import <dir>` does, so references
// between pages resolve. One line per page, then totals; `--json` prints the numbers as JSON.
//
// The checks are in src/import/measure.ts (shared with test/import/corpus.test.ts); the YAML of every
// family is loaded and linted here, as `ladder import --out` would write it.
import { promises as fs } from 'node:fs';
import { join, relative } from 'node:path';
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

const [{ importPages, placeOf, sourceUrl }, { measureCorpus }, { familyYaml }, { loadFile, buildDataSet }, { loadSchemaSupport }, { runLint }] = await Promise.all([
  dist('import/import-pages.js'),
  dist('import/measure.js'),
  dist('import/family-yaml.js'),
  dist('core/load.js'),
  dist('io/schemas.js'),
  dist('core/lint/engine.js'),
]);

async function walk(d) {
  const out = [];
  for (const e of await fs.readdir(d, { withFileTypes: true })) {
    const full = join(d, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (/\.md(\.erb)?$/.test(e.name) && !e.name.startsWith('_')) out.push(full);
  }
  return out;
}

const files = (await walk(dir)).sort();
const inputs = [];
for (const abs of files) {
  const text = await fs.readFile(abs, 'utf8');
  if (!/^\s*layout:\s*["']?job_family_page/m.test(text.slice(0, 600))) continue;
  const place = placeOf(abs, dir);
  const key = place?.key;
  const partials = new Map();
  for (const m of text.matchAll(/<%=\s*partial\s*\(?\s*["']([^"']+)["']/g)) {
    const name = m[1].split('/').pop();
    for (const d of [join(abs, '..'), join(abs, '..', '..'), join(abs, '..', '..', '..')]) {
      const t = await fs.readFile(join(d, `_${name}.erb`), 'utf8').catch(() => undefined);
      if (t !== undefined) {
        partials.set(m[1], t);
        break;
      }
    }
  }
  inputs.push({ file: relative(dir, abs), text, key, source: key ? sourceUrl(key) : undefined, partial: (n) => partials.get(n) });
}

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
  const w = Math.max(...rows.map((r) => r.file.length));
  for (const r of rows) {
    const grades = `${r.gradeRight}/${r.gradeLines}`;
    const ext = `${r.extendsResolved}/${r.extendsLines}`;
    process.stdout.write(`${r.file.padEnd(w)}  roles ${String(r.roles).padStart(2)}  grades ${grades.padStart(5)}  extends ${ext.padStart(5)}  unplaced ${String(r.unplaced).padStart(3)}  errors ${r.errors}${r.roles ? '' : '  (no graded role)'}\n`);
  }
  const show = (title, list) => list.length && process.stdout.write(`\n${title} (${list.length}):\n${list.map((m) => '  ' + m).join('\n')}\n`);
  show('grade lines not on the right role', misses.grades);
  show('extends lines that did not become a resolving extends', misses.extends);
  show('"Extends" lines outside roles (specialties, headings without a grade; reported as skipped)', misses.outside);
  show('load/lint errors', misses.errors);
  process.stdout.write(
    [
      '',
      `pages ${totals.pages}, with a graded role ${totals.graded}, clean (loads and lints with no errors) ${totals.clean} (${pct(totals.clean, totals.graded)} %)`,
      `roles ${totals.roles}; grade lines on the right role ${totals.gradeRight}/${totals.gradeLines} (${pct(totals.gradeRight, totals.gradeLines)} %)`,
      `"Extends"-style lines resolved to a role ${totals.extendsResolved}/${totals.extendsLines} (${pct(totals.extendsResolved, totals.extendsLines)} %), to an external entry ${totals.extendsExternal}; ${totals.extendsOutside} more stand under specialties or headings without a grade`,
      `lines reported as skipped ${totals.unplaced}; notes in all ${totals.notes}; import took ${Math.round(ms)} ms`,
      '',
    ].join('\n'),
  );
}
