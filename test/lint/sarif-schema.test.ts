/** `--format sarif` output validates against the official SARIF 2.1.0 schema (test/fixtures/lint/sarif). */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
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

describe('file names that are not plain URI segments, and files outside the working directory', () => {
  let tmp: string;
  const FAMILY = (id: string) => `kind: family\nid: ${id}\ntitle: T\nroles:\n  ${id}-role:\n    title: R\n    grade: 6\n    extends: nowhere-${id}\n`;
  // `#`, `?`, `%`, spaces, a `:` in the first segment and non-ASCII, under the working directory and outside it.
  const INSIDE = ['data/a #1?.yaml', 'c:drive/x.yaml', 'data/équipe 50%/ü.yaml'];
  const OUTSIDE = ['../outside dir/#o?.yaml'];
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'ladder-sarif-names-'));
    [...INSIDE.map((p) => join('work', p)), ...OUTSIDE.map((p) => join('work', p))].forEach((p, i) => {
      mkdirSync(dirname(join(tmp, p)), { recursive: true });
      writeFileSync(join(tmp, p), FAMILY(`f${i}`));
    });
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test('SARIF is valid 2.1.0 and every result resolves to the file it is about', async () => {
    const cwd = join(tmp, 'work');
    const r = await runCli(['lint', ...INSIDE, ...OUTSIDE, '--format', 'sarif'], { cwd });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(validate(log)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    const run = log.runs[0];
    const base = run.originalUriBaseIds['%SRCROOT%'].uri as string;
    expect(fileURLToPath(base)).toBe(cwd + sep);
    const resolved = (run.results as { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[]).map((res) => {
      const loc = res.locations[0].physicalLocation.artifactLocation;
      // A consumer resolves a relative reference against its base, an absolute one as it is.
      if (loc.uriBaseId === undefined) expect(loc.uri).toMatch(/^file:\/\/\//);
      else expect(loc.uriBaseId).toBe('%SRCROOT%');
      return fileURLToPath(new URL(loc.uri, loc.uriBaseId ? base : undefined));
    });
    expect(resolved.sort()).toEqual([...INSIDE, ...OUTSIDE].map((p) => resolve(cwd, p)).sort());
    for (const file of resolved) expect(readFileSync(file, 'utf8')).toContain('extends: nowhere-');
  });
});
