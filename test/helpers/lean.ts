/**
 * Checks the fast YAML path (src/core/yaml/fast.ts) against yaml's full pipeline on one text:
 * when the fast path accepts the text, values, container offsets and the offset pool must be the same,
 * and the full pipeline must find no syntax error in it.
 */
import { expect } from '@jest/globals';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { parseFast } from '../../src/core/yaml/fast.js';
import { MAX_DEPTH, parse } from '../../src/core/yaml/parse.js';
import { parseValues } from '../../src/core/yaml/values.js';
import { Outline } from '../../src/core/yaml/outline.js';
import { LineIndex, Locator } from '../../src/core/yaml/positions.js';
import { subjectOf } from '../../src/core/subject.js';
import { caseArb, compareOutline, compareYamlPaths, filesOf } from '../fuzz/fuzz-lib.js';

const jsYaml = createRequire(import.meta.url)('js-yaml') as typeof import('js-yaml');

/** Returns whether the fast path took the text; fails the test if it disagrees with the full pipeline. */
export function expectSameAsFullPipeline(text: string, label = 'text'): boolean {
  const r = compareYamlPaths(text, { jsYaml, parseFast: parseFast, parse: parse, maxDepth: MAX_DEPTH });
  if (r.taken && r.fast !== r.full) expect({ label, text, parsed: r.fast }).toEqual({ label, text, parsed: r.full });
  return r.taken;
}

/**
 * Whether lint's outline (src/core/yaml/outline.ts) was made for the text, and how many paths it left
 * to a second parse; fails the test where it locates a path or words a subject otherwise than the fast path.
 */
export function expectOutlineAsFast(text: string, label = 'text'): { outlined: boolean; unsure: number; paths: number; fastTakes?: boolean } {
  const r = compareOutline(text, { jsYaml, parseValues, parseFast, Outline, Locator, LineIndex, subjectOf, maxDepth: MAX_DEPTH });
  expect({ label, text, problem: r.problem }).toEqual({ label, text, problem: undefined });
  return r;
}

/** `check` (true: the path under test took the text) on every file of 300 fuzzed cases: how many were taken or left. */
export function onFuzzedFiles(check: (text: string, name: string) => boolean, seed: number): { taken: number; left: number } {
  const n = { taken: 0, left: 0 };
  fc.assert(
    fc.property(caseArb, (c) => {
      for (const [name, bytes] of filesOf(c)) n[check(new TextDecoder().decode(bytes), name) ? 'taken' : 'left']++;
    }),
    { numRuns: 300, seed },
  );
  return n;
}

/** `check` on `text` with one of `inserts` put at a random place, `runs` times: how many were taken. */
export function onInsertions(text: string, inserts: string[], check: (text: string, label: string) => boolean, seed: number, runs = 400): number {
  let taken = 0;
  fc.assert(
    fc.property(fc.nat(text.length), fc.constantFrom(...inserts), (at, s) => {
      if (check(text.slice(0, at) + s + text.slice(at), `insert ${JSON.stringify(s)} at ${at}`)) taken++;
    }),
    { numRuns: runs, seed },
  );
  return taken;
}
