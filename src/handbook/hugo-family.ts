/**
 * The newer handbook format (2023+) splits a job family into a folder: `_index.md` with the family's
 * title and page-level sections, and one file per level (`associate.md`, `senior.md`, …) ordered by
 * their `weight`. This assembles such a folder into one template-1 page for the importer, keeping a
 * map from each line back to its file and line for the reports.
 */
import type { PageInput } from './read-page.js';
import { readFrontMatter, toLines } from './markdown-blocks.js';

export interface HugoFile {
  file: string;
  text: string;
}

/** The page input for a Hugo family folder, or null when `index` has no title. */
export function assembleHugoFamily(index: HugoFile, levels: readonly HugoFile[], extra: Omit<PageInput, 'file' | 'text' | 'origin'> = {}): PageInput | null {
  const head = readFrontMatter(toLines(index.text));
  const title = head.fields.title;
  if (!title) return null;
  const out: string[] = [];
  const origin: { file: string; line: number }[] = [];
  const push = (text: string, file: string, line: number) => {
    out.push(text);
    origin.push({ file, line });
  };
  push('---', index.file, 1);
  push('layout: job_family_page', index.file, 1);
  push(`title: ${JSON.stringify(title)}`, index.file, 1);
  push('---', index.file, 1);
  const parsed = levels
    .map((l) => {
      const fm = readFrontMatter(toLines(l.text));
      return { ...l, title: fm.fields.title, weight: Number(fm.fields.weight ?? Infinity), rest: fm.rest };
    })
    .filter((l) => l.title)
    .sort((a, b) => a.weight - b.weight || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  // `_index.md`'s text before its first heading is the family's introduction: it goes before the
  // levels (after them it would land in the last level's open section, often its Career Ladder).
  let firstHeading = head.rest.length;
  let fence: string | null = null;
  for (const [i, l] of head.rest.entries()) {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(l.text);
    if (f && (fence === null || f[1].startsWith(fence))) fence = fence === null ? f[1] : null;
    else if (fence === null && /^ {0,3}#{1,6}(?:\s|$)/.test(l.text)) {
      firstHeading = i;
      break;
    }
  }
  for (const line of head.rest.slice(0, firstHeading)) push(line.text, index.file, line.line);
  push('', index.file, 1);
  push('## Levels', index.file, 1);
  const levelTitles = Object.create(null) as Record<string, string>;
  for (const l of parsed) {
    // Links name a level by its file (`/job-families/<family>/senior/` for `senior.md`).
    const base = l.file.slice(l.file.replace(/\\/g, '/').lastIndexOf('/') + 1);
    if (base.endsWith('.md')) levelTitles[base.slice(0, -3)] = l.title!;
    // Each level file's body sits under its title, one heading level below "Levels".
    push(`### ${l.title}`, l.file, 1);
    for (const line of l.rest) push(line.text, l.file, line.line);
    push('', l.file, l.rest.length ? l.rest[l.rest.length - 1].line : 1);
  }
  for (const line of head.rest.slice(firstHeading)) push(line.text, index.file, line.line);
  return {
    ...extra,
    file: index.file,
    text: out.join('\n'),
    levelTitles,
    origin: (n) => origin[n - 1] ?? { file: index.file, line: n },
  };
}
