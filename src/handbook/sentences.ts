/**
 * The sentences of a handbook page that state structure rather than content: "… is a grade 7",
 * "… reports to …", "Extends the … responsibilities", "has all the same requirements as … plus the
 * following". Each recogniser returns what it found, or null.
 */
import { collapseSpaces, linkPattern } from './linear-text.js';

/** A reference written in the text: a markdown link or a plain name. */
export interface TextRef {
  name: string;
  url?: string;
}

export interface GradeSentence {
  grade: number;
  /** Other grade numbers in the same sentence ("grade 11 or a grade 12"). */
  alternatives: number[];
  /** The subject of the sentence ("The Senior X is a grade 7" → "Senior X"), if there is one. */
  subject?: string;
}

const NUM = '(\\d{1,2}(?:\\.\\d)?)';
// "grade 7", "[grade #7]", "Grade [level 5]", "job grade [12]".
const GRADE_WORD = new RegExp(`\\bgrade\\s*\\[?\\s*(?:level\\s*)?#?\\s*${NUM}\\b`, 'gi');
// "is a [6](/handbook/…compensation-calculator…)": the number is the link text.
const BARE_LINK = new RegExp(`\\bis\\s+(?:an?\\s+)?(?:job\\s+)?\\[\\s*(?:level\\s*)?${NUM}\\s*\\]\\(`, 'i');

const plausible = (n: number) => n >= 1 && n <= 20;

/** A grade sentence: a grade number stated as the grade of something, not merely mentioned. */
export function readGrade(raw: string, inGradeSection: boolean): GradeSentence | null {
  // One space between words: every `\s*` below then takes at most one character (linear time).
  const text = collapseSpaces(raw);
  const found: number[] = [];
  for (const m of text.matchAll(GRADE_WORD)) if (plausible(Number(m[1]))) found.push(Number(m[1]));
  const bare = BARE_LINK.exec(text);
  if (bare && plausible(Number(bare[1])) && !found.length) found.push(Number(bare[1]));
  if (!found.length) return null;
  // Outside a "Job Grade" section only "X is a … grade N" states a grade; other mentions are prose.
  const stated = /\b(?:is|are|be)\s+(?:an?\s+)?(?:job\s+)?(?:\[\s*)?(?:grade|level|\d)/i.test(text) || /^\s*(?:\[?\s*)?grade\s*\[?\s*#?\d/i.test(text);
  if (!stated && !inGradeSection) return null;
  const subject = /^\s*(?:The\s+)?(.+?)\s+(?:role\s+|position\s+)?(?:is|are)\s+(?:an?\s+)?(?:job\s+)?(?:\[|grade|level|\d)/i.exec(stripMd(text));
  const s: GradeSentence = { grade: found[0], alternatives: found.slice(1).filter((g) => g !== found[0]) };
  if (subject && subject[1].length <= 120) s.subject = subject[1].replace(/[{}*]/g, '').trim();
  return s;
}

function stripMd(text: string): string {
  return text.replace(linkPattern(), '$1');
}

/** The first markdown link in a text. */
function firstLink(text: string): TextRef | null {
  const m = [...text.matchAll(linkPattern())].find((l) => l[1].trim() !== '');
  return m ? { name: m[1].trim(), url: m[2] } : null;
}

const LINK_AT_START = new RegExp('^' + linkPattern('').source);

/** A reference at the start of `rest`: a link, or words up to a clause boundary. */
function refAtStart(rest: string, stop: RegExp): TextRef | null {
  const t = rest.trim();
  const link = LINK_AT_START.exec(t);
  if (link && link[1].trim() !== '') return { name: link[1].trim(), url: link[2] };
  const m = stop.exec(t);
  const name = (m ? t.slice(0, m.index) : t).replace(/[*_`]/g, '').trim();
  if (name === '' || name.split(/\s+/).length > 10) return null;
  return { name };
}

const REPORTS = /\breports?\s+(?:directly\s+)?(?:(?:in)?to|the)\s+(?:the\s+|an?\s+|our\s+)?/i;

/** "… reports to the X" → X. */
export function readReportsTo(raw: string): TextRef | null {
  const text = collapseSpaces(raw);
  const m = REPORTS.exec(text);
  if (!m) return null;
  const rest = text.slice(m.index + m[0].length);
  // Titles are capitalised or linked: "reports to you", "reports to the hiring manager" name no role.
  if (!/^\s*(?:\[|[A-Z0-9])/.test(rest)) return null;
  const ref = refAtStart(
    rest,
    /[.:]\s|(?<!&(?:[a-z]{2,8}|#\d{1,7}|#x[0-9a-f]{1,6}));\s|[.;:]?$|,\s+(?:and|who|with|which|while|as|in)\b|,?\s+or\s|\s+(?:and|who|with|in order|to help|on|for|at)\s/i,
  );
  // "reports to the Director or VP, Alliances": a bare rank names no one in particular.
  return ref && !/^(?:the\s+)?(?:director|manager|vp|vice president|head|lead|senior director|senior manager)$/i.test(ref.name) ? ref : null;
}

export type InheritTarget = { kind: 'named'; ref: TextRef } | { kind: 'above' } | { kind: 'level'; level: string } | { kind: 'grade'; grade: number };

export interface InheritPhrase {
  target: InheritTarget;
  /** Which sections the phrase speaks of; both when it names neither or both. */
  sections: ('responsibilities' | 'requirements')[];
  /** True when the text is only the phrase (it is then structure, not an item). */
  whole: boolean;
}

const INHERIT =
  /\b(extends|has all (?:of )?the same|ha(?:s|ve) the same|shares? the same|sharing the same|adheres? to the same|in addition to (?:the|any|all)\b)/i;
// A comma ends the name only before a lower-case clause: "Director, Stock Administrator" is one title.
// A `;` that closes a character reference (`&amp;`, `&#38;`) is part of the name.
const STOP =
  /\s+(?:responsibilities|requirements|role|roles|position|expectations|in complexity|with the|through|plus|as an?|as the|and the|and is)\b|,(?=\s+[a-z])|(?<!\b(?:Sr|Jr|St|Mgr))\.|[:(]|(?<!&(?:[a-zA-Z]{2,8}|#\d{1,7}|#x[0-9a-fA-F]{1,6}));|$/;
const LEVEL_WORDS = /^(?:the\s+)?(intermediate|junior|associate|senior|staff|principal|lead|manager|director)(?:\s+(?:level|position|role|one))?\b/i;

/** Recognises an inheritance phrase ("Extends the X responsibilities", "… as the intermediate position plus the following"). */
export function readInherit(raw: string): InheritPhrase | null {
  const text = collapseSpaces(raw);
  const m = INHERIT.exec(text);
  if (!m) return null;
  const plain = stripMd(text);
  const mentions = (w: string) => new RegExp(`\\b${w}`, 'i').test(plain);
  let sections: InheritPhrase['sections'] = [];
  if (mentions('responsibilit')) sections.push('responsibilities');
  if (mentions('requirement')) sections.push('requirements');
  if (!sections.length) sections = ['responsibilities', 'requirements'];
  const after = text.slice(m.index + m[0].length);
  let target: InheritTarget | null = null;
  const verb = m[1].toLowerCase();
  if (verb === 'extends') {
    // "Extends that of the X Requirements", "extends the responsibilities of Sr. Manager of …", "extends the [X] role".
    const rest = after.replace(
      /^\s*(?:that(?:\s+of)?\s+)?(?:the\s+)?(?:(?:general\s+)?(?:responsibilities|requirements)(?:\s+and\s+(?:responsibilities|requirements))?\s+of\s+(?:the\s+)?)?/i,
      '',
    );
    if (/^(?:general\s+)?(?:responsibilities|requirements)\b/i.test(rest.trim())) target = { kind: 'above' };
    else target = namedOrLevel(rest);
  } else {
    // "has all the same responsibilities as the intermediate position plus …", "shares the same … outlined above",
    // "in addition to the requirements for a Senior X:".
    const as = /\b(?:as|for|of)\s+(?:the\s+|an?\s+|other\s+)?(?!(?:ones?|those)\b)/i.exec(after);
    const head = as ? after.slice(0, as.index) : after;
    if (as && !/\babove\b/i.test(head)) target = namedOrLevel(after.slice(as.index + as[0].length));
    else if (/\b(?:above|previous|preceding)\b/i.test(after)) target = { kind: 'above' };
    else if (as) target = namedOrLevel(after.slice(as.index + as[0].length));
    else if (/same\s+(?:responsibilities|requirements)/i.test(m[0] + after)) target = { kind: 'above' };
    if (target?.kind === 'named' && /^(?:ones?|those)\b/i.test(target.ref.name)) target = { kind: 'above' };
  }
  if (!target) return null;
  if (target.kind === 'named' && /\b(?:specialty|specialties|segment)\b/i.test(target.ref.name)) return null;
  const leftover = plain
    .replace(/^\s*(?:the\s+)?[^.]*?\b(?:role\s+)?(?=extends|has all|has the|have the|shares|share|sharing|adheres?|in addition)/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  // Only the phrase, perhaps with "plus the following:"; a longer sentence carries content of its own.
  const whole = leftover.length <= 160 && !/[.!?]\s+\S/.test(leftover.replace(/\b(?:Sr|e\.g|i\.e|etc)\./gi, ''));
  return { target, sections, whole };
}

function namedOrLevel(rest: string): InheritTarget | null {
  const t = rest.trim();
  const grade = /^(?:the\s+)?grade\s+(\d{1,2})\b/i.exec(t);
  if (grade) return { kind: 'grade', grade: Number(grade[1]) };
  const lv = LEVEL_WORDS.exec(t);
  if (
    lv &&
    (/^(?:the\s+)?\w+\s+(?:level|position|role|one)\b/i.test(t) ||
      /^(?:the\s+)?\w+\s*(?:$|[.:;]|\s+(?:responsibilities|requirements|expectations|plus|with))/i.test(t))
  ) {
    return { kind: 'level', level: lv[1].toLowerCase() };
  }
  if (/^(?:ones?|those)\b/i.test(t) || /^(?:above|previous)\b/i.test(t)) return { kind: 'above' };
  const link = /^(?:the\s+|an?\s+)?\[/.test(t) ? firstLink(t) : null;
  if (link) return { kind: 'named', ref: link };
  const body = t.replace(/^(?:the\s+|an?\s+)/i, '');
  // A name runs up to the section word when there is one ("Security Analyst, Trust and Safety responsibilities").
  const sectionWord = /\s+(?:responsibilities|requirements|requirement|role|roles|position|expectations|performance indicators)\b/i.exec(body);
  if (
    sectionWord &&
    !/[.;:]/.test(
      body
        .slice(0, sectionWord.index)
        .replace(/\b(?:Sr|Jr|St|Mgr|Mr|Ms)\./g, '')
        .replace(/&(?:[a-z]{2,8}|#\d{1,7}|#x[0-9a-f]{1,6});/gi, '&'),
    )
  ) {
    const ref = refAtStart(body.slice(0, sectionWord.index), /$/);
    if (ref) return { kind: 'named', ref };
  }
  const ref = refAtStart(body, STOP);
  return ref ? { kind: 'named', ref } : null;
}

/** Links in a text ("[Director, Professional Services](/job-families/sales/director-of-professional-services/)"). */
export function readLinks(text: string): TextRef[] {
  return [...text.matchAll(linkPattern())].filter((m) => m[1].trim() !== '').map((m) => ({ name: m[1].trim(), url: m[2] }));
}
