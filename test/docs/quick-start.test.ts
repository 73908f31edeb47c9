/** The README's quick-start commands are the ones CI runs (.ci/run), word for word. */
import { expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/run-cli.js';

test('README quick start and .ci/run agree', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /## Quick start\n[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBeTruthy();
  const commands = block!.trim().split('\n');
  expect(commands).toEqual(['npm ci && npx ladder show senior-lab-curriculum-developer', 'npm test']);
  const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8').split('\n');
  for (const c of commands) expect(ci).toContain(c);
});

test('the README stays an introduction (at most 25 KB) and names no file outside the repository', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(25 * 1024);
  for (const doc of [
    readme,
    ...['file-format', 'commands', 'lint', 'ci', 'import-export', 'robustness', 'performance', 'development'].map((d) =>
      readFileSync(join(ROOT, 'docs', `${d}.md`), 'utf8'),
    ),
  ]) {
    expect(doc).not.toMatch(/\bSPEC\b|\.\.\/shared/);
  }
});

test('every repository path the README and docs/ name in backticks exists', () => {
  const pages = [
    'README.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter((n) => n.endsWith('.md'))
      .map((n) => `docs/${n}`),
  ];
  let named = 0;
  for (const page of pages) {
    const text = readFileSync(join(ROOT, page), 'utf8');
    for (const [, p] of text.matchAll(/`((?:data|docs|schemas|examples|test|src|bin|scripts|bench)\/[\w./-]*[\w/])`/g)) {
      named++;
      expect({ page, p, exists: existsSync(join(ROOT, p)) }).toEqual({ page, p, exists: true });
    }
  }
  expect(named).toBeGreaterThan(10);
});
