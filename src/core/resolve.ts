/**
 * Inheritance (SPEC §2): a role's items are its family's items, then its parent's resolved items
 * (minus `remove`, with same-identity items replaced in place), then its own. Iterative, so chains
 * of any depth resolve; a cycle is a DataError naming the chain.
 */
import { DataError } from './errors.js';
import {
  SECTIONS,
  emptySections,
  type DataSet,
  type ExternalDef,
  type FamilyDef,
  type ItemDef,
  type LadderDef,
  type RoleDef,
  type Section,
  type SkillsRequirement,
  type SpecialtyDef,
} from './model.js';

export interface ResolvedItem {
  id: string | null;
  text: string;
  /** Role or family (or `family/specialty`) that wrote it. */
  from: string;
  /** The role or family whose item this one replaced, or null. */
  overrides: string | null;
  years?: number;
  area?: string;
  skills?: SkillsRequirement;
  source: { file: string; line: number };
  /** Identity used for overriding and matching (not printed). */
  identity: string;
}

export interface RoleRef {
  id: string;
  title: string;
  external: boolean;
}

export interface ResolvedRole {
  role: RoleDef;
  family: FamilyDef;
  ladder: LadderDef | null;
  reportsTo: RoleRef | null;
  /** Ids of the ancestors, nearest first (an external or unknown parent is listed last). */
  extends: string[];
  /** Set when the chain ends at an `external` role, whose items are unknown. */
  externalParent: ExternalDef | null;
  specialty: SpecialtyDef | null;
  sections: Record<Section, ResolvedItem[]>;
}

export interface Chain {
  /** The role first, then its ancestors in the data set. */
  roles: RoleDef[];
  external: ExternalDef | null;
  /** A parent id that names nothing known. */
  missing: string | null;
  /** Set when following `extends` comes back to a role already seen: the cycle, closed (a, b, a). */
  cycle: string[] | null;
}

/** Follows `extends` from a role without recursion; stops at an external, unknown or repeated id. */
export function extendsChain(ds: DataSet, role: RoleDef): Chain {
  const roles = [role];
  const seen = new Map<string, number>([[role.id, 0]]);
  let cur = role;
  while (cur.extends !== undefined) {
    const next = ds.roles.get(cur.extends);
    if (!next) {
      const ext = findExternal(ds, cur.family, cur.extends);
      return { roles, external: ext, missing: ext ? null : cur.extends, cycle: null };
    }
    const at = seen.get(next.id);
    if (at !== undefined) {
      return { roles, external: null, missing: null, cycle: [...roles.slice(at).map((r) => r.id), next.id] };
    }
    seen.set(next.id, roles.length);
    roles.push(next);
    cur = next;
  }
  return { roles, external: null, missing: null, cycle: null };
}

/** An `external` entry of the given family, or of any family, named `id`. */
export function findExternal(ds: DataSet, familyId: string, id: string): ExternalDef | null {
  const own = ds.familyById.get(familyId)?.external.get(id);
  if (own) return own;
  for (const f of ds.families) {
    const e = f.external.get(id);
    if (e) return e;
  }
  return null;
}

/** What a reference written in family `familyId` names: a role, a family or an external entry. */
export function refOf(ds: DataSet, familyId: string, id: string | undefined): RoleRef | null {
  if (id === undefined) return null;
  const r = ds.roles.get(id);
  if (r) return { id, title: r.title, external: false };
  const f = ds.familyById.get(id);
  if (f) return { id, title: f.title, external: false };
  const e = findExternal(ds, familyId, id);
  return { id, title: e?.title ?? id, external: true };
}

export function ladderOf(ds: DataSet, role: RoleDef): LadderDef | null {
  const fam = ds.familyById.get(role.family);
  return fam?.ladders.find((l) => l.levels.includes(role.id)) ?? null;
}

export function describeCycle(cycle: string[]): string {
  return cycle.join(' extends ');
}

type Slot = ResolvedItem | null;
interface At {
  arr: Slot[];
  i: number;
}

function toResolved(d: ItemDef, overrides: string | null = null): ResolvedItem {
  const r: ResolvedItem = { id: d.id, text: d.text, from: d.from, overrides, source: { file: d.file, line: d.line }, identity: d.identity };
  if (d.years !== undefined) r.years = d.years;
  if (d.area !== undefined) r.area = d.area;
  if (d.skills !== undefined) r.skills = d.skills;
  return r;
}

/** Resolves one section along a chain (given root first). */
function resolveSection(ds: DataSet, chainRootFirst: RoleDef[], section: Section, familyOrder: string[], specialty: SpecialtyDef | null): ResolvedItem[] {
  const blocks = new Map<string, Slot[]>();
  const roleSlots: Slot[] = [];
  const index = new Map<string, At>();
  const put = (item: ItemDef) => {
    const at = index.get(item.identity);
    if (at) {
      const prev = at.arr[at.i]!;
      // The same item reached again through the same origin (family items via a parent in the same family).
      if (prev.from === item.from && prev.text === item.text) return;
      at.arr[at.i] = toResolved(item, prev.from);
    } else {
      roleSlots.push(toResolved(item));
      index.set(item.identity, { arr: roleSlots, i: roleSlots.length - 1 });
    }
  };
  for (const role of chainRootFirst) {
    if (!blocks.has(role.family)) {
      const fam = ds.familyById.get(role.family);
      const block: Slot[] = [];
      for (const item of fam?.sections[section] ?? []) {
        const at = index.get(item.identity);
        if (at && at.arr[at.i]?.from === item.from) continue;
        block.push(toResolved(item));
        if (!at) index.set(item.identity, { arr: block, i: block.length - 1 });
      }
      blocks.set(role.family, block);
    }
    for (const id of role.remove) {
      for (const key of ['id:' + id, 'text:' + id.toLowerCase().replace(/\s+/g, ' ').trim()]) {
        const at = index.get(key);
        if (at) {
          at.arr[at.i] = null;
          index.delete(key);
        }
      }
    }
    for (const item of role.sections[section]) put(item);
  }
  if (specialty) for (const item of specialty.sections[section]) put(item);
  const out: ResolvedItem[] = [];
  for (const fid of familyOrder) for (const s of blocks.get(fid) ?? []) if (s) out.push(s);
  for (const s of roleSlots) if (s) out.push(s);
  return out;
}

export interface ResolveOptions {
  specialty?: string;
}

/** Resolves a role (SPEC §2). Throws DataError for an unknown specialty or an inheritance cycle. */
export function resolveRole(ds: DataSet, role: RoleDef, options: ResolveOptions = {}): ResolvedRole {
  const chain = extendsChain(ds, role);
  if (chain.cycle) throw new DataError(`${role.file}:${role.line}: inheritance cycle: ${describeCycle(chain.cycle)}`);
  const family = ds.familyById.get(role.family)!;
  let specialty: SpecialtyDef | null = null;
  if (options.specialty !== undefined) {
    specialty = family.specialties.find((s) => s.id === options.specialty) ?? null;
    if (!specialty) {
      const known = family.specialties.map((s) => s.id);
      throw new DataError(
        `unknown specialty \`${options.specialty}\` for ${role.id}${known.length ? `; ${family.id} has: ${known.join(', ')}` : `; family ${family.id} has no specialties`}`,
      );
    }
    if (specialty.roles && !specialty.roles.includes(role.id)) {
      throw new DataError(`specialty \`${specialty.id}\` does not apply to ${role.id}; it applies to: ${specialty.roles.join(', ')}`);
    }
  }
  const familyOrder: string[] = [];
  for (const r of chain.roles) if (!familyOrder.includes(r.family)) familyOrder.push(r.family);
  const rootFirst = [...chain.roles].reverse();
  const sections = emptySections<ResolvedItem>();
  for (const s of SECTIONS) sections[s] = resolveSection(ds, rootFirst, s, familyOrder, specialty);
  const ext = chain.roles.slice(1).map((r) => r.id);
  const tail = chain.external?.id ?? chain.missing;
  if (tail) ext.push(tail);
  return {
    role,
    family,
    ladder: ladderOf(ds, role),
    reportsTo: refOf(ds, role.family, role.reportsTo),
    extends: ext,
    externalParent: chain.external,
    specialty,
    sections,
  };
}
