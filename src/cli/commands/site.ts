/** `ladder site [--out public] [--base-url /] [--force]`: the data set as a static website. */
import type { Context } from '../io.js';
import { UsageError } from '../../core/errors.js';
import { dataChoice, loadDataSet } from '../data-set.js';
import { VERSION } from '../version.js';
import type { ChangesReport } from '../../site/pages/changes.js';

export interface SiteCommandOptions {
  out: string;
  baseUrl: string;
  title?: string;
  force?: boolean;
  /** A git revision: the site gets a changes page, that revision against the working tree. */
  changesSince?: string;
}

/** A path (`/`, `/ladder/`) or an absolute http(s) URL, without spaces, quotes or angle brackets. */
const BASE_URL = /^(\/|https?:\/\/[^/\s"'<>]+\/)[^\s"'<>\\]*$/;

export async function site(ctx: Context, opts: SiteCommandOptions): Promise<number> {
  if (!BASE_URL.test(opts.baseUrl))
    throw new UsageError(`--base-url ${JSON.stringify(opts.baseUrl)}: expected the path the site is served under, e.g. / or /ladder/ (or an http(s) URL)`);
  const ds = await loadDataSet(ctx);
  const { buildSite, MANIFEST_FILE } = await import('../../site/build-site.js');
  const { writeSite } = await import('../../io/site-output.js');
  let changes: ChangesReport | null = null;
  if (opts.changesSince !== undefined) {
    const { changesReport } = await import('./changes.js');
    const { changesJsonText } = await import('../../render/changes.js');
    // The page is built from the report's JSON form, the shape `ladder changes --format json` prints.
    changes = JSON.parse(changesJsonText(await changesReport(ctx, opts.changesSince, {}))) as ChangesReport;
  }
  const files = buildSite(ds, { baseUrl: opts.baseUrl, title: opts.title, version: VERSION, changes });
  const shown = await writeSite(opts.out, files, {
    cwd: ctx.io.cwd,
    force: Boolean(opts.force),
    protect: [(await dataChoice(ctx)).dir],
    manifest: MANIFEST_FILE,
  });
  let bytes = 0;
  for (const text of files.values()) bytes += Buffer.byteLength(text);
  const pages = [...files.keys()].filter((p) => p.endsWith('.html')).length;
  ctx.io.stderr.write(`ladder: wrote ${pages} pages (${files.size} files, ${(bytes / 1024).toFixed(0)} KB) to ${shown}\n`);
  return 0;
}
