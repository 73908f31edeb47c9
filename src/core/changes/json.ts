/** The `changes --format json` shape (SPEC §5), built from a report. */
import { SECTIONS, type Section } from '../model.js';
import { itemJson, type ItemJson } from '../show.js';
import type { Delta } from '../diff/index.js';
import type { WordChange } from '../diff/words.js';
import type { ChangesReport, FieldChange, RoleStatus } from './compute.js';

export interface ItemChangeJson {
  from: ItemJson;
  to: ItemJson;
  words: WordChange[];
  deltas: Delta[];
}

export interface SectionChangesJson {
  added: ItemJson[];
  removed: ItemJson[];
  changed: ItemChangeJson[];
  moved?: { item: ItemJson; from: number; to: number }[];
}

export interface RoleChangeJson {
  id: string;
  title: string;
  family: string;
  status: RoleStatus;
  renamed_from?: string;
  fields: FieldChange[];
  sections: Partial<Record<Section, SectionChangesJson>>;
}

export interface ChangesJson {
  from: string;
  to: string;
  roles: RoleChangeJson[];
}

export function changesJson(report: ChangesReport): ChangesJson {
  return {
    from: report.from,
    to: report.to,
    roles: report.roles.map((r) => {
      const out: RoleChangeJson = { id: r.id, title: r.title, family: r.family, status: r.status, fields: r.fields, sections: {} };
      if (r.renamedFrom !== undefined) out.renamed_from = r.renamedFrom;
      for (const s of SECTIONS) {
        const x = r.sections[s];
        if (!x) continue;
        const sj: SectionChangesJson = {
          added: x.added.map(itemJson),
          removed: x.removed.map(itemJson),
          changed: x.changed.map((c) => ({ from: itemJson(c.from), to: itemJson(c.to), words: c.words, deltas: c.deltas })),
        };
        if (x.moved) sj.moved = x.moved.map((m) => ({ item: itemJson(m.item), from: m.from, to: m.to }));
        out.sections[s] = sj;
      }
      return out;
    }),
  };
}
