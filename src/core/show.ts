/** The `show --format json` shape (SPEC §3), built from a resolved role. */
import { SECTIONS, type Section, type SkillsRequirement } from './model.js';
import type { ResolvedItem, ResolvedRole, RoleRef } from './resolve.js';

export interface ItemJson {
  id: string | null;
  text: string;
  from: string;
  overrides: string | null;
  years?: number;
  area?: string;
  skills?: SkillsRequirement;
  source: { file: string; line: number };
}

export interface ShowJson {
  id: string;
  title: string;
  family: string;
  ladder: string | null;
  level: string | null;
  grade: number | null;
  reports_to: RoleRef | null;
  extends: string[];
  specialty?: string;
  summary: string | null;
  responsibilities: ItemJson[];
  requirements: ItemJson[];
  nice_to_haves: ItemJson[];
  performance_indicators: ItemJson[];
  /** The role's own hiring steps, else its family's (never inherited through `extends`). */
  hiring_process: string[];
}

export function itemJson(i: ResolvedItem): ItemJson {
  const out = { id: i.id, text: i.text, from: i.from, overrides: i.overrides } as ItemJson;
  if (i.years !== undefined) out.years = i.years;
  if (i.area !== undefined) out.area = i.area;
  if (i.skills !== undefined) out.skills = i.skills;
  out.source = i.source;
  return out;
}

/** Items of a section, only those the role wrote itself when `own`. */
export function sectionItems(r: ResolvedRole, s: Section, own: boolean): ResolvedItem[] {
  return own ? r.sections[s].filter((i) => i.from === r.role.id) : r.sections[s];
}

export function showJson(r: ResolvedRole, own = false): ShowJson {
  const out = {
    id: r.role.id,
    title: r.role.title,
    family: r.family.id,
    ladder: r.ladder?.id ?? null,
    level: r.role.level ?? null,
    grade: r.role.grade ?? null,
    reports_to: r.reportsTo,
    extends: r.extends,
  } as ShowJson;
  if (r.specialty) out.specialty = r.specialty.id;
  out.summary = r.role.summary ?? null;
  for (const s of SECTIONS) out[s] = sectionItems(r, s, own).map(itemJson);
  out.hiring_process = [...(r.role.hiringProcess ?? r.family.hiringProcess ?? [])];
  return out;
}
