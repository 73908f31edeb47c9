/** Shared by the site tests: build the site of a data folder in memory, and read pages back. */
import { dirname, posix } from 'node:path';
import { loadPaths } from '../../src/io/data.js';
import { buildSite, type SiteFiles } from '../../src/site/build-site.js';
import { join } from 'node:path';
import { FIXTURES, ROOT } from '../helpers/run-cli.js';

/** A family whose every text tries to become markup, script or a request: it must all stay text. */
export const HOSTILE = join(FIXTURES, 'site', 'hostile');

export async function siteOf(dir: string, options: { baseUrl?: string } = {}): Promise<SiteFiles> {
  const { ds, findings } = await loadPaths([dir], ROOT, { keepSources: false });
  const errors = findings.filter((f) => f.level === 'error');
  if (errors.length) throw new Error(`fixture has errors: ${errors.map((e) => e.message).join('; ')}`);
  return buildSite(ds, { version: '0.0.0-test', ...options });
}

/** The text of one `<section aria-labelledby="<id>">…</section>` of a page. */
export function section(html: string, id: string): string {
  const start = html.indexOf(`<section aria-labelledby="${id}"`);
  if (start === -1) return '';
  return html.slice(start, html.indexOf('</section>', start));
}

export const count = (text: string, needle: string) => text.split(needle).length - 1;

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Every href and src of a page, decoded. */
export function links(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decode(m[1]));
}

/** The site path a relative link of the page at `from` points to, and its anchor. */
export function target(from: string, link: string): { path: string; anchor: string | null } {
  const [path, anchor] = link.split('#');
  const resolved = path === '' ? from : posix.normalize(posix.join(dirname(from), path));
  return { path: resolved, anchor: anchor ?? null };
}
