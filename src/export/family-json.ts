/**
 * A family, fully resolved, as JSON: the family's own fields and items, and every role resolved as
 * `show --format json` resolves it (inheritance applied, each item with its provenance).
 */
import { SECTIONS, type DataSet, type FamilyDef, type ItemDef, type Section } from '../core/model.js';
import { resolveRole } from '../core/resolve.js';
import { itemJson, showJson, type ItemJson, type ShowJson } from '../core/show.js';

export interface FamilyJson {
  kind: 'family';
  id: string;
  title: string;
  source: string | null;
  summary: string | null;
  responsibilities: ItemJson[];
  requirements: ItemJson[];
  nice_to_haves: ItemJson[];
  performance_indicators: ItemJson[];
  /** In page order. */
  roles: ShowJson[];
  ladders: { id: string; title: string; levels: string[] }[];
  specialties: ({ id: string; title: string; summary: string | null; roles: string[] | null } & Record<Section, ItemJson[]>)[];
  career_ladder: string | null;
  next: string[];
  hiring_process: string[];
  external: { id: string; title: string; url: string | null }[];
}

const items = (list: ItemDef[]): ItemJson[] =>
  list.map((d) =>
    itemJson({
      id: d.id,
      text: d.text,
      from: d.from,
      overrides: null,
      years: d.years,
      area: d.area,
      skills: d.skills,
      source: { file: d.file, line: d.line },
      identity: d.identity,
    }),
  );

/** Builds the resolved JSON of a family. Throws DataError on an inheritance cycle (as `show` does). */
export function familyJson(ds: DataSet, fam: FamilyDef): FamilyJson {
  const out = { kind: 'family', id: fam.id, title: fam.title, source: fam.source ?? null, summary: fam.summary ?? null } as FamilyJson;
  for (const s of SECTIONS) out[s] = items(fam.sections[s]);
  out.roles = fam.roleIds.map((id) => showJson(resolveRole(ds, ds.roles.get(id)!)));
  out.ladders = fam.ladders.map((l) => ({ id: l.id, title: l.title, levels: [...l.levels] }));
  out.specialties = fam.specialties.map((sp) => {
    const o = { id: sp.id, title: sp.title, summary: sp.summary ?? null, roles: sp.roles ? [...sp.roles] : null } as FamilyJson['specialties'][number];
    for (const s of SECTIONS) o[s] = items(sp.sections[s]);
    return o;
  });
  out.career_ladder = fam.careerLadder ?? null;
  out.next = [...fam.next];
  out.hiring_process = [...(fam.hiringProcess ?? [])];
  out.external = [...fam.external.values()].map((e) => ({ id: e.id, title: e.title, url: e.url ?? null }));
  return out;
}
