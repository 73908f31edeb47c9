/**
 * Golden files: expected output stored under test/golden/__golden__, compared byte for byte.
 * `npm run golden` (UPDATE_GOLDEN=1) rewrites them; review the diff before committing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from '@jest/globals';
import { ROOT } from './run-cli.js';

export const GOLDEN_DIR = join(ROOT, 'test', 'golden', '__golden__');

export function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  // A missing golden fails: it is written only by `npm run golden`, and then reviewed.
  if (!existsSync(file)) throw new Error(`golden file ${name} is missing; run \`npm run golden\` and review it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
