/**
 * One pass over the `extends` forest that finds what the inheritance rules report: redundant items,
 * `remove` entries that remove nothing, overrides asking for fewer years, roles left empty, cycles,
 * and roles whose resolved requirements lack "Ability to use GitLab".
 *
 * Resolving every role from scratch costs O(depth) per role, O(n²) on a long chain. Instead a
 * depth-first walk from the roots keeps the resolved state of the current chain (identity -> item,
 * per section) and an undo log: entering a role applies its family's items, its `remove` and its own
 * items; leaving it rolls the log back. Every role is visited once, so a 100,000-deep chain is linear.
 * The identities follow resolve.ts (SPEC §2): the id, else the normalised text.
 */
import type { RawFinding } from '../findings.js';
import { SECTIONS, normaliseText, type DataSet, type ItemDef, type RoleDef, type Section } from '../model.js';

export interface InheritanceAnalysis {
  cycles: RawFinding[];
  redundant: RawFinding[];
  unknownRemove: RawFinding[];
  yearsRegression: RawFinding[];
  /** Every inherited item a role replaces (same identity, other content), for rules comparing the two. */
  overrides: { role: RoleDef; section: Section; item: ItemDef; prev: ItemDef }[];
  emptyRoles: RawFinding[];
  /** Roles with a complete chain whose resolved requirements have no "Ability to use GitLab". */
  withoutGitlab: RoleDef[];
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
  /** Live requirement items that say "Ability to use GitLab". */
  gitlab = 0;

  set(section: Section, key: string, item: ItemDef): void {
    const map = this.items[section];
    const prev = map.get(key);
    this.log.push({ section, key, prev });
    map.set(key, item);
    this.count(section, prev, -1);
    this.count(section, item, 1);
  }

  delete(section: Section, key: string): boolean {
    const map = this.items[section];
    const prev = map.get(key);
    if (prev === undefined) return false;
    this.log.push({ section, key, prev });
    map.delete(key);
    this.count(section, prev, -1);
    return true;
  }

  undo(mark: number): void {
    while (this.log.length > mark) {
      const { section, key, prev } = this.log.pop()!;
      const map = this.items[section];
      this.count(section, map.get(key), -1);
      if (prev === undefined) map.delete(key);
      else map.set(key, prev);
      this.count(section, prev, 1);
    }
  }

  private count(section: Section, item: ItemDef | undefined, delta: number): void {
    if (item && section === 'requirements' && GITLAB_REQUIREMENT.test(item.text)) this.gitlab += delta;
  }
}

function sameContent(a: ItemDef, b: ItemDef): boolean {
  return (
    normaliseText(a.text) === normaliseText(b.text) &&
    a.years === b.years &&
    a.area === b.area &&
    JSON.stringify(a.skills ?? null) === JSON.stringify(b.skills ?? null)
  );
}

interface Frame {
  role: RoleDef;
  /** The chain's root extends something outside the data set: its items are unknown. */
  incomplete: boolean;
  exit: boolean;
  mark: number;
  addedFamily: boolean;
}

/** Walks every role once (see the file comment). Pure; linear in roles + items. */
export function analyseInheritance(ds: DataSet): InheritanceAnalysis {
  const out: InheritanceAnalysis = { cycles: [], redundant: [], unknownRemove: [], yearsRegression: [], overrides: [], emptyRoles: [], withoutGitlab: [] };
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

  const state = new ChainState();
  const activeFamilies = new Set<string>();
  const visited = new Set<string>();
  const stack: Frame[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ role: roots[i], incomplete: roots[i].extends !== undefined, exit: false, mark: 0, addedFamily: false });

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
      if (!found && !frame.incomplete) {
        out.unknownRemove.push({
          ruleId: 'unknown-remove',
          message: `\`remove\` names \`${id}\`, which ${role.id} does not inherit${role.extends === undefined ? ' (it extends nothing)' : ''}`,
          file: role.file,
          path: [...role.path, 'remove', i],
        });
      }
    });
    for (const s of SECTIONS) {
      for (const item of role.sections[s]) {
        const prev = state.items[s].get(item.identity);
        // An identity this role wrote already is a duplicate-item, not an override.
        if (prev && prev.from !== role.id) {
          const related = [{ file: prev.file, path: prev.path, message: `inherited from ${prev.from}` }];
          if (sameContent(prev, item)) {
            out.redundant.push({ ruleId: 'redundant-item', message: `repeats an item ${role.id} already inherits from ${prev.from}; delete it`, file: role.file, path: item.path, related });
          } else {
            out.overrides.push({ role, section: s, item, prev });
          }
          if (!sameContent(prev, item) && prev.years !== undefined && item.years !== undefined && item.years < prev.years) {
            out.yearsRegression.push({
              ruleId: 'years-regression',
              message: `asks for ${item.years} years${item.area ? ` of ${item.area}` : ''}, fewer than the ${prev.years} of the item it replaces from ${prev.from}`,
              file: role.file,
              path: [...item.path, 'years'],
              related,
            });
          }
        }
        if (!prev || prev.from !== role.id) state.set(s, item.identity, item);
      }
    }
    if (!frame.incomplete) {
      if (state.items.responsibilities.size === 0 && state.items.requirements.size === 0) {
        out.emptyRoles.push({ ruleId: 'empty-role', message: `role \`${role.id}\` has no responsibilities and no requirements, even after inheritance`, file: role.file, path: role.path, at: 'key' });
      }
      if (state.gitlab === 0) out.withoutGitlab.push(role);
    }
    stack.push({ role, incomplete: frame.incomplete, exit: true, mark, addedFamily });
    const kids = children.get(role.id);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push({ role: kids[i], incomplete: frame.incomplete, exit: false, mark: 0, addedFamily: false });
  }

  out.cycles = findCycles(ds, visited);
  return out;
}

/** Max ids named in a cycle message before the middle is elided. */
const CYCLE_NAMES = 12;

/**
 * Roles not reached from a root are on a cycle or lead into one. Each role has one parent, so a walk
 * that marks roles finds every cycle once, in linear time. A cycle is reported at the `extends` of
 * its member defined first, and the chain is named from there.
 */
function findCycles(ds: DataSet, visited: Set<string>): RawFinding[] {
  const out: RawFinding[] = [];
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
      const cycle = [...members.slice(first), ...members.slice(0, first)];
      const ids = cycle.map((r) => r.id);
      const named = ids.length > CYCLE_NAMES ? [...ids.slice(0, CYCLE_NAMES - 3), `… (${ids.length - CYCLE_NAMES + 1} more)`, ...ids.slice(-2)] : ids;
      const head = cycle[0];
      out.push({
        ruleId: 'inheritance-cycle',
        message: `inheritance cycle: ${[...named, head.id].join(' extends ')}`,
        file: head.file,
        path: [...head.path, 'extends'],
        related: cycle.slice(1, CYCLE_NAMES).map((r) => ({ file: r.file, path: [...r.path, 'extends'], message: `${r.id} extends ${r.extends}` })),
      });
    }
    for (const r of path) state.set(r.id, 2);
  }
  return out;
}
