/**
 * `changes` (SPEC §5): what a new version of the data set changes for each role of the resolved view.
 * Every role present in both versions is resolved in each and compared with `diffRoles`, the pairing
 * and word diff of `ladder diff`; so an item edited in a parent shows on every role that inherits it,
 * with the parent as the place it was written. Order is not content: items are paired by identity,
 * then by similarity, whatever their position, file or formatting.
 */
import { DataError } from '../errors.js';
import { diffRoles, type Delta, type DiffField, type ItemChange } from '../diff/index.js';
import { SECTIONS, type DataSet, type Section } from '../model.js';
import { extendsChain, resolveRole, type ResolvedItem, type ResolvedRole } from '../resolve.js';
import { didYouMean } from '../suggest.js';

export const ROLE_STATUSES = ['added', 'removed', 'renamed', 'changed'] as const;
export type RoleStatus = (typeof ROLE_STATUSES)[number];

/** The scalars compared per role: those of `diff`, the parent it extends, and its summary. */
export type ChangeField = DiffField | 'extends' | 'summary';

export interface FieldChange {
  name: ChangeField;
  from: string | number | null;
  to: string | number | null;
}

/** An item that kept its section but changed its place among the other items (`order`). */
export interface ItemMove {
  item: ResolvedItem;
  /** 1-based positions in the section, before and after. */
  from: number;
  to: number;
}

export interface SectionChanges {
  added: ResolvedItem[];
  removed: ResolvedItem[];
  changed: ItemChange[];
  /** Only with the `order` option. */
  moved?: ItemMove[];
}

export interface RoleChange {
  id: string;
  /** The role's title in the newer version (the older one for a removed role). */
  title: string;
  family: string;
  status: RoleStatus;
  renamedFrom?: string;
  /** The role resolved in each version; null on the side it does not exist. */
  from: ResolvedRole | null;
  to: ResolvedRole | null;
  fields: FieldChange[];
  /** Only the sections with something to report. */
  sections: Partial<Record<Section, SectionChanges>>;
}

export interface ChangesReport {
  /** How the two versions are named (a revision, `working tree`, a directory). */
  from: string;
  to: string;
  /** The roles that changed, in the newer version's order, then the removed ones. */
  roles: RoleChange[];
}

export interface ChangesOptions {
  /** Names of the versions, for the report. */
  from?: string;
  to?: string;
  /** Only the changes each role wrote itself (not inherited from a parent or its family). */
  own?: boolean;
  /** Also report items that moved within their section. */
  order?: boolean;
  /** Only these roles (ids in either version; a renamed role matches its old id too). */
  roles?: string[];
  /** Only the roles of these families (in either version). */
  families?: string[];
  /** Similarity threshold of the pairing (`diff`'s default). */
  threshold?: number;
  /**
   * Files of the newer version that are byte for byte a file of the older one (name there → here is
   * `sameFiles.get(newer) === older`), as `loadVersions` gives them. A role whose whole `extends`
   * chain is written in such files cannot have changed and is not resolved: the common case of a
   * large data set with a few files edited. Without it every role is resolved and compared.
   */
  sameFiles?: Map<string, string>;
}

const collapse = (s: string | undefined) => (s === undefined ? null : s.replace(/\s+/g, ' ').trim());

function fieldValues(r: ResolvedRole): Record<ChangeField, string | number | null> {
  return {
    title: r.role.title,
    family: r.family.id,
    ladder: r.ladder?.id ?? null,
    level: r.role.level ?? null,
    grade: r.role.grade ?? null,
    reports_to: r.reportsTo?.id ?? null,
    extends: r.role.extends ?? null,
    summary: collapse(r.role.summary),
  };
}

const FIELD_ORDER: ChangeField[] = ['title', 'family', 'ladder', 'level', 'grade', 'reports_to', 'extends', 'summary'];

/** Fields that differ; `from` null for every field of an added role (and `to` for a removed one). */
function fieldChanges(from: ResolvedRole | null, to: ResolvedRole | null): FieldChange[] {
  const a = from ? fieldValues(from) : null;
  const b = to ? fieldValues(to) : null;
  const out: FieldChange[] = [];
  for (const name of FIELD_ORDER) {
    const x = a ? a[name] : null;
    const y = b ? b[name] : null;
    if (x !== y) out.push({ name, from: x, to: y });
  }
  return out;
}

/** What a role's items are, whatever their order and provenance: for telling a rename from a new role. */
function itemsSignature(r: ResolvedRole): string {
  const parts: string[] = [];
  for (const s of SECTIONS) {
    for (const i of r.sections[s]) {
      parts.push(JSON.stringify([s, i.id, collapse(i.text)!.toLowerCase(), i.years ?? null, i.area ?? null, i.skills ?? null]));
    }
  }
  return parts.sort().join('\n');
}

const sameList = (a: string[] | undefined, b: string[] | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]));
const sameSkills = (a: ResolvedItem['skills'], b: ResolvedItem['skills']) =>
  a === b || (a !== undefined && b !== undefined && sameList(a.any, b.any) && sameList(a.all, b.all));

/** True when both versions of a role have the very same items in the same order (no change, no move). */
function sameItemsInOrder(a: ResolvedRole, b: ResolvedRole): boolean {
  for (const s of SECTIONS) {
    const x = a.sections[s];
    const y = b.sections[s];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) {
      const p = x[i];
      const q = y[i];
      if (p.text !== q.text || p.id !== q.id || p.identity !== q.identity || p.years !== q.years || p.area !== q.area || !sameSkills(p.skills, q.skills))
        return false;
    }
  }
  return true;
}

/** Positions (in `to` order) of the longest run of pairs that kept their relative order. */
function keptInOrder(fromPos: number[]): Set<number> {
  // Longest increasing subsequence, patience sorting with back links: O(n log n).
  const tails: number[] = [];
  const back = new Array<number>(fromPos.length).fill(-1);
  for (let i = 0; i < fromPos.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (fromPos[tails[mid]] < fromPos[i]) lo = mid + 1;
      else hi = mid;
    }
    back[i] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i !== -1; i = back[i]) kept.add(i);
  return kept;
}

/** Items paired within one section whose place among the other paired items changed. */
function moves(from: ResolvedItem[], to: ResolvedItem[], changed: ItemChange[]): ItemMove[] {
  const fromIndex = new Map<ResolvedItem, number>();
  from.forEach((item, i) => fromIndex.set(item, i));
  // Counterparts: the changed pairs of this section, and unchanged items (same identity, in order).
  const counterpart = new Map<ResolvedItem, ResolvedItem>();
  for (const c of changed) if (fromIndex.has(c.from)) counterpart.set(c.to, c.from);
  const byIdentity = new Map<string, ResolvedItem[]>();
  const taken = new Set<ResolvedItem>(counterpart.values());
  for (const item of from) {
    if (taken.has(item)) continue;
    const list = byIdentity.get(item.identity);
    if (list) list.push(item);
    else byIdentity.set(item.identity, [item]);
  }
  const pairs: [ResolvedItem, number, number][] = [];
  to.forEach((item, i) => {
    let f = counterpart.get(item);
    if (!f) f = byIdentity.get(item.identity)?.shift();
    if (f) pairs.push([item, fromIndex.get(f)!, i]);
  });
  const kept = keptInOrder(pairs.map((p) => p[1]));
  return pairs.filter((_, k) => !kept.has(k)).map(([item, a, b]) => ({ item, from: a + 1, to: b + 1 }));
}

const wroteIt = (role: string, ...items: ResolvedItem[]) => items.some((i) => i.from === role);

/** Added, removed and changed items per section of a role in both versions (and moves). */
function sectionChanges(id: string, from: ResolvedRole, to: ResolvedRole, options: ChangesOptions): Partial<Record<Section, SectionChanges>> {
  const d = diffRoles(from, to, { threshold: options.threshold });
  const own = Boolean(options.own);
  const out: Partial<Record<Section, SectionChanges>> = {};
  for (const s of SECTIONS) {
    const x = d.sections[s];
    // An inherited item the role dropped (or took back) with its own `remove` is its own change too.
    const removes = (r: ResolvedRole, i: ResolvedItem) => i.id !== null && r.role.remove.includes(i.id);
    const sc: SectionChanges = {
      added: own ? x.added.filter((i) => wroteIt(id, i) || (removes(from, i) && !removes(to, i))) : x.added,
      removed: own ? x.removed.filter((i) => wroteIt(id, i) || (removes(to, i) && !removes(from, i))) : x.removed,
      changed: own ? x.changed.filter((c) => wroteIt(id, c.from, c.to)) : x.changed,
    };
    let count = sc.added.length + sc.removed.length + sc.changed.length;
    if (options.order) {
      const sameSection = x.changed.filter((c) => !c.deltas.some((dl: Delta) => dl.field === 'section'));
      const m = moves(from.sections[s], to.sections[s], sameSection);
      sc.moved = own ? m.filter((mv) => wroteIt(id, mv.item)) : m;
      count += sc.moved.length;
    }
    if (count) out[s] = sc;
  }
  return out;
}

/** All items of a role, as added (a new role) or removed (a role that is gone). */
function wholeRole(id: string, r: ResolvedRole, side: 'added' | 'removed', own: boolean): Partial<Record<Section, SectionChanges>> {
  const out: Partial<Record<Section, SectionChanges>> = {};
  for (const s of SECTIONS) {
    const items = own ? r.sections[s].filter((i) => i.from === id) : r.sections[s];
    if (items.length) out[s] = { added: side === 'added' ? items : [], removed: side === 'removed' ? items : [], changed: [] };
  }
  return out;
}

function checkNames(names: string[] | undefined, what: string, known: Set<string>, hint: string): void {
  for (const n of names ?? []) {
    if (!known.has(n)) throw new DataError(`unknown ${what} \`${n}\` in both versions${didYouMean(n, known)}; ${hint}`);
  }
}

/** True when a role and every role it extends come, in both versions, from files that did not change. */
function untouched(fromSet: DataSet, toSet: DataSet, id: string, same: Map<string, string>): boolean {
  const a = extendsChain(fromSet, fromSet.roles.get(id)!);
  const b = extendsChain(toSet, toSet.roles.get(id)!);
  if (a.cycle || b.cycle || a.roles.length !== b.roles.length || a.missing !== b.missing || (a.external?.id ?? null) !== (b.external?.id ?? null)) return false;
  return a.roles.every((r, i) => r.id === b.roles[i].id && same.get(b.roles[i].file) === r.file);
}

/**
 * Compares two versions of a data set and returns, per role of the resolved view, what changed:
 * roles added, removed and renamed (same items under a new id), and for the others their fields
 * (title, family, ladder, level, grade, reports to, extends, summary) and, per section, the items
 * added, removed and changed, paired exactly as `ladder diff` pairs them. An item written by a parent
 * or the family carries that origin in its `from`, on every role that inherits it. Pure: the data
 * sets are already loaded (see `loadVersions`); nothing is read or printed. Throws DataError for an
 * unknown `roles`/`families` name and for an inheritance cycle in either version.
 *
 * Roles come in ladder order within each family, families in the newer version's order, removed roles last.
 *
 * @example
 *   const report = computeChanges(before.ds, after.ds, { from: 'HEAD', to: 'working tree' });
 *   const changed = report.roles.map((r) => `${r.id} ${r.status}`); // "senior-dev changed", …
 */
export function computeChanges(fromSet: DataSet, toSet: DataSet, options: ChangesOptions = {}): ChangesReport {
  const allIds = new Set([...fromSet.roles.keys(), ...toSet.roles.keys()]);
  const allFamilies = new Set([...fromSet.familyById.keys(), ...toSet.familyById.keys()]);
  checkNames(options.roles, 'role', allIds, '`ladder list` shows the roles of the current version');
  checkNames(options.families, 'family', allFamilies, '`ladder list` shows the families of the current version');
  const wantedRoles = options.roles?.length ? new Set(options.roles) : null;
  const wantedFamilies = options.families?.length ? new Set(options.families) : null;
  const wanted = (c: RoleChange) =>
    (!wantedRoles || wantedRoles.has(c.id) || (c.renamedFrom !== undefined && wantedRoles.has(c.renamedFrom))) &&
    (!wantedFamilies || (c.from !== null && wantedFamilies.has(c.from.family.id)) || (c.to !== null && wantedFamilies.has(c.to.family.id)));

  const own = Boolean(options.own);
  // Roles are resolved when compared and then let go: two versions of a large data set resolved at
  // once would hold every inherited item twice per level.
  const resolve = (ds: DataSet, id: string) => resolveRole(ds, ds.roles.get(id)!);
  // Ladder order within each family (the levels, then any role on no ladder): a reader goes up the
  // ladder, and reordering the roles of a file changes nothing.
  const order = (ds: DataSet) =>
    ds.families.flatMap((f) => {
      const own = new Set(f.roleIds);
      return [...new Set([...f.ladders.flatMap((l) => l.levels.filter((id) => own.has(id))), ...f.roleIds])];
    });

  // Renames: a role gone and a new one with exactly the same items.
  const gone = order(fromSet).filter((id) => !toSet.roles.has(id));
  const bySignature = new Map<string, string[]>();
  for (const id of gone) {
    const r = resolve(fromSet, id);
    if (SECTIONS.every((s) => r.sections[s].length === 0)) continue;
    const sig = itemsSignature(r);
    const list = bySignature.get(sig);
    if (list) list.push(id);
    else bySignature.set(sig, [id]);
  }
  const renamedFrom = new Map<string, string>();
  for (const id of order(toSet)) {
    if (fromSet.roles.has(id)) continue;
    const r = resolve(toSet, id);
    if (SECTIONS.every((s) => r.sections[s].length === 0)) continue;
    const old = bySignature.get(itemsSignature(r))?.shift();
    if (old !== undefined) renamedFrom.set(id, old);
  }
  const renamedAway = new Set(renamedFrom.values());

  const roles: RoleChange[] = [];
  const push = (c: RoleChange) => {
    if (wanted(c)) roles.push(c);
  };
  // Narrowed runs compare only the roles they may report.
  const familyOf = (id: string) => [fromSet.roles.get(id)?.family, toSet.roles.get(id)?.family];
  const mayWant = (id: string, old = renamedFrom.get(id)) =>
    (!wantedRoles || wantedRoles.has(id) || (old !== undefined && wantedRoles.has(old))) &&
    (!wantedFamilies || [...familyOf(id), ...(old ? familyOf(old) : [])].some((f) => f !== undefined && wantedFamilies.has(f)));
  for (const id of order(toSet)) {
    if (!mayWant(id)) continue;
    if (options.sameFiles && fromSet.roles.has(id) && !renamedFrom.has(id) && untouched(fromSet, toSet, id, options.sameFiles)) continue;
    const to = resolve(toSet, id);
    const base = { id, title: to.role.title, family: to.family.id, to };
    const old = renamedFrom.get(id);
    if (old !== undefined) {
      const from = resolve(fromSet, old);
      push({ ...base, status: 'renamed', renamedFrom: old, from, fields: fieldChanges(from, to), sections: sectionChanges(id, from, to, options) });
    } else if (!fromSet.roles.has(id)) {
      push({ ...base, status: 'added', from: null, fields: fieldChanges(null, to), sections: wholeRole(id, to, 'added', own) });
    } else {
      const from = resolve(fromSet, id);
      const fields = fieldChanges(from, to);
      // Most roles of a new version are the same, item for item and in the same order: no pairing needed.
      const sections = sameItemsInOrder(from, to) ? {} : sectionChanges(id, from, to, options);
      if (fields.length || Object.keys(sections).length) push({ ...base, status: 'changed', from, fields, sections });
    }
  }
  for (const id of gone) {
    if (renamedAway.has(id) || !mayWant(id)) continue;
    const from = resolve(fromSet, id);
    push({
      id,
      title: from.role.title,
      family: from.family.id,
      status: 'removed',
      from,
      to: null,
      fields: fieldChanges(from, null),
      sections: wholeRole(id, from, 'removed', own),
    });
  }
  return { from: options.from ?? 'from', to: options.to ?? 'to', roles };
}
