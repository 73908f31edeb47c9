/**
 * `ladder import --into`, tried as a new user would: a team's data set configured in .ladderrc.yaml,
 * three current-format pages imported into it. References resolve to the roles already there, a
 * clashing id is refused with nothing written, a re-run is refused (and with --force replaces
 * exactly the files it wrote), and `ladder lint` is clean afterwards.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCli, FIXTURES } from '../helpers/run-cli.js';

const SRC = join(FIXTURES, 'import', 'into');
let tmp: string;
let team: string;
const pages = () => ['../pages/engineering/site-reliability-engineer.md', '../pages/engineering/frontend', '../pages/engineering/data-engineer.md'];
const listing = () => readdirSync(join(team, 'data')).sort();
const snapshot = () => Object.fromEntries(listing().map((f) => [f, readFileSync(join(team, 'data', f), 'utf8')]));

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ladder-into-'));
  cpSync(SRC, tmp, { recursive: true });
  team = join(tmp, 'team');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('ladder import --into', () => {
  test('three pages into the configured data set: references resolve to the existing roles', async () => {
    const r = await runCli(['import', ...pages(), '--into'], { cwd: team });
    expect(r.stderr).toMatch(/^ladder: wrote 3 families \(4 roles\) to data;/m);
    expect(r.code).toBe(0);
    expect(listing()).toEqual(['data-engineer-family.yaml', 'engineering.yaml', 'frontend-engineer-family.yaml', 'site-reliability-engineer.yaml']);
    const sre = parse(readFileSync(join(team, 'data', 'site-reliability-engineer.yaml'), 'utf8'));
    const role = sre.roles['senior-site-reliability-engineer'];
    expect(role.reports_to).toBe('engineering-manager');
    expect(role.extends).toBe('senior-backend-engineer');
    expect(sre.external).toBeUndefined();
    expect(role.requirements).toEqual(['Experience running services at scale']);
    const data = parse(readFileSync(join(team, 'data', 'data-engineer-family.yaml'), 'utf8'));
    expect(data.roles['data-engineer'].extends).toBe('backend-engineer');
    const fe = parse(readFileSync(join(team, 'data', 'frontend-engineer-family.yaml'), 'utf8'));
    expect(fe.roles['senior-frontend-engineer'].extends).toBe('frontend-engineer');
    expect(fe.roles['frontend-engineer'].reports_to).toBe('engineering-manager');
  });

  test('`ladder lint` on the data set is clean', async () => {
    const r = await runCli(['lint'], { cwd: team });
    expect(r.stdout + r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
  });

  test('a clashing id is refused, naming the clash and both files; nothing is written', async () => {
    const before = snapshot();
    const r = await runCli(['import', '../pages/engineering/backend-engineer.md', '--into', 'data'], { cwd: team });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/role id `backend-engineer` from \.\.\/pages\/engineering\/backend-engineer\.md already exists in data\/engineering\.yaml/);
    expect(r.stderr).toMatch(/nothing was written/);
    expect(snapshot()).toEqual(before);
  });

  test('--rename-on-clash gives the imported role a new id instead', async () => {
    const r = await runCli(['import', '../pages/engineering/backend-engineer.md', '--into', 'data', '--rename-on-clash'], { cwd: team });
    expect(r.code).toBe(0);
    const f = parse(readFileSync(join(team, 'data', 'backend-engineer-family.yaml'), 'utf8'));
    expect(Object.keys(f.roles)).toEqual(['backend-engineer-backend-engineer']);
    rmSync(join(team, 'data', 'backend-engineer-family.yaml'));
  });

  test('a re-run is refused; with --force it replaces exactly the files it wrote', async () => {
    const before = snapshot();
    const again = await runCli(['import', ...pages(), '--into'], { cwd: team });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/written by an earlier import of the same pages; pass --force/);
    expect(snapshot()).toEqual(before);
    // A file of the team's own with the name a page would take is never replaced.
    writeFileSync(join(team, 'notes.txt'), 'kept');
    const forced = await runCli(['import', ...pages(), '--into', '--force'], { cwd: team });
    expect(forced.code).toBe(0);
    expect(snapshot()).toEqual(before);
    expect(readFileSync(join(team, 'notes.txt'), 'utf8')).toBe('kept');
  });

  test('a data set with errors is refused before anything is written', async () => {
    writeFileSync(join(team, 'data', 'broken.yaml'), 'kind: family\nid: broken\ntitle: Broken\nroles:\n  x:\n    title: X\n');
    const before = snapshot();
    const r = await runCli(['import', '../pages/engineering/backend-engineer.md', '--into', 'data', '--rename-on-clash'], { cwd: team });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the data set in data has 1 error; fix it first/);
    expect(snapshot()).toEqual(before);
    rmSync(join(team, 'data', 'broken.yaml'));
  });
});
