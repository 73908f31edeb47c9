/**
 * Where each page lives in the built site, and links between pages. Links are relative, so the
 * site works opened from disk and under any path prefix; only the 404 page (served at any depth)
 * uses the base URL. Ids are kebab-case (schema), so they are safe as file names.
 */

export const ASSETS = { css: 'assets/site.css', js: 'assets/site.js' } as const;

export const homePath = () => 'index.html';
export const rolePath = (role: string) => `roles/${role}.html`;
export const familyPath = (family: string) => `families/${family}.html`;
export const matrixPath = (family: string, ladder: string) => `matrix/${family}.${ladder}.html`;
export const comparePath = (from: string, to: string) => `compare/${from}.${to}.html`;

/** The href from the page at `from` to the file `to` (both site-relative paths), plus an optional anchor. */
export function href(from: string, to: string, anchor?: string): string {
  const depth = from.split('/').length - 1;
  const rel = '../'.repeat(depth) + to;
  return anchor ? `${rel}#${anchor}` : rel;
}
