/**
 * Checks the fast YAML path (src/core/yaml-lean.ts) against yaml's full pipeline on one text:
 * when the fast path accepts the text, values, container offsets and the offset pool must be the same,
 * and the full pipeline must find no syntax error in it.
 */
import { expect } from '@jest/globals';
import * as yaml from 'yaml';
import { parseLean } from '../../src/core/yaml-lean.js';
import { MAX_DEPTH, parseYaml } from '../../src/core/yaml-source.js';
import { compareYamlPaths } from '../fuzz/fuzz-lib.js';

/** Returns whether the fast path took the text; fails the test if it disagrees with the full pipeline. */
export function expectSameAsFullPipeline(text: string, label = 'text'): boolean {
  const r = compareYamlPaths(text, { yaml, parseLean: parseLean as never, parseYaml: parseYaml as never, maxDepth: MAX_DEPTH });
  if (r.taken && r.fast !== r.full) expect({ label, text, parsed: r.fast }).toEqual({ label, text, parsed: r.full });
  return r.taken;
}
