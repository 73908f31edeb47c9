/**
 * Heavy and system-level hostile inputs, through the built binary in a child process with a heap
 * bound, a timeout and a peak-memory check: huge data sets (100,000 roles in one family, an extends
 * chain 100,000 long, a 10,000-role cycle), alias bombs and deep nesting under a small heap, a sparse
 * 100 MB file, FIFOs, devices, symlink loops, and stdout closed early.
 *
 * Unreadable files: the tests run as root, which ignores permission bits, so "cannot read" is produced
 * by things that cannot be read as a YAML file whoever you are: a FIFO (reading would block forever),
 * /dev/zero (never ends), a directory named *.yaml, a broken symbolic link.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync, closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, HAVE_TIME, ensureBuilt, expectClean, runChild, type ChildResult } from './harness.js';
import { CASE_BY_NAME, GOOD_FAMILY, makeWorkspace, writeCase } from './cases.js';
import { ROOT } from '../helpers/run-cli.js';

let root: string;
let goodDir: string;

beforeAll(() => {
  ensureBuilt();
  ({ root, goodDir } = makeWorkspace('ladder-child-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const dirWith = (name: string, files: Record<string, string>): string => {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
};

/** Runs a command in a child process and checks its exit code, output and bounds. */
async function check(args: string[], allowed: number[], bounds: { heapMb?: number; rssMb?: number; timeoutMs?: number } = {}): Promise<ChildResult> {
  const r = await runChild(args, { cwd: root, heapMb: bounds.heapMb ?? 256, timeoutMs: bounds.timeoutMs ?? 20_000 });
  try {
    expectClean(r, allowed, { rssMb: bounds.rssMb });
  } catch (e) {
    throw new Error(`ladder ${args.join(' ')}: ${(e as Error).message}`, { cause: e });
  }
  return r;
}

describe('memory and time bounds on hostile YAML (child process, small heap)', () => {
  for (const name of [
    'alias bomb (billion laughs)',
    'alias bomb inside an item list',
    '10000-deep flow nesting',
    '10000-deep flow mappings',
    '10000-deep block nesting',
  ]) {
    test(name, async () => {
      const dir = join(root, name.replace(/\W+/g, '-'));
      mkdirSync(dir);
      writeCase(dir, CASE_BY_NAME.get(name)!);
      const list = await check(['--data', dir, 'list'], [2], { heapMb: 96, rssMb: 200 });
      expect(list.stderr).toMatch(/error/);
      // The parser's own stack overflow is reported in words a user can act on.
      expect(list.stderr).not.toMatch(/call stack/);
      if (name.includes('deep')) expect(list.stderr).toMatch(/nest/);
      await check(['lint', dir, '--format', 'json'], [1, 2], { heapMb: 96, rssMb: 200 });
    });
  }
});

describe('files that cannot be read as YAML', () => {
  test('a sparse 100 MB file is refused by size, without being read', async () => {
    const dir = dirWith('big', { 'good.yaml': GOOD_FAMILY });
    const big = join(dir, 'huge.yaml');
    closeSync(openSync(big, 'w'));
    truncateSync(big, 100 * 1024 * 1024);
    const list = await check(['--data', dir, 'list'], [2], { heapMb: 96, rssMb: 150 });
    expect(list.stderr).toMatch(/huge\.yaml:1:1: error file is 100\.0 MB, over the 10 MB limit/);
    await check(['lint', big], [1, 2], { heapMb: 96, rssMb: 150 });
    await check(['--data', goodDir, 'gap', 'good-two', '--profile', big], [2], { heapMb: 96, rssMb: 150 });
  });

  test('FIFOs: skipped in a directory walk, refused when named, never waited on', async () => {
    const dir = dirWith('fifo', { 'good.yaml': GOOD_FAMILY });
    const fifo = join(dir, 'pipe.yaml');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) return; // no mkfifo here
    await check(['--data', dir, 'list'], [0], { timeoutMs: 10_000 });
    const named = await check(['--data', fifo, 'list'], [2], { timeoutMs: 10_000 });
    expect(named.stderr).toMatch(/not a regular file/);
    await check(['lint', fifo], [1, 2], { timeoutMs: 10_000 });
    await check(['--data', goodDir, 'gap', 'good-two', '--profile', fifo], [2], { timeoutMs: 10_000 });
  });

  test('/dev/zero, named or linked, is refused', async () => {
    const dir = dirWith('zero', { 'good.yaml': GOOD_FAMILY });
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    await check(['--data', dir, 'list'], [0], { heapMb: 96, rssMb: 150, timeoutMs: 10_000 });
    await check(['--data', join(dir, 'zero.yaml'), 'list'], [2], { heapMb: 96, rssMb: 150, timeoutMs: 10_000 });
    await check(['lint', '/dev/zero'], [1, 2], { heapMb: 96, rssMb: 150, timeoutMs: 10_000 });
    await check(['--data', goodDir, 'gap', 'good-two', '--profile', '/dev/zero'], [2], { heapMb: 96, rssMb: 150, timeoutMs: 10_000 });
  });

  test('a directory named like a YAML file, a broken link and a symlink loop', async () => {
    const dir = dirWith('odd', { 'good.yaml': GOOD_FAMILY });
    mkdirSync(join(dir, 'folder.yaml'));
    symlinkSync(join(dir, 'missing.yaml'), join(dir, 'broken.yaml'));
    symlinkSync('.', join(dir, 'loop'));
    symlinkSync('..', join(dir, 'folder.yaml', 'up'));
    const list = await check(['--data', dir, 'list'], [0], { timeoutMs: 10_000 });
    expect(list.stderr).toMatch(/broken\.yaml: broken symbolic link, skipped/);
    await check(['lint', dir], [0, 1], { timeoutMs: 10_000 });
    await check(['--data', goodDir, 'gap', 'good-two', '--profile', join(dir, 'folder.yaml')], [2], { timeoutMs: 10_000 });
    await check(['--data', goodDir, 'gap', 'good-two', '--profile', join(dir, 'broken.yaml')], [2], { timeoutMs: 10_000 });
    await check(['import', join(dir, 'folder.yaml')], [0, 1, 2], { timeoutMs: 10_000 });
  });

  test('import refuses a 100 MB page, a FIFO and /dev/zero', async () => {
    const md = join(root, 'huge.md');
    closeSync(openSync(md, 'w'));
    truncateSync(md, 100 * 1024 * 1024);
    await check(['import', md], [1, 2], { heapMb: 96, rssMb: 400 });
    const mdFifo = join(root, 'pipe.md');
    spawnSync('mkfifo', [mdFifo]);
    await check(['import', mdFifo], [1, 2], { timeoutMs: 10_000 });
    await check(['import', '/dev/zero'], [1, 2], { heapMb: 96, rssMb: 150, timeoutMs: 10_000 });
  });
});

/**
 * The loader and resolver on huge inputs run in every `npm test`. The other commands on the same
 * inputs take tens of seconds (the yaml parser alone reads ~1–3 MB/s), so they run with
 * LADDER_HEAVY=1 (see docs/robustness.md).
 */
const HEAVY = process.env.LADDER_HEAVY === '1';
const heavyOnly = (argv: string[]) => (HEAVY ? [argv] : []);

describe('scale: huge data sets stay bounded', () => {
  const N = 100_000;
  const bounds = { heapMb: 1024, rssMb: 1200, timeoutMs: 45_000 };

  test(`${N.toLocaleString('en')} roles in one family`, async () => {
    let y = 'kind: family\nid: wide\ntitle: Wide\nresponsibilities: [Share the values]\nroles:\n';
    for (let i = 0; i < N; i++) y += `  r-${i}:\n    title: R${i}\n    grade: ${5 + (i % 8)}\n`;
    y += '    responsibilities: [The last one]\n';
    const dir = dirWith('wide', { 'wide.yaml': y });
    const show = await check(['--data', dir, 'show', `r-${N - 1}`, '--format', 'json'], [0], bounds);
    expect(JSON.parse(show.stdout).responsibilities).toHaveLength(2);
    for (const argv of [
      ...heavyOnly(['list', '--format', 'json']),
      ...heavyOnly(['lint', dir, '--format', 'json']),
      ...heavyOnly(['export', 'wide', '--format', 'json']),
    ]) {
      await check(['--data', dir, ...argv], [0, 1], bounds);
    }
  }, 180_000);

  test(`an extends chain ${N.toLocaleString('en')} long, across 100 files`, async () => {
    const dir = join(root, 'chain');
    mkdirSync(dir);
    const per = N / 100;
    for (let f = 0; f < 100; f++) {
      let y = `kind: family\nid: chain-${f}\ntitle: Chain ${f}\nroles:\n`;
      for (let i = f * per; i < (f + 1) * per; i++) {
        y += `  c-${i}:\n    title: Link ${i}\n    grade: 5\n${i > 0 ? `    extends: c-${i - 1}\n` : ''}${i % 1000 === 0 ? `    responsibilities: [Milestone ${i}]\n` : ''}`;
      }
      writeFileSync(join(dir, `chain-${String(f).padStart(3, '0')}.yaml`), y);
    }
    const show = await check(['--data', dir, 'show', `c-${N - 1}`, '--format', 'json'], [0], bounds);
    const json = JSON.parse(show.stdout);
    expect(json.extends).toHaveLength(N - 1);
    expect(json.responsibilities).toHaveLength(100);
    for (const argv of [
      ...heavyOnly(['show', `c-${N - 1}`]),
      ...heavyOnly(['diff', `c-${N - 2}`, `c-${N - 1}`, '--format', 'json']),
      ...heavyOnly(['lint', dir, '--format', 'json']),
    ]) {
      await check(['--data', dir, ...argv], [0, 1], bounds);
    }
  }, 180_000);

  test('an inheritance cycle of 10,000 roles is named, not followed forever', async () => {
    const M = 10_000;
    let y = 'kind: family\nid: loop\ntitle: Loop\nroles:\n';
    for (let i = 0; i < M; i++) y += `  l-${i}:\n    title: L${i}\n    grade: 5\n    extends: l-${(i + 1) % M}\n    responsibilities: [Item ${i}]\n`;
    const dir = dirWith('cycle', { 'loop.yaml': y });
    const b = { heapMb: 256, rssMb: 400, timeoutMs: 30_000 };
    const show = await check(['--data', dir, 'show', 'l-0'], [2], b);
    // Refused with the lint finding, which names the chain (shortened in the middle, as lint does).
    expect(show.stderr).toMatch(
      /^cycle\/loop\.yaml:8:14: error inheritance cycle: l-0 extends l-1 extends l-2 .* extends l-9999 extends l-0 \(inheritance-cycle\)\n/m,
    );
    const lint = await check(['lint', dir, '--format', 'json'], [1, 2], b);
    expect(lint.stdout).toMatch(/inheritance-cycle/);
    for (const argv of [...heavyOnly(['list']), ...heavyOnly(['diff', 'l-0', 'l-1'])]) await check(['--data', dir, ...argv], [0, 2], b);
  }, 90_000);
});

describe('stdout closed early', () => {
  let big: string;
  beforeAll(() => {
    big = join(root, 'gen-1k');
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'generate.js'), '--roles', '1000', '--out', big], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
  });

  const piped = (cmd: string) => {
    const r = spawnSync('bash', ['-c', `${cmd}; echo "exit=\${PIPESTATUS[0]}" >&2`], {
      cwd: root,
      encoding: 'utf8',
      timeout: 20_000,
      env: { PATH: process.env.PATH, NO_COLOR: '1' },
    });
    return { stdout: r.stdout, stderr: r.stderr };
  };
  const ladder = `"${process.execPath}" "${BIN}" --data "${'$'}D"`;

  test.each([
    ['list | head -1', 'list | head -1'],
    ['list --format json | head -c 100', 'list --format json | head -c 100'],
    ['export --format json | head -c 10', 'export fam-alpha --format json | head -c 10'],
    ['lint --format json | true', 'lint "$D" --format json | true'],
  ])('%s exits quietly', (_label, tail) => {
    const r = piped(`D="${big}"; ${ladder} ${tail}`);
    const [, code] = /exit=(\d+)/.exec(r.stderr) ?? [];
    const rest = r.stderr.replace(/exit=\d+\n?/, '');
    expect(rest).not.toMatch(/EPIPE|^\s{4}at /m);
    expect(['0', '1']).toContain(code);
    if (!tail.endsWith('| true')) expect(r.stdout.length).toBeGreaterThan(0);
  });
});

test('peak memory is measured here', () => {
  // Documented in docs/robustness.md: without /usr/bin/time the bounds are not checked.
  expect(typeof HAVE_TIME).toBe('boolean');
});
