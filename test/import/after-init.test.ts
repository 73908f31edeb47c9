/**
 * A new user: `ladder init`, then three current-format pages imported `--into` the data set it
 * configured (two single-file families and a folder family). References resolve to the roles
 * `ladder init` wrote, a page whose role id is already there is refused with nothing written, and
 * `ladder lint` is clean. All through the CLI, as a user would type it.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCli, FIXTURES } from '../helpers/run-cli.js';

let tmp: string;
const data = () => join(tmp, 'ladder');
const snapshot = () => Object.fromEntries(readdirSync(data()).map((f) => [f, readFileSync(join(data(), f), 'utf8')]));
const family = (file: string) => parse(readFileSync(join(data(), file), 'utf8'));

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ladder-after-init-'));
  cpSync(join(FIXTURES, 'import', 'after-init', 'pages'), join(tmp, 'pages'), { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('ladder init, then ladder import --into', () => {
  test('init writes the data set and configures it', async () => {
    const r = await runCli(['init'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(readFileSync(join(tmp, '.ladderrc.yaml'), 'utf8')).toMatch(/^data: ladder$/m);
    expect(family('engineering.yaml').roles['senior-engineer'].title).toBe('Senior Engineer');
  });

  test('three pages into the configured data set: references resolve to the roles init wrote', async () => {
    const r = await runCli(['import', 'pages/site-reliability-engineer.md', 'pages/security', 'pages/data-analyst.md', '--into'], { cwd: tmp });
    expect(r.stderr).toMatch(/^ladder: wrote 3 families \(4 roles\) to ladder;/m);
    expect(r.code).toBe(0);
    expect(readdirSync(data()).sort()).toEqual([
      'data-analyst-family.yaml',
      'engineering.yaml',
      'security-engineer-family.yaml',
      'site-reliability-engineer.yaml',
      'skills.yaml',
    ]);
    // "Extends the Senior Engineer responsibilities": the role of that title init wrote, not the
    // import's own "Senior Security Engineer".
    expect(family('site-reliability-engineer.yaml').roles['senior-site-reliability-engineer']).toMatchObject({
      extends: 'senior-engineer',
      reports_to: 'engineering-manager',
    });
    const security = family('security-engineer-family.yaml');
    expect(security.roles['security-engineer']).toMatchObject({ extends: 'engineer', reports_to: 'engineering-manager' });
    expect(security.roles['senior-security-engineer'].extends).toBe('security-engineer');
    expect(family('data-analyst-family.yaml').roles['data-analyst'].reports_to).toBe('engineering-manager');
  });

  test('`ladder lint` is clean on the data set with the imported families', async () => {
    const r = await runCli(['lint', '--format', 'json'], { cwd: tmp });
    expect(r.code).toBe(0);
    const findings = JSON.parse(r.stdout) as { severity?: string; level?: string; file?: string }[];
    expect(findings.filter((f) => (f.severity ?? f.level) === 'error')).toEqual([]);
  });

  test('a page whose role id init already wrote is refused, naming both files; nothing is written', async () => {
    const before = snapshot();
    const r = await runCli(['import', 'pages/staff-engineer.md', '--into'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/role id `staff-engineer` from pages\/staff-engineer\.md already exists in ladder\/engineering\.yaml/);
    expect(r.stderr).toMatch(/nothing was written/);
    expect(snapshot()).toEqual(before);
  });
});
