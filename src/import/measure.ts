/**
 * How well an import did on a set of real pages (`npm run corpus`, and the corpus test). The checks
 * read the pages again with their own simple patterns instead of trusting the importer's bookkeeping:
 * - grade: every line that states a grade ("… is a grade 7", "[Grade 7]" in a table) must have its
 *   number on the role named by the nearest heading above it that names a role (else by the sentence);
 * - extends: every "Extends …"-style line under a role must have become an `extends` naming a role;
 * - load/lint: given by the caller (errors per family id).
 */
import type { ImportResult, PageInput } from './import-pages.js';
import type { FamilyObject } from './build-families.js';
import type { ImportReport } from '../handbook/draft.js';
import { placeholderOf } from '../core/placeholder.js';
import { readInherit } from '../handbook/sentences.js';
import { readAnnotation } from '../handbook/annotation.js';
import { decodeText } from '../handbook/neutralise.js';

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
  /** Bullets under Responsibilities / Requirements headings, and how many landed in that section. */
  bullets: Record<BulletSection, { found: number; placed: number; reported: number }>;
  /** Placeholder lines ("TBD") skipped, and placeholder items left in the YAML (should be 0). */
  placeholdersSkipped: number;
  placeholderItems: number;
  /** Levels (roles with a `level`) and `extends` in the imported family. */
  levels: number;
  extendsCount: number;
  grades: number;
}

export type BulletSection = 'responsibilities' | 'requirements';

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
  levels: number;
  extendsCount: number;
  placeholdersSkipped: number;
  placeholderItems: number;
  bullets: Record<BulletSection, { found: number; placed: number; reported: number }>;
  /** Pages where the bullets found and placed differ in a section. */
  bulletPagesOff: number;
  /** Families with a graded role, no lint error and every stated grade on the right role. */
  cleanAndGraded: number;
}

export interface CorpusMeasure {
  rows: PageRow[];
  totals: CorpusTotals;
  misses: { grades: string[]; extends: string[]; outside: string[]; errors: string[]; bullets: string[]; placeholders: string[] };
}

const norm = (t: string) =>
  decodeText(t)
    .replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1')
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
  const totals: CorpusTotals = {
    pages: 0,
    graded: 0,
    clean: 0,
    roles: 0,
    gradeLines: 0,
    gradeRight: 0,
    extendsLines: 0,
    extendsResolved: 0,
    extendsExternal: 0,
    extendsOutside: 0,
    unplaced: 0,
    notes: 0,
    levels: 0,
    extendsCount: 0,
    placeholdersSkipped: 0,
    placeholderItems: 0,
    bullets: { responsibilities: { found: 0, placed: 0, reported: 0 }, requirements: { found: 0, placed: 0, reported: 0 } },
    bulletPagesOff: 0,
    cleanAndGraded: 0,
  };
  const misses: CorpusMeasure['misses'] = { grades: [], extends: [], outside: [], errors: [], bullets: [], placeholders: [] };
  for (const input of inputs) {
    const fam = result.families.find((f) => f.file === input.file)?.family;
    const stats = result.stats.find((s) => s.file === input.file);
    const reports = result.reports.filter((r) => r.file === input.file);
    const roles = fam ? Object.values(fam.roles) : [];
    // Whitespace collapsed per line: the patterns below then stay linear on any page.
    const lines = input.text.split(/\r?\n/).map((l) => (/\s\s/.test(l) ? l.replace(/\s+/g, ' ') : l));
    const row: PageRow = {
      file: input.file,
      family: fam?.id ?? null,
      roles: roles.length,
      gradeLines: 0,
      gradeRight: 0,
      extendsLines: 0,
      extendsResolved: 0,
      unplaced: reports.filter((r) => r.message.endsWith('(skipped)')).length,
      errors: 0,
      bullets: { responsibilities: { found: 0, placed: 0, reported: 0 }, requirements: { found: 0, placed: 0, reported: 0 } },
      placeholdersSkipped: reports.filter((r) => r.message.startsWith('placeholder ')).length,
      placeholderItems: 0,
      levels: roles.filter((r) => r.level !== undefined).length,
      extendsCount: roles.filter((r) => r.extends !== undefined).length,
      grades: roles.filter((r) => typeof r.grade === 'number').length,
    };
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
        const subject = /^\s*(?:the\s+)?(.+?)\s+(?:role\s+)?(?:is|are)\s/i.exec(l.replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1'));
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
    if (fam) countBullets(input, lines, fam, reports, row, misses.bullets);
    for (const [where, text] of familyItems(fam)) {
      if (placeholderOf(text) === null) continue;
      row.placeholderItems++;
      misses.placeholders.push(`${input.file}: ${where}: ${JSON.stringify(text)}`);
    }
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
    totals.levels += row.levels;
    totals.extendsCount += row.extendsCount;
    totals.placeholdersSkipped += row.placeholdersSkipped;
    totals.placeholderItems += row.placeholderItems;
    let off = false;
    for (const k of BULLET_SECTIONS) {
      totals.bullets[k].found += row.bullets[k].found;
      totals.bullets[k].placed += row.bullets[k].placed;
      totals.bullets[k].reported += row.bullets[k].reported;
      if (row.bullets[k].found !== row.bullets[k].placed + row.bullets[k].reported) off = true;
    }
    if (off) totals.bulletPagesOff++;
    if (roles.length && errors.length === 0 && row.gradeRight === row.gradeLines) totals.cleanAndGraded++;
    rows.push(row);
  }
  return { rows, totals, misses };
}

const BULLET_SECTIONS: readonly BulletSection[] = ['responsibilities', 'requirements'];
// A heading names the section of the last section word in it, wherever it stands ("Requirements for
// X roles", "Additional Responsibilities Unique to …", "… Responsibilities Accounting Requirements");
// one that names nice-to-haves ("Nice-to-have Requirements") is not counted.
const NICE = /\b(?:nice[-\s]to[-\s]haves?|preferred|bonus)\b/i;
const SECTION_WORD = /\b(?:(responsibilities|responsibilties|expectations|job duties)|(requirements|requirments|qualifications))\b/gi;
const sectionOf = (heading: string): BulletSection | 'other' | undefined => {
  let kind: BulletSection | undefined;
  for (const m of heading.matchAll(SECTION_WORD)) kind = m[1] ? 'responsibilities' : 'requirements';
  return kind && NICE.test(heading) ? 'other' : kind;
};
const BULLET = /^\s*(?:[*+-]|\d{1,3}[.)])\s+(\S.*)$/;
const HEADING_LINE = /^ {0,3}(#{1,6})\s(.*)$/;
const key = (t: string) => t.replace(/\s+/g, ' ').trim().toLowerCase().slice(0, 80);

/** Every item text of a family with where it is: `responsibilities of <owner>` etc. */
function* familyItems(fam: FamilyObject | undefined): Generator<[string, string, string]> {
  if (!fam) return;
  const owners: [string, Record<string, unknown>][] = [[fam.id, fam], ...Object.entries(fam.roles)];
  for (const [id, s] of Object.entries((fam.specialties ?? {}) as Record<string, Record<string, unknown>>)) owners.push([`${fam.id}/${id}`, s]);
  for (const [owner, o] of owners) {
    for (const section of ['responsibilities', 'requirements', 'nice_to_haves', 'performance_indicators']) {
      for (const item of (o[section] ?? []) as (string | { text: string })[])
        yield [`${section} of ${owner}`, typeof item === 'string' ? item : item.text, section];
    }
  }
}

/**
 * Bullets under each Responsibilities / Requirements heading (up to the next heading as shallow as
 * it, or another section heading), and how many of them landed in that section of the family: as an
 * item, or as structure the importer recognised (an "Extends …" phrase, a reported placeholder).
 */
function countBullets(input: PageInput, lines: string[], fam: FamilyObject, reports: ImportReport[], row: PageRow, misses: string[]): void {
  const items = new Map<string, Set<string>>();
  for (const [, text, section] of familyItems(fam)) {
    if (!items.has(section)) items.set(section, new Set());
    items.get(section)!.add(key(text));
  }
  const inSection = (section: string, text: string) => {
    const set = items.get(section);
    if (!set) return false;
    const k = key(text);
    if (set.has(k)) return true;
    for (const t of set) if (t.startsWith(k)) return true;
    return false;
  };
  const skippedLines = new Set(reports.filter((r) => r.message.startsWith('placeholder ') || r.message.startsWith('table-of-contents')).map((r) => r.line));
  // Headings the importer reported as not a role (no grade anywhere): their bullets are reported on
  // stderr with the heading, not imported, and counted apart.
  const notRoles = new Set(reports.filter((r) => / has no grade, so it is not a role;/.test(r.message)).map((r) => r.line));
  let notRole: number | null = null;
  let open: { kind: BulletSection | 'other'; depth: number } | null = null;
  lines.forEach((l, i) => {
    const h = HEADING_LINE.exec(l) ?? (/^\s*\*\*[^*].*\*\*\s*:?\s*$/.test(l) ? [l, '#######', l.replace(/\*\*/g, '')] : null);
    if (h) {
      const depth = h[1].length;
      if (notRole !== null && depth <= notRole) notRole = null;
      if (notRoles.has(i + 1)) notRole = depth;
      const text = h[2]
        .replace(/[*_]/g, '')
        .replace(/\s*#*\s*$/, '')
        .trim();
      const kind = sectionOf(text);
      if (kind) open = { kind, depth };
      else if (
        open &&
        (depth <= open.depth ||
          /\b(?:nice[-\s]to[-\s]haves?|preferred|bonus|performance indicators?|hiring process|job grade|career ladder|specialt|speciali[sz]ation)/i.test(
            text,
          ) ||
          Object.values(fam.roles).some((r) => same(r.title, text)))
      )
        open = null;
      return;
    }
    const b = open && open.kind !== 'other' ? BULLET.exec(l) : null;
    if (!b || !open || open.kind === 'other') return;
    const kind = open.kind;
    const text = decodeText(readAnnotation(b[1].trim()).text);
    row.bullets[kind].found++;
    if (notRole !== null) {
      row.bullets[kind].reported++;
      return;
    }
    const inherit = readInherit(text);
    if (inSection(kind, text) || skippedLines.has(i + 1) || placeholderOf(text) !== null || (inherit && inherit.whole)) {
      row.bullets[kind].placed++;
      return;
    }
    const other =
      BULLET_SECTIONS.concat([]).find((s) => s !== kind && inSection(s, text)) ??
      (['nice_to_haves', 'performance_indicators'] as const).find((s) => inSection(s, text));
    misses.push(`${input.file}:${i + 1}: ${kind} bullet ${other ? `landed in ${other}` : 'not found in the family'}: ${text.slice(0, 80)}`);
  });
}
