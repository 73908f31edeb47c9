/** Hostile worksheets for `gap --profile sheet.csv`: refused with one line and exit 2, never hung or crashed. */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ladder-hostile-sheet-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROLE = 'senior-lab-curriculum-developer';

test.each<[string, (file: string) => void, RegExp]>([
  ['a directory', (f) => mkdirSync(f), /not a regular file/],
  ['a FIFO', (f) => execFileSync('mkfifo', [f]), /not a regular file/],
  [
    'over the size limit',
    (f) => {
      writeFileSync(f, 'item\n');
      truncateSync(f, 11 * 1024 * 1024);
    },
    /over the 10 MB limit/,
  ],
  ['not UTF-8', (f) => writeFileSync(f, Buffer.from([0x69, 0x74, 0x65, 0x6d, 0x0a, 0xff, 0xfe, 0x0a])), /not UTF-8 text/],
  ['an unclosed quote', (f) => writeFileSync(f, 'item,evidence\r\nit-saas-years,"never closed\r\n'), /not a readable CSV file/],
  ['missing', () => undefined, /no such file/],
])('%s', async (name, make, message) => {
  const file = join(dir, `${name.replace(/\W+/g, '-')}.csv`);
  make(file);
  const r = await runCli(['gap', ROLE, '--profile', file]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
});

test('a worksheet of many junk rows and wide rows: every unknown row reported, the rest read', async () => {
  const rows = ['item,evidence,' + Array.from({ length: 2000 }, (_, i) => `c${i}`).join(',')];
  for (let i = 0; i < 3000; i++) rows.push(`junk-${i},x`);
  rows.push('gitlab-usage,"=cmd|\' /C calc\'!A0"');
  const file = join(dir, 'junk.csv');
  writeFileSync(file, rows.join('\n'));
  const r = await runCli(['gap', ROLE, '--profile', file, '--format', 'json']);
  expect(r.stderr.trim().split('\n')).toHaveLength(3000);
  const gitlab = JSON.parse(r.stdout).requirements.find((x: { id: string }) => x.id === 'gitlab-usage');
  expect(gitlab.detail).toBe("missing gitlab; evidence: =cmd|' /C calc'!A0");
});
