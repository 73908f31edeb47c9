/** Iteration helpers shared by rules: every item list and every prose text of a family. */
import { SECTIONS, type DataSet, type FamilyDef, type ItemDef, type Path, type Section } from '../model.js';
import type { Declarations } from '../load.js';

export interface ItemList {
  file: string;
  /** Who wrote the list: a role id, a family id or `family/specialty`. */
  owner: string;
  section: Section;
  items: ItemDef[];
}

/**
 * Calls `visit` with every item list of the data set: family-wide, per role, per specialty; in data
 * order. A loop rather than a generator, as `forEachProse`.
 */
export function forEachItemList(ds: DataSet, visit: (list: ItemList) => void): void {
  for (const fam of ds.families) {
    for (const section of SECTIONS) visit({ file: fam.file, owner: fam.id, section, items: fam.sections[section] });
    for (const rid of fam.roleIds) {
      const role = ds.roles.get(rid)!;
      for (const section of SECTIONS) visit({ file: role.file, owner: role.id, section, items: role.sections[section] });
    }
    for (const spec of fam.specialties) {
      for (const section of SECTIONS) visit({ file: fam.file, owner: `${fam.id}/${spec.id}`, section, items: spec.sections[section] });
    }
  }
}

export interface Prose {
  text: string;
  /** The item whose text this is, if any (its path is computed only when reported: `prosePath`). */
  item?: ItemDef;
  path?: Path;
  /** The section for item texts; undefined for summaries and other prose. */
  section?: Section;
}

export function prosePath(p: Prose): Path {
  return p.path ?? textPath(p.item!);
}

/**
 * Calls `visit` with each prose text of a family, in data order: summaries, career ladder, role and
 * specialty summaries, every item text. A loop rather than a generator: every text of a data set goes
 * through it, for several rules.
 */
export function forEachProse(ds: DataSet, fam: FamilyDef, visit: (p: Prose) => void): void {
  if (fam.summary) visit({ text: fam.summary, path: ['summary'] });
  if (fam.careerLadder) visit({ text: fam.careerLadder, path: ['career_ladder'] });
  eachItemText(fam.sections, visit);
  for (const rid of fam.roleIds) {
    const role = ds.roles.get(rid)!;
    if (role.summary) visit({ text: role.summary, path: [...role.path, 'summary'] });
    eachItemText(role.sections, visit);
  }
  for (const spec of fam.specialties) {
    if (spec.summary) visit({ text: spec.summary, path: [...spec.path, 'summary'] });
    eachItemText(spec.sections, visit);
  }
}

function eachItemText(sections: Record<Section, ItemDef[]>, visit: (p: Prose) => void): void {
  for (const section of SECTIONS) {
    const items = sections[section];
    for (let i = 0; i < items.length; i++) visit({ text: items[i].text, item: items[i], section });
  }
}

/** Where an item's text was written: the entry itself for a string item, its `text` for a mapping. */
export function textPath(item: ItemDef): Path {
  return item.id !== null || item.years !== undefined || item.skills !== undefined || item.area !== undefined ? [...item.path, 'text'] : item.path;
}

/**
 * Role and family ids declared by every family file, valid or not: a reference to a role of a file
 * with a schema error is not also reported as unresolved.
 */
export function declaredIds(files: readonly { declares: Declarations | null }[]): Set<string> {
  const ids = new Set<string>();
  for (const f of files) {
    if (!f.declares) continue;
    if (typeof f.declares.id === 'string') ids.add(f.declares.id);
    for (const k of f.declares.roles) ids.add(k);
  }
  return ids;
}

export function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
