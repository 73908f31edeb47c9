/**
 * One pass over the `extends` forest, shared by the rules that need resolved roles: it emits events
 * (an override, a `remove` that removes nothing, a role resolved, a cycle) and each rule subscribes to
 * the ones it needs in its own file (redundant-item, years-regression, unknown-remove, empty-role,
 * inheritance-cycle, handbook-style), as ESLint rules subscribe to node types in `create()`.
 *
 * Resolving every role from scratch costs O(depth) per role, O(n²) on a long chain. Instead a
 * depth-first walk from the roots keeps the resolved state of the current chain (identity -> item,
 * per section) and an undo log: entering a role applies its family's items, its `remove` and its own
 * items; leaving it rolls the log back. Every role is visited once, so a 100,000-deep chain is linear.
 * The identities follow resolve.ts (SPEC §2): the id, else the normalised text.
 */
import { SECTIONS, normaliseText, type DataSet, type ItemDef, type RoleDef, type Section } from '../model.js';

/** What a role resolves to at the moment the pass has applied it (valid only during the event). */
export interface ResolvedView {
  /** Live item count per section. */
  size(section: Section): number;
  /** Live requirement items that say "Ability to use GitLab". */
  gitlabRequirements: number;
}

/** The events of the pass; a rule implements the ones it needs. */
export interface InheritanceListener {
  /** `role` wrote an item with the identity of `inherited`, which another role or the family wrote. */
  override?(role: RoleDef, item: ItemDef, inherited: ItemDef): void;
  /** Entry `index` of `role.remove` names nothing the role inherits (only for complete chains). */
  removeMissing?(role: RoleDef, id: string, index: number): void;
  /** `role` is resolved and its chain is complete (no external or unknown parent at the root). */
  roleResolved?(role: RoleDef, view: ResolvedView): void;
  /** A cycle of `extends`, starting at its member defined first. */
  cycle?(members: readonly RoleDef[]): void;
}

const GITLAB_REQUIREMENT = /\bability to use gitlab\b/i;

interface Undo {
  section: Section;
  key: string;
  prev: ItemDef | undefined;
}

/** The resolved items of the chain being walked, with an undo log. */
class ChainState {
  readonly items: Record<Section, Map<string, ItemDef>> = {
    responsibilities: new Map(),
    requirements: new Map(),
    nice_to_haves: new Map(),
    performance_indicators: new Map(),
  };
  readonly log: Undo[] = [];
  /**
   * The requirement items that say "Ability to use GitLab", from the first time a listener asks how
   * many are live (`gitlab`); until then nothing is counted (no rule that is on may ask). Few, so a
   * look-up of any other item is quick: V8 answers "not there" for an object that was never a key
   * without hashing it.
   */
  private saysGitlab: ReadonlySet<ItemDef> | null = null;
  private live = 0;

  constructor(private readonly ds: DataSet) {}

  /** Live requirement items that say "Ability to use GitLab". */
  get gitlab(): number {
    if (this.saysGitlab === null) {
      const says = (this.saysGitlab = gitlabRequirements(this.ds));
      for (const item of this.items.requirements.values()) if (says.has(item)) this.live++;
    }
    return this.live;
  }

  set(section: Section, key: string, item: ItemDef): void {
    const map = this.items[section];
    const prev = map.get(key);
    this.log.push({ section, key, prev });
    map.set(key, item);
    if (this.saysGitlab !== null && section === 'requirements') this.count(prev, item);
  }

  delete(section: Section, key: string): boolean {
    const map = this.items[section];
    const prev = map.get(key);
    if (prev === undefined) return false;
    this.log.push({ section, key, prev });
    map.delete(key);
    if (this.saysGitlab !== null && section === 'requirements') this.count(prev, undefined);
    return true;
  }

  undo(mark: number): void {
    while (this.log.length > mark) {
      const { section, key, prev } = this.log.pop()!;
      const map = this.items[section];
      if (this.saysGitlab !== null && section === 'requirements') this.count(map.get(key), prev);
      if (prev === undefined) map.delete(key);
      else map.set(key, prev);
    }
  }

  /** Counts a change of one requirement: `gone` left the chain, `come` joined it. */
  private count(gone: ItemDef | undefined, come: ItemDef | undefined): void {
    if (gone && this.saysGitlab!.has(gone)) this.live--;
    if (come && this.saysGitlab!.has(come)) this.live++;
  }
}

/** The requirement items of roles and families that say "Ability to use GitLab" (each text tested once). */
function gitlabRequirements(ds: DataSet): Set<ItemDef> {
  const out = new Set<ItemDef>();
  const add = (items: readonly ItemDef[]) => {
    for (let i = 0; i < items.length; i++) if (GITLAB_REQUIREMENT.test(items[i].text)) out.add(items[i]);
  };
  for (const fam of ds.families) add(fam.sections.requirements);
  for (const role of ds.roles.values()) add(role.sections.requirements);
  return out;
}

/** Whether an override changes nothing: the same text (normalised), years, area and skills. */
export function sameContent(a: ItemDef, b: ItemDef): boolean {
  return (
    a.years === b.years &&
    a.area === b.area &&
    sameText(a, b) &&
    (a.skills === b.skills || JSON.stringify(a.skills ?? null) === JSON.stringify(b.skills ?? null))
  );
}

/** Whether two items' texts are the same, normalised; an item without id has its normalised text in its identity. */
const sameText = (a: ItemDef, b: ItemDef) => (a.identity === b.identity && a.identity.startsWith('text:')) || normaliseText(a.text) === normaliseText(b.text);

interface Frame {
  role: RoleDef;
  /** The chain's root extends something outside the data set: its items are unknown. */
  incomplete: boolean;
  exit: boolean;
  mark: number;
  addedFamily: boolean;
}

/** Walks every role once (see the file comment), telling `listeners` what it finds. Pure; linear in roles + items. */
export function walkInheritance(ds: DataSet, listeners: readonly InheritanceListener[]): void {
  const on = <K extends keyof InheritanceListener>(name: K) =>
    listeners.map((l) => l[name]?.bind(l)).filter((f): f is NonNullable<InheritanceListener[K]> => f !== undefined);
  const onOverride = on('override');
  const onRemoveMissing = on('removeMissing');
  const onResolved = on('roleResolved');
  const onCycle = on('cycle');
  const children = new Map<string, RoleDef[]>();
  const roots: RoleDef[] = [];
  for (const role of ds.roles.values()) {
    const parent = role.extends !== undefined ? ds.roles.get(role.extends) : undefined;
    if (!parent) roots.push(role);
    else {
      const list = children.get(parent.id);
      if (list) list.push(role);
      else children.set(parent.id, [role]);
    }
  }

  const state = new ChainState(ds);
  const view: ResolvedView = {
    size: (section) => state.items[section].size,
    get gitlabRequirements() {
      return state.gitlab;
    },
  };
  const activeFamilies = new Set<string>();
  const visited = new Set<string>();
  const stack: Frame[] = [];
  for (let i = roots.length - 1; i >= 0; i--)
    stack.push({ role: roots[i], incomplete: roots[i].extends !== undefined, exit: false, mark: 0, addedFamily: false });

  while (stack.length) {
    const frame = stack.pop()!;
    const role = frame.role;
    if (frame.exit) {
      state.undo(frame.mark);
      if (frame.addedFamily) activeFamilies.delete(role.family);
      continue;
    }
    visited.add(role.id);
    const mark = state.log.length;
    // A family's items join the chain once, when its first role is entered (resolve.ts does the same).
    const addedFamily = !activeFamilies.has(role.family);
    if (addedFamily) {
      activeFamilies.add(role.family);
      const fam = ds.familyById.get(role.family);
      for (const s of SECTIONS) for (const item of fam?.sections[s] ?? []) if (!state.items[s].has(item.identity)) state.set(s, item.identity, item);
    }
    role.remove.forEach((id, i) => {
      let found = false;
      for (const s of SECTIONS) {
        if (state.delete(s, 'id:' + id)) found = true;
        if (state.delete(s, 'text:' + normaliseText(id))) found = true;
      }
      if (!found && !frame.incomplete) for (const f of onRemoveMissing) f(role, id, i);
    });
    for (const s of SECTIONS) {
      for (const item of role.sections[s]) {
        const prev = state.items[s].get(item.identity);
        // An identity this role wrote already is a duplicate-item, not an override.
        if (prev && prev.from !== role.id) for (const f of onOverride) f(role, item, prev);
        if (!prev || prev.from !== role.id) state.set(s, item.identity, item);
      }
    }
    if (!frame.incomplete) for (const f of onResolved) f(role, view);
    stack.push({ role, incomplete: frame.incomplete, exit: true, mark, addedFamily });
    const kids = children.get(role.id);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push({ role: kids[i], incomplete: frame.incomplete, exit: false, mark: 0, addedFamily: false });
  }

  if (onCycle.length) for (const members of findCycles(ds, visited)) for (const f of onCycle) f(members);
}

/**
 * Roles not reached from a root are on a cycle or lead into one. Each role has one parent, so a walk
 * that marks roles finds every cycle once, in linear time. Each cycle starts at its member defined first.
 */
function findCycles(ds: DataSet, visited: Set<string>): RoleDef[][] {
  const out: RoleDef[][] = [];
  const order = new Map<string, number>();
  let n = 0;
  for (const id of ds.roles.keys()) order.set(id, n++);
  const state = new Map<string, 1 | 2>();
  for (const start of ds.roles.values()) {
    if (visited.has(start.id) || state.has(start.id)) continue;
    const path: RoleDef[] = [];
    let cur: RoleDef | undefined = start;
    while (cur && !visited.has(cur.id) && !state.has(cur.id)) {
      state.set(cur.id, 1);
      path.push(cur);
      cur = cur.extends !== undefined ? ds.roles.get(cur.extends) : undefined;
    }
    if (cur && state.get(cur.id) === 1) {
      const members = path.slice(path.indexOf(cur));
      let first = 0;
      for (let i = 1; i < members.length; i++) if (order.get(members[i].id)! < order.get(members[first].id)!) first = i;
      out.push([...members.slice(first), ...members.slice(0, first)]);
    }
    for (const r of path) state.set(r.id, 2);
  }
  return out;
}
