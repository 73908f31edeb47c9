/**
 * Every YAML example of docs/file-format.md is loaded and linted: blocks are grouped into data sets by
 * their `# file: <example>/<name>` line; an example is clean unless it says `# expect: <rule-id>`, and
 * then it must report exactly those rules.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT, runCli } from '../helpers/run-cli.js';

interface Block {
  file: string;
  text: string;
  expect: string[];
}

function yamlBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const re = /^```yaml\n([\s\S]*?)^```$/gm;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) {
    const text = m[1];
    const file = /^# file: (\S+)$/m.exec(text)?.[1];
    if (!file) throw new Error(`a yaml block of docs/file-format.md has no "# file:" line:\n${text.slice(0, 200)}`);
    blocks.push({ file, text, expect: [...text.matchAll(/^# expect: (\S+)$/gm)].map((x) => x[1]) });
  }
  return blocks;
}

const blocks = yamlBlocks(readFileSync(join(ROOT, 'docs', 'file-format.md'), 'utf8'));
const isConfig = (b: Block) => /(^|\/)\.ladderrc\.ya?ml$/.test(b.file);
const groups = [...new Set(blocks.filter((b) => !isConfig(b)).map((b) => b.file.split('/')[0]))];
let tmp = '';

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ladder-docs-'));
  for (const b of blocks) {
    mkdirSync(dirname(join(tmp, b.file)), { recursive: true });
    writeFileSync(join(tmp, b.file), b.text);
  }
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('the guide has examples of every kind of file', () => {
  expect(blocks.length).toBeGreaterThanOrEqual(10);
  const kinds = new Set(blocks.map((b) => /^kind: (\w+)/m.exec(b.text)?.[1] ?? 'config'));
  expect([...kinds].sort()).toEqual(['config', 'family', 'profile', 'skills']);
});

describe.each(groups)('example %s', (group) => {
  test('lints with exactly the findings it announces', async () => {
    const r = await runCli(['lint', group, '--format', 'json'], { cwd: tmp });
    const findings = JSON.parse(r.stdout) as { file: string; ruleId: string; line: number }[];
    const expected = blocks.filter((b) => b.file.startsWith(`${group}/`)).flatMap((b) => b.expect.map((rule) => `${b.file} ${rule}`));
    expect(findings.map((f) => `${f.file} ${f.ruleId}`).sort()).toEqual(expected.sort());
    expect(r.code).toBe(expected.length > 0 ? 1 : 0);
  });
});

test('every configuration example is a valid config', async () => {
  const configs = blocks.filter(isConfig);
  expect(configs.length).toBeGreaterThan(0);
  for (const c of configs) {
    // Beside the config, the worked example as its data set: lint with no paths reads it through `data:`.
    const dir = dirname(join(tmp, c.file));
    for (const b of blocks.filter((x) => x.file.startsWith('engineering/'))) {
      mkdirSync(join(dir, 'ladder'), { recursive: true });
      writeFileSync(join(dir, 'ladder', b.file.split('/')[1]), b.text);
    }
    const r = await runCli(['lint', '--format', 'json'], { cwd: dir });
    expect({ file: c.file, code: r.code, stderr: r.stderr }).toEqual({ file: c.file, code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toEqual([]);
  }
});

test('the worked example resolves as the guide says', async () => {
  const r = await runCli(['--data', 'engineering', 'show', 'staff-engineer', '--no-color'], { cwd: tmp, columns: 100 });
  expect(r.code).toBe(0);
  const guide = readFileSync(join(ROOT, 'docs', 'file-format.md'), 'utf8');
  const shown = /So `ladder show staff-engineer`[^\n]*\n\n```\n([\s\S]*?)```/.exec(guide)?.[1];
  expect(shown).toBeTruthy();
  expect(r.stdout).toContain(shown!);
});

test('the refused typo prints what the guide shows', async () => {
  const guide = readFileSync(join(ROOT, 'docs', 'file-format.md'), 'utf8');
  const shown = /```\n\$ ladder --data typo show senior-engineer\n([\s\S]*?)```/.exec(guide)?.[1];
  expect(shown).toBeTruthy();
  const r = await runCli(['--data', 'typo', 'show', 'senior-engineer'], { cwd: tmp });
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(shown);
});
