/**
 * Every JSON output has a published schema in schemas/ (`<command>-output.schema.json`), and every
 * golden JSON file, and each command's live JSON output, validates against it.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv2020Import from 'ajv/dist/2020.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { GOLDEN_DIR } from '../helpers/golden.js';

const Ajv2020 = Ajv2020Import as unknown as typeof Ajv2020Import.default;
const SCHEMAS = join(ROOT, 'schemas');
const OUTPUTS = ['list', 'show', 'diff', 'gap', 'export', 'lint', 'skills'] as const;

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
for (const name of readdirSync(SCHEMAS).filter((n) => n.endsWith('-output.schema.json'))) ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS, name), 'utf8')));
const validate = (kind: string, value: unknown) => {
  const v = ajv.getSchema(`https://ladder.dev/schemas/${kind}-output.schema.json`);
  if (!v) throw new Error(`no schema for ${kind}`);
  return v(value) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};

/** Which schema a golden JSON file is an output of, by its name; null for other formats (SARIF, GitLab). */
function kindOf(file: string): string | null {
  const base = file.split('/').pop()!;
  if (/^lint\/.*-(gitlab|sarif)\.json$/.test(file)) return null;
  if (/^lint\/.*-json\.json$/.test(file)) return 'lint';
  if (file.startsWith('export/')) return 'export';
  // Otherwise by the command its name starts with: `changes-….json` → schemas/changes-output.schema.json.
  const command = /^[a-z]+/.exec(base)?.[0] ?? '';
  if (existsSync(join(SCHEMAS, `${command}-output.schema.json`))) return command;
  throw new Error(`golden ${file}: no schemas/${command}-output.schema.json; add the schema of that output (or map the file in kindOf())`);
}

const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const goldens = walk(GOLDEN_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => relative(GOLDEN_DIR, f).split('\\').join('/'));

test('there is an output schema for every JSON output, beside the input schemas', () => {
  for (const k of OUTPUTS) expect(readdirSync(SCHEMAS)).toContain(`${k}-output.schema.json`);
  expect(goldens.length).toBeGreaterThanOrEqual(8);
});

describe.each(goldens.filter((g) => kindOf(g) !== null))('golden %s', (file) => {
  test('validates against its output schema', () => {
    expect(validate(kindOf(file)!, JSON.parse(readFileSync(join(GOLDEN_DIR, file), 'utf8')))).toEqual([]);
  });
});

describe('live JSON output validates', () => {
  const runs: [string, string[]][] = [
    ['list', ['list', '--format', 'json']],
    ['show', ['show', 'senior-manager-of-education-curriculum-development', '--format', 'json']],
    ['show', ['show', 'senior-lab-curriculum-developer', '--own', '--format', 'json']],
    ['diff', ['diff', 'technical-instructor', 'senior-manager-of-education-curriculum-development', '--format', 'json', '--all']],
    ['gap', ['gap', '--next', '--profile', 'examples/profiles/morgan-ortiz.yaml', '--format', 'json']],
    ['export', ['export', 'education-services', '--format', 'json']],
    ['export', ['export', 'technical-instructional-designer-family', '--format', 'json']],
    ['lint', ['lint', 'data', '--format', 'json', '--rule', 'handbook-style=warn']],
    ['skills', ['skills', '--format', 'json']],
  ];
  test.each(runs)('%s %j', async (kind, argv) => {
    const r = await runCli(argv);
    expect([0, 1]).toContain(r.code);
    expect(validate(kind, JSON.parse(r.stdout))).toEqual([]);
  });
  test('a schema catches an output that drifts', () => {
    const shown = { id: 'x' };
    expect(validate('show', shown).length).toBeGreaterThan(0);
  });
});

test('show and export JSON carry the role summary and hiring process', async () => {
  const r = JSON.parse((await runCli(['show', 'senior-technical-instructor', '--format', 'json'])).stdout);
  expect(r.summary).toMatch(/^The Senior Techincal Instructor reports/);
  expect(r.hiring_process.length).toBe(3);
  const e = JSON.parse((await runCli(['export', 'education-services', '--format', 'json'])).stdout);
  expect(e.roles.every((role: { summary?: unknown; hiring_process?: unknown }) => 'summary' in role && Array.isArray(role.hiring_process))).toBe(true);
});
