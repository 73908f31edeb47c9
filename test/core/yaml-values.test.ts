/**
 * The values-only YAML path (src/core/yaml/values.ts, what `lint` reads files with) against yaml's
 * full pipeline: on every text it takes, the full pipeline finds no error and reads the same values
 * (keys in the same order, numbers, nulls and booleans alike). Real files must take it; texts
 * outside it must not; fuzzed and mutated files are compared case by case. And lint, which locates
 * its findings only later, reports exactly what the eager path reports.
 */
import { describe, expect, test } from '@jest/globals';
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseValues } from '../../src/core/yaml/values.js';
import { MAX_DEPTH, parse } from '../../src/core/yaml/parse.js';
import { buildDataSet, loadFile } from '../../src/core/load.js';
import { runLint } from '../../src/core/lint/engine.js';
import { loadSchemaSupport } from '../../src/io/schemas.js';
import { ROOT } from '../helpers/run-cli.js';
import { onFuzzedFiles, onInsertions } from '../helpers/lean.js';
// @ts-expect-error plain JS script without types
import { generate } from '../../scripts/generate.js';

const jsYaml = createRequire(import.meta.url)('js-yaml') as typeof import('js-yaml');

/** A value written out with everything JSON loses: key order, NaN, infinities, -0, undefined. */
function dump(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (v === null || typeof v !== 'object') return v === undefined ? 'undefined' : JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(dump).join(',')}]`;
  return `{${Object.keys(v)
    .map((k) => `${JSON.stringify(k)}:${dump((v as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}

/** Whether the values-only path took the text; fails the test when it disagrees with the full pipeline. */
function expectSameValues(text: string, label = 'text'): boolean {
  const v = parseValues(jsYaml, text, MAX_DEPTH);
  if (v === undefined) return false;
  const full = parse(text, 'file.yaml', { fast: false });
  expect({ label, text, syntax: [] as unknown[], value: dump(v) }).toEqual({ label, text, syntax: full.syntax, value: dump(full.value) });
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

const INSIDE: [string, string][] = [
  ['core-schema scalars', 'a: 1\nb: -2.50\nc: 1e3\nd: .inf\ne: .nan\nf: 0x1F\ng: 0o17\nh: true\ni: False\nj: null\nk: ~\nl: 007\nm: +12\nn: -.INF\n'],
  ['look-alike non-strings stay strings', 'a: 1_000\nb: 0b101\nc: yes\nd: on\ne: 1.2.3\nf: "1"\ng: \'true\'\nh: 12:30\ni: 2026-12-01\n'],
  ['quoted and escaped', 'a: "x\\ty \\u00e9 \\"q\\""\nb: \'it\'\'s\'\nc: "multi\n  line"\nd: \'\'\n'],
  ['multi-line plain scalar', 'summary: first line\n  second line\n\n  new paragraph\nnext: x\n'],
  ['block scalars', 'a: |\n  keep\n   indented\n\nb: >-\n  folded\n  text\n\n  para\nc: |-\n  stripped\n\nd: |2\n    two\ne: >\n  last\n'],
  ['quoted scalar and flow continued further in', 'a: "x\n  y"\nb: [1,\n  2]\n'],
  ['flow collections', 'a: []\nb: {}\nc: [x, "y", \'z\', 1, true]\nd: {all: [gcp, aws], any: [x]}\ne: [[1, 2], {k: v}]\nf: [ spaced , out ]\ng: [x, y,]\n'],
  ['keys that are not strings as written', '1: one\ntrue: yes\nnull: nothing\n0x1F: hex\n"quoted key": q\n\'single\': s\n'],
  ['prototype keys', '__proto__: {polluted: true}\nconstructor: c\nprototype: [p]\n'],
  ['empty values', 'a:\nb: 1\nc:\n  -\n  - x\nd: # comment\n'],
  ['pair in flow sequence', 'a: [k: v]\nb: {x, y: z}\n'],
  ['comments everywhere', '# head\n\nkind: family # why\n# between\nroles: # list\n  # inside\n  - a # x\n  # after\n  - b\n# tail\n'],
  ['unicode', 'title: "Ingénieur·e 工程师 🚀"\nnote: ✓ done\n'],
  ['a long line with a short key', `summary: ${'word '.repeat(400)}\n`],
  ['indicator characters inside scalars', 'a: sales & support\nb: Why? Because\nd: 5 * 3 = 15!\ne: x&y\n'],
  ['indicator characters where a line of a block scalar starts', 'a: |\n  *bold* text\n  & more\n  ! bang\nb: >\n  * bullet\n  ** strong **\n'],
  ['indicator characters after a colon or a dash inside scalars', "a: '**Note:** *read* this'\nb: Note:*x*\nc: x - *y* - &z\nd: [x:*y, z-&w]\n"],
  ['indicator characters on continuation lines of a plain scalar', 'summary: first line\n  *emphasis* on the second\n  & the third\n'],
  ['no trailing newline', 'a: b'],
  ['numbers, booleans and nulls as block sequence entries', 'a:\n  - 12\n  - true\n  - ~\n  - -1.5\n  - x\nb:\n  - null\n'],
];
const OUTSIDE: [string, string][] = [
  ['anchor and alias', 'a: &x 1\nb: *x\n'],
  ['anchor in a sequence', 'a:\n  - &x 1\n  - *x\n'],
  ['alias in a flow sequence', 'a: &x 1\nb: [c,*x]\n'],
  ['tag on a line of its own', 'a:\n  !!str\n  1\n'],
  ['tag', 'a: !!str 1\n'],
  ['local tag on a flow sequence', 'a: !x [1, 2]\n'],
  ['anchor on a block mapping', 'a: &m\n  b: 1\nc: *m\n'],
  ['anchor on an empty value', 'a: &x\nb: 1\n'],
  ['anchor on the document', '&top\na: 1\n'],
  ['alias as a key', 'a: &k key\n*k : v\n'],
  ['alias inside its own anchor', 'a: &x [*x]\n'],
  ['unknown alias', 'a: *nowhere\n'],
  ['explicit key', '? a\n: b\n'],
  ['duplicate key', 'a: 1\na: 2\n'],
  ['tab', 'a:\n\t- b\n'],
  ['CRLF', 'a: 1\r\nb: 2\r\n'],
  ['BOM', '\uFEFFa: 1\n'],
  ['directive', '%YAML 1.2\n---\na: 1\n'],
  ['document start marker', '---\nkind: family\n'],
  ['two documents', 'a: 1\n---\nb: 2\n'],
  ['document end marker', 'a: 1\n...\n'],
  ['scalar document', 'just text\n'],
  ['sequence document', '- a\n- b\n'],
  ['empty document', ''],
  ['keep-chomping block scalar', 'a: |+\n  kept\n\nb: 1\n'],
  ['keep-chomping with an indentation indicator', 'a: >2+\n    kept\n\nb: 1\n'],
  ['bad indentation', 'a:\n  b: 1\n c: 2\n'],
  ['unterminated quote', 'a: "open\n'],
  ['too deep', Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i)}k:`).join('\n') + ' v\n'],
  ['key over 1024 characters', `${'k'.repeat(1100)}: v\n`],
  ['quoted key over 1024 characters', `"${'k'.repeat(1100)}": v\n`],
  ['quoted scalar continued at column 0 (js-yaml accepts it, yaml refuses)', 'roles:\n  r:\n    summary: "a\nb"\n'],
  ["quoted scalar continued at its key's indentation", "a:\n  b: 'x\n  y'\n"],
  ['flow mapping continued at column 0', 'skills:\n  gcp: {title: G\n, aliases: [GCP]}\n'],
];

describe('the values-only path', () => {
  test.each(INSIDE)('takes: %s', (_name, text) => expect(expectSameValues(text)).toBe(true));
  test.each(OUTSIDE)('leaves: %s', (_name, text) => expect(expectSameValues(text)).toBe(false));

  test('nesting is refused exactly where the fast path reports it', () => {
    const nested = (n: number) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}k:`).join('\n') + ' v\n';
    // The deepest nesting the fast path still takes is taken here too, and one level more is not.
    let deepest = 0;
    for (let n = 20; n < 80; n++) if (parse(nested(n), 'f.yaml').syntax.length === 0) deepest = n;
    expect(deepest).toBeGreaterThan(20);
    expect(expectSameValues(nested(deepest))).toBe(true);
    expect(expectSameValues(nested(deepest + 1))).toBe(false);
  });

  test('real files take it: the bundled data, the examples and a generated data set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-values-'));
    try {
      generate({ families: 40, out: dir });
      const files = [...yamlFiles(join(ROOT, 'data')), ...yamlFiles(join(ROOT, 'examples')), ...yamlFiles(dir)];
      const left = files.filter((f) => !expectSameValues(readFileSync(f, 'utf8'), f));
      expect(files.length).toBeGreaterThan(45);
      expect(left.map((f) => f.slice(ROOT.length + 1))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('every test fixture it takes reads as the full pipeline reads it', () => {
    const files = yamlFiles(join(ROOT, 'test', 'fixtures'));
    const taken = files.filter((f) => expectSameValues(readFileSync(f, 'utf8'), f));
    expect(taken.length).toBeGreaterThan(20);
  });

  test('fuzzed families: whenever it takes a text, the full pipeline agrees', () => {
    const { taken, left } = onFuzzedFiles(expectSameValues, 11);
    expect(taken).toBeGreaterThan(100);
    expect(left).toBeGreaterThan(30);
  });

  test('YAML-significant characters inserted into a bundled file', () => {
    const text = readFileSync(join(ROOT, 'data', 'technical-instructional-designer.yaml'), 'utf8');
    const taken = onInsertions(
      text,
      [':', ': ', '- ', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '|', '>', '|-', '>2', '\n', '\n  ', '  ', 'null', '~', '0x1F', '.nan', '%', '@', '`'],
      expectSameValues,
      3,
    );
    expect(taken).toBeGreaterThan(50);
  });
});

describe('lint with positions worked out later', () => {
  test('reports what it reports with positions worked out at once, on every fixture and the bundled data', async () => {
    const schemas = await loadSchemaSupport();
    const files = [...yamlFiles(join(ROOT, 'test', 'fixtures')), ...yamlFiles(join(ROOT, 'data'))].filter((f) => !f.includes('profiles'));
    const lintAll = (positions: 'now' | 'later') => {
      const loaded = files.map((f) => loadFile({ file: f.slice(ROOT.length + 1), text: readFileSync(f, 'utf8') }, schemas, undefined, { positions }));
      return runLint(loaded, buildDataSet(loaded));
    };
    const later = lintAll('later');
    expect(later.length).toBeGreaterThan(50);
    expect(later).toEqual(lintAll('now'));
  });

  test('building the data set of a file loaded with positions later does not work them out; a finding is located from its outline', async () => {
    const schemas = await loadSchemaSupport();
    const text =
      'kind: family\nid: demo\ntitle: Demo\nresponsibilities:\n  - Ship work\n  - id: x\n    text: Review work\nroles:\n  r:\n    title: R\n    grade: 6\n    extends: missing\n';
    const f = loadFile({ file: 'demo.yaml', text }, schemas, undefined, { positions: 'later' });
    expect(f.locator.pending).toBe(true);
    const ds = buildDataSet([f]);
    expect(f.locator.pending).toBe(true);
    const found = runLint([f], ds).map((x) => `${x.ruleId} ${x.line}:${x.column}`);
    expect(found).toContain('unresolved-reference 12:14');
    // Located from the log of the file's nodes (src/core/yaml/outline.ts), not by parsing it again.
    expect(f.locator.pending).toBe(true);
  });

  test('a finding on the last line of a file without a final line break is located there', async () => {
    // js-yaml reads such a text with a line break added: positions come from its copy of the text.
    const schemas = await loadSchemaSupport();
    const text = 'kind: family\nid: demo\ntitle: Demo\nroles:\n  r:\n    title: R\n    grade: 6\n    extends: missing';
    const f = loadFile({ file: 'demo.yaml', text }, schemas, undefined, { positions: 'later' });
    const found = runLint([f], buildDataSet([f])).map((x) => `${x.ruleId} ${x.line}:${x.column}-${x.endLine}:${x.endColumn}`);
    expect(found).toEqual(['unresolved-reference 8:14-8:21']);
  });
});
