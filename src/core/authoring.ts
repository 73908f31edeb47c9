/**
 * Help for people writing ladder files: the skills vocabulary as a list, and the keys a profile for a
 * role can fill. Pure: data set in, data out.
 */
import type { DataSet, VocabularyEntry } from './model.js';
import type { ResolvedRole } from './resolve.js';

export interface VocabularyRow {
  id: string;
  title: string;
  aliases: string[];
  /** How many requirements of the data set name it (resolved items are not counted twice). */
  used: number;
}

/** `ladder skills --format json`. */
export interface SkillsView {
  skills: VocabularyRow[];
  areas: VocabularyRow[];
}

/** The vocabulary sorted by id, with how often each entry is named by a requirement of the data set. */
export function skillsView(ds: DataSet): SkillsView {
  const skillUse = new Map<string, number>();
  const areaUse = new Map<string, number>();
  const count = (m: Map<string, number>, id: string) => m.set(id, (m.get(id) ?? 0) + 1);
  const items = [...ds.families.flatMap((f) => f.sections.requirements), ...[...ds.roles.values()].flatMap((r) => r.sections.requirements)];
  for (const i of items) {
    if (i.area !== undefined) count(areaUse, i.area);
    for (const s of i.skills?.all ?? i.skills?.any ?? []) count(skillUse, s);
  }
  const rows = (m: Map<string, VocabularyEntry> | undefined, use: Map<string, number>): VocabularyRow[] =>
    [...(m?.values() ?? [])]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((e) => ({ id: e.id, title: e.title, aliases: [...e.aliases], used: use.get(e.id) ?? 0 }));
  return { skills: rows(ds.vocabulary?.skills, skillUse), areas: rows(ds.vocabulary?.areas, areaUse) };
}

/** What a profile for a role can say, requirement by requirement. */
export interface ProfileSkeleton {
  role: { id: string; title: string };
  /** Experience areas asked for, with the most years asked and the requirement texts. */
  experience: { area: string; years: number; texts: string[] }[];
  /** Skill groups, one per requirement that names skills, with the level it asks (if any). */
  skills: { text: string; mode: 'any' | 'all'; ids: string[]; level?: string }[];
  /** The vocabulary's level scale, lowest first (empty without one). */
  levels: string[];
  /** Free-text requirements: the evidence key (the item's id, else its text) and the text. */
  evidence: { key: string; byText: boolean; text: string }[];
}

export function profileSkeleton(r: ResolvedRole, levels: readonly string[] = []): ProfileSkeleton {
  const experience = new Map<string, { area: string; years: number; texts: string[] }>();
  const skills: ProfileSkeleton['skills'] = [];
  const evidence: ProfileSkeleton['evidence'] = [];
  for (const item of r.sections.requirements) {
    const structured = (item.years !== undefined && item.area !== undefined) || item.skills !== undefined;
    if (item.years !== undefined && item.area !== undefined) {
      const e = experience.get(item.area) ?? { area: item.area, years: 0, texts: [] };
      e.years = Math.max(e.years, item.years);
      e.texts.push(item.text);
      experience.set(item.area, e);
    }
    if (item.skills) {
      skills.push({
        text: item.text,
        mode: item.skills.all ? 'all' : 'any',
        ids: [...(item.skills.all ?? item.skills.any ?? [])],
        ...(item.skills.level !== undefined ? { level: item.skills.level } : {}),
      });
    }
    if (!structured) evidence.push({ key: item.id ?? item.text, byText: item.id === null, text: item.text });
  }
  return { role: { id: r.role.id, title: r.role.title }, experience: [...experience.values()], skills, evidence, levels: [...levels] };
}
