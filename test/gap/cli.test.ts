import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { FIXTURES, runCli } from '../helpers/run-cli.js';

const SENIOR = 'senior-lab-curriculum-developer';
const EXAMPLE = (name: string) => `examples/profiles/${name}.yaml`;
const FIX = (name: string) => `test/fixtures/diff-gap/profiles/${name}.yaml`;

describe('ladder gap (CLI): results and exit codes', () => {
  test.each<[string, string[], number, string[]]>([
    ['short in years: exit 1', [SENIOR, '-p', EXAMPLE('sam-rivera')], 1, ['6 of 7 years in it-saas', 'Summary: 12 of 15 met, 3 missing, 0 unverified']],
    [
      'meets everything (--next from the intermediate level): exit 0',
      ['--next', '-p', EXAMPLE('jordan-lee')],
      0,
      ['Senior Lab Curriculum Developer (senior-lab-curriculum-developer)', 'Summary: 15 of 15 met'],
    ],
    ['unverified only: exit 0', ['--next', '-p', EXAMPLE('morgan-ortiz')], 0, ['Senior Technical Instructor', '5 unverified']],
    ['unverified with --strict: exit 1', ['--next', '--strict', '-p', EXAMPLE('morgan-ortiz')], 1, ['5 unverified']],
    ['nothing missing with --strict: exit 0', ['--next', '--strict', '-p', EXAMPLE('jordan-lee')], 0, ['0 unverified']],
  ])('%s', async (_name, argv, code, contains) => {
    const r = await runCli(['gap', ...argv, '--no-color']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(code);
    for (const c of contains) expect(r.stdout).toContain(c);
  });

  test('json: the requirement that is short says by how much', async () => {
    const r = await runCli(['gap', SENIOR, '-p', EXAMPLE('sam-rivera'), '--format', 'json']);
    const j = JSON.parse(r.stdout);
    expect(j.summary).toEqual({ met: 12, missing: 3, unverified: 0, total: 15 });
    expect(j.requirements.find((x: { id: string }) => x.id === 'identity-access-management')).toMatchObject({
      skills: { all: ['iam'], level: 'advanced' },
      status: 'missing',
      detail: 'iam at working, needs advanced',
    });
    expect(j.requirements.find((x: { id: string }) => x.id === 'it-saas-years')).toMatchObject({
      years: 7,
      area: 'it-saas',
      status: 'missing',
      detail: '6 of 7 years in it-saas',
    });
  });

  test('missing first, then unverified, then met as a count (--all lists it); JSON keeps page order', async () => {
    const argv = ['gap', '--next', '-p', EXAMPLE('morgan-ortiz'), '--no-color'];
    const plain = (await runCli(argv)).stdout;
    const statuses = (text: string) => [...text.matchAll(/^ {2}(met|missing|unverified) /gm)].map((m) => m[1]);
    expect(statuses(plain)).toEqual([...Array(5).fill('unverified'), 'met']);
    expect(plain).toMatch(/^ {2}met {9}6 requirements met \(--all lists them\)$/m);
    const all = (await runCli([...argv, '--all'])).stdout;
    expect(statuses(all)).toEqual([...Array(5).fill('unverified'), ...Array(6).fill('met')]);
    const sam = (await runCli(['gap', SENIOR, '-p', EXAMPLE('sam-rivera'), '--format', 'markdown'])).stdout;
    expect([...sam.matchAll(/^\| (\S+) \|/gm)].map((m) => m[1]).slice(1)).toEqual(['**missing**', '**missing**', '**missing**']);
    expect(sam).toContain('12 requirements met (--all lists them).');
    const json = JSON.parse((await runCli(['gap', SENIOR, '-p', EXAMPLE('sam-rivera'), '--format', 'json'])).stdout);
    const shown = (await runCli(['show', SENIOR, '--format', 'json'])).stdout;
    expect(json.requirements.map((x: { text: string }) => x.text)).toEqual(JSON.parse(shown).requirements.map((x: { text: string }) => x.text));
  });

  test('a data set without a vocabulary; --next within it', async () => {
    const r = await runCli(['--data', join(FIXTURES, 'diff-gap', 'data'), 'gap', '--next', '-p', FIX('platform'), '--no-color', '--all']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Senior Platform Engineer (senior-platform-engineer)');
    expect(r.stdout).toMatch(/met {9}Hands-on experience with GCP\n {14}has gcp/);
  });

  test('unknown skills, areas and evidence keys: warnings with a suggestion, on stderr, in line order', async () => {
    const r = await runCli(['gap', SENIOR, '-p', FIX('warnings'), '--no-color']);
    expect(r.code).toBe(1);
    const file = FIX('warnings');
    expect(r.stderr.split('\n')).toEqual([
      `${file}:5:3: warning unknown experience area \`it-sass\` (did you mean \`it-saas\` or \`IT SaaS\`?); it matches no requirement (unknown-skill)`,
      `${file}:6:10: warning unknown skill \`terrafrom\` (did you mean \`terraform\`?); it matches no requirement (unknown-skill)`,
      `${file}:8:3: warning evidence \`gitlab-usag\` names no item id or text of the data set (did you mean \`gitlab-usage\`?) (unknown-evidence)`,
      '',
    ]);
  });
});

describe('ladder gap (CLI): warnings', () => {
  test('an unknown role in the profile is a warning when a role is given', async () => {
    const r = await runCli(['gap', SENIOR, '-p', FIX('stale-role'), '--no-color']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `${FIX('stale-role')}:2:7: warning unknown role \`lab-curiculum-developer\` (did you mean \`lab-curriculum-developer\`?) (unresolved-reference)\n`,
    );
  });

  test('a role extending an external one: its requirements are unknown, said on stderr', async () => {
    const r = await runCli(['--data', join(FIXTURES, 'diff-gap', 'data'), 'gap', 'staff-platform-engineer', '-p', FIX('platform'), '--no-color']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'ladder: staff-platform-engineer extends principal-engineer, which is defined outside this data set; its requirements are not checked\n',
    );
    expect(r.stdout).toContain('Summary: 0 of 1 met, 0 missing, 1 unverified');
  });
});

describe('ladder gap (CLI): bad input exits 2 with a clear message', () => {
  test.each<[string, string[], RegExp]>([
    [
      'a key with a typo',
      [SENIOR, '-p', FIX('typo')],
      /^test\/fixtures\/diff-gap\/profiles\/typo\.yaml:3:1: error unknown key `experiance` \(did you mean `experience`\?\) \(schema\)\n/,
    ],
    [
      'not a profile',
      [SENIOR, '-p', FIX('wrong-kind')],
      /^test\/fixtures\/diff-gap\/profiles\/wrong-kind\.yaml:1:7: error expected `kind: profile` here, found `kind: family`/,
    ],
    ['broken YAML', [SENIOR, '-p', FIX('broken')], /^test\/fixtures\/diff-gap\/profiles\/broken\.yaml:\d+:\d+: error .*\(yaml-syntax\)\n/],
    [
      'a missing profile file',
      [SENIOR, '-p', 'nowhere/me.yaml'],
      /^ladder: nowhere\/me\.yaml: no such file; --profile takes a YAML file with `kind: profile`\n$/,
    ],
    ['a directory as profile', [SENIOR, '-p', 'examples'], /^ladder: examples: is a directory/],
    ['a device as profile (never read)', [SENIOR, '-p', '/dev/zero'], /^ladder: \/dev\/zero: not a regular file/],
    [
      'an unknown role',
      ['senior-lab-curriculum-develper', '-p', EXAMPLE('sam-rivera')],
      /^ladder: unknown role `senior-lab-curriculum-develper` in the bundled sample data set \(did you mean `senior-lab-curriculum-developer`/,
    ],
    ['a role and --next', [SENIOR, '--next', '-p', EXAMPLE('sam-rivera')], /^ladder: give either a role id or --next, not both/],
    ['neither a role nor --next', ['-p', EXAMPLE('sam-rivera')], /^ladder: give a role id, or --next/],
    ['no --profile', [SENIOR], /required option '-p, --profile <file>' not specified/],
    [
      '--next from the top of a ladder',
      ['--next', '-p', FIX('top')],
      /^ladder: senior-manager-of-education-curriculum-development is the top of the Lab Curriculum Development ladder \(.*\); there is no next level/,
    ],
    [
      '--next with an unknown role in the profile',
      ['--next', '-p', FIX('stale-role')],
      /^ladder: test\/fixtures\/diff-gap\/profiles\/stale-role\.yaml: unknown role `lab-curiculum-developer` in `role` \(did you mean `lab-curriculum-developer`\?\)/,
    ],
    [
      '--next with no role in the profile',
      ['--next', '-p', FIX('no-role')],
      /^ladder: test\/fixtures\/diff-gap\/profiles\/no-role\.yaml: --next needs the profile's current `role`/,
    ],
  ])('%s', async (_name, argv, message) => {
    const r = await runCli(['gap', ...argv]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('gap and diff tables fit the terminal width', () => {
  test.each([60, 80, 120])('%i columns', async (columns) => {
    const runs = [
      await runCli(['diff', 'senior-technical-instructional-designer', 'senior-manager-of-education-curriculum-development', '--all', '--no-color'], {
        columns,
      }),
      await runCli(['gap', SENIOR, '-p', EXAMPLE('sam-rivera'), '--no-color'], { columns }),
    ];
    for (const r of runs) {
      expect(r.code).toBeLessThan(2);
      // A line may only overflow when its last word alone does not fit.
      const over = r.stdout.split('\n').filter((l) => l.length > columns && l.slice(0, l.lastIndexOf(' ')).length >= columns);
      expect(over).toEqual([]);
    }
  });
});
