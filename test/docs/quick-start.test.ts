/** The README's quick-start commands are the ones CI runs (.ci/run), word for word. */
import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
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
  for (const doc of [readme, ...['file-format', 'commands', 'lint', 'ci', 'import-export', 'robustness', 'performance', 'development'].map((d) => readFileSync(join(ROOT, 'docs', `${d}.md`), 'utf8'))]) {
    expect(doc).not.toMatch(/\bSPEC\b|\.\.\/shared/);
  }
});
