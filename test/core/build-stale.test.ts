/** The jest global setup rebuilds dist/ when a source is newer than the build, or the build is missing. */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildIsStale } from '../global-setup.js';

let root = '';
const put = (rel: string, secondsAgo: number) => {
  const f = join(root, rel);
  mkdirSync(dirname(f), { recursive: true });
  writeFileSync(f, 'x');
  const t = Date.now() / 1000 - secondsAgo;
  utimesSync(f, t, t);
};
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ladder-stale-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('missing build, fresh build, then a newer source', () => {
  put('src/cli/run.ts', 100);
  expect(buildIsStale(root)).toBe(true);
  const outputs = ['dist/cli/run.js', 'dist/validators.cjs', 'dist/data-snapshot.json', 'dist/bundle/ladder.cjs', 'dist/bundle/ladder.cjs.v8-cache'];
  for (const o of outputs.slice(0, 3)) put(o, 50);
  // The bundle and its code cache are outputs too: without them the build is not complete.
  expect(buildIsStale(root)).toBe(true);
  for (const o of outputs.slice(3)) put(o, 50);
  expect(buildIsStale(root)).toBe(false);
  put('src/core/deep/new.ts', 10);
  expect(buildIsStale(root)).toBe(true);
});
