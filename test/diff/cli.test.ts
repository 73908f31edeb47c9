import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { FIXTURES, runCli } from '../helpers/run-cli.js';

const LAB = ['lab-curriculum-developer', 'senior-lab-curriculum-developer'];
const SMALL = join(FIXTURES, 'diff-gap', 'data');

describe('ladder diff (CLI)', () => {
  test('exit 0; the IT SaaS requirement is one changed item with its word change and years delta', async () => {
    const r = await runCli(['diff', ...LAB, '--no-color']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('  grade       6 → 7');
    expect(r.stdout).toContain('~ [-5+-] {+7++} years of experience in IT');
    expect(r.stdout).toContain('    years 5 → 7');
    expect(r.stdout).not.toMatch(/^ {2}- 5\+ years/m);
    expect(r.stdout).toContain('Requirements (5 changed, 10 unchanged)');
  });

  test('--all lists the unchanged items', async () => {
    const plain = await runCli(['diff', ...LAB, '--no-color']);
    const all = await runCli(['diff', ...LAB, '--no-color', '--all']);
    expect(plain.stdout).not.toContain('= Ability to use GitLab');
    expect(all.stdout).toContain('= Ability to use GitLab');
  });

  test.each<[string, string[], Record<string, string>]>([
    ['--color', ['--color'], {}],
    ['FORCE_COLOR', [], { FORCE_COLOR: '1' }],
  ])('colour on (%s): red and green words, no markers', async (_name, flags, env) => {
    const r = await runCli(['diff', ...LAB, ...flags], { env });
    expect(r.stdout).toContain('\x1b[31m5+\x1b[39m \x1b[32m7+\x1b[39m');
    expect(r.stdout).not.toContain('[-5+-]');
  });

  test('NO_COLOR: plain bytes with markers', async () => {
    const r = await runCli(['diff', ...LAB], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stdout).toContain('[-5+-] {+7++}');
  });

  test('markdown shows the change without colour', async () => {
    const r = await runCli(['diff', ...LAB, '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '- ~~5+~~ **7+** years of experience in IT in a high growth ~~Software as a service (SaaS)~~ **SaaS** environment _(years 5 → 7)_',
    );
  });

  test('json is the documented shape', async () => {
    const r = await runCli(['diff', ...LAB, '--format', 'json']);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['from', 'to', 'fields', 'sections']);
    const changed = j.sections.requirements.changed.find((c: { to: { id: string } }) => c.to.id === 'it-saas-years');
    expect(changed.deltas).toEqual([{ field: 'years', from: 5, to: 7 }]);
    expect(changed.match).toBe('id');
  });

  test('an external parent: warning on stderr, exit 0', async () => {
    const r = await runCli(['--data', SMALL, 'diff', 'platform-engineer', 'staff-platform-engineer', '--no-color']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('ladder: staff-platform-engineer extends principal-engineer, which is defined outside this data set; its items are not compared\n');
    expect(r.stdout).toContain('Requirements (1 added, 2 removed)');
  });

  test.each<[string, string[], RegExp]>([
    [
      'unknown role',
      ['diff', 'lab-curriculum-developr', LAB[1]],
      /^ladder: unknown role `lab-curriculum-developr` in the bundled sample data set \(did you mean `lab-curriculum-developer`/,
    ],
    ['a family instead of a role', ['diff', 'education-services', LAB[1]], /^ladder: `education-services` is a family, not a role/],
    ['missing argument', ['diff', LAB[0]], /give the target role too/],
    ['bad format', ['diff', ...LAB, '--format', 'yaml'], /argument 'yaml' is invalid/],
  ])('%s: exit 2, a message on stderr, nothing on stdout', async (_name, argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});
