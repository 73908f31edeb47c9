/**
 * A file with 200,000 findings goes through loading, the engine and the formatters: nothing spreads an
 * array of findings into a call (which overflowed the call stack: "Maximum call stack size exceeded").
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';

const N = 200_000;
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ladder-large-report-'));
  // Every line indented with a tab: one yaml-syntax finding each.
  const lines = ['kind: family', 'id: t', 'title: T', 'roles:', '  a:', '    title: A', '    grade: 6', '    requirements:'];
  for (let i = 0; i < N; i++) lines.push(`\t- item ${i}`);
  writeFileSync(join(tmp, 'tabs.yaml'), lines.join('\n') + '\n');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test(`${N.toLocaleString('en')} findings in one file: every one in the report, the count on stderr`, async () => {
  const r = await runCli(['lint', 'tabs.yaml', '--format', 'gitlab=gl.json'], { cwd: tmp });
  expect(r.stderr).not.toContain('internal error');
  expect(r.code).toBe(1);
  const report = JSON.parse(readFileSync(join(tmp, 'gl.json'), 'utf8')) as { fingerprint: string }[];
  expect(report.length).toBeGreaterThanOrEqual(N);
  expect(new Set(report.map((e) => e.fingerprint)).size).toBe(report.length);
  expect(r.stderr).toMatch(new RegExp(`✖ ${report.length} problems \\(${report.length} errors, 0 warnings\\)\\n$`));
}, 120_000);
