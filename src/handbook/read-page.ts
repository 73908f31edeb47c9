/**
 * One handbook page → a draft family. Roles are found by what they contain (a grade sentence,
 * Responsibilities/Requirements sections under a title) rather than by heading depth, because real
 * pages put roles at every level, list "Levels" after the roles and use bold lines as headings.
 */
import { distance } from 'fastest-levenshtein';
import { emptySections, type Section } from '../core/model.js';
import { cleanHeading, parsePage, toLines, type Block, type SourceLine } from './markdown-blocks.js';
import { readGrade, readInherit, readLinks, readReportsTo } from './sentences.js';
import { readAnnotation } from './annotation.js';
import { anchorOf, levelOf, normaliseTitle, stripLinks } from './titles.js';
import type { Candidate, DraftItem, DraftPage, DraftRole, GradeRow, ImportReport, InheritNote } from './draft.js';
import { collapseSpaces, linkPattern, trimEndOf } from './linear-text.js';
import { placeholderOf } from '../core/placeholder.js';
import { sourceUrl } from './place.js';

export interface PageInput {
  /** The file name used in reports. */
  file: string;
  text: string;
  /** `<department>/<page>` for links between pages (`/job-families/<key>/`). */
  key?: string;
  source?: string;
  /** ERB partials by name ("job-families/sales/performance"), for `.md.erb` pages. */
  partial?: (name: string) => string | undefined;
  /** Overrides MAX_PARTIAL_CHARS (for tests). */
  maxPartialChars?: number;
  /** For a folder family: each level file's name (without `.md`) → the title of its heading. */
  levelTitles?: Record<string, string>;
  /** For a page assembled from several files: where a line of `text` came from (used in reports). */
  origin?: (line: number) => { file: string; line: number };
}

type SectionKind = Section | 'grade' | 'hiring' | 'career' | 'levels' | 'specialties' | 'grades-info';

interface HeadingClass {
  kind: SectionKind | 'title';
  /** Words before the section name ("Senior X Requirements" → "Senior X"). */
  prefix: string;
  /** "Requirements for all levels". */
  forAll: boolean;
}

const SECTION_NAMES: [RegExp, SectionKind][] = [
  [/^(?:job\s+)?grades$/i, 'grades-info'],
  [/^(?:job\s+)?grade$/i, 'grade'],
  [
    /^(?:key\s+|core\s+)?responsibilities$|^responsibilities\s*(?:&|and)\s*expectations$|^expectations$|^job\s+(?:duties|responsibilities)$/i,
    'responsibilities',
  ],
  [/^(?:minimum\s+|basic\s+|general\s+|key\s+)?(?:requirements|qualifications)$/i, 'requirements'],
  // "Nice-to-have Requirements", "Preferred Requirements": nice-to-haves, not requirements.
  [/^(?:nice[-\s]to[-\s]haves?|preferred)(?:\s+(?:requirements?|qualifications))?$|^bonus(?:\s+points)?$|^additional\s+skills$/i, 'nice_to_haves'],
  [/^performance\s+indicators?(?:\s*\((?:k?pis?)\))?$|^kpis?$/i, 'performance_indicators'],
  [/^hiring\s+process$/i, 'hiring'],
  [/^career\s+(?:ladder|path)$|^next\s+steps$/i, 'career'],
  [/^levels?$|^job\s+levels?$/i, 'levels'],
  [/^(?:speciali?t(?:y|ies)|speciali[sz]ations?|segments?)$/i, 'specialties'],
];
const TAIL =
  /(job\s+grades?|grades?|responsibilities|requirements|qualifications|nice[-\s]to[-\s]haves?|performance\s+indicators?|hiring\s+process|career\s+(?:ladder|path)|levels|speciali?t(?:y|ies)|speciali[sz]ations?|segments?)$/i;

/** Classifies a heading: a known section (possibly prefixed by a role or level name), else a title. */
export function classifyHeading(text: string): HeadingClass {
  const plain = collapseSpaces(stripLinks(text));
  const forAll = /\bfor\s+all\b|\ball\s+levels\b/i.test(plain);
  const core = plain.replace(/\s+(?:for\s+all(?:\s+levels|\s+roles)?|at\s+all\s+levels)$/i, '').replace(/^all\s+levels?\s*[-:]?\s*/i, '');
  for (const [re, kind] of SECTION_NAMES) if (re.test(core)) return { kind, prefix: '', forAll };
  // Misspelt section names ("Responsibilties", "Requirments") are still sections.
  const lower = core.toLowerCase();
  for (const [word, kind] of [
    ['responsibilities', 'responsibilities'],
    ['requirements', 'requirements'],
    ['qualifications', 'requirements'],
  ] as const) {
    if (lower.length > 8 && distance(lower, word) <= 2) return { kind, prefix: '', forAll };
  }
  const tail = TAIL.exec(core);
  // "Accounts Receivable AnalystJob Grade": the space before "Job Grade" lost.
  const glued = tail !== null && tail.index > 0 && /^Job\s/.test(tail[1]) && /[a-z]$/.test(core.slice(0, tail.index));
  if (tail && tail.index > 0 && (glued || /\s$/.test(core.slice(0, tail.index)))) {
    const name = tail[1];
    const prefix = cleanHeading(trimEndOf(core.slice(0, tail.index), ',:–-').trim());
    for (const [re, kind] of SECTION_NAMES) {
      if (re.test(name) && kind !== 'levels' && kind !== 'specialties' && kind !== 'grades-info')
        return { kind: kind === 'grade' ? 'grade' : kind, prefix: prefix.replace(/\s+job$/i, ''), forAll };
      if (re.test('job ' + name) && kind === 'grade') return { kind, prefix: prefix.replace(/\s+job$/i, ''), forAll };
    }
  }
  // The section name qualified after it: "Requirements for IT Security Engineer roles", "Base
  // Requirements Across All Levels", "Requirements (all levels)", "Additional Responsibilities Unique
  // to US Federal Include". The qualifier names no role of its own: the section is the open one's.
  const qualified = QUALIFIED.exec(core);
  if (qualified) return { kind: /^resp/i.test(qualified[1]) ? 'responsibilities' : 'requirements', prefix: '', forAll };
  return { kind: 'title', prefix: '', forAll };
}

// At most two words before the section name, then "(…" or a preposition: linear, anchored.
const QUALIFIED = /^(?:[a-z]+[ \t]+){0,2}?(responsibilities|requirements|qualifications)[ \t]*(?:\(|(?:for|across|at|in|of|unique[ \t]+to|include)\b)/i;

/** Headings that introduce the role above rather than a role of their own. */
const GENERIC = /^(?:the\s+)?(?:role|position|job|overview|role overview|about the role|job description|description|summary|what you'?ll do)$/i;

const LIST_SECTIONS: readonly SectionKind[] = ['responsibilities', 'requirements', 'nice_to_haves', 'performance_indicators'];
const isList = (k: SectionKind | undefined): k is Section => k !== undefined && LIST_SECTIONS.includes(k);
const LEVEL_ONLY = /^(?:intermediate|junior|associate|senior|staff|principal|lead|distinguished|manager|director|senior manager|senior director)$/i;

const SECTION_LABEL: Record<Section, string> = {
  responsibilities: 'Responsibilities',
  requirements: 'Requirements',
  nice_to_haves: 'Nice to haves',
  performance_indicators: 'Performance Indicators',
};
const JOB_NOUN =
  /\b(?:engineers?|managers?|directors?|analysts?|specialists?|designers?|developers?|architects?|officers?|counsel|president|administrators?|consultants?|partners?|representatives?|coordinators?|executives?|scientists?|writers?|accountants?|recruiters?|advocates?|owners?|strategists?|agents?|associates?|interns?|controllers?|paralegals?|researchers?|sourcers?|auditors?|leads?|heads?|chiefs?|fellows?)\b/i;

/** A heading that may name a role: a level word or a job noun ("Senior X", "Staff Incubation Engineer"). */
function roleLike(text: string): boolean {
  const t = stripLinks(text).trim();
  return LEVEL_ONLY.test(t) || levelOf(t) !== undefined || JOB_NOUN.test(t);
}

type Scope = { kind: 'family' } | { kind: 'candidate'; c: Candidate };

interface OpenSection {
  kind: SectionKind;
  depth: number;
  line: number;
  /** Items go to the family, whatever the scope ("for all levels"). */
  family: boolean;
}

// Matched on the line with its whitespace collapsed, so each `\s*` takes at most one character.
const PARTIAL_CALL = /^<%= ?partial ?\(? ?["']([^"']+)["'] ?(?:, ?:locals ?=> ?\{(.*)\})? ?\)? ?%>$/s;

/** The partials a page's ERB calls name (`<%= partial("job-families/x") %>`), in order, once each. */
export function partialNames(text: string): string[] {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.includes('partial')) continue;
    const m = /<%= ?partial ?\(? ?["']([^"']+)["']/.exec(collapseSpaces(line));
    if (m) names.add(m[1]);
  }
  return [...names];
}

/**
 * The most characters partials may add to one page: a page that includes a large partial many
 * times would otherwise grow without bound (100 calls of a 1.4 MB partial are 140 MB).
 */
export const MAX_PARTIAL_CHARS = 2_000_000;

/** Expands `<%= partial("name", :locals => { :roleName => "X" }) %>` lines; other ERB stays as is. */
function expandPartials(
  lines: SourceLine[],
  partial: PageInput['partial'],
  skip: (line: number, what: string) => void,
  limit = MAX_PARTIAL_CHARS,
): SourceLine[] {
  if (!partial) return lines;
  const out: SourceLine[] = [];
  let added = 0;
  let refused = 0;
  for (const l of lines) {
    const m = l.text.includes('partial') ? PARTIAL_CALL.exec(collapseSpaces(l.text)) : null;
    let text = m ? partial(m[1]) : undefined;
    if (m && text !== undefined && added + text.length > limit) {
      if (refused++ === 0)
        skip(
          l.line,
          `partial "${clip(m[1])}" not expanded: with its partials the page would pass ${limit.toLocaleString('en')} characters; this call and any later one over the limit`,
        );
      text = undefined;
    }
    if (!m || text === undefined) {
      out.push(l);
      continue;
    }
    added += text.length;
    const locals = new Map<string, string>();
    for (const lm of (m[2] ?? '').matchAll(/:(\w+) ?=> ?["']([^"']*)["']/g)) locals.set(lm[1], lm[2]);
    const expanded = text.replace(/<%=\s*(\w+)\s*%>/g, (all, name: string) => locals.get(name) ?? all);
    // The partial's lines are reported at the line that includes it.
    for (const t of toLines(expanded)) out.push({ text: t.text, line: l.line });
  }
  return out;
}

function newCandidate(title: string, line: number, depth: number, parent: Candidate | null, specialty: boolean): Candidate {
  return { title, line, depth, anchor: anchorOf(title), parent, specialty, summary: [], sections: emptySections<DraftItem>(), hiring: [], inherits: [] };
}

function gradeTable(rows: string[][], line: number): GradeRow[] | null {
  if (rows.length < 2) return null;
  const header = rows[0].map((c) => stripLinks(c).toLowerCase());
  const headerCol = header.findIndex((c) => /\bgrade\b/.test(c));
  // Rows linking each level to its own page under a one-column header ("| Levels |"), the grade in
  // a cell of its own: `| [Senior](senior-x) | [Grade 7](…) |`.
  const rowCol = (r: string[]) => r.findIndex((c) => /^grade\s*#?\d{1,2}(?:\.\d)?$/i.test(collapseSpaces(stripLinks(c))));
  if (headerCol < 0 && !(header.length === 1 && rows.slice(1).every((r) => r.length >= 2 && rowCol(r) >= 0))) return null;
  const out: GradeRow[] = [];
  rows.slice(1).forEach((r, i) => {
    const col = headerCol >= 0 ? headerCol : rowCol(r);
    const g = /(\d{1,2}(?:\.\d)?)/.exec(stripLinks(r[col] ?? ''));
    const nameCell = r.find((_c, j) => j !== col) ?? '';
    const link = [...nameCell.matchAll(linkPattern())].find((l) => l[2].startsWith('#') && l[2].length > 1);
    if (g) out.push({ name: stripLinks(nameCell).trim(), anchor: link?.[2].slice(1), grade: Number(g[1]), line: line + 1 + i + (rows.length > 1 ? 1 : 0) });
  });
  return out.length ? out : null;
}

/** Reads one page into a draft family (roles, items, references as text, reports). */
export function readPage(input: PageInput): DraftPage {
  const reports: ImportReport[] = [];
  const skip = (line: number, what: string) => reports.push({ file: input.file, line, message: `${what} (skipped)` });
  const lines = expandPartials(toLines(input.text), input.partial, skip, input.maxPartialChars);
  const { frontMatter, blocks } = parsePage(lines);
  const title = frontMatter.fields.title?.trim() || input.key?.split('/').pop()?.replace(/-/g, ' ') || 'Job family';
  const page: DraftPage = {
    file: input.file,
    // GitLab's own `canonical_path: "/job-families/<page>/"` (also written by `ladder export`, with the
    // host for a page of the current handbook) says where the page sits.
    key: canonicalPlace(frontMatter.fields.canonical_path)?.key ?? input.key,
    levelTitles: input.levelTitles,
    // A page without `layout:` is of the current handbook: a path alone means handbook.gitlab.com.
    source: input.source ?? canonicalPlace(frontMatter.fields.canonical_path, frontMatter.fields.layout === undefined)?.source,
    title,
    idHint: /^[a-z0-9]+(-[a-z0-9]+)*$/.test(frontMatter.fields.family_id ?? '') ? frontMatter.fields.family_id : undefined,
    line: 1,
    summary: [],
    sections: emptySections<DraftItem>(),
    hiring: [],
    careerLadder: [],
    careerLinks: [],
    roles: [],
    specialties: [],
    reports,
    gradeLines: new Map(),
    otherInherits: [],
  };
  const candidates: Candidate[] = [];
  const tables: GradeRow[] = [];
  let scope: Scope = { kind: 'family' };
  let section: OpenSection | null = null;
  let specialtiesDepth: number | null = null;
  let sawRole = false;

  const current = (): Candidate | null => (scope.kind === 'candidate' ? scope.c : null);
  const startCandidate = (t: string, line: number, depth: number): Candidate => {
    const cur = current();
    // Under "Specialties", an ungraded heading is a specialty; one with a grade is still a role.
    const specialty = specialtiesDepth !== null && depth >= specialtiesDepth;
    let parent: Candidate | null = cur && cur.specialty === specialty ? cur : null;
    while (parent && parent.depth >= depth) parent = parent.parent;
    const c = newCandidate(t, line, depth, parent, specialty);
    candidates.push(c);
    scope = { kind: 'candidate', c };
    return c;
  };

  const onHeading = (b: Extract<Block, { type: 'heading' }>) => {
    const cls = classifyHeading(b.text);
    // "### Specialties" followed by "### Paralegal (Corporate)": a specialty at the heading's own depth
    // (a job title without a level word); a level ("### Senior Paralegal") or a section ends them.
    const sameDepthSpecialty =
      specialtiesDepth !== null && b.depth === specialtiesDepth && cls.kind === 'title' && roleLike(b.text) && levelOf(stripLinks(b.text)) === undefined;
    if (specialtiesDepth !== null && b.depth <= specialtiesDepth && cls.kind !== 'specialties' && !sameDepthSpecialty) specialtiesDepth = null;
    if (cls.kind === 'specialties') {
      specialtiesDepth = b.depth;
      scope = { kind: 'family' };
      section = null;
      return;
    }
    if (cls.kind === 'title') {
      const open = section;
      // "### You've got the technical acumen" under "## Requirements": a sub-heading that groups the
      // section's items, not a role; the items stay in the section.
      if (open && isList(open.kind) && b.depth > open.depth && !roleLike(b.text)) {
        skip(b.line, `sub-heading "${clip(b.text)}" inside ${SECTION_LABEL[open.kind]} (its items are kept there)`);
        return;
      }
      const within =
        open &&
        b.depth > open.depth &&
        (open.kind === 'hiring' || open.kind === 'career' || open.kind === 'performance_indicators') &&
        (open.family || current() === null)
          ? open.kind
          : undefined;
      section = null;
      // Under "## Hiring Process", "### All Candidates" continues the section, unless it turns out to be a role.
      startCandidate(b.text, b.line, b.depth).within = within;
      return;
    }
    if (cls.kind === 'levels') {
      scope = { kind: 'family' };
      section = null;
      return;
    }
    let c = current();
    // Does the section belong to the open role, or does it close it?
    if (c) {
      const kind: SectionKind = cls.kind;
      // "X Performance Indicators" at the level of the X heading is still X's; an unprefixed one there is the page's.
      const names = (o: Candidate) =>
        cls.prefix !== '' && (normaliseTitle(cls.prefix) === normaliseTitle(o.title) || normaliseTitle(o.title).endsWith(normaliseTitle(cls.prefix)));
      const inside = (o: Candidate) =>
        b.depth > o.depth || (b.depth === o.depth && (((kind === 'grade' || isList(kind)) && kind !== 'performance_indicators') || names(o)));
      // A section shallower than a sub-heading belongs to the heading above that (a specialty's
      // "#### Requirements" after its "##### Additional responsibilities").
      // Depth is unreliable: "### Senior X" followed by "## Responsibilities" still describes Senior X when
      // X has a grade and no items of that kind yet.
      const fresh = cls.prefix === '' && c.grade !== undefined && isList(kind) && kind !== 'performance_indicators' && c.sections[kind].length === 0;
      let owner: Candidate | null = c;
      while (owner && !fresh && !inside(owner)) owner = owner.parent;
      c = owner;
      scope = c ? { kind: 'candidate', c } : { kind: 'family' };
    }
    const prefix = cls.prefix;
    if (prefix && !LEVEL_ONLY.test(prefix)) {
      const sameAsCurrent = c !== null && (normaliseTitle(prefix) === normaliseTitle(c.title) || normaliseTitle(c.title).endsWith(normaliseTitle(prefix)));
      if (c && sameAsCurrent && /\(intermediate\)/i.test(prefix) && !/\(intermediate\)/i.test(c.title)) c.title = prefix;
      // "Senior X Job Grade" with no "Senior X" heading: the section heading names a new role.
      if (cls.kind === 'grade' && !sameAsCurrent && (c === null || c.grade !== undefined)) {
        c = startCandidate(prefix, b.line, Math.max(0, b.depth - 1));
      }
      // "Specialties" followed directly by "X Responsibilities": the section names the specialty.
      if (specialtiesDepth !== null && !sameAsCurrent && c === null && b.depth > specialtiesDepth)
        c = startCandidate(prefix, b.line, b.depth - 1 > specialtiesDepth ? b.depth - 1 : b.depth);
    }
    if (c === null && cls.kind === 'grade' && scope.kind === 'family') {
      // A "Job Grade" section outside any role: the grade sentence will name the role.
      section = { kind: 'grade', depth: b.depth, line: b.line, family: false };
      return;
    }
    section = { kind: cls.kind, depth: b.depth, line: b.line, family: cls.forAll || c === null };
  };

  const addItem = (raw: string, line: number, isParagraph: boolean, lazy = false) => {
    const c = current();
    const kind = section?.kind;
    // kramdown's "* TOC" marker of a generated table of contents.
    if (!isParagraph && raw.trim() === 'TOC') return skip(line, 'table-of-contents marker "TOC"');
    const ann = isParagraph ? { text: raw, fields: null } : readAnnotation(raw);
    if (ann.error) reports.push({ file: input.file, line, message: `${ann.error}; kept the text only` });
    const text = ann.text;
    // "TBD", "Coming soon" in place of a section's content: not an item, not a summary.
    const placeholder = placeholderOf(text);
    if (placeholder !== null && kind !== 'career') return skip(line, `placeholder ${JSON.stringify(placeholder)}`);
    if (kind === 'grades-info' || (kind === 'grade' && !c)) {
      skip(line, `text under a grade heading: "${clip(text)}"`);
      return;
    }
    if (kind === 'grade' && c) {
      // Content under "Job Grade" (a missing Responsibilities heading, a "Market Justification"): kept with the role.
      if (isParagraph) c.summary.push(text);
      else c.sections.responsibilities.push({ text, line });
      return;
    }
    if (kind === 'hiring') {
      // A line without a marker after the steps is the section's closing prose ("Additional details …").
      if (isParagraph || lazy) return skip(line, `hiring-process prose: "${clip(text)}"`);
      (c && !section!.family ? c.hiring : page.hiring).push({ text, line });
      return;
    }
    if (kind === 'career') {
      page.careerLadder.push(text);
      page.careerLinks.push(...readLinks(text));
      return;
    }
    if (isParagraph && text.trimEnd().endsWith(':')) return skip(line, `introduction: "${clip(text)}"`);
    if (isList(kind)) {
      const list = c && !section!.family ? c.sections[kind] : page.sections[kind];
      // Lines of a paragraph inside a list section are items that lost their markers.
      if (isParagraph) {
        for (const [k, t] of text.split('\n').entries()) {
          const p = placeholderOf(t);
          if (p !== null) skip(line + k, `placeholder ${JSON.stringify(p)}`);
          else list.push({ text: t, line: line + k });
        }
      } else list.push(ann.fields ? { text, line, fields: ann.fields } : { text, line });
      return;
    }
    if (c) {
      if (isParagraph) c.summary.push(text);
      else c.sections.responsibilities.push({ text, line });
      return;
    }
    if (!sawRole && candidates.length === 0) {
      // The page's introduction, lists included (kept as markdown in the summary).
      if (isParagraph || page.summary.length === 0) page.summary.push(isParagraph ? text : `- ${text}`);
      else page.summary[page.summary.length - 1] += /^- /m.test(page.summary[page.summary.length - 1]) ? `\n- ${text}` : `\n\n- ${text}`;
      return;
    }
    skip(line, `${isParagraph ? 'paragraph' : 'list item'} outside any role or section: "${clip(text)}"`);
  };

  /** Structure sentences; returns true when the text was only structure and must not be kept. */
  const onSentences = (text: string, line: number, isParagraph: boolean): boolean => {
    const inGrade = section?.kind === 'grade';
    if (section?.kind === 'hiring' || section?.kind === 'career') return false;
    if (section?.kind === 'grades-info') {
      // "## Job Grades" then "The Contract Manager is a grade 6": the grade of the role of that name above.
      const g = isParagraph ? readGrade(text, false) : null;
      const target = g?.subject
        ? [...candidates].reverse().find((o) => o.grade === undefined && normaliseTitle(o.title) === normaliseTitle(g.subject!))
        : undefined;
      if (!g || !target) return false;
      target.grade = g.grade;
      target.gradeLine = line;
      page.gradeLines.set(line, g.grade);
      sawRole = true;
      return true;
    }
    // The line `ladder export` writes for `extends`, known by the parent's id in its comment and
    // not by a title parsed out of the sentence (a title may read like one: "Build labs. Own it").
    // Structure only: nothing in it is read as a grade or a "reports to" (the removed items' texts).
    // Titles there have "except" encoded, so the first ", except: " starts the removed items.
    {
      const c = current();
      const ann = c && /<!--/.test(text) ? readAnnotation(text) : null;
      const own = ann?.fields?.extends ? /^Extends the (.+) (responsibilities|requirements)$/s.exec(ann.text.split(', except: ')[0]) : null;
      if (c && own && ann?.fields?.extends) {
        c.extendsHint ??= ann.fields.extends;
        if (ann.fields.remove) c.remove = [...(c.remove ?? []), ...ann.fields.remove];
        const ref = readLinks(own[1])[0] ?? { name: own[1] };
        c.inherits.push({ target: { kind: 'named', ref }, sections: [own[2] as 'responsibilities' | 'requirements'], text: ann.text, line });
        return true;
      }
    }
    const g = isParagraph || inGrade ? readGrade(text, inGrade) : null;
    let consumed = false;
    if (g) {
      let c = current();
      if (c && c.grade !== undefined) {
        const named = g.subject && normaliseTitle(g.subject) !== normaliseTitle(c.title) && !normaliseTitle(c.title).endsWith(normaliseTitle(g.subject));
        if (named && section?.kind === 'grade') {
          // "The Senior X is a grade 7" listed under the Job Grade of X: a level of its own, which
          // the rest of the section does not describe; the open role stays open.
          const other = newCandidate(g.subject!, line, c.depth, null, false);
          other.grade = g.grade;
          other.gradeLine = line;
          candidates.push(other);
          page.gradeLines.set(line, g.grade);
          return true;
        }
        if (named) c = startCandidate(g.subject!, line, c.depth);
        else {
          skip(line, `second grade (${g.grade}) for "${c.title}", which already has grade ${c.grade}`);
          return true;
        }
      }
      if (!c) c = startCandidate(g.subject ?? page.title, line, Math.max(0, (section?.depth ?? 1) - 1));
      c.grade = g.grade;
      c.gradeLine = line;
      page.gradeLines.set(line, g.grade);
      sawRole = true;
      if (g.alternatives.length)
        reports.push({ file: input.file, line, message: `"${c.title}" is given grades ${[g.grade, ...g.alternatives].join(' and ')}; kept ${g.grade}` });
      // The grade sentence is structure; whatever follows it in the same paragraph is content.
      // Character references (`&#7;` of an encoded control character in a title) blanked, same length: their digits are not the grade.
      const plain = stripLinks(text).replace(/&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, (r) => ' '.repeat(r.length));
      // The number where it is stated ("grade 8"), not an "8" earlier in a title (an OSC 8 sequence, "Tier 8"); bounded gaps keep it linear.
      const num = String(g.grade).replace('.', '\\.');
      const stated = plain.search(new RegExp(`\\bgrade\\W{0,12}(?:level\\W{0,12})?${num}\\b`, 'i'));
      const at = stated >= 0 ? stated : plain.search(new RegExp(`\\b${num}\\b`));
      const end = plain.slice(Math.max(0, at)).search(/\.(?:\s|$)/);
      const rest = at < 0 || end < 0 ? '' : plain.slice(at + end + 1).trim();
      consumed = rest === '' || !/[a-z]{3}/i.test(rest);
      if (consumed) return true;
    }
    const c = current();
    const reports_ = readReportsTo(text);
    // The sentence `ladder export` writes for a reference it also gives by id: structure only.
    if (reports_ && c?.reportsToHint && !c.reportsTo && isParagraph && !text.includes('\n') && /^The .+ reports to the .+\.$/.test(text.trim())) {
      c.reportsTo = { ref: reports_, line };
      return true;
    }
    if (reports_) {
      if (c && !c.reportsTo) c.reportsTo = { ref: reports_, line };
      else if (!c && !page.familyReportsTo && !sawRole) page.familyReportsTo = { ref: reports_, line };
    }
    if (c) {
      // "Extends the X responsibilities, except: …" (written by `ladder export` for `remove`, with the
      // removed ids in its comment): the phrase is read without the exception.
      const ann = /<!--/.test(text) ? readAnnotation(text) : null;
      const bare = ann?.fields ? ann.text : text;
      const at = bare.toLowerCase().indexOf('except:');
      const except = at > 0 && /[\s,]/.test(bare[at - 1]) ? { index: trimEndOf(bare.slice(0, at), ',').length } : null;
      const inh = readInherit(except ? bare.slice(0, except.index) : bare);
      if (inh && except) {
        if (ann?.fields?.remove) c.remove = [...(c.remove ?? []), ...ann.fields.remove];
        else
          reports.push({
            file: input.file,
            line,
            message: `"${clip(bare.slice(except.index).replace(/^,?\s*/, ''))}": the items meant are not known by id; add them to \`remove\` by hand (skipped)`,
          });
      }
      if (inh) {
        const sections =
          isList(section?.kind) &&
          (section.kind === 'responsibilities' || section.kind === 'requirements') &&
          inh.sections.length === 2 &&
          !/requirement|responsibilit/i.test(text)
            ? [section.kind]
            : inh.sections;
        const note: InheritNote = { target: inh.target, sections, text, line };
        c.inherits.push(note);
        if (inh.whole || except) return true;
      }
    }
    return consumed;
  };

  for (const b of blocks) {
    switch (b.type) {
      case 'heading':
        onHeading(b);
        break;
      case 'paragraph':
      case 'item': {
        const isParagraph = b.type === 'paragraph';
        // Several grade sentences on consecutive lines ("The X is a grade 6.\nThe Senior X is a grade 7.") are one each.
        if (isParagraph && b.text.includes('\n') && b.text.split('\n').filter((t) => readGrade(t, true)).length > 1) {
          b.text.split('\n').forEach((t, k) => {
            if (!onSentences(t, b.line + k, true)) addItem(t, b.line + k, true);
          });
          break;
        }
        if (onSentences(b.text, b.line, isParagraph)) break;
        addItem(b.text, b.line, isParagraph, b.type === 'item' && b.lazy === true);
        break;
      }
      case 'table': {
        const rows = gradeTable(b.rows, b.line);
        if (rows) tables.push(...rows);
        else skip(b.line, `table of ${b.rows.length} rows`);
        break;
      }
      case 'other': {
        // `<!-- ladder: {"id": …} -->` under a role heading (written by `ladder export`): the role's id and level.
        const ann = /^<!--\s*ladder:/.test(b.text) ? readAnnotation('x ' + b.text) : null;
        const c = current();
        if (ann?.fields && c && section === null) {
          if (ann.fields.id) c.idHint = ann.fields.id;
          if (typeof (ann.fields as { level?: unknown }).level === 'string') c.levelHint = (ann.fields as { level: string }).level;
          if (ann.fields.extends) c.extendsHint = ann.fields.extends;
          if (ann.fields.reports_to) c.reportsToHint = ann.fields.reports_to;
          if (ann.fields.remove) c.remove = [...(c.remove ?? []), ...ann.fields.remove];
          break;
        }
        skip(b.line, ann?.error ? `${ann.error}` : `"${clip(b.text)}"`);
        break;
      }
    }
  }
  finish(page, candidates, tables, skip);
  return page;
}

function canonicalPlace(path: string | undefined, current = false): { key: string; source: string } | undefined {
  const m = /^(?:https?:\/\/(about|handbook)\.gitlab\.com)?\/job-families\/(.+?)\/?$/.exec(path?.trim() ?? '');
  return m ? { key: m[2], source: sourceUrl(m[2], m[1] === 'handbook' || (m[1] === undefined && current)) } : undefined;
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 70 ? one.slice(0, 67) + '…' : one;
}

const countItems = (c: { sections: Record<Section, DraftItem[]> }) => Object.values(c.sections).reduce((n, s) => n + s.length, 0);

/** Settles candidates into roles, base blocks and family content; resolves same-page "above"/level references. */
function finish(page: DraftPage, candidates: Candidate[], table: GradeRow[], skip: (line: number, what: string) => void): void {
  for (const c of candidates) {
    if (c.grade !== undefined) continue;
    const n = normaliseTitle(c.title);
    const row =
      table.find((r) => normaliseTitle(r.name) === n) ??
      table.find((r) => r.anchor && r.anchor === c.anchor) ??
      table.find((r) => LEVEL_ONLY.test(r.name) && r.name.toLowerCase() === levelOf(c.title)?.toLowerCase()) ??
      // "Intermediate": the level whose title is the family's own, with no level word.
      table.find((r) => /^intermediate$/i.test(r.name) && levelOf(c.title) === undefined && normaliseTitle(c.title) === normaliseTitle(page.title));
    if (row) {
      c.grade = row.grade;
      c.gradeLine = row.line;
      page.gradeLines.set(row.line, row.grade);
    }
  }
  // An ungraded heading inside a role is part of that role (e.g. "Market Justification").
  const merged = new Set<Candidate>();
  const specialties = new Set<Candidate>();
  const ignoreInherits = (c: Candidate, specialty: string) => {
    for (const n of c.inherits) {
      n.outcome = 'ignored';
      n.place = 'specialty';
      page.otherInherits.push(n);
      skip(n.line, `"${clip(n.text)}" in specialty "${specialty}": a specialty does not extend a role`);
    }
  };
  for (const c of candidates) {
    if (c.grade === undefined && c.specialty) {
      let p = c.parent;
      while (p && merged.has(p) && !specialties.has(p)) p = p.parent;
      // A sub-heading of a specialty is part of it, whatever it is called ("Additional
      // Responsibilities …", "What you'll do"), and so is a section at the sub-heading's depth after it
      // (a "#### Requirements" after "#### Additional Responsibilities …").
      if (p && specialties.has(p)) {
        ignoreInherits(c, p.title);
        mergeInto(p, { ...c, inherits: [] });
        merged.add(c);
        continue;
      }
    }
    if (c.grade === undefined && c.specialty && specialtyName(c.title)) {
      page.specialties.push({ title: c.title, line: c.line, summary: c.summary, sections: c.sections });
      merged.add(c);
      specialties.add(c);
      ignoreInherits(c, c.title);
      continue;
    }
    let p = c.parent;
    while (p && merged.has(p)) p = p.parent;
    // Only a role absorbs an ungraded sub-heading; under an ungraded group heading ("Support
    // Management Roles") each heading stays on its own, to be a role or reported.
    if (c.grade !== undefined || !p || p.grade === undefined) continue;
    mergeInto(p, c);
    merged.add(c);
  }
  const firstGraded = candidates.findIndex((c) => c.grade !== undefined);
  const groups = new Set(candidates.map((c) => c.parent).filter((p): p is Candidate => p !== null));
  const bases: { c: Candidate; used: boolean }[] = [];
  const roles: { c: Candidate; base: { c: Candidate; used: boolean } | null }[] = [];
  let lastBase: { c: Candidate; used: boolean } | null = null;
  candidates.forEach((c, i) => {
    if (merged.has(c)) return;
    if (c.grade !== undefined) {
      roles.push({ c, base: lastBase });
      lastBase = null;
      return;
    }
    if (c.within) {
      const items = [...Object.values(c.sections).flat(), ...c.hiring];
      if (c.within === 'hiring') page.hiring.push(...items);
      else if (c.within === 'performance_indicators') page.sections.performance_indicators.push(...items);
      else {
        const texts = [...c.summary, ...items.map((i) => i.text)];
        page.careerLadder.push(...texts);
        for (const t of texts) page.careerLinks.push(...readLinks(t));
      }
      skip(
        c.line,
        `heading "${clip(c.title)}" inside ${c.within === 'hiring' ? 'Hiring Process' : c.within === 'career' ? 'Career Ladder' : 'Performance Indicators'} (its items are kept there)`,
      );
      if (c.within !== 'career') for (const p of c.summary) skip(c.line, `paragraph under "${clip(c.title)}": "${clip(p)}"`);
      return;
    }
    // After a role: a heading with that role's title again ("## ESG Manager" after its Job Grade) or a
    // generic one ("## Role", "Overview") continues the role.
    const last = roles.length ? roles[roles.length - 1].c : null;
    const again = roles.find((r) => normaliseTitle(r.c.title) === normaliseTitle(c.title))?.c;
    const target = again ?? (last && GENERIC.test(c.title.trim()) ? last : null);
    if (target && firstGraded !== -1 && i > firstGraded) {
      mergeInto(target, c);
      return;
    }
    if (firstGraded === -1 || i < firstGraded) {
      const b = { c, used: false };
      if (countItems(c)) {
        bases.push(b);
        lastBase = b;
      } else page.summary.push(...c.summary);
      if (c.reportsTo && !page.familyReportsTo) page.familyReportsTo = c.reportsTo;
      // A heading that groups roles ("## Support Management Roles") is structure; any other empty one is reported.
      if (!countItems(c) && !c.summary.length && !groups.has(c)) skip(c.line, `heading "${clip(c.title)}" with no content`);
      return;
    }
    for (const n of c.inherits) {
      n.outcome = 'ignored';
      n.place = 'not-a-role';
      page.otherInherits.push(n);
    }
    const n = countItems(c) + c.summary.length;
    if (n) skip(c.line, `heading "${c.title}" has no grade, so it is not a role; its ${n} item${n === 1 ? '' : 's'} and paragraphs are not imported`);
    else if (!groups.has(c)) skip(c.line, `heading "${clip(c.title)}" with no content`);
  });
  const drafts: DraftRole[] = roles.map(({ c }) => ({
    title: fullTitle(c, page.title),
    line: c.line,
    anchor: c.anchor,
    level: c.levelHint ?? levelOf(fullTitle(c, page.title)),
    idHint: c.idHint,
    extendsHint: c.extendsHint,
    reportsToHint: c.reportsToHint,
    remove: c.remove,
    grade: c.grade!,
    summary: c.summary,
    sections: c.sections,
    hiring: c.hiring,
    reportsTo: c.reportsTo,
    inherits: c.inherits,
  }));
  // Same-page references: "outlined above", "the intermediate position", "the grade 8 manager level".
  roles.forEach(({ base }, i) => {
    const d = drafts[i];
    for (const note of d.inherits) {
      if (note.target.kind === 'above') {
        if (base) {
          for (const s of note.sections) d.sections[s] = [...base.c.sections[s], ...d.sections[s]];
          base.used = true;
          note.outcome = 'copied';
        } else if (i > 0 && d.extendsIndex === undefined) {
          d.extendsIndex = i - 1;
          note.outcome = 'role';
        } else if (i > 0) note.outcome = 'role';
        else note.outcome = 'family';
      } else if (note.target.kind === 'level' || note.target.kind === 'grade') {
        const t = note.target;
        let found = -1;
        for (let j = i - 1; j >= 0 && found < 0; j--) {
          const r = drafts[j];
          if (
            t.kind === 'grade'
              ? r.grade === t.grade
              : (r.level ?? (/\(intermediate\)/i.test(r.title) ? 'intermediate' : '')).toLowerCase() === t.level ||
                (t.level === 'intermediate' && r.level === undefined)
          )
            found = j;
        }
        if (found >= 0) {
          if (d.extendsIndex === undefined) d.extendsIndex = found;
          note.outcome = 'role';
        }
      }
    }
  });
  for (const b of bases) {
    if (b.used) continue;
    // A section nobody refers to ("Responsibilities" of the family before its levels) is family-wide.
    for (const s of Object.keys(b.c.sections) as Section[]) page.sections[s].push(...b.c.sections[s]);
    page.summary.push(...b.c.summary);
    page.hiring.push(...b.c.hiring);
  }
  for (const b of bases) if (b.used) page.summary.push(...b.c.summary);
  page.roles = drafts;
}

/**
 * Whether a heading under "Specialties" names a specialty: a name, not a sentence or a link ("What
 * it's like to work here at GitLab:", "How you'll grow in the role:").
 */
function specialtyName(title: string): boolean {
  const t = title.trim();
  return !t.endsWith(':') && !/\]\(/.test(t) && !/^(?:what|how|why|who|when|where|our|your|you|we|about|more|additional|relevant)\b/i.test(t);
}

/**
 * A role's title: the heading, without kramdown `{…}` attributes; a heading that is only a level
 * ("### Senior" under "## UX Researcher") is completed with the group heading or the page title.
 */
function fullTitle(c: Candidate, pageTitle: string): string {
  const t = (c.title.includes('{') ? collapseSpaces(c.title.replace(/\{[^{}]*\}/g, ' ')) : c.title.trim()) || c.title;
  if (!LEVEL_ONLY.test(t)) return t;
  const base = c.parent && c.parent.grade === undefined ? c.parent.title : pageTitle;
  return /^intermediate$/i.test(t) ? `${base} (Intermediate)` : `${t} ${base}`;
}

function mergeInto(p: Candidate, c: Candidate): void {
  p.summary.push(...c.summary);
  for (const s of Object.keys(c.sections) as Section[]) p.sections[s].push(...c.sections[s]);
  p.hiring.push(...c.hiring);
  p.inherits.push(...c.inherits);
  if (!p.reportsTo && c.reportsTo) p.reportsTo = c.reportsTo;
}
