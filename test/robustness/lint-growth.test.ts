/**
 * Growth of lint on inputs that used to be super-linear: a title repeating its words (near-duplicate-
 * title), many unresolved references (the "did you mean" search), one line of many quoted or nested
 * flow nodes (the parsers' look for a line break inside each), a list of 200,000 identical items.
 * Each input is doubled three times; the time of the largest over the smallest must stay near 8x (a
 * quadratic pass gives 64x). Timings are the best of three, in-process, through the core only.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { buildDataSet, loadFile } from '../../src/core/load.js';
import { runLint } from '../../src/core/lint/engine.js';
import { RULES_BY_ID } from '../../src/core/lint/registry.js';
import type { SchemaSupport } from '../../src/core/schema-errors.js';
import { loadSchemaSupport } from '../../src/io/schemas.js';
import type { Rule } from '../../src/core/lint/types.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { parse } from '../../src/core/yaml/parse.js';

let schemas: SchemaSupport;
beforeAll(async () => {
  schemas = await loadSchemaSupport();
});

const lint = (text: string, rules?: Rule[]) => {
  const file = loadFile({ file: 'f.yaml', text }, schemas);
  return runLint([file], buildDataSet([file]), rules ? { rules } : {});
};

function best(f: () => void): number {
  let min = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    f();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

/** Times `make(n)` at n, 2n, 4n, 8n; asserts the growth from n to 8n is near-linear. */
function expectNearLinear(n: number, run: (n: number) => void): void {
  run(n); // warm up
  const times = [n, 2 * n, 4 * n, 8 * n].map((size) => best(() => run(size)));
  // 8x the input: linear is 8x, n log n a little more; quadratic would be 64x. Small times are noisy:
  // a floor of 5 ms keeps a fast first size from making the ratio meaningless.
  const ratio = times[3] / Math.max(times[0], 5);
  expect({ times: times.map((t) => Math.round(t)), ratio: ratio < 20 }).toEqual({ times: times.map((t) => Math.round(t)), ratio: true });
}

const family = (roles: string) => `kind: family\nid: demo\ntitle: Demo\nresponsibilities: [Ship work]\nroles:\n${roles}`;

describe('near-linear lint', () => {
  test('near-duplicate-title on a title that repeats its words (400 x "Engineer" took 73 s)', () => {
    const rule = RULES_BY_ID.get('near-duplicate-title')!;
    const text = (n: number) =>
      family(
        `  a:\n    title: ${'Engineer '.repeat(n).trim()}\n    grade: 6\n  b:\n    title: Senior ${'Engineer '.repeat(n).trim()}x\n    grade: 7\n    summary: ${'Enginer Engineer '.repeat(n).trim()}\n`,
      );
    expectNearLinear(100, (n) => lint(text(n), [rule]));
    // And it still finds what it should on such a text.
    expect(lint(text(2), [rule]).map((f) => f.messageId)).toContain('misspelt');
  });

  test('unresolved references with "did you mean" (20,000 took 74 s)', () => {
    const rule = RULES_BY_ID.get('unresolved-reference')!;
    const text = (n: number) => {
      let roles = '';
      for (let i = 0; i < n; i++) roles += `  role-${i}-x:\n    title: R${i}\n    grade: 6\n    extends: missing-role-${i}\n`;
      return family(roles);
    };
    expectNearLinear(600, (n) => lint(text(n), [rule]));
    const found = lint(text(3), [rule]);
    expect(found).toHaveLength(3);
    expect(found.every((f) => f.messageId === 'unknownRole')).toBe(true);
  });

  test('one line of many quoted items, parsed with positions now and later (each looked for a line break to the end of the line)', () => {
    const text = (n: number) =>
      family(`  a:\n    title: A\n    grade: 6\n    responsibilities: [${Array.from({ length: n }, (_, i) => `"item ${i}"`).join(', ')}]\n`);
    for (const positions of ['now', 'later'] as const) {
      expectNearLinear(20_000, (n) => {
        const r = parse(text(n), 'f.yaml', { positions });
        expect(r.syntax).toEqual([]);
      });
    }
  });

  test('one line of many nested flow lists and maps, parsed with positions now and later', () => {
    const text = (n: number) =>
      family(`  a:\n    title: A\n    grade: 6\n    next: [${Array.from({ length: n }, (_, i) => `["x${i}", 'y'], {k: "v"}`).join(', ')}]\n`);
    for (const positions of ['now', 'later'] as const) {
      expectNearLinear(5_000, (n) => {
        const r = parse(text(n), 'f.yaml', { positions });
        expect(r.syntax).toEqual([]);
      });
    }
  });

  test("a finding at the last key of one line's flow mapping, located from the outline (each key looked for a line break to the end of the line)", () => {
    const text = (n: number) => family(`  a:\n    title: A\n    grade: 6\n    extra: {${Array.from({ length: n }, (_, i) => `k${i}: "v"`).join(', ')}}\n`);
    // Only the locating is timed: each parse gives a new locator, whose outline is made at its first use.
    const locate = (n: number) => {
      const t = text(n);
      let min = Infinity;
      for (let i = 0; i < 3; i++) {
        const r = parse(t, 'f.yaml', { positions: 'later' });
        const start = performance.now();
        expect(r.locator.locate(['roles', 'a', 'extra', `k${n - 1}`]).line).toBe(9);
        min = Math.min(min, performance.now() - start);
        expect(r.locator.pending).toBe(true);
      }
      return min;
    };
    locate(1_000); // warm up
    const times = [10_000, 80_000].map(locate);
    const ratio = times[1] / Math.max(times[0], 5);
    expect({ times: times.map((t) => Math.round(t)), ratio: ratio < 20 }).toEqual({ times: times.map((t) => Math.round(t)), ratio: true });
  });

  test('200,000 identical items lint (a spread of them into a call overflowed the stack)', () => {
    const text = family(`  a:\n    title: A\n    grade: 6\n    responsibilities: [${Array(200_000).fill('a').join(', ')}]\n`);
    const found = lint(text);
    expect(found.filter((f) => f.ruleId === 'duplicate-item')).toHaveLength(199_999);
    // And the default report prints them (its column widths were a spread into Math.max).
    const dir = mkdtempSync(join(tmpdir(), 'ladder-200k-'));
    try {
      writeFileSync(join(dir, 'big.yaml'), text);
      return runCli(['lint', '.', '--no-color'], { cwd: dir }).then((r) => {
        expect(r.code).toBe(0);
        expect(r.stdout).toMatch(/199999 problems \(0 errors, 199999 warnings\)/);
        rmSync(dir, { recursive: true, force: true });
      });
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      throw e;
    }
  }, 60_000);
});
