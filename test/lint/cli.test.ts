/** `ladder lint` through run(): exit codes, options, config, disable comments, output files. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/run-cli.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ladder-lint-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const FAMILY = (extra = '') => `kind: family
id: platform
title: Platform
roles:
  platform-engineer:
    title: Platform Engineer
    grade: 6
    responsibilities:
      - Run the platform
${extra}`;

function write(rel: string, text: string | Uint8Array): string {
  const abs = join(tmp, rel);
  mkdirSync(join(abs, '..'), { recursive: true });
  writeFileSync(abs, text);
  return abs;
}

const json = (s: string) => JSON.parse(s) as { ruleId: string; severity: string; line: number; file: string }[];

describe('the bundled data', () => {
  test('`ladder lint data/` has no errors: exit 0 (warnings allowed)', async () => {
    const r = await runCli(['lint', 'data/', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout).filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('`ladder lint` without paths lints the bundled data set', async () => {
    const withPath = await runCli(['lint', 'data', '--format', 'json']);
    const r = await runCli(['lint', '--format', 'json'], { cwd: tmp });
    expect(r.code).toBe(0);
    // Paths are relative to the working directory, so compare without the directory part.
    const strip = (s: string) => json(s).map((f) => ({ ...f, file: f.file.replace(/^.*\//, '') }));
    expect(strip(r.stdout)).toEqual(strip(withPath.stdout));
  });

  test('--max-warnings: exit 1 over the limit, with a message on stderr', async () => {
    const count = json((await runCli(['lint', 'data', '--format', 'json'])).stdout).length;
    expect(count).toBeGreaterThan(0);
    const over = await runCli(['lint', 'data', '--max-warnings', String(count - 1)]);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe(`ladder: ${count} warnings, more than --max-warnings ${count - 1}\n`);
    expect((await runCli(['lint', 'data', '--max-warnings', String(count)])).code).toBe(0);
  });
});

describe('files inside the data set', () => {
  test('are linted in its context: a reference to another file resolves; only their findings are reported', async () => {
    // education-services.yaml extends a role of technical-instructional-designer.yaml.
    const r = await runCli(['lint', 'data/education-services.yaml', '--format', 'json']);
    expect(r.code).toBe(0);
    const found = json(r.stdout);
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((f) => f.ruleId === 'unresolved-reference')).toEqual([]);
    expect(new Set(found.map((f) => f.file))).toEqual(new Set(['data/education-services.yaml']));
  });

  test('outside the data set a file is linted alone, so the same reference is unresolved', async () => {
    const copy = join(tmp, 'alone', 'education-services.yaml');
    write('alone/education-services.yaml', readFileSync(join(ROOT, 'data', 'education-services.yaml')));
    const r = await runCli(['lint', copy, '--format', 'json'], { cwd: tmp });
    expect(r.code).toBe(1);
    expect(json(r.stdout).filter((f) => f.ruleId === 'unresolved-reference').length).toBeGreaterThan(0);
  });
});

describe('usage and data errors exit 2 with one line', () => {
  test.each([
    [['lint', 'no/such/dir'], /^ladder: no\/such\/dir: no such file or directory\n$/],
    [['--data', 'no/where', 'lint'], /^ladder: --data no\/where: no such file or directory; give the directory of your ladder files\n$/],
    [['lint', 'data', '--max-warnings', 'many'], /^ladder: --max-warnings expects a whole number/],
    [['lint', 'data', '--rule', 'redundant-items=off'], /^ladder: --rule: unknown rule `redundant-items` \(did you mean `redundant-item`\?\)\n$/],
    [['lint', 'data', '--rule', 'redundant-item=loud'], /^ladder: --rule redundant-item: severity must be error, warn \(or warning\) or off, got "loud"\n$/],
    [['lint', 'data', '--rule', 'redundant-item'], /^ladder: --rule expects <rule-id>=<severity>/],
    [['lint', 'data', '--config', 'no-such.yaml'], /^ladder: no-such.yaml: no such config file\n$/],
  ])('%j', async (args, stderr) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(stderr);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('a directory without YAML files', async () => {
    mkdirSync(join(tmp, 'empty'), { recursive: true });
    write('empty/notes.txt', 'nothing here');
    const r = await runCli(['lint', 'empty'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ladder: no YAML files found in empty (lint looks for *.yaml and *.yml files)\n');
  });
});

describe('files that are not ladder YAML are findings', () => {
  test('a binary file named explicitly', async () => {
    write('bin/logo.yaml', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    const r = await runCli(['lint', 'bin/logo.yaml', '--format', 'json'], { cwd: tmp });
    expect(r.code).toBe(1);
    expect(json(r.stdout)).toEqual([expect.objectContaining({ file: 'bin/logo.yaml', ruleId: 'yaml-syntax', line: 1 })]);
  });

  test('a markdown file named explicitly', async () => {
    write('notes/README.md', '# Notes\n\nSome text.\n');
    const r = await runCli(['lint', 'notes/README.md', '--format', 'json'], { cwd: tmp });
    expect(r.code).toBe(1);
    expect(json(r.stdout).map((f) => f.ruleId)).toEqual(['schema']);
  });
});

describe('--rule and disable comments', () => {
  test('--rule turns a rule on, off, or into an error; repeatable and comma-separated', async () => {
    const data = 'data';
    const base = json((await runCli(['lint', data, '--format', 'json'])).stdout);
    expect(base.some((f) => f.ruleId === 'near-duplicate-title')).toBe(true);
    const off = json((await runCli(['lint', data, '--format', 'json', '--rule', 'near-duplicate-title=off'])).stdout);
    expect(off.some((f) => f.ruleId === 'near-duplicate-title')).toBe(false);
    const r = await runCli(['lint', data, '--format', 'json', '--rule', 'near-duplicate-title=error,redundant-item=off', '--rule', 'handbook-style=warn']);
    expect(r.code).toBe(1);
    const found = json(r.stdout);
    expect(found.filter((f) => f.ruleId === 'near-duplicate-title').every((f) => f.severity === 'error')).toBe(true);
    expect(found.some((f) => f.ruleId === 'redundant-item')).toBe(false);
  });

  test('# ladder-disable-next-line suppresses the named rules on the next line only', async () => {
    const extra = `  senior-platform-engineer:
    title: Senior Platform Engineer
    grade: 7
    extends: platform-engineer
    responsibilities:
      # ladder-disable-next-line redundant-item
      - Run the platform
      # ladder-disable-next-line duplicate-item, empty-role
      - Run the platform
      - Lead platform projects
      # ladder-disable-next-line redundant-item
      - Lead platform projects
`;
    write('disable/platform.yaml', FAMILY(extra));
    const r = await runCli(['lint', 'disable', '--format', 'json'], { cwd: tmp });
    // Line 16 (redundant-item) and line 18 (duplicate-item) are suppressed; the comment above line 21
    // names another rule, so its duplicate-item stays.
    expect(json(r.stdout).map((f) => [f.ruleId, f.line])).toEqual([['duplicate-item', 21]]);
    expect(r.stderr).toBe('');
    write(
      'disable-typo/platform.yaml',
      FAMILY().replace('      - Run the platform', '      # ladder-disable-next-line redundant-items\n      - Run the platform'),
    );
    const typo = await runCli(['lint', 'disable-typo'], { cwd: tmp });
    expect(typo.stderr).toBe(
      'ladder: disable-typo/platform.yaml:9: unknown rule `redundant-items` in ladder-disable-next-line (did you mean `redundant-item`?)\n',
    );
    expect(typo.code).toBe(0);
    // The same file without the comments reports all three.
    write('disable-none/platform.yaml', FAMILY(extra.replace(/^ *# ladder-disable-next-line.*\n/gm, '')));
    const all = await runCli(['lint', 'disable-none', '--format', 'json'], { cwd: tmp });
    expect(json(all.stdout).map((f) => [f.ruleId, f.line])).toEqual([
      ['redundant-item', 15],
      ['duplicate-item', 16],
      ['duplicate-item', 18],
    ]);
  });
});

describe('positions', () => {
  test('a multi-line value ends after its own last character, not at the start of the next line', async () => {
    write('ranges/platform.yaml', FAMILY('    summary: >-\n      The Platform Enginer keeps\n      the platform running.\n'));
    const r = await runCli(['lint', 'ranges', '--format', 'json'], { cwd: tmp });
    const [f] = JSON.parse(r.stdout);
    expect([f.ruleId, f.line, f.column, f.endLine, f.endColumn]).toEqual(['near-duplicate-title', 10, 14, 12, 28]);
  });
});

describe('.ladderrc.yaml', () => {
  test('found from a subdirectory upwards: severities and `data` relative to the config file', async () => {
    write('proj/.ladderrc.yaml', 'rules:\n  empty-role: error\ndata: ladder-data\n');
    write('proj/ladder-data/platform.yaml', FAMILY('  intern:\n    title: Intern\n    grade: 5\n'));
    mkdirSync(join(tmp, 'proj', 'deep', 'er'), { recursive: true });
    const r = await runCli(['lint', '--format', 'json'], { cwd: join(tmp, 'proj', 'deep', 'er') });
    expect(r.code).toBe(1);
    expect(json(r.stdout)).toEqual([expect.objectContaining({ file: '../../ladder-data/platform.yaml', ruleId: 'empty-role', severity: 'error', line: 10 })]);
  });

  test('--rule wins over the config, and LADDER_DATA over its `data`', async () => {
    write('proj2/.ladderrc.yaml', 'rules:\n  empty-role: error\ndata: nowhere\n');
    write('proj2/other/platform.yaml', FAMILY('  intern:\n    title: Intern\n    grade: 5\n'));
    const r = await runCli(['lint', '--format', 'json', '--rule', 'empty-role=warn'], {
      cwd: join(tmp, 'proj2'),
      env: { LADDER_DATA: join(tmp, 'proj2', 'other') },
    });
    expect(r.code).toBe(0);
    expect(json(r.stdout).map((f) => [f.ruleId, f.severity])).toEqual([['empty-role', 'warning']]);
  });

  test.each([
    ['an unknown rule id', 'rules:\n  empty-roles: error\n', /^ladder: \.ladderrc\.yaml:2:3: unknown rule `empty-roles` \(did you mean `empty-role`\?\)\n$/],
    [
      'a bad severity',
      'rules:\n  empty-role: fatal\n',
      /^ladder: \.ladderrc\.yaml:2:15: `empty-role` must be one of `error`, `warn`, `warning`, `off` \(config file\)\n$/,
    ],
    ['an unknown key', 'rule:\n  empty-role: error\n', /^ladder: \.ladderrc\.yaml:1:1: unknown key `rule` \(did you mean `rules`\?\) \(config file\)\n$/],
    ['broken YAML', 'rules: [\n', /^ladder: \.ladderrc\.yaml:2:1: /],
  ])('%s is one line naming file:line:column, exit 2', async (_name, text, stderr) => {
    const dir = join(tmp, `bad-config-${_name.replace(/\W+/g, '-')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '.ladderrc.yaml'), text);
    const r = await runCli(['lint', join(process.cwd(), 'data')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(stderr);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('--output-file', () => {
  test('writes the report to the file (no temp file left), nothing on stdout', async () => {
    const r = await runCli(['lint', join(process.cwd(), 'data'), '--format', 'gitlab', '--output-file', 'report/gl-code-quality.json'], {
      cwd: tmp,
      env: {},
    }).catch((e) => e);
    // The directory does not exist yet: a clear error, exit 2.
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ladder: report/gl-code-quality.json: cannot write the file (no such directory)\n');
    mkdirSync(join(tmp, 'report'), { recursive: true });
    const ok = await runCli(['lint', join(process.cwd(), 'data'), '--format', 'gitlab', '--output-file', 'report/gl-code-quality.json'], { cwd: tmp });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('');
    expect(readdirSync(join(tmp, 'report'))).toEqual(['gl-code-quality.json']);
    expect(Array.isArray(JSON.parse(readFileSync(join(tmp, 'report', 'gl-code-quality.json'), 'utf8')))).toBe(true);
  });

  test('stylish in a file has no colour codes even with --color', async () => {
    const r = await runCli(['lint', join(process.cwd(), 'data'), '--color', '--output-file', 'stylish.txt'], { cwd: tmp });
    expect(r.code).toBe(0);
    const text = readFileSync(join(tmp, 'stylish.txt'), 'utf8');
    expect(text).toContain('problems (0 errors');
    expect(text).not.toContain('\u001b[');
  });
});

describe('through the built binary', () => {
  const bin = (args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'bin', 'ladder.js'), ...args], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });

  test('`ladder lint data/` exits 0 with warnings only', () => {
    const r = bin(['lint', 'data/', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(json(r.stdout).every((f) => f.severity === 'warning')).toBe(true);
  });

  test('errors exit 1; a missing path exits 2 with one line and no stack trace', () => {
    expect(bin(['lint', 'test/fixtures/lint/multi']).status).toBe(1);
    const r = bin(['lint', 'nope/']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('ladder: nope/: no such file or directory\n');
  });
});
