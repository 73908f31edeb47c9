/**
 * Structured item fields (id, years, area, skills) have no place in a handbook page's prose. `ladder
 * export` writes them after the item as an HTML comment, `<!-- ladder: {"id": …} -->`, which GitLab
 * does not render, and `ladder import` reads them back, so a round trip keeps them.
 */
import type { SkillsRequirement } from '../core/model.js';
import { RAW_UNSAFE_CLASS, unicodeEscape } from '../core/escape-text.js';

export interface ItemFields {
  id?: string | null;
  /** Only on a role (the comment under its heading): its level label. */
  level?: string;
  years?: number;
  area?: string;
  skills?: SkillsRequirement;
  /** Only on a role: the ids of its parent and of whom it reports to, when they are in another family. */
  extends?: string;
  reports_to?: string;
  /** Only on a role: the inherited item ids it removes. */
  remove?: string[];
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
// Matched on the text from its last `<!--` only, so a failed match scans the text once.
const ANNOTATION = /^<!--\s*ladder:\s*(\{.*\})\s*-->$/s;

/** Writes the fields as a comment (empty when there are none). */
const ANNOTATION_UNSAFE = new RegExp(`[<>&${RAW_UNSAFE_CLASS}]`, 'g');

export function writeAnnotation(f: ItemFields): string {
  const o: ItemFields = {};
  if (f.id) o.id = f.id;
  if (f.years !== undefined) o.years = f.years;
  if (f.area !== undefined) o.area = f.area;
  if (f.skills !== undefined) o.skills = f.skills;
  if (f.level !== undefined) o.level = f.level;
  if (f.extends !== undefined) o.extends = f.extends;
  if (f.reports_to !== undefined) o.reports_to = f.reports_to;
  if (f.remove !== undefined && f.remove.length) o.remove = f.remove;
  // `<`, `>` and `&` as JSON escapes: a level text cannot open or close a comment on the page.
  // And what JSON leaves raw (C1, zero-width, separators, bidi, the BOM): a level text cannot reach a terminal raw.
  const json = JSON.stringify(o).replace(ANNOTATION_UNSAFE, unicodeEscape);
  return Object.keys(o).length ? ` <!-- ladder: ${json} -->` : '';
}

/**
 * Splits an item's text from its annotation. `fields` is null when there is none, and `error` says
 * why an annotation that is there cannot be used (the text is kept either way).
 */
export function readAnnotation(text: string): { text: string; fields: ItemFields | null; error?: string } {
  const t = text.trimEnd();
  const at = t.endsWith('-->') ? t.lastIndexOf('<!--') : -1;
  const m = at < 0 ? null : ANNOTATION.exec(t.slice(at));
  if (!m) return { text, fields: null };
  const rest = t.slice(0, at).trimEnd();
  let raw: unknown;
  try {
    raw = JSON.parse(m[1]);
  } catch {
    return { text: rest, fields: null, error: 'the `<!-- ladder: … -->` annotation is not valid JSON' };
  }
  const o = raw as Record<string, unknown>;
  const f: ItemFields = {};
  const ids = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && ID.test(x));
  // `any` or `all`, and an optional skill `level`.
  const skillsOk = (v: unknown) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
    const s = v as Record<string, unknown>;
    const keys = Object.keys(s).filter((x) => x !== 'level');
    if (s.level !== undefined && !(typeof s.level === 'string' && ID.test(s.level))) return false;
    return keys.length === 1 && (keys[0] === 'any' || keys[0] === 'all') && ids(s[keys[0]]);
  };
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (k === 'id' && typeof v === 'string' && ID.test(v)) f.id = v;
    else if (k === 'years' && typeof v === 'number' && v >= 0) f.years = v;
    else if (k === 'area' && typeof v === 'string' && ID.test(v)) f.area = v;
    else if (k === 'level' && typeof v === 'string' && v.trim() !== '') f.level = v;
    else if ((k === 'extends' || k === 'reports_to') && typeof v === 'string' && ID.test(v)) f[k] = v;
    // `remove` entries are ids or item texts (an entry equal to an item's text removes it).
    else if (k === 'remove' && Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x.trim() !== '')) f.remove = v as string[];
    else if (k === 'skills' && skillsOk(v)) f.skills = v as SkillsRequirement;
    else return { text: rest, fields: null, error: `the \`<!-- ladder: … -->\` annotation has an unusable \`${k}\`` };
  }
  return { text: rest, fields: f };
}
