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
  | { field: 'id' | 'area'; from: string | null; to: string | null }
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
  const waiting = new Map<string, Slot[]>();
  for (const f of from) {
    if (f.pair) continue;
    const key = sameSection ? `${f.section}\n${f.item.identity}` : f.item.identity;
    const list = waiting.get(key);
    if (list) list.push(f);
    else waiting.set(key, [f]);
  }
  for (const t of to) {
    if (t.pair) continue;
    const key = sameSection ? `${t.section}\n${t.item.identity}` : t.item.identity;
    const f = waiting.get(key)?.shift();
    if (f) link(f, t, t.item.identity.startsWith('id:') ? 'id' : 'text');
  }
}

/** Pairs free slots by text similarity, most similar first; ties keep document order. */
function pairBySimilarity(from: Slot[], to: Slot[], sameSection: boolean, threshold: number): void {
  const candidates: [number, Slot, Slot][] = [];
  // Words are computed once per item, not once per pair.
  const words = new Map<Slot, string[]>();
  const wordsOf = (s: Slot) => words.get(s) ?? (words.set(s, contentWords(s.item.text)), words.get(s)!);
  for (const f of from) {
    if (f.pair) continue;
    const wf = wordsOf(f);
    for (const t of to) {
      if (t.pair || (sameSection && f.section !== t.section)) continue;
      const wt = wordsOf(t);
      const score = wf.length && wt.length ? dice(wf, wt) : similarity(f.item.text, t.item.text);
      if (score >= threshold) candidates.push([score, f, t]);
    }
  }
  candidates.sort((a, b) => b[0] - a[0] || a[1].order - b[1].order || a[2].order - b[2].order);
  for (const [, f, t] of candidates) if (!f.pair && !t.pair) link(f, t, 'similarity');
}

const sameSkills = (a: SkillsRequirement | undefined, b: SkillsRequirement | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

function deltas(f: Slot, t: Slot): Delta[] {
  const out: Delta[] = [];
  const a = f.item;
  const b = t.item;
  if (f.section !== t.section) out.push({ field: 'section', from: f.section, to: t.section });
  if (a.id !== b.id) out.push({ field: 'id', from: a.id, to: b.id });
  if (a.years !== b.years) out.push({ field: 'years', from: a.years ?? null, to: b.years ?? null });
  if (a.area !== b.area) out.push({ field: 'area', from: a.area ?? null, to: b.area ?? null });
  if (!sameSkills(a.skills, b.skills)) out.push({ field: 'skills', from: a.skills ?? null, to: b.skills ?? null });
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
      changed: x.changed.map((c) => ({ from: itemJson(c.from), to: itemJson(c.to), match: c.match, similarity: c.similarity, words: c.words, deltas: c.deltas })),
      unchanged: x.unchanged.map(itemJson),
    };
  }
  return { from: d.from.role.id, to: d.to.role.id, fields: d.fields, sections };
}
