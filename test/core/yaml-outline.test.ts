/**
 * The outline (src/core/yaml/outline.ts): how lint locates a finding in a file it read with the
 * values-only path, from the log of that file's nodes, without parsing it again. On every text, for
 * every path into it (and keys and indices that are not there), it must give the fast path's offsets
 * and the fast path's subject, or say it is not sure (and the text is parsed again); and it must
 * refuse the texts the fast path refuses. Lint must report the same with and without it.
 */
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDataSet, loadFile, releaseValues } from '../../src/core/load.js';
import { runLint } from '../../src/core/lint/engine.js';
import { loadSchemaSupport } from '../../src/io/schemas.js';
import { ROOT } from '../helpers/run-cli.js';
import { expectOutlineAsFast, onFuzzedFiles, onInsertions } from '../helpers/lean.js';
// @ts-expect-error plain JS script without types
import { generate } from '../../scripts/generate.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

const manyRoles = Array.from({ length: 20 }, (_, i) => `  r${i}:\n    title: Role ${i}\n    responsibilities:\n      - Task ${i}\n`).join('');

/** Texts outlined with every path sure. */
const SURE: [string, string][] = [
  [
    'core-schema scalars as keys and values',
    '1: one\ntrue: yes\nnull: nothing\n0x1F: hex\n2.5: float\nFalse: cap\n.inf: inf\na: [1, -2.5, .nan, ~, false]\nb:\n  - 12\n  - true\n  - ~\n',
  ],
  [
    'quoted keys and values, escaped and doubled',
    'kind: family\nid: "q\\"id"\n"quoted key": q\n\'single\': s\nlist:\n  - "tab\\there"\n  - \'it\'\'s\'\n  - "plain"\n  - id: "x\\u00e9"\n    text: \'don\'\'t\'\n',
  ],
  ['quoted scalars over several lines', 'id: demo\nlist:\n  - "first\n    second"\n  - \'one\n\n    two\'\n'],
  [
    'block scalars',
    'id: demo\na: |\n  keep\n   indented\n\nb: >-\n  folded\n  text\n\n  para\nlist:\n  - text: |\n      in a map\n    id: blocky\n  - text: >-\n      folded\n\n  - x\nlast: |-\n  stripped\n\n',
  ],
  [
    'flow collections',
    'a: []\nb: {}\nc: [x, "y", \'z\', 1, true]\nd: {all: [gcp, aws], any: [x]}\ne: [[1, 2], {k: v, id: i}]\nf: [ spaced , out ]\ng: [x, y,]\n',
  ],
  ['prototype keys', '__proto__: {polluted: true}\nconstructor: c\nlist:\n  - __proto__: x\n    id: p\n'],
  ['comments everywhere', '# head\n\nkind: family # why\n# between\nroles: # list\n  # inside\n  - a # x\n  # after\n  - b\n    # deeper\n# tail\n'],
  ['block scalars as list entries', 'id: demo\nlist:\n  - |\n    kept\n  - >-\n    folded\n    text\n\n  - x\n'],
  ['a large mapping, looked up by name', `kind: family\nid: big\nroles:\n${manyRoles}`],
  [
    'entries identified by id and by text',
    'id: demo\nitems:\n  - id: x1\n    text: With id\n  - text: Without id\n  - id: ""\n    text: Empty id\n  - id: [not, a, string]\n  - 12\n  - true\n  - [nested]\n  - [[deeper]]\n  - {id: flow, text: Flow}\n  - [a, b]\n',
  ],
  ['unicode', 'title: "Ingénieur·e 工程师 🚀"\nlist:\n  - ✓ done\n  - "«quoted»"\n'],
  ['no trailing newline', 'id: demo\nlist:\n  - last'],
  ['a long line with a short key', `summary: ${'word '.repeat(400)}\nlist:\n  - ${'x'.repeat(1200)}\n`],
];

/** Texts the outline refuses (the fast path refuses them too). */
const REFUSED: [string, string][] = [
  ['empty values', 'a:\nb: 1\n'],
  ['an empty entry', 'a:\n  -\n  - x\n'],
  ['pair in a flow sequence', 'a: [k: v]\n'],
  ['key without a value in a flow mapping', 'b: {x, y: z}\n'],
  ['a flow mapping as a key', 'a: {[x]: 1}\n'],
];

describe('the outline', () => {
  test.each(SURE)('locates as the fast path: %s', (_name, text) => {
    const r = expectOutlineAsFast(text);
    expect(r).toEqual({ outlined: true, unsure: 0, paths: expect.any(Number) });
    expect(r.paths).toBeGreaterThan(5);
  });

  test.each(REFUSED)('refuses: %s', (_name, text) => {
    const r = expectOutlineAsFast(text);
    expect(r.outlined).toBe(false);
  });

  test('leaves to a second parse what it cannot read for sure: a folded plain scalar, an indentation indicator', () => {
    const plain = expectOutlineAsFast('id: demo\nitems:\n  - first line\n    continued\n  - second\n');
    expect(plain.outlined).toBe(true);
    expect(plain.unsure).toBe(1); // the subject of items[0]; its offsets are sure
    const indicated = expectOutlineAsFast('id: demo\nitems:\n  - text: |2\n        indented\n    id: ""\n');
    // The subjects of items[0], items[0].text and items[0].id (all name items[0] by its text); their offsets are sure.
    expect(indicated).toEqual({ outlined: true, unsure: 3, paths: 9 });
  });

  test('real files: the bundled data, the examples, the fixtures and a generated data set, with every path sure', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-outline-'));
    try {
      generate({ families: 30, out: dir });
      const files = [...yamlFiles(join(ROOT, 'data')), ...yamlFiles(join(ROOT, 'examples')), ...yamlFiles(join(ROOT, 'test', 'fixtures')), ...yamlFiles(dir)];
      const results = files.map((f) => ({ f: f.slice(ROOT.length + 1), ...expectOutlineAsFast(readFileSync(f, 'utf8'), f) }));
      const outlined = results.filter((r) => r.outlined);
      expect(outlined.length).toBeGreaterThan(70);
      expect(outlined.filter((r) => r.unsure > 0).map((r) => r.f)).toEqual([]);
      // Every file the values-only path takes is outlined, but for the fixtures of what the fast path refuses.
      expect(results.filter((r) => !r.outlined && r.fastTakes).map((r) => r.f)).toEqual([]);
      expect(outlined.reduce((n, r) => n + r.paths, 0)).toBeGreaterThan(10000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('fuzzed families: whenever it locates a path, the fast path agrees', () => {
    let outlined = 0;
    const { taken } = onFuzzedFiles((text, name) => {
      const r = expectOutlineAsFast(text, name);
      if (r.outlined) outlined++;
      return r.outlined;
    }, 17);
    expect(taken).toBe(outlined);
    expect(outlined).toBeGreaterThan(100);
  });

  test('YAML-significant characters inserted into a bundled file', () => {
    const text = readFileSync(join(ROOT, 'data', 'education-services.yaml'), 'utf8');
    const taken = onInsertions(
      text,
      [
        ':',
        ': ',
        '- ',
        '#',
        ' #',
        '"',
        "'",
        '\\',
        "''",
        '[',
        ']',
        '{',
        '}',
        ',',
        '|',
        '>',
        '|-',
        '>2',
        '\n',
        '\n  ',
        '\n\n',
        '  ',
        'null',
        '~',
        '0x1F',
        '1',
        'true',
      ],
      (t, label) => expectOutlineAsFast(t, label).outlined,
      5,
    );
    expect(taken).toBeGreaterThan(50);
  });
});

describe('lint with the outline', () => {
  test('reports what it reports with positions worked out at once, where the outline is unsure too', async () => {
    const schemas = await loadSchemaSupport();
    // Items written in every way, in the family and again in its role (redundant there), and one
    // duplicate: the subject names each by its text or its id.
    const items = (indent: string) => ['- Ship work', '- "Quoted \\"work\\""', '- |', '  Block work', '- folded plain', '  work'].map((l) => indent + l);
    const text = [
      'kind: family',
      'id: demo',
      'title: Demo',
      'responsibilities:',
      ...items('  '),
      'roles:',
      '  r:',
      '    title: R',
      '    grade: 6',
      '    responsibilities:',
      ...items('      '),
      '      - id: dup',
      '        text: Twice',
      '      - id: dup',
      '        text: Twice',
      '',
    ].join('\n');
    // As lint loads files (src/io/data.ts): with positions later, the values are let go once the file
    // is in the data set, and a finding's subject is read from the outline.
    const lint = (positions: 'now' | 'later') => {
      const f = loadFile({ file: 'demo.yaml', text }, schemas, undefined, { positions });
      const ds = buildDataSet([f]);
      if (positions === 'later') releaseValues(f);
      return { findings: runLint([f], ds), pending: f.locator.pending };
    };
    const later = lint('later');
    const now = lint('now');
    expect(later.findings.length).toBeGreaterThan(4);
    expect(later.findings).toEqual(now.findings);
    // The folded plain item's subject was not sure: that file's positions were worked out.
    expect(later.pending).toBe(false);
  });

  test('a file whose findings the outline locates is never parsed again', async () => {
    const schemas = await loadSchemaSupport();
    const text =
      'kind: family\nid: demo\ntitle: Demo\nresponsibilities:\n  - Ship work\nroles:\n  r:\n    title: R\n    grade: 6\n    responsibilities:\n      - Ship work\n';
    const f = loadFile({ file: 'demo.yaml', text }, schemas, undefined, { positions: 'later' });
    const ds = buildDataSet([f]);
    releaseValues(f); // the subject too is read from the outline
    expect(f.value).toBeNull();
    const found = runLint([f], ds).map((x) => `${x.ruleId} ${x.line}:${x.column} ${x.subject}`);
    expect(found).toEqual(['redundant-item 11:9 demo roles.r.responsibilities["ship work"]']);
    expect(f.locator.pending).toBe(true);
  });
});
