/**
 * The importer's entry: handbook pages (markdown text) in, families and reports out. Pure: the
 * command reads the files and writes the results.
 */
import { breakCycles, buildFamilies, type FamilyObject } from './build-families.js';
import type { DraftPage, ImportReport, InheritOutcome } from './draft.js';
import { readPage, type PageInput } from './read-page.js';

export type { PageInput } from './read-page.js';
export { partialNames } from './read-page.js';
export { assembleHugoFamily } from './hugo-family.js';
export type { FamilyObject } from './build-families.js';
export type { ImportReport } from './draft.js';

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
}

/** Imports pages together, so references between them resolve. */
export function importPages(inputs: PageInput[]): ImportResult {
  const pages: DraftPage[] = inputs.map(readPage);
  const reports: ImportReport[] = pages.flatMap((p) => p.reports);
  const built = buildFamilies(pages, reports);
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
    stats: pages.map((p) => ({
      file: p.file,
      roles: p.roles.length,
      gradeLines: p.gradeLines,
      inherits: [...p.roles.flatMap((r) => r.inherits), ...p.otherInherits].map((n) => ({ line: n.line, text: n.text, outcome: n.outcome, resolved: n.resolved, place: n.place ?? 'role' })),
    })),
  };
}

/**
 * Where a page sits in the handbook, from its path: `…/job-families/<key>/index.html.md`, or the
 * path below the directory that was imported, or (one file) its last two directories. `exact` is
 * false for the last case: good enough to match links between pages, not to state a source URL.
 */
export function placeOf(path: string, root?: string): { key: string; exact: boolean } | undefined {
  const p = path.replace(/\\/g, '/');
  if (!/(?:^|\/)index\.html\.md(?:\.erb)?$/.test(p)) return undefined;
  const dir = p.replace(/\/?index\.html\.md(?:\.erb)?$/, '');
  const jf = /(?:^|\/)job-families\/(.+)$/.exec(dir);
  if (jf) return { key: jf[1], exact: true };
  if (root !== undefined) {
    const r = root.replace(/\\/g, '/').replace(/\/+$/, '');
    // Below the imported directory: `<department>/<page>` when the directory is the handbook's
    // job-families folder; one level only (a department folder was given) is not enough for a URL.
    if (dir.startsWith(r + '/')) {
      const key = dir.slice(r.length + 1);
      return key.includes('/') ? { key, exact: true } : { key: `${r.split('/').pop()}/${key}`, exact: false };
    }
  }
  const parts = dir.split('/').filter(Boolean);
  if (!parts.length) return undefined;
  return { key: parts.slice(-2).join('/'), exact: false };
}

/** The public URL of a handbook page with that key. */
export function sourceUrl(key: string): string {
  return `https://about.gitlab.com/job-families/${key}/`;
}
