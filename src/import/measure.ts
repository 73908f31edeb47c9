/**
 * How well an import did on a set of real pages (`npm run corpus`, and the corpus test). The checks
 * read the pages again with their own simple patterns instead of trusting the importer's bookkeeping:
 * - grade: every line that states a grade ("… is a grade 7", "[Grade 7]" in a table) must have its
 *   number on the role named by the nearest heading above it that names a role (else by the sentence);
 * - extends: every "Extends …"-style line under a role must have become an `extends` naming a role;
 * - load/lint: given by the caller (errors per family id).
 */
import type { ImportResult, PageInput } from './import-pages.js';

export interface PageRow {
  file: string;
  family: string | null;
  roles: number;
  gradeLines: number;
  gradeRight: number;
  extendsLines: number;
  extendsResolved: number;
  unplaced: number;
  errors: number;
}

export interface CorpusTotals {
  pages: number;
  /** Pages that gave a family (at least one role with a grade). */
  graded: number;
  /** Of those, families with no load or lint error. */
  clean: number;
  roles: number;
  gradeLines: number;
  gradeRight: number;
  extendsLines: number;
  extendsResolved: number;
  extendsExternal: number;
  /** "Extends" lines under specialties or headings without a grade (no role to carry them). */
  extendsOutside: number;
  unplaced: number;
  notes: number;
}

export interface CorpusMeasure {
  rows: PageRow[];
  totals: CorpusTotals;
  misses: { grades: string[]; extends: string[]; outside: string[]; errors: string[] };
}

const norm = (t: string) =>
  t
    .replace(/\[([^\[\]]*)\]\([^()]*\)/g, '$1')
    .toLowerCase()
    .replace(/\(intermediate\)/g, '')
    .replace(/\bsr\.?(?=\s)/g, 'senior')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/(\w{3,})s\b/g, '$1')
    .trim();
const same = (title: string, name: string) => {
  const a = norm(title);
  const b = norm(name);
  return b !== '' && a !== '' && (a === b || a.endsWith(' ' + b) || b.startsWith(a + ' ') || a.startsWith(b + ' '));
};
const SECTION = /\s*(job grade|grade|responsibilities|requirements|performance indicators?)\s*$/i;
const GRADE_LINE = /\b(?:is|are)\s+(?:an?\s+)?(?:job\s+)?(?:\[\s*)?(?:grade\s*|level\s*)?\[?\s*(?:level\s*)?#?\s*(\d{1,2}(?:\.\d)?)\s*\]?/i;
const TABLE_GRADE = /^\s*\|\s*(.+?)\s*\|.*\[?grade\s*(\d{1,2})/i;
const EXTENDS_LINE = /^\s*(?:[*-]\s+)?(?:the\s+[^.]{0,80}?\s)?extends\s/i;

/** Measures an import of `inputs`; `lintErrors` maps a family id to its load/lint error messages. */
export function measureCorpus(inputs: readonly PageInput[], result: ImportResult, lintErrors: ReadonlyMap<string, string[]>): CorpusMeasure {
  const rows: PageRow[] = [];
  const totals: CorpusTotals = { pages: 0, graded: 0, clean: 0, roles: 0, gradeLines: 0, gradeRight: 0, extendsLines: 0, extendsResolved: 0, extendsExternal: 0, extendsOutside: 0, unplaced: 0, notes: 0 };
  const misses: CorpusMeasure['misses'] = { grades: [], extends: [], outside: [], errors: [] };
  for (const input of inputs) {
    const fam = result.families.find((f) => f.file === input.file)?.family;
    const stats = result.stats.find((s) => s.file === input.file);
    const reports = result.reports.filter((r) => r.file === input.file);
    const roles = fam ? Object.values(fam.roles) : [];
    // Whitespace collapsed per line: the patterns below then stay linear on any page.
    const lines = input.text.split(/\r?\n/).map((l) => (/\s\s/.test(l) ? l.replace(/\s+/g, ' ') : l));
    const row: PageRow = { file: input.file, family: fam?.id ?? null, roles: roles.length, gradeLines: 0, gradeRight: 0, extendsLines: 0, extendsResolved: 0, unplaced: reports.filter((r) => r.message.endsWith('(skipped)')).length, errors: 0 };
    lines.forEach((l, i) => {
      if (/^\s*#/.test(l)) return;
      let n: number;
      let names: string[] = [];
      const t = TABLE_GRADE.exec(l);
      const g = !t && /grade|compensation-calculator/i.test(l) ? GRADE_LINE.exec(l) : null;
      if (t) {
        n = Number(t[2]);
        const anchor = /\]\(#([^)]+)\)/.exec(t[1]);
        names = [t[1], ...(anchor ? [anchor[1].replace(/-/g, ' ')] : [])];
      } else if (g) {
        n = Number(g[1]);
        const subject = /^\s*(?:the\s+)?(.+?)\s+(?:role\s+)?(?:is|are)\s/i.exec(l.replace(/\[([^\[\]]*)\]\([^()]*\)/g, '$1'));
        if (subject) names.push(subject[1]);
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
      row.gradeLines++;
      if (roles.some((r) => r.grade === n && names.some((nm) => same(r.title, nm)))) row.gradeRight++;
      else misses.grades.push(`${input.file}:${i + 1}: grade ${n} (${names.map((x) => `"${x}"`).join(' / ')})`);
    });
    let external = 0;
    let outside = 0;
    for (const inh of stats?.inherits ?? []) {
      if (!/\bextends\b/i.test(inh.text)) continue;
      if (inh.place !== 'role') {
        outside++;
        misses.outside.push(`${input.file}:${inh.line}: in a ${inh.place}: ${inh.text.slice(0, 100)}`);
        continue;
      }
      row.extendsLines++;
      if (inh.outcome === 'role' || inh.outcome === 'copied' || inh.outcome === 'family') row.extendsResolved++;
      else {
        if (inh.outcome === 'external') external++;
        misses.extends.push(`${input.file}:${inh.line}: ${inh.outcome ?? 'not a role'}: ${inh.text.slice(0, 100)}`);
      }
    }
    // Lines that read like a phrase but that the importer did not take as one count as misses.
    lines.forEach((l, i) => {
      if (!fam || !EXTENDS_LINE.test(l) || (stats?.inherits ?? []).some((x) => x.line === i + 1)) return;
      row.extendsLines++;
      misses.extends.push(`${input.file}:${i + 1}: not recognised: ${l.trim().slice(0, 100)}`);
    });
    const errors = fam ? (lintErrors.get(fam.id) ?? []) : [];
    row.errors = errors.length;
    for (const e of errors) misses.errors.push(`${input.file}: ${e}`);
    totals.pages++;
    if (roles.length) totals.graded++;
    if (roles.length && errors.length === 0) totals.clean++;
    totals.roles += roles.length;
    totals.gradeLines += row.gradeLines;
    totals.gradeRight += row.gradeRight;
    totals.extendsLines += row.extendsLines;
    totals.extendsResolved += row.extendsResolved;
    totals.extendsExternal += external;
    totals.extendsOutside += outside;
    totals.unplaced += row.unplaced;
    totals.notes += reports.length;
    rows.push(row);
  }
  return { rows, totals, misses };
}
