/**
 * One fixture per rule under test/fixtures/lint/rules/: a file `<rule-id>.yaml`, or a directory
 * `<rule-id>/` when the rule needs several files. Each states its expectation in a comment,
 * `# expect: <rule-id> at <line>:<column>`, and must trigger that rule and no other.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/core/lint/registry.js';
import { FIXTURES, runCli } from '../helpers/run-cli.js';

const DIR = join(FIXTURES, 'lint', 'rules');
const REL = 'test/fixtures/lint/rules';

interface Expectation {
  file: string;
  ruleId: string;
  line: number;
  column: number;
}

function expectations(name: string): Expectation[] {
  const abs = join(DIR, name);
  const files = statSync(abs).isDirectory() ? readdirSync(abs).map((f) => `${name}/${f}`) : [name];
  const out: Expectation[] = [];
  for (const f of files) {
    for (const m of readFileSync(join(DIR, f), 'utf8').matchAll(/^# expect: ([a-z-]+) at (\d+):(\d+)$/gm)) {
      out.push({ file: `${REL}/${f}`, ruleId: m[1], line: Number(m[2]), column: Number(m[3]) });
    }
  }
  return out;
}

const entries = readdirSync(DIR).sort();
const idOf = (entry: string) => entry.replace(/\.yaml$/, '');

test('every rule has a fixture, and every fixture is named after a rule', () => {
  expect(entries.map(idOf).sort()).toEqual(RULES.map((r) => r.id).sort());
});

describe('each rule fixture triggers exactly its rule where it says', () => {
  test.each(entries)('%s', async (entry) => {
    const id = idOf(entry);
    const expected = expectations(entry);
    expect(expected.length).toBeGreaterThan(0);
    for (const e of expected) expect(e.ruleId).toBe(id);
    const rule = RULES.find((r) => r.id === id)!;
    const args = ['lint', `${REL}/${entry}`, '--format', 'json'];
    if (rule.defaultSeverity === 'off') args.push('--rule', `${id}=warn`);
    const r = await runCli(args);
    const found = JSON.parse(r.stdout) as { file: string; line: number; column: number; ruleId: string; severity: string }[];
    expect(found.map((f) => f.ruleId)).toEqual(found.map(() => id));
    for (const e of expected) expect(found).toContainEqual(expect.objectContaining({ file: e.file, line: e.line, column: e.column, ruleId: id }));
    expect(r.code).toBe(rule.defaultSeverity === 'error' ? 1 : 0);
  });
});
