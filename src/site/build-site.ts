/**
 * `ladder site`: builds every page of the static site from a data set. Pure: data in, a map of
 * site-relative paths to file contents out, in a fixed order, so the same data gives the same bytes.
 * Writing the files (atomically, refusing to overwrite what ladder did not build) is src/io's job.
 *
 * Pages: index.html (families, ladders, graph), families/<id>.html, roles/<id>.html,
 * matrix/<family>.<ladder>.html, compare/<from>.<to>.html for every pair of levels of a ladder
 * (lower level first), 404.html, and the assets. A changes page (`changes.html`) is built only when a
 * pre-computed changes report is passed in (the `ladder changes` core computes it); without one it is left out.
 */
import type { DataSet } from '../core/model.js';
import { diffRoles } from '../core/diff/index.js';
import { SITE_CSS, SITE_JS } from './assets.js';
import { makeMarkdown, type Markdown } from './markdown.js';
import { ASSETS, comparePath, familyPath, matrixPath, rolePath } from './paths.js';
import { collectSiteData } from './site-data.js';
import { comparePage } from './pages/compare.js';
import { familyPage, homePage } from './pages/home.js';
import { matrixPage } from './pages/matrix.js';
import { rolePage } from './pages/role.js';
import { notFoundPage } from './pages/not-found.js';
import { changesPage, type ChangesReport } from './pages/changes.js';
import type { PageContext } from './pages/layout.js';

/** Marks a folder as built by `ladder site` (src/io refuses to replace a non-empty folder without it). */
export const MANIFEST_FILE = '.ladder-site.json';

export interface SiteOptions {
  /** Path the site is served under, with leading and trailing `/` (default `/`); used by the 404 page. */
  baseUrl?: string;
  /** Site title (default "Career ladders"). */
  title?: string;
  /** The ladder version, written into each page's generator tag and the manifest. */
  version: string;
  /** A `changes --format json` report; the changes page is built only when given. */
  changes?: ChangesReport | null;
}

/** Site-relative path → file text, sorted by path. */
export type SiteFiles = Map<string, string>;

export function buildSite(ds: DataSet, options: SiteOptions): SiteFiles {
  const data = collectSiteData(ds);
  const ctx: PageContext = { siteTitle: options.title ?? 'Career ladders', version: options.version };
  const mds = new Map<string, Markdown>();
  const mdFor = (source?: string) => {
    const key = source ?? '';
    let md = mds.get(key);
    if (!md) mds.set(key, (md = makeMarkdown(source)));
    return md;
  };
  const files = new Map<string, string>();
  const put = (path: string, text: string) => {
    if (files.has(path)) throw new Error(`two pages at ${path}`);
    files.set(path, text);
  };
  put('index.html', homePage(ctx, data, options.changes ?? null));
  for (const fam of data.families) put(familyPath(fam.def.id), familyPage(ctx, data, fam, mdFor(fam.def.source)));
  for (const role of data.roles.values()) put(rolePath(role.def.id), rolePage(ctx, data, role, mdFor));
  for (const l of data.ladders) {
    const md = mdFor(l.family.source);
    if (l.levels.length) put(matrixPath(l.family.id, l.ladder.id), matrixPage(ctx, l, md));
    for (let i = 0; i < l.levels.length; i++) {
      for (let j = i + 1; j < l.levels.length; j++) {
        const path = comparePath(l.levels[i].def.id, l.levels[j].def.id);
        // A pair of roles on two ladders gets one page.
        if (files.has(path)) continue;
        const d = j === i + 1 ? l.steps[i].diff : diffRoles(l.levels[i].resolved, l.levels[j].resolved);
        put(path, comparePage(ctx, l, l.levels[i], l.levels[j], d, md));
      }
    }
  }
  if (options.changes) put('changes.html', changesPage(ctx, data, options.changes));
  put('404.html', notFoundPage(ctx, normaliseBaseUrl(options.baseUrl ?? '/')));
  put(ASSETS.css, SITE_CSS);
  put(ASSETS.js, SITE_JS);
  const paths = [...files.keys()].sort();
  put(MANIFEST_FILE, JSON.stringify({ generator: 'ladder site', version: options.version, files: paths }) + '\n');
  return new Map([...files.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

/** `/ladder` → `/ladder/`; the base URL must be a path (`/…`) or an http(s) URL. */
export function normaliseBaseUrl(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}
