/**
 * Titles, ids and the fuzzy matching that finds "the Senior Technical Instructional Designer",
 * "Sr. Manager of …" or "the Techincal Instructor" among the roles of a page or of the imported set.
 */
import { distance } from 'fastest-levenshtein';
import { linkPattern } from './linear-text.js';

const MAX_ID = 64;

/** Kebab-case id of a title (SPEC §1.1): accents folded, anything but letters and digits a separator. */
export function kebab(title: string): string {
  // Link targets never become part of an id.
  const id = stripLinks(title)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b|['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id === '' ? 'role' : id;
}

/** An id cut at a word to at most 64 characters (for specialties, whose headings may be sentences). */
export function shortId(id: string): string {
  if (id.length <= MAX_ID) return id;
  const cut = id.slice(0, MAX_ID + 1).lastIndexOf('-');
  return id.slice(0, cut > 20 ? cut : MAX_ID).replace(/-+$/, '');
}

/** Role id of a role title: the title without a trailing "(Intermediate)". */
export function roleIdOf(title: string): string {
  return kebab(title.replace(/\s*\(\s*intermediate\s*\)\s*$/i, ''));
}

/** Markdown link `[text](url)` → its text. */
export function stripLinks(text: string): string {
  return text.replace(linkPattern(), '$1').replace(/[{}]/g, '');
}

const ABBREVIATIONS: Record<string, string> = {
  sr: 'senior',
  jr: 'junior',
  vp: 'vice president',
  svp: 'senior vice president',
  mgr: 'manager',
  eng: 'engineer',
  dir: 'director',
  assoc: 'associate',
};

const FILLER = new Set(['the', 'a', 'an', 'of', 'and', 'for', 'role', 'roles', 'position', 'level', 'job', 'family', 'intermediate']);

const normalised = new Map<string, string>();

/** Comparable form of a title: links and punctuation gone, abbreviations expanded, fillers dropped. */
export function normaliseTitle(title: string): string {
  let n = normalised.get(title);
  if (n === undefined) {
    n = computeNormalised(title);
    // Titles repeat across a whole import; the cache is bounded so a long-lived process cannot grow it forever.
    if (normalised.size > 50_000) normalised.clear();
    normalised.set(title, n);
  }
  return n;
}

function computeNormalised(title: string): string {
  const words = stripLinks(title)
    .replace(/\((?:junior|intermediate|senior|associate|mid)\)/gi, ' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/’s\b|'s\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .flatMap((w) => (Object.hasOwn(ABBREVIATIONS, w) ? ABBREVIATIONS[w] : w).split(' '))
    .filter((w) => w !== '' && !FILLER.has(w));
  return words.join(' ');
}

export interface Named {
  title: string;
}

/**
 * The candidate a free-text name refers to. `strict`: the same normalised title, singular/plural or
 * abbreviations ("CSM"); `fuzzy`: the words of one within the other in order, or a few typos; `all`:
 * strict first, then fuzzy. Null when nothing is close or when two candidates are equally close.
 */
export function matchTitle<T extends Named>(name: string, candidates: readonly T[], mode: 'strict' | 'fuzzy' | 'all' = 'all'): T | null {
  const n = normaliseTitle(name);
  if (n === '') return null;
  const unique = (hits: T[]) => (hits.length >= 1 && hits.every((h) => normaliseTitle(h.title) === normaliseTitle(hits[0].title)) ? hits[0] : null);
  if (mode !== 'fuzzy') {
    const hit = matchStrict(n, candidates, unique);
    if (hit !== undefined || mode === 'strict') return hit ?? null;
  }
  return matchFuzzy(n, candidates, unique);
}

/** Same title up to case, punctuation, fillers, plural and abbreviations; undefined when nothing matches. */
function matchStrict<T extends Named>(n: string, candidates: readonly T[], unique: (hits: T[]) => T | null): T | null | undefined {
  const forms = (t: string) => {
    const norm = normaliseTitle(t);
    return [norm, norm.replace(/s\b/g, '')];
  };
  let hits = candidates.filter((c) => normaliseTitle(c.title) === n);
  if (hits.length) return unique(hits);
  const singular = n.replace(/s\b/g, '');
  hits = candidates.filter((c) => forms(c.title)[1] === singular);
  if (hits.length) return unique(hits);
  // Abbreviations inside the name: "Senior CSM" against "Senior Customer Success Manager".
  hits = candidates.filter((c) => expandAcronyms(n, c.title) === normaliseTitle(c.title));
  if (hits.length) return unique(hits);
  return undefined;
}

/** Near titles: the words of one within the other, in order, or a few typos. */
function matchFuzzy<T extends Named>(n: string, candidates: readonly T[], unique: (hits: T[]) => T | null): T | null {
  // Word sets: "Security Incident Response Engineer" in "Security Incident Response Team Engineer",
  // "thet Junior Technology Partner Manager" around "Junior Technology Partner Manager".
  const stem = (t: string) => t.split(' ').map((w) => w.replace(/(?:ing|s)$/, ''));
  // Order matters: "Manager, Content Marketing" is not "Content Marketing Manager".
  const within = (a: string[], b: string[]) => {
    let j = 0;
    for (const w of b) if (j < a.length && a[j] === w) j++;
    return j === a.length;
  };
  const target = stem(n);
  let bestSet: T[] = [];
  let bestExtra = Infinity;
  for (const c of candidates) {
    const words = stem(normaliseTitle(c.title));
    const inTitle = within(target, words);
    const inName = within(words, target);
    if (!inTitle && !inName) continue;
    const extra = Math.abs(words.length - target.length);
    // A name longer than the title may only add one stray word (a typo like "thet"), never a rank:
    // "Director, Stock Administrator" is not the "Stock Administrator".
    if (Math.min(words.length, target.length) < 2 || extra > (inTitle ? 2 : 1)) continue;
    if (!inTitle && target.some((w) => !words.includes(w) && RANKS.has(w))) continue;
    if (extra < bestExtra) {
      bestSet = [c];
      bestExtra = extra;
    } else if (extra === bestExtra) bestSet.push(c);
  }
  if (bestSet.length) return unique(bestSet);
  let best: T[] = [];
  let bestScore = Infinity;
  for (const c of candidates) {
    const t = normaliseTitle(c.title);
    const d = Math.min(distance(n, t), distance(n.replace(/(?:ing|s)\b/g, ''), t.replace(/(?:ing|s)\b/g, '')));
    const limit = Math.max(1, Math.floor(Math.max(n.length, t.length) / 10));
    if (d > limit) continue;
    if (d < bestScore) {
      best = [c];
      bestScore = d;
    } else if (d === bestScore) best.push(c);
  }
  return best.length ? unique(best) : null;
}

const RANKS = new Set([
  'director',
  'manager',
  'senior',
  'staff',
  'principal',
  'vice',
  'president',
  'lead',
  'head',
  'chief',
  'associate',
  'junior',
  'intern',
  'distinguished',
  'fellow',
]);

/** Replaces any word of `name` that is the initials of a run of words of `title` by those words. */
function expandAcronyms(name: string, title: string): string {
  const words = normaliseTitle(title).split(' ');
  return name
    .split(' ')
    .map((w) => {
      if (w.length < 2) return w;
      for (let i = 0; i + w.length <= words.length; i++) {
        const run = words.slice(i, i + w.length);
        if (run.map((x) => x[0]).join('') === w) return run.join(' ');
      }
      return w;
    })
    .join(' ');
}

const LEVEL_PREFIXES = [
  'Senior Vice President',
  'Vice President',
  'Senior Director',
  'Senior Manager',
  'Senior Principal',
  'Associate',
  'Junior',
  'Intermediate',
  'Senior',
  'Staff',
  'Principal',
  'Distinguished',
  'Fellow',
  'Lead',
  'Manager',
  'Director',
  'Chief',
  'VP',
  'Sr.',
  'Head',
  'Intern',
];

/** The level label a title implies ("Senior Manager, X" → "Senior Manager"; "X (Intermediate)" → "Intermediate"). */
export function levelOf(title: string): string | undefined {
  const plain = stripLinks(title)
    .trim()
    .replace(/^Sr\.?\s+/i, 'Senior ');
  const paren = /\((intermediate|senior|associate|junior|staff|principal|lead)\)\s*$/i.exec(plain);
  if (paren) return capitalise(paren[1]);
  for (const p of LEVEL_PREFIXES) {
    const re = new RegExp('^' + p.replace(/[.]/g, '\\.') + '\\b', 'i');
    if (re.test(plain)) return p === 'Sr.' ? 'Senior' : p === 'VP' ? 'Vice President' : p;
  }
  // "X Manager" / "Director of X" style titles carry their level at the end or start.
  const tail = /\b(Manager|Director|Engineer|Analyst|Specialist)\s*$/.exec(plain);
  if (tail && /^(Manager|Director)$/.test(tail[1])) return tail[1];
  return undefined;
}

function capitalise(w: string): string {
  return w[0].toUpperCase() + w.slice(1).toLowerCase();
}

/** GitLab's anchor slug of a heading ("Senior Manager, CSM" → "senior-manager-csm"). */
export function anchorOf(heading: string): string {
  return stripLinks(heading)
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .trim()
    .replace(/\s+/g, '-');
}
