/**
 * `diff` (SPEC §3): what changes between two resolved roles. Scalar fields are compared directly;
 * the items of each section are paired up, then classified as added, removed, changed or unchanged.
 *
 * Pairing, in this order, each item taking part in at most one pair:
 *  1. same section, same identity (id, else normalised text);
 *  2. same identity in another section (the item moved);
 *  3. same section, text similarity ≥ threshold, most similar pairs first;
 *  4. the same across sections.
 * A pair whose text and structure are equal and whose section did not change is unchanged; any other
 * pair is one changed item, with its word-level change and structured deltas. An item that moved
 * section is reported under the section it moved to, with a `section` delta.
 */
import { SECTIONS, type Section, type SkillsRequirement } from '../model.js';
import type { ResolvedItem, ResolvedRole } from '../resolve.js';
import { itemJson, type ItemJson } from '../show.js';
import { SIMILARITY_THRESHOLD, contentWords, dice, similarity } from './similarity.js';
import { diffText, type WordChange } from './words.js';

export const DIFF_FIELDS = ['title', 'family', 'ladder', 'level', 'grade', 'reports_to'] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

/** A scalar of the role that differs between the two levels. */
export interface FieldChange {
  field: DiffField;
  from: string | number | null;
  to: string | number | null;
}

/** A structured difference inside a changed item. */
export type Delta =
  | { field: 'section'; from: Section; to: Section }
  | { field: 'id' | 'area' | 'level'; from: string | null; to: string | null }
  | { field: 'years'; from: number | null; to: number | null }
  | { field: 'skills'; from: SkillsRequirement | null; to: SkillsRequirement | null };

/** How the two sides of a pair were found: same id, same normalised text, or similar text. */
export type MatchKind = 'id' | 'text' | 'similarity';

export interface ItemChange {
  from: ResolvedItem;
  to: ResolvedItem;
  match: MatchKind;
  /** Word similarity of the two texts, 0..1, rounded to two decimals. */
  similarity: number;
  words: WordChange[];
  deltas: Delta[];
}

export interface SectionDiff {
  /** Items of the target level with no counterpart, in its order. */
  added: ResolvedItem[];
  /** Items of the current level with no counterpart, in its order. */
  removed: ResolvedItem[];
  changed: ItemChange[];
  /** The target level's version of every unchanged item. */
  unchanged: ResolvedItem[];
}

export interface RoleDiff {
  from: ResolvedRole;
  to: ResolvedRole;
  fields: FieldChange[];
  sections: Record<Section, SectionDiff>;
}

export interface DiffOptions {
  /** Similarity (0..1) from which two items are one changed item; default SIMILARITY_THRESHOLD. */
  threshold?: number;
}

interface Slot {
  item: ResolvedItem;
  section: Section;
  /** Position in the role's whole item list, for a stable order. */
  order: number;
  pair: Slot | null;
  kind?: MatchKind;
}

function slots(r: ResolvedRole): Slot[] {
  const out: Slot[] = [];
  for (const s of SECTIONS) for (const item of r.sections[s]) out.push({ item, section: s, order: out.length, pair: null });
  return out;
}

function link(a: Slot, b: Slot, kind: MatchKind): void {
  a.pair = b;
  b.pair = a;
  a.kind = b.kind = kind;
}

/** Pairs free slots with equal identity; `sameSection` restricts to pairs within one section. */
function pairByIdentity(from: Slot[], to: Slot[], sameSection: boolean): void {
  // A queue per key, read with a cursor: thousands of items with one identity stay linear.
  const waiting = new Map<string, { list: Slot[]; next: number }>();
  for (const f of from) {
    if (f.pair) continue;
    const key = sameSection ? `${f.section}\n${f.item.identity}` : f.item.identity;
    const q = waiting.get(key);
    if (q) q.list.push(f);
    else waiting.set(key, { list: [f], next: 0 });
  }
  for (const t of to) {
    if (t.pair) continue;
    const key = sameSection ? `${t.section}\n${t.item.identity}` : t.item.identity;
    const q = waiting.get(key);
    if (!q || q.next >= q.list.length) continue;
    const f = q.list[q.next++];
    link(f, t, t.item.identity.startsWith('id:') ? 'id' : 'text');
  }
}

/**
 * Up to this many (from × to) free pairs, similarity pairing compares every pair. Two roles of a
 * real ladder have a few dozen items each, far below it; past it (thousands of items on each side)
 * the search is bounded, see `boundedCandidates`.
 */
export const EXHAUSTIVE_PAIRS = 250_000;
/** Past EXHAUSTIVE_PAIRS: entries of the word index visited per item, and candidates scored per item. */
export const INDEX_VISITS_PER_ITEM = 500;
export const CANDIDATES_PER_ITEM = 8;

type Candidate = [number, Slot, Slot];

// An item's words are also kept across calls: one resolved role is compared with many others (every
// pair of levels of a ladder, on a site). Callers must not change them.
const WORDS = new WeakMap<ResolvedItem, string[]>();
function itemWords(item: ResolvedItem): string[] {
  let w = WORDS.get(item);
  if (!w) WORDS.set(item, (w = contentWords(item.text)));
  return w;
}

/** Pairs free slots by text similarity, most similar first; ties keep document order. */
function pairBySimilarity(from: Slot[], to: Slot[], sameSection: boolean, threshold: number): void {
  const freeFrom = from.filter((f) => !f.pair);
  const freeTo = to.filter((t) => !t.pair);
  if (freeFrom.length === 0 || freeTo.length === 0) return;
  // Words are computed once per item, not once per pair.
  const words = new Map<Slot, string[]>();
  for (const s of freeFrom) words.set(s, itemWords(s.item));
  for (const s of freeTo) words.set(s, itemWords(s.item));
  const score = (f: Slot, t: Slot) => {
    const wf = words.get(f)!;
    const wt = words.get(t)!;
    return wf.length && wt.length ? dice(wf, wt) : similarity(f.item.text, t.item.text);
  };
  let candidates: Candidate[] = [];
  if (freeFrom.length * freeTo.length <= EXHAUSTIVE_PAIRS) {
    for (const f of freeFrom) {
      for (const t of freeTo) {
        if (sameSection && f.section !== t.section) continue;
        const sc = score(f, t);
        if (sc >= threshold) candidates.push([sc, f, t]);
      }
    }
  } else candidates = boundedCandidates(freeFrom, freeTo, words, sameSection, threshold, score);
  candidates.sort((a, b) => b[0] - a[0] || a[1].order - b[1].order || a[2].order - b[2].order);
  for (const [, f, t] of candidates) if (!f.pair && !t.pair) link(f, t, 'similarity');
}

/**
 * The candidate pairs of a large pairing, in time and memory linear in the number of items: an index
 * from each word to the target items holding it; for each source item its words are looked up rarest
 * first (a rare shared word is the best sign of the same item), visiting at most
 * INDEX_VISITS_PER_ITEM index entries, and the CANDIDATES_PER_ITEM targets sharing the most words are
 * scored. Items without content words pair only with an equal text. A pair this search misses is
 * reported as one removed and one added item, never lost.
 */
function boundedCandidates(
  freeFrom: Slot[],
  freeTo: Slot[],
  words: Map<Slot, string[]>,
  sameSection: boolean,
  threshold: number,
  score: (f: Slot, t: Slot) => number,
): Candidate[] {
  // Targets are numbered; per-target counters live in typed arrays, reset through a stamp.
  const index = new Map<string, number[]>();
  const bare = new Map<string, number[]>();
  freeTo.forEach((t, n) => {
    const w = words.get(t)!;
    const add = (m: Map<string, number[]>, key: string) => {
      const list = m.get(key);
      if (list) list.push(n);
      else m.set(key, [n]);
    };
    if (w.length === 0) add(bare, t.item.text.trim().toLowerCase());
    else for (const word of new Set(w)) add(index, word);
  });
  const shared = new Int32Array(freeTo.length);
  const metAt = new Int32Array(freeTo.length);
  const stamp = new Int32Array(freeTo.length);
  const out: Candidate[] = [];
  freeFrom.forEach((f, fn) => {
    const w = words.get(f)!;
    if (w.length === 0) {
      const n = bare.get(f.item.text.trim().toLowerCase())?.find((x) => !sameSection || freeTo[x].section === f.section);
      if (n !== undefined) out.push([1, f, freeTo[n]]);
      return;
    }
    const lists = rarestFirst(w, index);
    const touched: number[] = [];
    let visits = 0;
    outer: for (const list of lists) {
      for (const n of list) {
        if (++visits > INDEX_VISITS_PER_ITEM) break outer;
        if (sameSection && freeTo[n].section !== f.section) continue;
        if (stamp[n] !== fn + 1) {
          stamp[n] = fn + 1;
          shared[n] = 0;
          metAt[n] = visits;
          touched.push(n);
        }
        shared[n]++;
      }
    }
    for (const n of mostShared(touched, shared, metAt)) {
      const t = freeTo[n];
      const sc = score(f, t);
      if (sc >= threshold) out.push([sc, f, t]);
    }
  });
  return out;
}

/** The index lists of an item's distinct words, shortest (rarest word) first; ties by word. */
function rarestFirst(w: string[], index: Map<string, number[]>): number[][] {
  const present = [...new Set(w)].filter((x) => index.has(x));
  present.sort((a, b) => index.get(a)!.length - index.get(b)!.length || (a < b ? -1 : a > b ? 1 : 0));
  return present.map((x) => index.get(x)!);
}

/** The CANDIDATES_PER_ITEM targets sharing the most words (ties: met first), without sorting all. */
function mostShared(touched: number[], shared: Int32Array, metAt: Int32Array): number[] {
  const top: number[] = [];
  const better = (a: number, b: number) => shared[a] > shared[b] || (shared[a] === shared[b] && metAt[a] < metAt[b]);
  for (const n of touched) {
    if (top.length === CANDIDATES_PER_ITEM && !better(n, top[top.length - 1])) continue;
    let i = top.length < CANDIDATES_PER_ITEM ? top.length : top.length - 1;
    top[i] = n;
    while (i > 0 && better(top[i], top[i - 1])) {
      [top[i], top[i - 1]] = [top[i - 1], top[i]];
      i--;
    }
  }
  return top;
}

/** The skills asked, level aside (a level change is its own delta). */
const skillIds = (s: SkillsRequirement | undefined): SkillsRequirement | null => (s ? (s.all ? { all: s.all } : { any: s.any }) : null);
const sameSkills = (a: SkillsRequirement | undefined, b: SkillsRequirement | undefined) => JSON.stringify(skillIds(a)) === JSON.stringify(skillIds(b));
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

function deltas(f: Slot, t: Slot): Delta[] {
  const out: Delta[] = [];
  const a = f.item;
  const b = t.item;
  if (f.section !== t.section) out.push({ field: 'section', from: f.section, to: t.section });
  if (a.id !== b.id) out.push({ field: 'id', from: a.id, to: b.id });
  if (a.years !== b.years) out.push({ field: 'years', from: a.years ?? null, to: b.years ?? null });
  if (a.area !== b.area) out.push({ field: 'area', from: a.area ?? null, to: b.area ?? null });
  if (!sameSkills(a.skills, b.skills)) out.push({ field: 'skills', from: skillIds(a.skills), to: skillIds(b.skills) });
  if (a.skills?.level !== b.skills?.level) out.push({ field: 'level', from: a.skills?.level ?? null, to: b.skills?.level ?? null });
  return out;
}

function fieldChanges(from: ResolvedRole, to: ResolvedRole): FieldChange[] {
  const values = (r: ResolvedRole): Record<DiffField, string | number | null> => ({
    title: r.role.title,
    family: r.family.id,
    ladder: r.ladder?.id ?? null,
    level: r.role.level ?? null,
    grade: r.role.grade ?? null,
    reports_to: r.reportsTo?.id ?? null,
  });
  const a = values(from);
  const b = values(to);
  return DIFF_FIELDS.filter((k) => a[k] !== b[k]).map((k) => ({ field: k, from: a[k], to: b[k] }));
}

/**
 * Compares two resolved roles (any families, any levels): the scalar fields that differ and, per
 * section, the items added, removed, changed and unchanged. Pure and deterministic.
 */
export function diffRoles(from: ResolvedRole, to: ResolvedRole, options: DiffOptions = {}): RoleDiff {
  const threshold = options.threshold ?? SIMILARITY_THRESHOLD;
  const a = slots(from);
  const b = slots(to);
  pairByIdentity(a, b, true);
  pairByIdentity(a, b, false);
  pairBySimilarity(a, b, true, threshold);
  pairBySimilarity(a, b, false, threshold);

  const sections = {} as Record<Section, SectionDiff>;
  for (const s of SECTIONS) sections[s] = { added: [], removed: [], changed: [], unchanged: [] };
  for (const f of a) if (!f.pair) sections[f.section].removed.push(f.item);
  for (const t of b) {
    const f = t.pair;
    if (!f) {
      sections[t.section].added.push(t.item);
      continue;
    }
    const d = deltas(f, t);
    if (d.length === 0 && collapse(f.item.text) === collapse(t.item.text)) {
      sections[t.section].unchanged.push(t.item);
      continue;
    }
    sections[t.section].changed.push({
      from: f.item,
      to: t.item,
      match: t.kind!,
      similarity: Math.round(similarity(f.item.text, t.item.text) * 100) / 100,
      words: diffText(f.item.text, t.item.text),
      deltas: d,
    });
  }
  return { from, to, fields: fieldChanges(from, to), sections };
}

// ---------------------------------------------------------------------------------------------
// JSON (SPEC §3): {from, to, fields, sections: {<name>: {added, removed, changed, unchanged}}}

export interface ItemChangeJson {
  from: ItemJson;
  to: ItemJson;
  match: MatchKind;
  similarity: number;
  words: WordChange[];
  deltas: Delta[];
}

export interface DiffJson {
  from: string;
  to: string;
  fields: FieldChange[];
  sections: Record<Section, { added: ItemJson[]; removed: ItemJson[]; changed: ItemChangeJson[]; unchanged: ItemJson[] }>;
}

/** The `diff --format json` shape; `unchanged` always lists the items (its length is the count). */
export function diffJson(d: RoleDiff): DiffJson {
  const sections = {} as DiffJson['sections'];
  for (const s of SECTIONS) {
    const x = d.sections[s];
    sections[s] = {
      added: x.added.map(itemJson),
      removed: x.removed.map(itemJson),
      changed: x.changed.map((c) => ({
        from: itemJson(c.from),
        to: itemJson(c.to),
        match: c.match,
        similarity: c.similarity,
        words: c.words,
        deltas: c.deltas,
      })),
      unchanged: x.unchanged.map(itemJson),
    };
  }
  return { from: d.from.role.id, to: d.to.role.id, fields: d.fields, sections };
}
