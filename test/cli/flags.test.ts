/** One convention for flags across commands: -o/--out, global options in every --help, warn = warning, -1, `-`. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/run-cli.js';

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ladder-flags-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const COMMANDS = ['list', 'show', 'diff', 'gap', 'lint', 'import', 'export', 'init', 'skills', 'profile'];

test.each(COMMANDS)('%s --help lists the global options and an example', async (cmd) => {
  const r = await runCli([cmd, '--help']);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^Global Options:$/m);
  for (const flag of ['--data <dir>', '--color', '--no-color', '--debug']) expect(r.stdout).toContain(flag);
  expect(r.stdout).toMatch(/^Examples:\n {2}\$ ladder /m);
});

describe('-o is --out everywhere', () => {
  test('lint -o, --out and --output-file write the same report', async () => {
    const outs = ['a', 'b', 'c'].map((n) => join(tmp, `${n}.json`));
    for (const [flag, file] of [
      ['-o', outs[0]],
      ['--out', outs[1]],
      ['--output-file', outs[2]],
    ]) {
      const r = await runCli(['lint', 'data', '--format', 'json', flag, file]);
      expect({ flag, code: r.code, stdout: r.stdout }).toEqual({ flag, code: 0, stdout: '' });
    }
    const texts = outs.map((f) => readFileSync(f, 'utf8'));
    expect(JSON.parse(texts[0]).length).toBe(4);
    expect(new Set(texts).size).toBe(1);
  });
  test('import -o writes into the directory', async () => {
    const out = join(tmp, 'imported');
    const r = await runCli(['import', join(ROOT, 'test', 'fixtures', 'gitlab', 'pages'), '-o', out]);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'global-education-services.yaml'))).toBe(true);
  });
});

describe('severities: warn and warning are one', () => {
  test('--rule x=warning', async () => {
    const r = await runCli(['lint', 'data', '--format', 'json', '--rule', 'handbook-style=warning']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).filter((f: { ruleId: string; severity: string }) => f.ruleId === 'handbook-style' && f.severity === 'warning').length).toBe(3);
  });
  test('warning in the config', async () => {
    writeFileSync(join(tmp, '.ladderrc.yaml'), `data: ${join(ROOT, 'data')}\nrules:\n  handbook-style: warning\n`);
    const r = await runCli(['lint', '--format', 'json'], { cwd: tmp });
    rmSync(join(tmp, '.ladderrc.yaml'));
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout).filter((f: { ruleId: string }) => f.ruleId === 'handbook-style').length).toBe(3);
  });
});

test('--max-warnings -1 is no limit; 0 is a limit; -2 is refused', async () => {
  expect((await runCli(['lint', 'data', '--max-warnings', '-1'])).code).toBe(0);
  expect((await runCli(['lint', 'data', '--max-warnings', '0'])).code).toBe(1);
  const bad = await runCli(['lint', 'data', '--max-warnings', '-2']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/-1 for no limit/);
});

describe('- reads standard input', () => {
  const skills = () => readFileSync(join(ROOT, 'data', 'skills.yaml'), 'utf8');
  test('lint - names the input <stdin>', async () => {
    const r = await runCli(['lint', '-', '--format', 'json'], { stdin: 'kind: skills\nskills:\n  git: {title: Git}\n  git: {title: GitLab}\n' });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ file: '<stdin>', line: 4, column: 3, ruleId: 'yaml-syntax' })]);
    const clean = await runCli(['lint', '-'], { stdin: skills() });
    expect({ code: clean.code, stdout: clean.stdout }).toEqual({ code: 0, stdout: '' });
  });
  test('gap --profile - reads the profile from standard input', async () => {
    const profile = readFileSync(join(ROOT, 'examples', 'profiles', 'sam-rivera.yaml'), 'utf8');
    const r = await runCli(['gap', 'senior-lab-curriculum-developer', '--profile', '-', '--format', 'json'], { stdin: profile });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ profile: { file: '<stdin>' }, summary: { met: 12, missing: 3 } });
  });
  test('a file named - is ./-', async () => {
    writeFileSync(join(tmp, '-'), skills());
    const r = await runCli(['lint', './-', '--format', 'json'], { cwd: tmp });
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 0, stdout: '[]\n' });
  });
  test('without standard input, - is one clear line', async () => {
    const r = await runCli(['gap', 'senior-lab-curriculum-developer', '--profile', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ladder: --profile -: no standard input to read\n');
  });
});
