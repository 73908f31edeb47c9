/** `--format sarif` output validates against the official SARIF 2.1.0 schema (test/fixtures/lint/sarif). */
import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { FIXTURES, runCli } from '../helpers/run-cli.js';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const schema = JSON.parse(readFileSync(join(FIXTURES, 'lint', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

test.each([
  ['findings with related locations', ['lint', 'test/fixtures/lint/multi', '--rule', 'handbook-style=warn']],
  ['a clean run', ['lint', 'test/fixtures/lint/multi/clean.yaml']],
])('SARIF of %s is valid SARIF 2.1.0', async (_name, args) => {
  const r = await runCli([...args, '--format', 'sarif']);
  const log = JSON.parse(r.stdout);
  const valid = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  expect(log.version).toBe('2.1.0');
  const rules = log.runs[0].tool.driver.rules as { id: string }[];
  for (const res of log.runs[0].results as { ruleId: string; ruleIndex: number }[]) expect(rules[res.ruleIndex].id).toBe(res.ruleId);
});

test('the schema really rejects a broken log (the validator is not a no-op)', () => {
  expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [] }] })).toBe(false);
  expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
});
