// Measures the importer on a directory of real handbook pages (`npm run corpus -- <dir>`, after
// `npm run build`). All pages are imported together, as `ladder import <dir>` does, so references
// between pages resolve. One line per page, then totals; `--json` prints the numbers as JSON.
//
// Checks made here independently of the importer's own bookkeeping:
// - grade: every line of the page that states a grade ("… is a grade 7", "[Grade 7]" in a table)
//   must have its number on the role named by the nearest heading above it (or by the sentence);
// - extends: every "Extends …"-style line must have become an `extends` that names a role of the set;
// - load/lint: the YAML of every family must load and lint with no errors.
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

const [{ importPages, pageKey, sourceUrl }, { familyYaml }, { loadFile, buildDataSet }, { loadSchemaSupport }, { runLint }] = await Promise.all([
  dist('import/import-pages.js'),
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
  const key = pageKey(abs, dir);
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
  lintErrors.set(f.file, [...(lintErrors.get(f.file) ?? []), `${f.ruleId}: ${f.message}`]);
}

const norm = (t) =>
  t
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/\(intermediate\)/g, '')
    .replace(/\bsr\.?(?=\s)/g, 'senior')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/(\w{3,})s\b/g, '$1')
    .trim();
const same = (title, name) => {
  const a = norm(title);
  const b = norm(name);
  return b !== '' && a !== '' && (a === b || a.endsWith(' ' + b) || b.startsWith(a + ' ') || a.startsWith(b + ' '));
};
const SECTION = /\s*(job grade|grade|responsibilities|requirements|performance indicators?)\s*$/i;
const GRADE_LINE = /\b(?:is|are)\s+(?:an?\s+)?(?:job\s+)?(?:\[\s*)?(?:grade\s*|level\s*)?\[?\s*(?:level\s*)?#?\s*(\d{1,2}(?:\.\d)?)\s*\]?/i;
const TABLE_GRADE = /^\s*\|\s*(.+?)\s*\|.*\[?grade\s*(\d{1,2})/i;

const rows = [];
const totals = { pages: 0, graded: 0, clean: 0, roles: 0, gradeLines: 0, gradeRight: 0, extendsLines: 0, extendsResolved: 0, extendsExternal: 0, extendsOutside: 0, unplaced: 0, notes: 0 };
const misses = { grades: [], extends: [], outside: [], errors: [] };
for (const input of inputs) {
  const fam = result.families.find((f) => f.file === input.file)?.family;
  const stats = result.stats.find((s) => s.file === input.file);
  const reports = result.reports.filter((r) => r.file === input.file);
  const unplaced = reports.filter((r) => r.message.endsWith('(skipped)')).length;
  const roles = fam ? Object.values(fam.roles) : [];
  const lines = input.text.split(/\r?\n/);
  let gradeLines = 0;
  let gradeRight = 0;
  lines.forEach((l, i) => {
    if (/^\s*#/.test(l)) return;
    let n;
    let names = [];
    const t = TABLE_GRADE.exec(l);
    const g = !t && /grade|compensation-calculator/i.test(l) ? GRADE_LINE.exec(l) : null;
    if (t) {
      n = Number(t[2]);
      const anchor = /\]\(#([^)]+)\)/.exec(t[1]);
      names = [t[1], ...(anchor ? [anchor[1].replace(/-/g, ' ')] : [])];
    } else if (g) {
      n = Number(g[1]);
      const subject = /^\s*(?:the\s+)?(.+?)\s+(?:role\s+)?(?:is|are)\s/i.exec(l.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'));
      if (subject) names.push(subject[1]);
      // The nearest heading above that names a role of the page decides (section headings such as
      // "Senior X Job Grade" count by their prefix).
      for (let j = i - 1; j >= 0; j--) {
        const h = /^\s*#{1,6}\s+(.*)$/.exec(lines[j]) ?? /^\s*\*\*(.+)\*\*\s*$/.exec(lines[j]);
        if (!h) continue;
        const name = h[1].replace(/\*\*/g, '').replace(SECTION, '').trim();
        if (name === '' || /^job$/i.test(name)) continue;
        if (roles.some((r) => same(r.title, name))) {
          names = [name];
          break;
        }
      }
    } else return;
    if (!(n >= 1 && n <= 20)) return;
    gradeLines++;
    const ok = roles.some((r) => r.grade === n && names.some((nm) => same(r.title, nm)));
    if (ok) gradeRight++;
    else misses.grades.push(`${input.file}:${i + 1}: grade ${n} (${names.map((x) => `"${x}"`).join(' / ')})`);
  });
  let extendsLines = 0;
  let extendsResolved = 0;
  let extendsExternal = 0;
  let outsideRoles = 0;
  for (const inh of stats?.inherits ?? []) {
    if (!/\bextends\b/i.test(inh.text)) continue;
    if (inh.place !== 'role') {
      // Under a specialty or an ungraded heading there is no role to carry `extends`; reported by the importer.
      outsideRoles++;
      misses.outside.push(`${input.file}:${inh.line}: in a ${inh.place}: ${inh.text.slice(0, 100)}`);
      continue;
    }
    extendsLines++;
    if (inh.outcome === 'role' || inh.outcome === 'copied' || inh.outcome === 'family') extendsResolved++;
    else {
      if (inh.outcome === 'external') extendsExternal++;
      misses.extends.push(`${input.file}:${inh.line}: ${inh.outcome ?? 'not a role'}: ${inh.text.slice(0, 100)}`);
    }
  }
  // Lines the importer did not see as a phrase but that read like one: they count as misses.
  lines.forEach((l, i) => {
    if (!/^\s*(?:[*-]\s+)?(?:the\s+[^.]{0,80}?\s)?extends\s/i.test(l)) return;
    if ((stats?.inherits ?? []).some((x) => x.line === i + 1)) return;
    if (!fam) return;
    extendsLines++;
    misses.extends.push(`${input.file}:${i + 1}: not recognised: ${l.trim().slice(0, 100)}`);
  });
  const errors = fam ? (lintErrors.get(fam.id + '.yaml') ?? []) : [];
  for (const e of errors) misses.errors.push(`${input.file}: ${e}`);
  totals.pages++;
  if (roles.length) totals.graded++;
  if (roles.length && errors.length === 0) totals.clean++;
  totals.roles += roles.length;
  totals.gradeLines += gradeLines;
  totals.gradeRight += gradeRight;
  totals.extendsLines += extendsLines;
  totals.extendsResolved += extendsResolved;
  totals.extendsExternal += extendsExternal;
  totals.extendsOutside += outsideRoles;
  totals.unplaced += unplaced;
  totals.notes += reports.length;
  rows.push({ file: input.file, family: fam?.id ?? null, roles: roles.length, grades: `${gradeRight}/${gradeLines}`, extends: `${extendsResolved}/${extendsLines}`, unplaced, errors: errors.length });
}

const pct = (a, b) => (b === 0 ? '100.0' : ((100 * a) / b).toFixed(1));
if (json) {
  process.stdout.write(JSON.stringify({ totals, ms: Math.round(ms), rows, misses }, null, 2) + '\n');
} else {
  const w = Math.max(...rows.map((r) => r.file.length));
  for (const r of rows) {
    process.stdout.write(`${r.file.padEnd(w)}  roles ${String(r.roles).padStart(2)}  grades ${r.grades.padStart(5)}  extends ${r.extends.padStart(5)}  unplaced ${String(r.unplaced).padStart(3)}  errors ${r.errors}${r.roles ? '' : '  (no graded role)'}\n`);
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
