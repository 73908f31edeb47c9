import { beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/core/lint/registry.js';
import type { Rule } from '../../src/core/lint/types.js';
import type { SchemaSupport } from '../../src/core/schema-errors.js';
import { loadSchemaSupport } from '../../src/io/schemas.js';
import { ROOT } from '../helpers/run-cli.js';
import { buildDataSet, loadFile } from '../../src/core/load.js';
import { runLint } from '../../src/core/lint/engine.js';
import { checkRule, lintExample } from './rule-tester.js';

let schemas: SchemaSupport;
beforeAll(async () => {
  schemas = await loadSchemaSupport();
});

describe('every rule passes its own examples', () => {
  test.each(RULES.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    expect(checkRule(rule, schemas)).toEqual([]);
  });
});

describe('valid examples are valid data: no rule reports them with the default severities', () => {
  test.each(RULES.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    for (const yaml of rule.examples.valid) {
      const files = yaml.split(/^---\n/m).map((text, i) => loadFile({ file: `example-${i + 1}.yaml`, text }, schemas));
      expect(runLint(files, buildDataSet(files)).map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    }
  });
});

describe('rule modules', () => {
  test.each(RULES.map((r) => [r.id, r] as const))('%s lives in rules/<id>.ts and documents itself', (id, rule) => {
    expect(existsSync(join(ROOT, 'src', 'core', 'lint', 'rules', `${id}.ts`))).toBe(true);
    expect(rule.description.length).toBeGreaterThan(80);
    expect(rule.description).not.toContain('\n');
    expect(rule.summary.length).toBeGreaterThan(10);
  });

  test('ids are unique and kebab-case', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});

describe('the rule tester checks itself', () => {
  const base = RULES.find((r) => r.id === 'empty-role')!;

  test('an invalid example that reports nothing is a problem', () => {
    const silent: Rule = { ...base, check: undefined, inheritance: undefined };
    expect(checkRule(silent, schemas)).toEqual([expect.stringContaining('invalid example 1 reports nothing')]);
  });

  test('a finding at another position than the example states is a problem', () => {
    const moved: Rule = {
      ...base,
      examples: { ...base.examples, invalid: [{ ...base.examples.invalid[0], errors: [{ messageId: 'empty', line: 2, column: 3 }] }] },
    };
    expect(checkRule(moved, schemas)).toEqual([
      expect.stringContaining('expects [empty-role/empty example-1.yaml:2:3], got [empty-role/empty example-1.yaml:5:3]'),
    ]);
  });

  test('a missing or extra finding, or another message id, is a problem', () => {
    const [ex] = base.examples.invalid;
    const extra: Rule = { ...base, examples: { ...base.examples, invalid: [{ ...ex, errors: [...ex.errors, { messageId: 'empty', line: 5, column: 3 }] }] } };
    expect(checkRule(extra, schemas)).toEqual([expect.stringContaining('got [empty-role/empty example-1.yaml:5:3]')]);
    const other: Rule = {
      ...base,
      meta: { messages: { ...base.meta.messages, other: 'x' } },
      examples: { ...base.examples, invalid: [{ ...ex, errors: [{ ...ex.errors[0], messageId: 'other' }] }] },
    };
    expect(checkRule(other, schemas)).toEqual([expect.stringContaining('expects [empty-role/other')]);
    const unknown: Rule = { ...base, examples: { ...base.examples, invalid: [{ ...ex, errors: [{ ...ex.errors[0], messageId: 'nope' }] }] } };
    expect(checkRule(unknown, schemas)).toEqual([expect.stringContaining('unknown message id nope'), expect.stringContaining('expects [empty-role/nope')]);
  });

  test('a valid example that reports is a problem', () => {
    const noisy: Rule = { ...base, examples: { ...base.examples, valid: [base.examples.invalid[0].yaml] } };
    expect(checkRule(noisy, schemas)).toEqual([expect.stringContaining('valid example 1 reports example-1.yaml:5:3')]);
  });

  test('examples with several files are split at `---` lines', () => {
    const dup = RULES.find((r) => r.id === 'duplicate-id')!;
    const found = lintExample(dup, dup.examples.invalid[1].yaml, schemas);
    expect(found.map((f) => [f.file, f.line, f.related?.[0].file])).toEqual([['example-2.yaml', 5, 'example-1.yaml']]);
  });
});
