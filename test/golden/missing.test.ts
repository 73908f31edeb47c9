/** A golden file that does not exist fails the test instead of being written (only `npm run golden` writes). */
import { expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GOLDEN_DIR, expectGolden } from '../helpers/golden.js';

test('a missing golden file fails and is not created', () => {
  const name = 'no-such-golden-file.txt';
  if (process.env.UPDATE_GOLDEN === '1') return expect(process.env.UPDATE_GOLDEN).toBe('1');
  expect(() => expectGolden(name, 'anything\n')).toThrow(/golden file no-such-golden-file\.txt is missing; run `npm run golden`/);
  expect(existsSync(join(GOLDEN_DIR, name))).toBe(false);
});
