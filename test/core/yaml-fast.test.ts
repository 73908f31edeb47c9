/**
 * The fast YAML path against yaml's full pipeline: on every text it accepts, the same values, offsets
 * and offset pool (test/helpers/lean.ts). Real files (bundled data, examples, fixtures, a generated data
 * set) must all take it; texts outside its subset must not; mutated files are compared case by case.
 */
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectSameAsFullPipeline, onFuzzedFiles, onInsertions } from '../helpers/lean.js';
import { parse } from '../../src/core/yaml/parse.js';
import { ROOT } from '../helpers/run-cli.js';
// @ts-expect-error plain JS script without types
import { generate } from '../../scripts/generate.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

describe('files as written take the fast path and match the full pipeline', () => {
  test.each(['data', join('examples', 'profiles')])('%s', (dir) => {
    const files = yamlFiles(join(ROOT, dir));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect([f, expectSameAsFullPipeline(readFileSync(f, 'utf8'), f)]).toEqual([f, true]);
  });

  test('a generated data set (flow maps and sequences, folded summaries)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-lean-'));
    try {
      generate({ families: 40, out: dir });
      const files = yamlFiles(dir);
      expect(files.length).toBe(41);
      for (const f of files) expect([f, expectSameAsFullPipeline(readFileSync(f, 'utf8'), f)]).toEqual([f, true]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('test fixtures: only the deliberately broken ones leave the fast path', () => {
    const files = yamlFiles(join(ROOT, 'test', 'fixtures'));
    const left = files.filter((f) => !expectSameAsFullPipeline(readFileSync(f, 'utf8'), f));
    expect(files.length - left.length).toBeGreaterThan(20);
    expect(left.map((f) => f.slice(ROOT.length + 1)).sort()).toEqual([
      'test/fixtures/diff-gap/profiles/broken.yaml',
      'test/fixtures/lint/rules/yaml-syntax.yaml',
    ]);
  });
});

// Inside the subset: taken, and equal to the full pipeline.
const INSIDE: [string, string][] = [
  ['core-schema scalars', 'a: 1\nb: -2.50\nc: 1e3\nd: .inf\ne: .nan\nf: 0x1F\ng: 0o17\nh: true\ni: False\nj: null\nk: ~\nl: 007\nm: +12\n'],
  ['quoted and escaped', 'a: "x\\ty \\u00e9 \\"q\\""\nb: \'it\'\'s\'\nc: "multi\n  line"\nd: \'\'\n'],
  ['multi-line plain scalar', 'summary: first line\n  second line\n\n  new paragraph\nnext: x\n'],
  ['block scalars', 'a: |\n  keep\n   indented\n\nb: >-\n  folded\n  text\n\n  para\nc: |-\n  stripped\n\nd: |2\n    two\ne: >\n  last\n'],
  ['flow over lines', 'a: [x,\n  y]\nb: {k: v,\n  l: w}\n'],
  ['trailing comma', 'a: [x, y,]\n'],
  ['comments everywhere', '# head\n\nkind: family # why\n# between\nroles: # list\n  # inside\n  - a # x\n  # after\n  - b\n# tail\n'],
  ['flow collections', 'a: []\nb: {}\nc: [x, "y", \'z\', 1, true]\nd: {all: [gcp, aws], any: [x]}\ne: [[1, 2], {k: v}]\nf: [ spaced , out ]\n'],
  ['compact mappings in sequences', 'items:\n  - id: x\n    text: y\n  -   id: z\n      text: w\n  - - nested\n    - seq\n'],
  ['keys that are not strings as written', '1: one\ntrue: yes\nnull: nothing\n"quoted key": q\n\'single\': s\n'],
  ['prototype keys', '__proto__: {polluted: true}\nconstructor: c\nprototype: [p]\n'],
  ['document start marker', '---\nkind: family\n'],
  ['document start marker with comment', '# c\n--- # x\nkind: family\n'],
  ['unicode', 'title: "Ingénieur·e 工程师 🚀"\nnote: ✓ done\n'],
  ['no trailing newline', 'a: b'],
  // js-yaml reads each entry as a would-be key first: the entry closes twice, around the same collection.
  // Before such an entry js-yaml tries a would-be key there and finds an empty node.
  ['block scalars as block sequence entries', 'list:\n  - |\n    kept\n  - >-\n    folded\n    text\n\n  - x\n  - |-\n    last\n'],
  ['a one-entry flow sequence as a block sequence entry', 'items:\n  - x\n  - [nested]\n  - [[deeper]]\n  - - [inner]\n  - {k: v}\n  - [a, b]\n'],
];
// Outside the subset (or an error): left to the full pipeline.
const OUTSIDE: [string, string][] = [
  ['quoted scalar continued at column 0 (js-yaml accepts it, yaml refuses)', 'roles:\n  r:\n    summary: "a\nb"\n'],
  ["quoted scalar continued at its key's indentation", "a:\n  b: 'x\n  y'\n"],
  ['flow mapping continued at column 0', 'skills:\n  gcp: {title: G\n, aliases: [GCP]}\n'],
  ['anchor and alias', 'a: &x 1\nb: *x\n'],
  ['tag', 'a: !!str 1\n'],
  ['custom tag', 'a: !thing 1\n'],
  ['explicit key', '? a\n: b\n'],
  ['empty value', 'a:\nb: 1\n'],
  ['duplicate key', 'a: 1\na: 2\n'],
  ['tab', 'a:\n\t- b\n'],
  ['CRLF', 'a: 1\r\nb: 2\r\n'],
  ['BOM', '\uFEFFa: 1\n'],
  ['two documents', 'a: 1\n---\nb: 2\n'],
  ['document end marker', 'a: 1\n...\n'],
  ['scalar document', 'just text\n'],
  ['sequence document', '- a\n- b\n'],
  ['empty document', ''],
  ['comment-only document', '# nothing\n'],
  ['keep-chomping block scalar', 'a: |+\n  kept\n\nb: 1\n'],
  ['pair in flow sequence', 'a: [k: v]\n'],
  ['bad indentation', 'a:\n  b: 1\n c: 2\n'],
  ['unterminated quote', 'a: "open\n'],
  ['block map on the marker line', '--- a: 1\n'],
  ['too deep', Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i)}k:`).join('\n') + ' v\n'],
  ['key over 1024 characters', `${'k'.repeat(1100)}: v\n`],
];

describe('the subset', () => {
  test.each(INSIDE)('inside: %s', (_name, text) => expect(expectSameAsFullPipeline(text)).toBe(true));
  test.each(OUTSIDE)('outside: %s', (_name, text) => expect(expectSameAsFullPipeline(text)).toBe(false));
});

test('nesting far past the limit is refused by the fast path, without the full pipeline (which ran out of memory)', () => {
  const text = 'a:\n' + '  - '.repeat(200_000) + 'x\n';
  const r = parse(text, 'deep.yaml');
  expect(r.value).toBeNull();
  expect(r.syntax.map((s) => s.messageId)).toEqual(['nestingDeeper']);
  expect(r.syntax[0].start).toBeGreaterThan(0);
});

describe('mutated files', () => {
  test('fuzzed families: whenever the fast path takes a text, it agrees with the full pipeline', () => {
    const { taken, left } = onFuzzedFiles(expectSameAsFullPipeline, 7);
    // Both sides are exercised: the comparison is not vacuous.
    expect(taken).toBeGreaterThan(100);
    expect(left).toBeGreaterThan(30);
  });

  test('YAML-significant characters inserted into a bundled file', () => {
    const text = readFileSync(join(ROOT, 'data', 'technical-instructional-designer.yaml'), 'utf8');
    const taken = onInsertions(
      text,
      [':', ': ', '- ', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '\n', '  ', '|', '>-', '&a ', '*a', '!t ', '?', '\\', '...', '---\n', 'x'],
      expectSameAsFullPipeline,
      11,
    );
    expect(taken).toBeGreaterThan(100);
  });
});
