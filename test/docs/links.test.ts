/** Links between the README and docs/ point at files and headings that exist. */
import { expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ROOT } from '../helpers/run-cli.js';

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

const anchors = (markdown: string) =>
  new Set(
    markdown
      .replace(/^```[\s\S]*?^```$/gm, '')
      .match(/^#{1,6} .*$/gm)
      ?.map((h) => slug(h.replace(/^#+ /, ''))) ?? [],
  );

const pages = [
  join(ROOT, 'README.md'),
  ...readdirSync(join(ROOT, 'docs'))
    .filter((n) => n.endsWith('.md'))
    .map((n) => join(ROOT, 'docs', n)),
  ...readdirSync(join(ROOT, 'docs', 'rules')).map((n) => join(ROOT, 'docs', 'rules', n)),
];

test.each(pages.map((p) => [relative(ROOT, p), p]))('%s', (_name, page) => {
  // Code blocks and code spans quote markdown; they hold no links.
  const text = readFileSync(page, 'utf8')
    .replace(/^```[\s\S]*?^```$/gm, '')
    .replace(/`[^`\n]*`/g, '');
  const broken: string[] = [];
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z]+:/.test(target) || target === '…') continue; // URLs, and the pattern `[Y](…)` quoted in prose
    const [file, anchor] = target.split('#');
    const path = file ? join(dirname(page), file) : page;
    if (!existsSync(path)) broken.push(`${target}: no such file`);
    else if (anchor && path.endsWith('.md') && !anchors(readFileSync(path, 'utf8')).has(anchor)) broken.push(`${target}: no such heading`);
  }
  expect(broken).toEqual([]);
});
