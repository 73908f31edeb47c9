/** Several reports in one run (`--format <name>=<file>`, repeatable) and the console when reports go to files. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyCiSample } from '../helpers/ci-sample.js';
import { FIXTURES, runCli } from '../helpers/run-cli.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ladder-multi-format-'));
  copyCiSample(tmp);
  cpSync(join(FIXTURES, 'lint', 'multi', 'clean.yaml'), join(tmp, 'clean', 'clean.yaml'), { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const lint = (...args: string[]) => runCli(['lint', ...args], { cwd: tmp });
const read = (name: string) => readFileSync(join(tmp, name), 'utf8');

describe('--format <name>=<file>, repeated', () => {
  test('GitLab Code Quality and JUnit in one run, each whole in its file; the findings on stderr', async () => {
    const r = await lint('data', '--format', 'gitlab=gl-code-quality-report.json', '--format', 'junit=ladder-junit.xml');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const gl = JSON.parse(read('gl-code-quality-report.json')) as unknown[];
    const json = JSON.parse((await lint('data', '--format', 'json')).stdout) as unknown[];
    // Every finding is in every report (two tab findings with the same message included).
    expect(gl).toHaveLength(json.length);
    expect(read('ladder-junit.xml').match(/<failure /g)).toHaveLength(json.length);
    expect(r.stderr).toContain('data/tabs.yaml\n  6:1  error    tab used for indentation');
    expect(r.stderr).toMatch(/✖ 7 problems \(3 errors, 4 warnings\)\n$/);
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('one report on stdout (GitHub annotations) and SARIF in a file', async () => {
    const r = await lint('data', '--format', 'github', '--format', 'sarif=ladder.sarif');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(7);
    expect(JSON.parse(read('ladder.sarif')).runs[0].results).toHaveLength(7);
    expect(r.stderr).toContain('✖ 7 problems');
  });

  test('stylish on stdout with a report in a file: the findings are not printed twice', async () => {
    const r = await lint('data', '--no-color', '--format', 'stylish', '--format', 'gitlab=gl.json');
    expect(r.stdout).toContain('✖ 7 problems');
    expect(r.stderr).toBe('');
  });

  test('a clean run written to a file says so on stderr', async () => {
    const r = await lint('clean', '--format', 'gitlab=clean.json');
    expect(r.code).toBe(0);
    expect(read('clean.json')).toBe('[]\n');
    expect(r.stderr).toBe('✔ no problems (1 file)\n');
  });

  test('--output-file still takes the report named without a file, and the console gets the findings', async () => {
    const r = await lint('data', '--format', 'junit', '--output-file', 'out.xml');
    expect(r.stdout).toBe('');
    expect(read('out.xml')).toContain('<testsuites ');
    expect(r.stderr).toContain('✖ 7 problems');
  });

  test.each([
    [
      ['--format', 'json', '--format', 'gitlab'],
      /^ladder: only one report can go to stdout, got json and gitlab: name the others' files, e\.g\. --format gitlab=ladder-gitlab\.out\n$/,
    ],
    [
      ['--format', 'gitlb=x.json'],
      /^ladder: unknown format `gitlb` \(did you mean `gitlab` or `github`\?\) \(formats: stylish, json, junit, sarif, github, gitlab\)\n$/,
    ],
    [['--format', 'gitlab='], /^ladder: --format gitlab=: give a file name after `=`/],
    [['--format', 'gitlab=a.json', '--format', 'junit=a.json'], /^ladder: two reports would be written to a\.json/],
    [['--format', 'gitlab=a.json', '--output-file', 'b.json'], /^ladder: --output-file: every --format already names its file/],
  ])('%j is a usage error (exit 2, one line)', async (args, message) => {
    const r = await lint('data', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(tmp, 'a.json'))).toBe(false);
  });
});
