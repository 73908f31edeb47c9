/** The `list` view: families -> ladders -> levels, in ladder order. */
import type { DataSet } from './model.js';
import { refOf, type RoleRef } from './resolve.js';

export interface LevelEntry {
  id: string;
  title: string;
  level: string | null;
  grade: number | null;
  reports_to: RoleRef | null;
}

export interface LadderEntry {
  id: string;
  title: string;
  levels: LevelEntry[];
}

export interface FamilyEntry {
  id: string;
  title: string;
  file: string;
  ladders: LadderEntry[];
  /** Roles of the family that no ladder lists. */
  unladdered: LevelEntry[];
}

export function listFamilies(ds: DataSet): FamilyEntry[] {
  return ds.families.map((fam) => {
    const seen = new Set<string>();
    const level = (id: string): LevelEntry => {
      seen.add(id);
      const r = ds.roles.get(id);
      if (!r) return { id, title: refOf(ds, fam.id, id)?.title ?? id, level: null, grade: null, reports_to: null };
      return { id, title: r.title, level: r.level ?? null, grade: r.grade ?? null, reports_to: refOf(ds, r.family, r.reportsTo) };
    };
    const ladders = fam.ladders.map((l) => ({ id: l.id, title: l.title, levels: l.levels.map(level) }));
    const unladdered = fam.roleIds.filter((id) => !seen.has(id)).map(level);
    return { id: fam.id, title: fam.title, file: fam.file, ladders, unladdered };
  });
}
