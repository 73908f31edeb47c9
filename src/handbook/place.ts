/**
 * Where a page sits in the GitLab handbook: a page path → its `<department>/<page>` key, a key → the
 * public URL, a link → the key it points at. Shared by the page reader, the importer and the writer.
 */

/** The `<department>/<page>` key of a handbook link, if it points at a job-family page. */
export function linkKey(url: string): { key: string; anchor?: string } | null {
  const m = /^(?:https?:\/\/(?:about|handbook)\.gitlab\.com)?\/job-families\/([^#?]*?)\/?(?:#([^?]*))?$/.exec(url.trim());
  return m && m[1] ? { key: m[1].replace(/\/index\.html$/, ''), anchor: m[2] } : null;
}

/**
 * Where a page sits in the handbook, from its path: `…/job-families/<key>/index.html.md`, or the
 * path below the directory that was imported, or (one file) its last two directories. `exact` is
 * false for the last case: good enough to match links between pages, not to state a source URL.
 * A page of the current handbook (`<key>.md`, or `<key>/_index.md` for a folder family) is placed
 * the same way, but only under `job-families/` or below the imported directory (`current: true`).
 */
export function placeOf(path: string, root?: string): { key: string; exact: boolean; current?: true } | undefined {
  const p = path.replace(/\\/g, '/');
  const old = /(?:^|\/)index\.html\.md(?:\.erb)?$/.test(p);
  if (!old && !/\.md$/.test(p)) return undefined;
  const dir = old ? p.replace(/\/?index\.html\.md(?:\.erb)?$/, '') : p.replace(/\/_index\.md$|\.md$/, '');
  const mark = old ? {} : { current: true as const };
  const jf = /(?:^|\/)job-families\/(.+)$/.exec(dir);
  if (jf) return { key: jf[1], exact: true, ...mark };
  if (root !== undefined) {
    const r = root.replace(/\\/g, '/').replace(/\/+$/, '');
    // Below the imported directory: `<department>/<page>` when the directory is the handbook's
    // job-families folder; one level only (a department folder was given) is not enough for a URL.
    if (dir.startsWith(r + '/')) {
      const key = dir.slice(r.length + 1);
      return key.includes('/') ? { key, exact: true, ...mark } : { key: `${r.split('/').pop()}/${key}`, exact: false, ...mark };
    }
  }
  if (!old) return undefined;
  const parts = dir.split('/').filter(Boolean);
  if (!parts.length) return undefined;
  return { key: parts.slice(-2).join('/'), exact: false };
}

/** The public URL of a handbook page with that key (`current`: in the current, Hugo-based handbook). */
export function sourceUrl(key: string, current = false): string {
  return `https://${current ? 'handbook' : 'about'}.gitlab.com/job-families/${key}/`;
}
