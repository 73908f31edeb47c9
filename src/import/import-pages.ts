/**
 * The importer's entry: handbook pages (markdown text) in, families and reports out. Pure: the
 * command reads the files and writes the results.
 */
import { breakCycles, buildFamilies, type BuildOptions, type FamilyObject } from './build-families.js';
import type { DraftPage, ImportReport, InheritOutcome } from '../handbook/draft.js';
import { readPage, type PageInput } from '../handbook/read-page.js';

export type { PageInput } from '../handbook/read-page.js';
export { partialNames } from '../handbook/read-page.js';
export { assembleHugoFamily } from '../handbook/hugo-family.js';
export type { FamilyObject, KnownEntry, BuildOptions } from './build-families.js';

/** An imported id that already exists in the data set imported into. */
export interface IdClash {
  id: string;
  kind: 'role' | 'family';
  /** The page it comes from. */
  page: string;
  /** The data-set file that has it. */
  file: string;
}
export type { ImportReport } from '../handbook/draft.js';
export { placeOf, sourceUrl } from '../handbook/place.js';

export interface ImportedFamily {
  /** The page it came from (as given in PageInput.file). */
  file: string;
  family: FamilyObject;
}

/** Per page: what was found, for statistics (`npm run corpus`). */
export interface PageStats {
  file: string;
  roles: number;
  /** Grade sentences read, by line. */
  gradeLines: Map<number, number>;
  /** Inheritance phrases: line, text and what they became. */
  inherits: { line: number; text: string; outcome: InheritOutcome | undefined; resolved?: string; place: 'role' | 'specialty' | 'not-a-role' }[];
}

export interface ImportResult {
  families: ImportedFamily[];
  /** Sorted by file and line. */
  reports: ImportReport[];
  stats: PageStats[];
  /** Ids the import would add that the data set imported into already has (empty without `known`). */
  clashes: IdClash[];
}

/** Imports pages together, so references between them resolve. */
export function importPages(inputs: PageInput[], options: BuildOptions = {}): ImportResult {
  const pages: DraftPage[] = inputs.map(readPage);
  const reports: ImportReport[] = pages.flatMap((p) => p.reports);
  const built = buildFamilies(pages, reports, options);
  const known = new Map((options.known ?? []).map((k) => [k.id, k]));
  const clashes: IdClash[] = [];
  for (const b of built) {
    for (const [id, kind] of [[b.family.id, 'family'] as const, ...Object.keys(b.family.roles).map((r) => [r, 'role'] as const)]) {
      const k = known.get(id);
      if (k) clashes.push({ id, kind, page: b.page.file, file: k.file });
    }
  }
  breakCycles(built, reports);
  const order = new Map(inputs.map((p, i) => [p.file, i]));
  reports.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line);
  // Pages assembled from several files report each line where it was written.
  const origins = new Map(inputs.filter((p) => p.origin).map((p) => [p.file, p.origin!]));
  for (const r of reports) {
    const o = origins.get(r.file)?.(r.line);
    if (o) Object.assign(r, o);
  }
  return {
    families: built.map((b) => ({ file: b.page.file, family: b.family })),
    reports,
    clashes,
    stats: pages.map((p) => ({
      file: p.file,
      roles: p.roles.length,
      gradeLines: p.gradeLines,
      inherits: [...p.roles.flatMap((r) => r.inherits), ...p.otherInherits].map((n) => ({
        line: n.line,
        text: n.text,
        outcome: n.outcome,
        resolved: n.resolved,
        place: n.place ?? 'role',
      })),
    })),
  };
}
