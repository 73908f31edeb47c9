/**
 * The self-assessment worksheet (`ladder worksheet`, read back by `gap --profile sheet.csv`): one row
 * per resolved requirement of a role, with what is asked in structure and empty answer columns,
 * prefilled from a profile when given. A filled worksheet is a profile: rows are matched to the
 * role's requirements by item id (else by requirement text), so reordering rows or adding columns
 * is harmless. Pure: rows in, rows out; the CSV text is made in src/render and read in src/io.
 */
import type { Finding, MessageData } from './findings.js';
import { normaliseText, type Vocabulary } from './model.js';
import type { ResolvedItem, ResolvedRole } from './resolve.js';
import { PROFILE_MESSAGES, Terms, unknownLevel, type Profile, type ProfileSkill } from './gap/profile.js';
import { formatMessage, unicodeEscape } from './messages.js';
import { SuggestionBudget } from './suggest-budget.js';

/** The columns, in the order written. Answers go in the last three. */
export const WORKSHEET_COLUMNS = [
  'item',
  'section',
  'requirement',
  'years',
  'area',
  'skills',
  'any_or_all',
  'level',
  'your_years',
  'your_skills',
  'evidence',
] as const;
export type WorksheetColumn = (typeof WORKSHEET_COLUMNS)[number];
export type WorksheetRow = Record<WorksheetColumn, string>;

/** A record as read from a CSV file: its cells and the 1-based line it starts on. */
export interface WorksheetRecord {
  cells: string[];
  line: number;
}

/** "python: advanced, sql" — skills with their level when stated. */
export function skillsCell(skills: readonly ProfileSkill[]): string {
  return skills.map((s) => (s.level ? `${s.name}: ${s.level}` : s.name)).join(', ');
}

/** The worksheet rows of a role, prefilled from `profile` when given. */
export function worksheetRows(role: ResolvedRole, profile: Profile | null, vocabulary: Vocabulary | null): WorksheetRow[] {
  const skillTerms = new Terms(vocabulary?.skills ?? null);
  const areaTerms = new Terms(vocabulary?.areas ?? null);
  const years = new Map<string, number>();
  const held = new Map<string, string | null>();
  const evidence = new Map<string, string>();
  if (profile) {
    for (const e of profile.experience) {
      const a = areaTerms.canonical(e.key);
      years.set(a, Math.max(years.get(a) ?? 0, e.years));
    }
    const levels = vocabulary?.levels ?? [];
    const ranks = new Map(levels.map((l, i) => [l, i]));
    const rank = (l: string | null) => (l === null ? -1 : (ranks.get(l) ?? -1));
    for (const s of profile.skills) {
      const id = skillTerms.canonical(s.name);
      // The highest level stated wins, as in gap; a level off the scale counts as not stated.
      if (!held.has(id) || rank(s.level) > rank(held.get(id)!)) held.set(id, rank(s.level) >= 0 ? s.level : null);
    }
    for (const e of profile.evidence) if (!evidence.has(normaliseText(e.key))) evidence.set(normaliseText(e.key), e.note);
  }
  return role.sections.requirements.map((item) => {
    const mode = item.skills?.all ? 'all' : item.skills?.any ? 'any' : '';
    const asked = mode ? item.skills![mode]! : [];
    const row: WorksheetRow = {
      item: item.id ?? '',
      section: 'requirements',
      requirement: item.text,
      years: item.years !== undefined ? String(item.years) : '',
      area: item.area ?? '',
      skills: asked.join(', '),
      any_or_all: mode,
      level: item.skills?.level ?? '',
      your_years: '',
      your_skills: '',
      evidence: '',
    };
    if (profile) {
      if (item.years !== undefined && item.area !== undefined) {
        const y = years.get(areaTerms.canonical(item.area));
        if (y !== undefined) row.your_years = String(y);
      }
      const mine = asked.filter((id) => held.has(skillTerms.canonical(id))).map((id) => ({ name: id, level: held.get(skillTerms.canonical(id)) ?? null }));
      row.your_skills = skillsCell(mine);
      row.evidence = (item.id !== null ? evidence.get(normaliseText(item.id)) : undefined) ?? evidence.get(normaliseText(item.text)) ?? '';
    }
    return row;
  });
}

export interface WorksheetProfile {
  profile: Profile;
  /** Positioned warnings (unknown item ids, unreadable numbers, unknown skills or levels). */
  findings: Finding[];
}

/** The words of the worksheet's own warnings; skill and level warnings are the profile's. */
const WORKSHEET_MESSAGES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'unknown-evidence': {
    unknownItem: 'item `{{id}}`{{hint}} names no requirement of {{role}}; the row is ignored',
    unknownText: 'the requirement text names no requirement of {{role}}; the row is ignored',
  },
  schema: { years: 'your_years `{{value}}` is not a number of years; the cell is ignored' },
};

/** A warning at a cell: its line and its field number (1 = the first column). */
function warning(file: string, line: number, column: number, ruleId: string, messageId: string, data: MessageData): Finding {
  const template = WORKSHEET_MESSAGES[ruleId]?.[messageId] ?? PROFILE_MESSAGES[ruleId]?.[messageId] ?? `(unknown message ${ruleId}/${messageId})`;
  return {
    file,
    line,
    column,
    endLine: line,
    endColumn: column,
    level: 'warning',
    ruleId,
    messageId,
    message: formatMessage(template, data),
    data,
    pointer: '',
  };
}

/** `name: level`, `name (level)` or `name`, separated by commas, semicolons or line breaks. */
function parseSkills(cell: string): ProfileSkill[] {
  const out: ProfileSkill[] = [];
  for (const part of cell.split(/[,;\n]/)) {
    const t = part.trim();
    if (!t) continue;
    const colon = t.indexOf(':');
    const open = t.endsWith(')') ? t.lastIndexOf('(') : -1;
    if (colon > 0) out.push({ name: t.slice(0, colon).trim(), level: t.slice(colon + 1).trim() || null });
    else if (open > 0) out.push({ name: t.slice(0, open).trim(), level: t.slice(open + 1, -1).trim() || null });
    else out.push({ name: t, level: null });
  }
  return out;
}

/**
 * A filled worksheet as a profile for `role`. The header row names the columns (any order, any
 * case; other columns are ignored); `item` or `requirement` must be there. Rows naming no
 * requirement of the role are warnings at their line, column 1 being the first field.
 * Throws `WorksheetError` (a message for the user) when the header is unusable.
 */
export function profileFromWorksheet(file: string, records: readonly WorksheetRecord[], role: ResolvedRole, vocabulary: Vocabulary | null): WorksheetProfile {
  const findings: Finding[] = [];
  const [head, ...rows] = records;
  if (!head) throw new WorksheetError(`${file}: empty worksheet; write one with \`ladder worksheet ${role.role.id} --out ${file}\``);
  const col = new Map<string, number>();
  head.cells.forEach((c, i) => {
    const name = c.trim().toLowerCase().replace(/\s+/g, '_');
    if (!col.has(name)) col.set(name, i);
  });
  if (!col.has('item') && !col.has('requirement')) {
    throw new WorksheetError(
      `${file}:${head.line}:1: the first row must name the columns (\`item\`, \`requirement\`, …, \`your_years\`, \`your_skills\`, \`evidence\`); write a worksheet with \`ladder worksheet ${role.role.id}\``,
    );
  }
  const cell = (r: WorksheetRecord, name: string) => {
    const i = col.get(name);
    return i === undefined ? '' : unprefixFormula(r.cells[i] ?? '').trim();
  };
  const colOf = (name: string) => (col.get(name) ?? 0) + 1;
  const byId = new Map<string, ResolvedItem>();
  const byText = new Map<string, ResolvedItem>();
  for (const item of role.sections.requirements) {
    if (item.id !== null) byId.set(item.id, item);
    // The worksheet shows control characters as escapes (as every output of ladder): match both spellings.
    for (const t of [item.text, controlsEscaped(item.text)]) if (!byText.has(normaliseText(t))) byText.set(normaliseText(t), item);
  }
  const skillTerms = new Terms(vocabulary?.skills ?? null);
  const levels = vocabulary?.levels ?? [];
  const levelSet = new Set(levels);
  let spellings: Set<string> | undefined;
  const profile: Profile = { file, name: null, role: null, experience: [], skills: [], skillsForm: 'map', evidence: [] };
  const budget = new SuggestionBudget();
  for (const r of rows) {
    if (r.cells.every((c) => c.trim() === '')) continue;
    const id = cell(r, 'item');
    const item = id ? byId.get(id) : byText.get(normaliseText(cell(r, 'requirement')));
    if (!item) {
      if (id)
        findings.push(warning(file, r.line, colOf('item'), 'unknown-evidence', 'unknownItem', { id, hint: budget.suggest(id, byId), role: role.role.id }));
      else findings.push(warning(file, r.line, colOf('requirement'), 'unknown-evidence', 'unknownText', { role: role.role.id }));
      continue;
    }
    const years = cell(r, 'your_years');
    if (years) {
      const n = Number(years.replace(',', '.'));
      if (!Number.isFinite(n) || n < 0) findings.push(warning(file, r.line, colOf('your_years'), 'schema', 'years', { value: years }));
      else if (item.area !== undefined) profile.experience.push({ key: item.area, years: n });
    }
    for (const s of parseSkills(cell(r, 'your_skills'))) {
      if (vocabulary && skillTerms.find(s.name) === null) {
        spellings ??= new Set(skillTerms.spellings());
        findings.push(warning(file, r.line, colOf('your_skills'), 'unknown-skill', 'skill', { skill: s.name, hint: budget.suggest(s.name, spellings) }));
      }
      if (s.level !== null && !levelSet.has(s.level)) {
        const u = unknownLevel(s.level, levels);
        findings.push(warning(file, r.line, colOf('your_skills'), 'unknown-skill', u.messageId, { ...u.data, skill: s.name }));
      }
      profile.skills.push(s);
    }
    const note = cell(r, 'evidence');
    if (note) profile.evidence.push({ key: item.id ?? item.text, note });
  }
  return { profile, findings };
}

/** A worksheet that cannot be read as one (exit 2). */
export class WorksheetError extends Error {}

const controlsEscaped = (s: string) => s.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, (c) => (c === '\t' ? ' ' : unicodeEscape(c)));

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell a spreadsheet would evaluate (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return)
 * is written with a leading apostrophe, which spreadsheets show as text; `unprefixFormula` undoes it.
 */
export function prefixFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function unprefixFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
