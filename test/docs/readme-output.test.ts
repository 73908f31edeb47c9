/**
 * The outputs the README shows are real: every `$ ladder …` of its console blocks is run (colour off,
 * 100 columns) and the lines shown must appear in its output, in order; `…` stands for lines left out.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/run-cli.js';

interface Shown {
  argv: string[];
  expected: string[];
}

function consoleCommands(markdown: string): Shown[] {
  const out: Shown[] = [];
  for (const m of markdown.matchAll(/^```console\n([\s\S]*?)^```$/gm)) {
    let cur: Shown | null = null;
    for (const line of m[1].replace(/\n$/, '').split('\n')) {
      if (line.startsWith('$ ')) {
        if (!/^\$ ladder [^|<>;&$]*$/.test(line)) throw new Error(`README console line the test cannot run: ${line}`);
        cur = { argv: line.slice('$ ladder '.length).trim().split(/\s+/), expected: [] };
        out.push(cur);
      } else cur?.expected.push(line);
    }
  }
  return out;
}

/** The expected lines, split at `…`, must appear as runs of consecutive lines, in order. */
function appearsIn(expected: string[], actual: string[]): boolean {
  let at = 0;
  const runs: string[][] = [[]];
  for (const l of expected) {
    if (l === '…') runs.push([]);
    else runs[runs.length - 1].push(l);
  }
  for (const r of runs.filter((x) => x.length)) {
    let found = -1;
    for (let i = at; i + r.length <= actual.length && found < 0; i++) if (r.every((l, j) => actual[i + j] === l)) found = i;
    if (found < 0) return false;
    at = found + r.length;
  }
  return true;
}

const shown = consoleCommands(readFileSync(join(ROOT, 'README.md'), 'utf8'));
let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ladder-readme-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('the README shows every command of the tour', () => {
  const commands = new Set(shown.map((s) => s.argv[0]));
  for (const c of ['list', 'show', 'diff', 'gap', 'lint', 'init', 'skills', 'profile', 'export']) expect(commands).toContain(c);
});

test.each(shown.map((s) => [s.argv.join(' '), s] as const))('$ ladder %s', async (_name, s) => {
  // init writes files: in an empty folder (the README runs it twice: the second time it refuses).
  const r = await runCli([...s.argv, '--no-color'], { cwd: s.argv[0] === 'init' ? tmp : ROOT, columns: 100 });
  const actual = (r.stdout + r.stderr).replace(/\n$/, '').split('\n');
  expect({ argv: s.argv, ok: appearsIn(s.expected, actual) }).toEqual({ argv: s.argv, ok: true });
});
