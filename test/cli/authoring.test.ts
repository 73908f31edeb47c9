/** `ladder init`, `ladder skills`, `ladder profile` and `show --ids`: what a team needs to start writing. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { VERSION } from '../../src/cli/version.js';

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ladder-init-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const allFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? allFiles(join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name]))
    .sort();

describe('ladder init', () => {
  test('writes a data set that lints clean, shows and gaps at once', async () => {
    const dir = join(tmp, 'team');
    const r = await runCli(['init', 'team', '--ci', 'gitlab'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'ladder: wrote 5 files: team/.ladderrc.yaml, team/ladder/engineering.yaml, team/ladder/skills.yaml, team/profiles/example.yaml, team/.gitlab-ci.yml\nladder: next: cd team, edit ladder/engineering.yaml, then run `ladder lint` and `ladder show senior-engineer`\n',
    );
    expect(allFiles(dir)).toEqual(['.gitlab-ci.yml', '.ladderrc.yaml', 'ladder/engineering.yaml', 'ladder/skills.yaml', 'profiles/example.yaml']);
    // The schema line of each YAML file: a temporary directory is no project ladder is installed in, so
    // it names the published schema, not a path of this machine.
    for (const [f, kind] of [
      ['ladder/engineering.yaml', 'family'],
      ['ladder/skills.yaml', 'skills'],
      ['profiles/example.yaml', 'profile'],
    ]) {
      const schema = /^# yaml-language-server: \$schema=(.+)$/m.exec(readFileSync(join(dir, f), 'utf8'))![1];
      expect(schema).toBe(`https://unpkg.com/career-ladder-cli@${VERSION}/schemas/${kind}.schema.json`);
    }
    const lint = await runCli(['lint', '--format', 'json'], { cwd: dir });
    expect({ code: lint.code, stderr: lint.stderr, findings: JSON.parse(lint.stdout) }).toEqual({ code: 0, stderr: '', findings: [] });
    const show = await runCli(['show', 'staff-engineer', '--format', 'json'], { cwd: dir });
    expect(show.code).toBe(0);
    const shown = JSON.parse(show.stdout);
    expect(shown.extends).toEqual(['senior-engineer', 'engineer']);
    // Family items, an override by id, a remove: all at work.
    const ids = shown.responsibilities.map((i: { id: string | null }) => i.id);
    expect(ids).toContain('code-review');
    expect(ids).not.toContain('ship-features');
    expect(shown.requirements.find((i: { id: string }) => i.id === 'experience-years')).toMatchObject({
      years: 5,
      from: 'senior-engineer',
      overrides: 'engineer',
    });
    const gap = await runCli(['gap', 'engineer', '--profile', 'profiles/example.yaml', '--format', 'json'], { cwd: dir });
    expect({ code: gap.code, stderr: gap.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(gap.stdout).summary).toEqual({ met: 4, missing: 0, unverified: 0, total: 4 });
    const diff = await runCli(['diff', 'engineer', 'senior-engineer'], { cwd: dir });
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(/years 2 → 5/);
  });

  test('never overwrites: lists every existing file and writes nothing; --force replaces', async () => {
    const dir = join(tmp, 'existing');
    mkdirSync(join(dir, 'ladder'), { recursive: true });
    writeFileSync(join(dir, '.ladderrc.yaml'), 'mine: true\n');
    writeFileSync(join(dir, 'ladder', 'skills.yaml'), 'mine\n');
    const r = await runCli(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ladder: these files exist: .ladderrc.yaml, ladder/skills.yaml; nothing was written (pass --force to overwrite them)\n');
    expect(allFiles(dir)).toEqual(['.ladderrc.yaml', 'ladder/skills.yaml']);
    expect(readFileSync(join(dir, '.ladderrc.yaml'), 'utf8')).toBe('mine: true\n');
    const f = await runCli(['init', '--force', '--ci', 'github'], { cwd: dir });
    expect(f.code).toBe(0);
    expect(readFileSync(join(dir, '.ladderrc.yaml'), 'utf8')).toMatch(/^data: ladder$/m);
    expect(allFiles(dir)).toEqual(['.github/workflows/ladder.yml', '.ladderrc.yaml', 'ladder/engineering.yaml', 'ladder/skills.yaml', 'profiles/example.yaml']);
  });

  test('a failed write leaves nothing behind', async () => {
    const dir = join(tmp, 'blocked');
    mkdirSync(dir);
    writeFileSync(join(dir, 'profiles'), 'a file where a directory should be\n');
    const r = await runCli(['init', '--force'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ladder: profiles\/example\.yaml: cannot write/);
    expect(allFiles(dir)).toEqual(['profiles']);
  });

  test('an unknown --ci is a usage error', async () => {
    const r = await runCli(['init', '--ci', 'jenkins'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/jenkins/);
  });
});

describe('ladder skills', () => {
  test('lists skills and areas with aliases and use counts', async () => {
    const r = await runCli(['skills', '--no-color'], { columns: 100 });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Skills \(30\)\nid +title +aliases +used\n/);
    expect(r.stdout).toMatch(/^gcp +Google Cloud Platform +google cloud, GCP, Google Cloud Platform \(GCP\) +\d+$/m);
    expect(r.stdout).toMatch(/^Experience areas \(7\)$/m);
  });
  test('--format json', async () => {
    const r = await runCli(['skills', '--format', 'json']);
    const v = JSON.parse(r.stdout);
    expect(v.skills).toHaveLength(30);
    expect(v.areas).toHaveLength(7);
    expect(v.areas.find((a: { id: string }) => a.id === 'it-saas')).toMatchObject({ title: expect.any(String), used: 2 });
  });
  test('a data set without vocabulary says so', async () => {
    const dir = join(tmp, 'novocab');
    mkdirSync(dir);
    writeFileSync(join(dir, 'f.yaml'), 'kind: family\nid: f\ntitle: F\nroles:\n  r:\n    title: R\n    grade: 6\n    responsibilities: [x]\n');
    const r = await runCli(['--data', dir, 'skills', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ skills: [], areas: [] });
    expect(r.stderr).toMatch(/has no skills vocabulary/);
  });
});

describe('ladder profile', () => {
  test('prints a valid profile naming every requirement of the role', async () => {
    const r = await runCli(['profile', 'senior-lab-curriculum-developer'], { cwd: tmp });
    expect(r.code).toBe(0);
    // The schema line: outside any project ladder is installed in, the published schema; in ladder's
    // own clone, its path from the working directory.
    expect(r.stdout.split('\n')[0]).toBe(`# yaml-language-server: $schema=https://unpkg.com/career-ladder-cli@${VERSION}/schemas/profile.schema.json`);
    expect((await runCli(['profile', 'senior-lab-curriculum-developer'])).stdout.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=schemas/profile.schema.json',
    );
    expect(r.stdout).toMatch(/^ {2}it-saas: 0 {2}# needs 7: 7\+ years/m);
    expect(r.stdout).toMatch(/^ {2}# terraform: awareness$/m);
    // A skill asked at a level is offered once, at the highest level asked.
    expect(r.stdout).toMatch(/^ {2}# iam: advanced$/m);
    expect(r.stdout.match(/^ {2}# instruqt: /gm)).toHaveLength(1);
    expect(r.stdout).toMatch(/^ {2}# "Developing automation workflows and integrations for repetitive or manual tasks": <how>$/m);
    const file = join(tmp, 'skeleton.yaml');
    writeFileSync(file, r.stdout);
    const gap = await runCli(['gap', 'senior-lab-curriculum-developer', '--profile', file, '--format', 'json']);
    expect(gap.stderr).toBe('');
    expect(JSON.parse(gap.stdout).summary).toEqual({ met: 0, missing: 13, unverified: 2, total: 15 });
    // Filled in by uncommenting: the skills (skill -> level) and the evidence become maps.
    const filled = r.stdout
      .replace(/^skills: \{\}.*$/m, 'skills:')
      .replace(/^ {2}# ([a-z0-9-]+: [a-z]+)$/gm, '  $1')
      .replace(/^evidence: \{\}.*$/m, 'evidence:')
      .replace(/^ {2}# (".*"): <how>$/gm, '  $1: done')
      .replace(/^ {2}it-saas: 0/m, '  it-saas: 7')
      .replace(/^ {2}user-support: 0/m, '  user-support: 5');
    writeFileSync(file, filled);
    const full = await runCli(['gap', 'senior-lab-curriculum-developer', '--profile', file, '--format', 'json']);
    expect(JSON.parse(full.stdout).summary).toEqual({ met: 15, missing: 0, unverified: 0, total: 15 });
  });
  test('an unknown role is refused with the closest ids', async () => {
    const r = await runCli(['profile', 'senior-lab-curriculum-develper']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean `senior-lab-curriculum-developer`/);
  });
});

test('show --ids adds the item ids, - for items without one', async () => {
  const r = await runCli(['show', 'senior-lab-curriculum-developer', '--ids', '--no-color'], { columns: 120 });
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^#\s+id\s+item\s+from$/m);
  expect(r.stdout).toMatch(/^9\s+it-saas-years\s+7\+ years of experience in IT/m);
  expect(r.stdout).toMatch(/^1\s+-\s+Deploy and manage/m);
});
