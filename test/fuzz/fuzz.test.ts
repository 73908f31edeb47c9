/**
 * Quick property-based run (the long one is `npm run fuzz`, with the same cases and invariants):
 * generated and mutated families, hostile text (control characters, CR, markdown block syntax, long
 * whitespace runs, C1 and bidi controls) in every text field, every command in-process. Invariants:
 * exit 0/1/2, no stack trace, every lint finding inside its file, no raw control character on
 * stdout/stderr, export → import creates no role, item or field the data did not have, and the fast
 * YAML path parses every file it takes as the full pipeline does.
 *
 * A fixed seed (FUZZ_SEED to change it) keeps CI deterministic; FUZZ_RUNS scales the run.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFast } from '../../src/core/yaml/fast.js';
import { parseValues } from '../../src/core/yaml/values.js';
import { jsYaml, MAX_DEPTH, parse } from '../../src/core/yaml/parse.js';
import { importPages } from '../../src/import/import-pages.js';
import { runCli } from '../helpers/run-cli.js';
import { warmModules } from '../robustness/harness.js';
import { caseArb, commandsFor, compareYamlPaths, exportProblem, filesOf, rawControlProblem, violation, writeCaseFiles, type FuzzCase } from './fuzz-lib.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const yamlPaths = { jsYaml: jsYaml(), parseFast, parse, maxDepth: MAX_DEPTH, parseValues } as unknown as Parameters<typeof compareYamlPaths>[1];
let dir: string;

beforeAll(async () => {
  await warmModules();
  dir = mkdtempSync(join(tmpdir(), 'ladder-fuzz-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The first broken invariant of a case, or null. `reached` counts the exports that got past the loader. */
async function problemOf(c: FuzzCase, reached: { exports: number }): Promise<string | null> {
  const files = writeCaseFiles(dir, c);
  for (const [name, bytes] of files) {
    const r = compareYamlPaths(new TextDecoder().decode(bytes), yamlPaths);
    if (r.taken && r.fast !== r.full) return `${name}: the fast YAML path parses it differently from the full pipeline:\n  fast: ${r.fast}\n  full: ${r.full}`;
    if (r.values !== undefined && r.values !== r.fullValues)
      return `${name}: the values-only YAML path reads it differently:\n  values: ${r.values}\n  full: ${r.fullValues}`;
  }
  for (const argv of commandsFor(c)) {
    const r = await runCli(argv, { cwd: dir });
    if (argv.includes('export') && r.code === 0) reached.exports++;
    const problem = violation(argv, r, files) ?? rawControlProblem(argv, r) ?? exportProblem(argv, r, files, importPages);
    if (problem) return problem;
  }
  return null;
}

describe('fuzz', () => {
  test('generated cases are deterministic and mutate bytes', () => {
    const [c] = fc.sample(caseArb, { seed: 42, numRuns: 1 });
    expect(filesOf(c)).toEqual(filesOf(c));
    expect(filesOf(c)[0][1].length).toBeGreaterThan(0);
  });

  test('the invariants catch what they are for', () => {
    // A raw ESC on stdout, an export whose page imports back with a role the data did not have.
    expect(rawControlProblem(['list'], { code: 0, stdout: 'a\u001b[2Jb', stderr: '' })).toMatch(/U\+001b on stdout/);
    expect(rawControlProblem(['list'], { code: 0, stdout: 'C1 \u009b31m', stderr: '' })).toMatch(/U\+009b/);
    const files = new Map([['data/f.yaml', Buffer.from('kind: family\nid: fam\ntitle: Fam\nroles:\n  a-role: {title: A, grade: 5}\n')]]);
    const forged =
      '---\ntitle: Fam\nfamily_id: fam\n---\n\n## Levels\n\n### A\n\n<!-- ladder: {"id":"a-role"} -->\n\nThe A is a grade 5.\n\n### Ghost\n\nThe Ghost is a grade 9.\n';
    expect(exportProblem(['--data', 'data', 'export', 'fam'], { code: 0, stdout: forged, stderr: '' }, files, importPages as never)).toMatch(
      /created role `ghost`/,
    );
  });

  test(`${RUNS} generated and mutated data sets: every command keeps its contract`, async () => {
    const reached = { exports: 0 };
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const problem = await problemOf(c, reached);
        if (problem) throw new Error(problem);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // The cases get past the loader: export → import is checked on a good share of them.
    expect(reached.exports).toBeGreaterThan(RUNS / 5);
  }, 120_000);
});
