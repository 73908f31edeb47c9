/**
 * Quick property-based run (the long one is `npm run fuzz`): generated and mutated families, every
 * command in-process; exit 0/1/2, no stack trace, every lint finding inside its file.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { warmModules } from '../robustness/harness.js';
import { caseArb, commandsFor, filesOf, violation, writeCaseFiles } from './fuzz-lib.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
let dir: string;

beforeAll(async () => {
  await warmModules();
  dir = mkdtempSync(join(tmpdir(), 'ladder-fuzz-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fuzz', () => {
  test('generated cases are deterministic and mutate bytes', () => {
    const [c] = fc.sample(caseArb, { seed: 42, numRuns: 1 });
    expect(filesOf(c)).toEqual(filesOf(c));
    expect(filesOf(c)[0][1].length).toBeGreaterThan(0);
  });

  test(`${RUNS} generated and mutated data sets: every command keeps its contract`, async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const files = writeCaseFiles(dir, c);
        for (const argv of commandsFor(c)) {
          const r = await runCli(argv, { cwd: dir });
          // The raw-control and export → import invariants run in `npm run fuzz` (scripts/fuzz.js).
          const problem = violation(argv, r, files);
          if (problem) throw new Error(problem);
        }
      }),
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
  }, 60_000);
});
