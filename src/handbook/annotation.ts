/**
 * Structured item fields (id, years, area, skills) have no place in a handbook page's prose. `ladder
 * export` writes them after the item as an HTML comment, `<!-- ladder: {"id": …} -->`, which GitLab
 * does not render, and `ladder import` reads them back, so a round trip keeps them.
 */
import type { SkillsRequirement } from '../core/model.js';

export interface ItemFields {
  id?: string | null;
  /** Only on a role (the comment under its heading): its level label. */
  level?: string;
  years?: number;
  area?: string;
  skills?: SkillsRequirement;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ANNOTATION = /\s*<!--\s*ladder:\s*(\{.*?\})\s*-->\s*$/;

/** Writes the fields as a comment (empty when there are none). */
export function writeAnnotation(f: ItemFields): string {
  const o: ItemFields = {};
  if (f.id) o.id = f.id;
  if (f.years !== undefined) o.years = f.years;
  if (f.area !== undefined) o.area = f.area;
  if (f.skills !== undefined) o.skills = f.skills;
  if (f.level !== undefined) o.level = f.level;
  return Object.keys(o).length ? ` <!-- ladder: ${JSON.stringify(o)} -->` : '';
}

/**
 * Splits an item's text from its annotation. `fields` is null when there is none, and `error` says
 * why an annotation that is there cannot be used (the text is kept either way).
 */
export function readAnnotation(text: string): { text: string; fields: ItemFields | null; error?: string } {
  const m = ANNOTATION.exec(text);
  if (!m) return { text, fields: null };
  const rest = text.slice(0, m.index);
  let raw: unknown;
  try {
    raw = JSON.parse(m[1]);
  } catch {
    return { text: rest, fields: null, error: 'the `<!-- ladder: … -->` annotation is not valid JSON' };
  }
  const o = raw as Record<string, unknown>;
  const f: ItemFields = {};
  const ids = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && ID.test(x));
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (k === 'id' && typeof v === 'string' && ID.test(v)) f.id = v;
    else if (k === 'years' && typeof v === 'number' && v >= 0) f.years = v;
    else if (k === 'area' && typeof v === 'string' && ID.test(v)) f.area = v;
    else if (k === 'level' && typeof v === 'string' && v.trim() !== '') f.level = v;
    else if (k === 'skills' && v && typeof v === 'object' && Object.keys(v).length === 1 && (ids((v as SkillsRequirement).any) || ids((v as SkillsRequirement).all))) f.skills = v as SkillsRequirement;
    else return { text: rest, fields: null, error: `the \`<!-- ladder: … -->\` annotation has an unusable \`${k}\`` };
  }
  return { text: rest, fields: f };
}
