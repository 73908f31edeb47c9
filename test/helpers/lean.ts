/**
 * Checks the fast YAML path (src/core/yaml/fast.ts) against yaml's full pipeline on one text:
 * when the fast path accepts the text, values, container offsets and the offset pool must be the same,
 * and the full pipeline must find no syntax error in it.
 */
import { expect } from '@jest/globals';
import { createRequire } from 'node:module';
import { parseFast } from '../../src/core/yaml/fast.js';
import { MAX_DEPTH, parse } from '../../src/core/yaml/parse.js';
import { compareYamlPaths } from '../fuzz/fuzz-lib.js';

const jsYaml = createRequire(import.meta.url)('js-yaml') as typeof import('js-yaml');

/** Returns whether the fast path took the text; fails the test if it disagrees with the full pipeline. */
export function expectSameAsFullPipeline(text: string, label = 'text'): boolean {
  const r = compareYamlPaths(text, { jsYaml, parseFast: parseFast, parse: parse, maxDepth: MAX_DEPTH });
  if (r.taken && r.fast !== r.full) expect({ label, text, parsed: r.fast }).toEqual({ label, text, parsed: r.full });
  return r.taken;
}
