/**
 * A second set of hostile inputs, beside cases.ts: other control sequences (C1 controls such as
 * U+009B CSI, bidi isolates, line and paragraph separators) in free-text fields, and the shapes an
 * attacker tries after the first set is fixed. Each failed before its fix.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';

/** C1 CSI/OSC/ST, bidi override and isolates, line/paragraph separators, NEL. */
const C1_BIDI = '\u009b31m\u009d0;t\u009c\u202eevil\u202c\u2066iso\u2069\u2028\u2029\u0085';
/** Any of those raw in output that is not JSON. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

let tmp: string;
let n = 0;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ladder-attacker-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A data set of the given files in a fresh directory; returns its path. */
function dataSet(files: Record<string, string>): string {
  const dir = join(tmp, `d${n++}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('C1 controls and bidi isolates in free text', () => {
  test('export --format markdown writes none of them raw, the front matter title included', async () => {
    const data = dataSet({
      'f.yaml': [
        'kind: family',
        'id: fam',
        `title: ${JSON.stringify(`Fam ${C1_BIDI}`)}`,
        'roles:',
        '  a-role:',
        `    title: ${JSON.stringify(`A ${C1_BIDI}`)}`,
        '    grade: 5',
        `    responsibilities: [${JSON.stringify(`Do ${C1_BIDI}`)}]`,
        '',
      ].join('\n'),
    });
    const r = await runCli(['--data', data, 'export', 'fam']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stderr).not.toMatch(RAW);
  });
});

describe('error messages are one line whatever they quote', () => {
  test('a config `data:` with a newline, ESC and C1 CSI cannot forge a line on stderr', async () => {
    const dir = dataSet({ '.ladderrc.yaml': 'data: "x\\e[2J\\n::error file=README.md::forged\\u009b"\n' });
    const r = await runCli(['list'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr).not.toMatch(/^::error/m);
    expect(r.stderr).toMatch(/^ladder: .*data: .*x\\u001b\[2J\\n::error file=README\.md::forged\\u009b/);
  });

  test('an unknown command or option quoted back is escaped; the suggestion stays on its line', async () => {
    const a = await runCli(['sh\n::error::forged\u001b[2J']);
    expect(a.code).toBe(2);
    expect(a.stderr).not.toMatch(RAW);
    expect(a.stderr).not.toMatch(/^::error/m);
    const b = await runCli(['shw']);
    expect(b.stderr.split('\n')[0]).toBe("ladder: unknown command 'shw' (Did you mean show?)");
  });
});

describe('output paths', () => {
  test('an empty output file name is refused as such, not as "is a directory" or "already exists"', async () => {
    const data = dataSet({ 'f.yaml': 'kind: family\nid: fam\ntitle: Fam\nroles:\n  a-role: {title: A, grade: 5}\n' });
    for (const argv of [
      ['lint', data, '--output-file', ''],
      ['--data', data, 'worksheet', 'a-role', '--out', ''],
    ]) {
      const r = await runCli(argv, { cwd: tmp });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('ladder: the output file name is empty; give a path\n');
    }
  });

  test('init into a path whose parent is a FIFO says so in words, no bare errno code', async () => {
    const dir = dataSet({});
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const r = await runCli(['init', join(dir, 'pipe')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write \(a part of the path is not a directory\)/);
    expect(r.stderr).not.toMatch(/\b(?:E[A-Z]{3,})\b/);
  });
});

describe('import writes no control character raw into YAML', () => {
  test('C1 controls, separators and bidi controls of a page are `\\uXXXX` escapes in the written file, read back the same', async () => {
    const { familyYaml } = await import('../../src/import/family-yaml.js');
    const { parse } = await import('yaml');
    const text = `Do \u009b31m\u009d0;t\u009c \u202eevil\u202c \u2066iso\u2069 \u2028 \u2029 \u0085 \u200b\u007f it`;
    const family = {
      kind: 'family',
      id: 'fam',
      title: `Fam ${C1_BIDI}`,
      roles: { 'a-role': { title: 'A', grade: 5, responsibilities: [text, `two\nlines ${C1_BIDI}`] } },
    };
    const yaml = familyYaml(family as never, null, ['Imported from a page']);
    expect(yaml).not.toMatch(/[\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(parse(yaml)).toEqual(family);
  });
});

describe('text from data in every output: no raw C1 or bidi control, no line of its own', () => {
  const X = '\u009b31m\u009d0;t\u009c\u202eevil\u202c\u2066iso\u2069\u2028\u2029\u0085\u001b[2J\r\n::error file=README.md::forged\u0007';
  const q = JSON.stringify;
  let data: string;
  let lintDir: string;
  let profile: string;
  beforeAll(() => {
    data = dataSet({
      'fam.yaml': [
        'kind: family',
        'id: fam',
        `title: ${q(`Fam ${X}`)}`,
        'roles:',
        '  a-role:',
        `    title: ${q(`A ${X}`)}`,
        `    level: ${q(`L ${X}`)}`,
        '    grade: 5',
        `    responsibilities: [${q(`R ${X}`)}]`,
        '  b-role:',
        `    title: ${q(`B ${X}`)}`,
        '    grade: 6',
        '    extends: a-role',
        '    reports_to: ext',
        `    requirements: [${q(`Q ${X}`)}]`,
        'external:',
        `  ext: {title: ${q(`Ext ${X}`)}, url: ${q(`/x/${X}`)}}`,
        '',
      ].join('\n'),
    });
    // A file whose name carries C1 and bidi controls, with a finding.
    lintDir = dataSet({ 'bad\u009b\u202ename.yaml': 'kind: family\nid: 5\n' });
    profile = join(data, '..', `profile-${n++}.yml`);
    writeFileSync(profile, `kind: profile\nname: ${q(`P ${X}`)}\nrole: a-role\n`);
  });
  // A workflow command starts its line; a table may wrap a long escaped text onto an indented line.
  const FORGED = /^::error file=README/m;

  test.each([
    ['list', ['list']],
    ['show', ['show', 'b-role']],
    ['gap --format markdown', ['gap', 'b-role', '--profile', '<profile>', '--format', 'markdown']],
    ['export', ['export', 'fam']],
  ])('%s', async (_name, argv) => {
    const r = await runCli(['--data', data, '--no-color', ...argv.map((a) => (a === '<profile>' ? profile : a))], { cwd: tmp });
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stderr).not.toMatch(RAW);
    // Titles and names are one line: nothing of them starts a line of its own (export keeps no title line break either).
    expect(r.stdout).not.toMatch(FORGED);
  });

  test.each(['github', 'junit'])('lint --format %s', async (format) => {
    const r = await runCli(['lint', lintDir, '--format', format], { cwd: tmp });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).not.toMatch(FORGED);
  });
});
