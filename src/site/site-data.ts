/**
 * Everything the pages show, computed once from the data set with the core's own resolver and
 * differ (the same `resolveRole` and `diffRoles` that `show` and `diff` print): resolved roles, the
 * ladders with the diff and jump size of each step, and the level matrix.
 */
import { SECTIONS, type DataSet, type FamilyDef, type LadderDef, type RoleDef, type Section } from '../core/model.js';
import { refOf, resolveRole, type ResolvedItem, type ResolvedRole, type RoleRef } from '../core/resolve.js';
import { diffRoles, type RoleDiff } from '../core/diff/index.js';
import { roleAnchors, type Anchors } from './anchors.js';

export interface SiteRole {
  def: RoleDef;
  resolved: ResolvedRole;
  anchors: Anchors;
  /** Items over all sections. */
  total: number;
}

/** How big a step up the ladder is: items added and changed against the target level's total. */
export interface Jump {
  added: number;
  changed: number;
  removed: number;
  total: number;
}

export interface SiteStep {
  from: SiteRole;
  to: SiteRole;
  diff: RoleDiff;
  jump: Jump;
}

export interface SiteLadder {
  family: FamilyDef;
  ladder: LadderDef;
  /** Every level as listed; entries that are not roles of the data set are references. */
  entries: ({ kind: 'role'; role: SiteRole } | { kind: 'ref'; ref: RoleRef })[];
  /** The levels that are roles of the data set, in ladder order. */
  levels: SiteRole[];
  /** levels[i] → levels[i + 1]. */
  steps: SiteStep[];
}

export interface SiteFamily {
  def: FamilyDef;
  ladders: SiteLadder[];
  /** Roles of the family that no ladder lists. */
  unladdered: SiteRole[];
}

export interface SiteData {
  ds: DataSet;
  families: SiteFamily[];
  roles: Map<string, SiteRole>;
  ladders: SiteLadder[];
  /** The ladders each role is a level of. */
  laddersOf: Map<string, SiteLadder[]>;
}

export function jumpOf(d: RoleDiff): Jump {
  const j: Jump = { added: 0, changed: 0, removed: 0, total: 0 };
  for (const s of SECTIONS) {
    const x = d.sections[s];
    j.added += x.added.length;
    j.changed += x.changed.length;
    j.removed += x.removed.length;
    j.total += d.to.sections[s].length;
  }
  return j;
}

/** Share of the target level that is new or changed, 0..100, rounded. */
export const jumpPercent = (j: Jump) => (j.total === 0 ? 0 : Math.round(((j.added + j.changed) / j.total) * 100));

/** Resolves every role and diffs every step of every ladder. Throws the core's DataError on a cycle. */
export function collectSiteData(ds: DataSet): SiteData {
  const roles = new Map<string, SiteRole>();
  for (const fam of ds.families) {
    for (const id of fam.roleIds) {
      const def = ds.roles.get(id)!;
      const resolved = resolveRole(ds, def);
      roles.set(id, { def, resolved, anchors: roleAnchors(resolved), total: SECTIONS.reduce((n, s) => n + resolved.sections[s].length, 0) });
    }
  }
  const ladders: SiteLadder[] = [];
  const laddersOf = new Map<string, SiteLadder[]>();
  const families = ds.families.map((fam): SiteFamily => {
    const own: SiteLadder[] = [];
    const seen = new Set<string>();
    for (const ladder of fam.ladders) {
      const entries: SiteLadder['entries'] = ladder.levels.map((id) => {
        const role = roles.get(id);
        return role ? { kind: 'role', role } : { kind: 'ref', ref: refOf(ds, fam.id, id)! };
      });
      const levels = entries.flatMap((e) => (e.kind === 'role' ? [e.role] : []));
      const steps = levels.slice(1).map((to, i) => {
        const diff = diffRoles(levels[i].resolved, to.resolved);
        return { from: levels[i], to, diff, jump: jumpOf(diff) };
      });
      const l: SiteLadder = { family: fam, ladder, entries, levels, steps };
      own.push(l);
      for (const r of levels) {
        seen.add(r.def.id);
        const list = laddersOf.get(r.def.id);
        if (list) list.push(l);
        else laddersOf.set(r.def.id, [l]);
      }
    }
    ladders.push(...own);
    return { def: fam, ladders: own, unladdered: fam.roleIds.filter((id) => !seen.has(id)).map((id) => roles.get(id)!) };
  });
  return { ds, families, roles, ladders, laddersOf };
}

// ---------------------------------------------------------------------------------------------
// Level matrix

export const CELL_STATES = ['absent', 'introduced', 'inherited', 'changed'] as const;
export type CellState = (typeof CELL_STATES)[number];

export interface MatrixRow {
  section: Section;
  /** The item at the highest level that has it. */
  item: ResolvedItem;
  /** Index of that level. */
  level: number;
  anchor: string;
  /** One per level, in ladder order. */
  cells: { state: CellState; item: ResolvedItem | null }[];
}

/** For each item of a step's target level, the item of the level below it was paired with, if any. */
function counterparts(d: RoleDiff): Map<ResolvedItem, ResolvedItem> {
  const out = new Map<ResolvedItem, ResolvedItem>();
  for (const s of SECTIONS) {
    const x = d.sections[s];
    for (const c of x.changed) out.set(c.to, c.from);
  }
  // Unchanged pairs keep their section and identity (equal text and structure); the diff lists only
  // their target side, so the level below's item is found among those it did not use otherwise.
  const used = new Set<ResolvedItem>(SECTIONS.flatMap((s) => [...d.sections[s].removed, ...d.sections[s].changed.map((c) => c.from)]));
  for (const s of SECTIONS) {
    const free = new Map<string, ResolvedItem[]>();
    for (const f of d.from.sections[s]) {
      if (used.has(f)) continue;
      const list = free.get(f.identity);
      if (list) list.push(f);
      else free.set(f.identity, [f]);
    }
    for (const t of d.sections[s].unchanged) {
      const f = free.get(t.identity)?.shift();
      if (f) out.set(t, f);
    }
  }
  return out;
}

/**
 * Rows of a ladder's matrix, by section: the top level's items, then the items of lower levels that
 * do not reach the top (dropped on the way up, or on a level that does not extend the one below),
 * latest level first. Each cell tells, level by level, whether the item is absent, introduced (new at
 * that step, or there from the first level), inherited unchanged from the level below, or changed
 * from it — read off the ladder's step diffs.
 */
export function matrixRows(l: SiteLadder): MatrixRow[] {
  const n = l.levels.length;
  if (n === 0) return [];
  const maps = l.steps.map((s) => counterparts(s.diff));
  const kinds = l.steps.map((s) => {
    const m = new Map<ResolvedItem, CellState>();
    for (const sec of SECTIONS) {
      for (const i of s.diff.sections[sec].added) m.set(i, 'introduced');
      for (const c of s.diff.sections[sec].changed) m.set(c.to, 'changed');
      for (const i of s.diff.sections[sec].unchanged) m.set(i, 'inherited');
    }
    return m;
  });
  const claimed = new Set<ResolvedItem>();
  const bySection = new Map<Section, MatrixRow[]>(SECTIONS.map((s) => [s, []]));
  for (let start = n - 1; start >= 0; start--) {
    const level = l.levels[start];
    for (const section of SECTIONS) {
      for (const item of level.resolved.sections[section]) {
        if (claimed.has(item)) continue;
        const cells: MatrixRow['cells'] = Array.from({ length: n }, () => ({ state: 'absent', item: null }));
        let cur: ResolvedItem | undefined = item;
        for (let k = start; k >= 0 && cur; k--) {
          claimed.add(cur);
          if (k === 0) {
            cells[0] = { state: 'introduced', item: cur };
            break;
          }
          const state: CellState = kinds[k - 1].get(cur) ?? 'introduced';
          cells[k] = { state, item: cur };
          cur = state === 'introduced' ? undefined : maps[k - 1].get(cur);
        }
        bySection.get(section)!.push({ section, item, level: start, anchor: level.anchors.get(item)!, cells });
      }
    }
  }
  return SECTIONS.flatMap((s) => bySection.get(s)!);
}
