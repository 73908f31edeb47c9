/**
 * Which files are handbook pages, told from their names and first lines (front matter), and which
 * partials a page includes. Pure: src/io/pages.ts reads the files and asks these.
 */

/** Page file names: `*.md` and `*.md.erb`; names starting with `_` are partials or Hugo index files. */
export const isPageFileName = (name: string) => /\.md(?:\.erb)?$/.test(name) && !name.startsWith('_');

/** A page of the 2022 handbook: front matter with `layout: job_family_page`. */
export const isJobFamilyPageHead = (head: string) => /^\s*layout:\s*["']?job_family_page/m.test(head);

/** The `_index.md` of a folder in the newer (Hugo) format: a title, not the old page layout. */
export const isHugoIndexHead = (head: string) => !isJobFamilyPageHead(head) && /^\s*title:/m.test(head);

/** A level file beside a Hugo `_index.md`: a title and no layout. */
export const isHugoLevelHead = (head: string) => /^\s*title:/m.test(head) && !/^\s*layout:/m.test(head);

/** A level file name beside `_index.md`. */
export const isHugoLevelFileName = (name: string) => /\.md$/.test(name) && !name.startsWith('_');

/** The partials a page includes: `<%= partial("path/name") %>`, as written. */
export function partialNames(text: string): string[] {
  return [...text.matchAll(/<%=\s*partial\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]);
}

/** The file names a partial may have, looked up in the page's directory and the ones above it. */
export function partialFileNames(name: string): string[] {
  const last = name.split('/').pop()!;
  return [`_${last}.erb`, `_${last}.html.md.erb`, `_${last}.md.erb`, `_${last}.md`];
}

/** How many directories up from the page partials are looked for. */
export const PARTIAL_LEVELS_UP = 4;
