/**
 * action.yml is a valid GitHub Actions metadata file: checked against the schema published by
 * SchemaStore (test/fixtures/ci/github-action, Apache-2.0), and its scripts take inputs only through
 * the environment. scripts/ci-check.js runs its steps (test/ci/integrations.test.ts).
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import YAML from 'yaml';
import { FIXTURES, ROOT } from '../helpers/run-cli.js';

const schema = JSON.parse(readFileSync(join(FIXTURES, 'ci', 'github-action', 'github-action.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const action = YAML.parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
type Step = { name: string; run?: string; shell?: string; env?: Record<string, string>; 'working-directory'?: string };

describe('action.yml', () => {
  test('is valid for the published action schema', () => {
    validate(action);
    expect(validate.errors ?? []).toEqual([]);
    expect(action.runs.using).toBe('composite');
  });

  test('the schema is not a no-op: it rejects a run step without a shell, and an input without `required`', () => {
    const broken = structuredClone(action);
    delete broken.runs.steps[0].shell;
    expect(validate(broken)).toBe(false);
    const noRequired = structuredClone(action);
    delete noRequired.inputs.paths.required;
    expect(validate(noRequired)).toBe(false);
  });

  test('lints with annotations and writes SARIF, and inputs reach scripts only as environment variables', () => {
    const steps = action.runs.steps as Step[];
    const lint = steps.find((s) => s.run?.includes('ladder lint'))!;
    expect(lint.run).toContain('--format github --format "sarif=$LADDER_SARIF"');
    for (const s of steps) expect({ step: s.name, expression: s.run?.includes('${{') }).toEqual({ step: s.name, expression: false });
    const declared = new Set(Object.keys(action.inputs));
    const used = JSON.stringify(steps).match(/inputs\.[\w-]+/g) ?? [];
    for (const u of used) expect(declared).toContain(u.slice('inputs.'.length));
    for (const [id, o] of Object.entries(action.outputs as Record<string, { value: string }>)) expect({ id, value: o.value }).toEqual({ id, value: `\${{ steps.lint.outputs.${id} }}` });
  });
});
