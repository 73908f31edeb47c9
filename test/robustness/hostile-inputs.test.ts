/**
 * Every command that reads user files, on every hostile input, in-process: an allowed exit code,
 * no stack trace, a clear finding or one-line error, no prototype pollution. Heavy inputs (huge data
 * sets, oversized and special files, closed pipes) run in child processes in child-process.test.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { CASES, makeWorkspace, writeCase, type HostileCase } from './cases.js';
import { expectClean, warmModules } from './harness.js';

let root: string;
let goodDir: string;
let profile: string;

const protoSnapshot = () => ({
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
  fn: Object.getOwnPropertyNames(Function.prototype).sort(),
  objectProto: Object.getPrototypeOf(Object.prototype),
});
const before = protoSnapshot();

beforeAll(async () => {
  await warmModules();
  ({ root, goodDir, profile } = makeWorkspace('ladder-hostile-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Lines of a refusal: findings (`file:line:col: …`) and `ladder: …` messages, nothing else. */
function expectOneLineErrors(r: CliResult): void {
  for (const line of r.stderr.split('\n').filter(Boolean)) {
    if (!/^ladder: |^.+:\d+:\d+: (error|warning) /.test(line)) throw new Error(`unexpected stderr line: ${line.slice(0, 300)}`);
  }
}

interface Invocation {
  label: string;
  argv: string[];
  /** Exit codes allowed for a valid / an invalid data set. */
  ok: number[];
  bad: number[];
  strictLines?: boolean;
  /** What stdout must be, whatever the input: parseable JSON, XML without control characters, one annotation per line. */
  output?: 'json' | 'xml' | 'lines';
}

function expectWellFormed(r: CliResult, output: Invocation['output']): void {
  if (!output || r.code === 2) return;
  if (output === 'json') JSON.parse(r.stdout);
  // XML 1.0 allows no control characters but tab, LF and CR, even escaped.
  if (output === 'xml' && /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(r.stdout)) throw new Error('control character in JUnit XML');
  if (output === 'lines')
    for (const line of r.stdout.split('\n').filter(Boolean))
      if (!/^::(error|warning|notice) /.test(line)) throw new Error(`not an annotation: ${line.slice(0, 200)}`);
}

function invocations(c: HostileCase, dir: string, main: string, page: string): Invocation[] {
  const shows = c.show ?? ['good-two'];
  const [from, to] = c.diff ?? ['good-one', 'good-two'];
  const data = ['--data', dir];
  return [
    { label: 'list', argv: [...data, 'list'], ok: [0], bad: [2], strictLines: true },
    { label: 'list json', argv: [...data, 'list', '--format', 'json'], ok: [0], bad: [2], strictLines: true },
    ...shows.flatMap((id) => [
      { label: `show ${id}`, argv: [...data, 'show', id], ok: [0], bad: [2], strictLines: true },
      { label: `show ${id} json`, argv: [...data, 'show', id, '--format', 'json'], ok: [0], bad: [2], strictLines: true },
    ]),
    { label: 'diff', argv: [...data, 'diff', from, to, '--format', 'json'], ok: [0], bad: [2] },
    { label: 'diff markdown', argv: [...data, 'diff', from, to, '--format', 'markdown'], ok: [0], bad: [2] },
    { label: 'gap', argv: [...data, 'gap', to, '--profile', profile], ok: [0, 1], bad: [2] },
    { label: 'export markdown', argv: [...data, 'export', 'good'], ok: [0], bad: [2] },
    { label: 'export json', argv: [...data, 'export', 'good', '--format', 'json'], ok: [0], bad: [2] },
    { label: 'lint dir', argv: ['lint', dir], ok: [0, 1], bad: [1, 2] },
    { label: 'lint file json', argv: ['lint', '--format', 'json', main], ok: [0, 1], bad: [1, 2], output: 'json' },
    { label: 'lint sarif', argv: ['lint', '--format', 'sarif', dir], ok: [0, 1], bad: [1, 2], output: 'json' },
    { label: 'lint gitlab', argv: ['lint', '--format', 'gitlab', dir], ok: [0, 1], bad: [1, 2], output: 'json' },
    { label: 'lint junit', argv: ['lint', '--format', 'junit', dir], ok: [0, 1], bad: [1, 2], output: 'xml' },
    { label: 'lint github', argv: ['lint', '--format', 'github', dir], ok: [0, 1], bad: [1, 2], output: 'lines' },
    // The hostile file is a family (or garbage), never a valid profile.
    { label: 'gap --profile <file>', argv: ['--data', goodDir, 'gap', 'good-two', '--profile', main], ok: [2], bad: [2] },
    { label: 'import <file>.md', argv: ['import', page], ok: [0, 1, 2], bad: [0, 1, 2] },
    {
      label: 'changes json',
      argv: ['changes', '--from-data', goodDir, '--to-data', dir, '--format', 'json'],
      ok: [0],
      bad: [2],
      strictLines: true,
      output: 'json',
    },
    { label: 'changes markdown', argv: ['changes', '--from-data', dir, '--to-data', goodDir, '--format', 'markdown'], ok: [0], bad: [2], strictLines: true },
    { label: 'changes table', argv: ['changes', '--from-data', dir, '--to-data', dir], ok: [0], bad: [2], strictLines: true },
  ];
}

describe('hostile inputs, every command, in-process', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const dir = mkdtempSync(join(root, 'case-'));
    const main = writeCase(dir, c);
    const pageDir = mkdtempSync(join(root, 'page-'));
    const page = join(pageDir, 'page.md');
    copyFileSync(main, page);
    const ran: string[] = [];
    for (const inv of invocations(c, dir, main, page)) {
      const started = performance.now();
      const r = await runCli(inv.argv, { cwd: root });
      const ms = performance.now() - started;
      ran.push(inv.label);
      const allowed = c.valid === true ? inv.ok : c.valid === false ? inv.bad : [...new Set([...inv.ok, ...inv.bad])];
      try {
        expectClean(r, allowed);
        if (inv.strictLines && r.code !== 0) expectOneLineErrors(r);
        expectWellFormed(r, inv.output);
        // Colour is off here: an escape, bell or NUL on the terminal can only come from the data.
        if (/[\u0000\u0007\u001b]/.test(r.stderr))
          throw new Error(`control character from the data echoed on stderr: ${JSON.stringify(r.stderr.slice(0, 300))}`);
        if ((inv.label === 'lint dir' || inv.label.startsWith('changes')) && /[\u0000\u0007\u001b]/.test(r.stdout))
          throw new Error(`control character from the data echoed by lint: ${JSON.stringify(r.stdout.slice(0, 300))}`);
        if (ms > 5000) throw new Error(`took ${ms.toFixed(0)} ms`);
      } catch (e) {
        throw new Error(`${inv.label} (${inv.argv.join(' ')}): ${(e as Error).message}`, { cause: e });
      }
    }
    expect(ran).toContain('list');
    rmSync(dir, { recursive: true, force: true });
  });

  test('no prototype was polluted by any of the above', () => {
    expect(protoSnapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  test('roles named like Object.prototype members resolve as ordinary roles', async () => {
    const dir = mkdtempSync(join(root, 'proto-'));
    writeCase(
      dir,
      CASES.find((c) => c.name.startsWith('roles named constructor'))!,
    );
    const r = await runCli(['--data', dir, 'show', 'has-own-property', '--format', 'json'], { cwd: root });
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(json.extends).toEqual(['to-string', 'prototype', 'constructor']);
    expect(json.responsibilities.map((i: { text: string }) => i.text)).toEqual(['Build', 'Shape', 'Print', 'Own']);
    // `prototype` removed the inherited item with id `prototype`.
    expect(json.requirements).toEqual([]);
    const unknown = await runCli(['--data', dir, 'show', '__proto__'], { cwd: root });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^ladder: unknown role `__proto__`/);
  });

  test('invalid UTF-8 is reported at the first bad byte', async () => {
    const dir = mkdtempSync(join(root, 'utf8-'));
    const main = writeCase(
      dir,
      CASES.find((c) => c.name === 'invalid UTF-8')!,
      { withGood: false },
    );
    const r = await runCli(['lint', '--format', 'json', main], { cwd: dir });
    expect(r.code).toBe(1);
    // `summary: caf` then 0xC3 0x28: line 4, column 13.
    expect(JSON.parse(r.stdout)).toEqual([
      expect.objectContaining({ file: 'bad-utf8.yaml', line: 4, column: 13, ruleId: 'yaml-syntax', message: expect.stringMatching(/invalid UTF-8/) }),
    ]);
  });

  test('a data directory that does not exist is one line, exit 2', async () => {
    for (const argv of [
      ['--data', join(root, 'nope'), 'list'],
      ['--data', join(root, 'nope'), 'show', 'x'],
      ['lint', join(root, 'nope')],
    ]) {
      const r = await runCli(argv, { cwd: root });
      expectClean(r, [2]);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('no such file or directory');
    }
  });

  test('LADDER_DATA pointing at a file that is not a directory', async () => {
    const r = await runCli(['list'], { cwd: root, env: { LADDER_DATA: profile } });
    expectClean(r, [2]);
  });
});
