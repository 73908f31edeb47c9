/**
 * Checks the fast YAML path (src/core/yaml-lean.ts) against yaml's full pipeline on one text:
 * when the fast path accepts the text, values, container offsets and the offset pool must be the same,
 * and the full pipeline must find no syntax error in it.
 */
import { expect } from '@jest/globals';
import * as yaml from 'yaml';
import { parseLean } from '../../src/core/yaml-lean.js';
import { MAX_DEPTH, parseYaml } from '../../src/core/yaml-source.js';
import type { ContainerOffsets } from '../../src/core/source.js';

/** Every value and every container's recorded offsets, as one string. */
function dump(v: unknown, offsets: WeakMap<object, ContainerOffsets>): string {
  if (typeof v !== 'object' || v === null) return `${typeof v}:${String(v)}`;
  const o = offsets.get(v);
  const head = o ? `@${o.start}-${o.end}#${o.at}x${o.len}${o.names ? `[${o.names.join('|')}]` : ''}` : '@none';
  if (Array.isArray(v)) return `${head}[${v.map((x) => dump(x, offsets)).join(',')}]`;
  return `${head}{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${dump((v as Record<string, unknown>)[k], offsets)}`).join(',')}}`;
}

/** Returns whether the fast path took the text; fails the test if it disagrees with the full pipeline. */
export function expectSameAsFullPipeline(text: string, label = 'text'): boolean {
  const fast = parseLean(yaml, text, MAX_DEPTH);
  if (!fast) return false;
  const full = parseYaml(label, text, { lean: false });
  const fullAnswer = { syntax: full.syntax, value: dump(full.value, full.locator.offsets), pool: Array.from(full.locator.pool) };
  const fastAnswer = { syntax: [], value: dump(fast.value, fast.offsets), pool: Array.from(fast.pool) };
  if (JSON.stringify(fullAnswer) !== JSON.stringify(fastAnswer)) {
    expect({ label, text, ...fastAnswer }).toEqual({ label, text, ...fullAnswer });
  }
  return true;
}
