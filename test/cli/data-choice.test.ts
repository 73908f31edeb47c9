/**
 * Every command chooses the data set the same way (--data, LADDER_DATA, the config's `data:` found
 * upwards, the bundled sample), names it in messages, and refuses data whose errors change the answer.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES_PROFILE, runCli } from '../helpers/run-cli.js';
import { hasCycle } from '../../src/cli/data-set.js';

let tmp = '';
const write = (rel: string, text: string) => {
  mkdirSync(join(tmp, rel, '..'), { recursive: true });
  writeFileSync(join(tmp, rel), text);
};
const family = (id: string, extra = '') =>
  `kind: family\nid: ${id}\ntitle: ${id}\nroles:\n  ${id}-engineer:\n    title: Engineer\n    grade: 6\n    responsibilities: [Ship features]\n    requirements: [Write code]\n  senior-${id}-engineer:\n    title: Senior Engineer\n    grade: 7\n    extends: ${id}-engineer${extra}\n`;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ladder-choice-'));
  write('team/.ladderrc.yaml', 'data: ladder\n');
  write('team/ladder/team.yaml', family('team'));
  write('team/sub/dir/.keep', '');
  write('other/other.yaml', family('other'));
  write('typo/typo.yaml', family('typo').replace('extends: typo-engineer', 'extends: typo-enginer'));
  write('dup/a.yaml', family('dup'));
  write('dup/b.yaml', family('dup2').replace('id: dup2\n', 'id: dup-engineer\n'));
  write(
    'cycle/c.yaml',
    family('cyc').replace('    responsibilities: [Ship features]\n', '    extends: senior-cyc-engineer\n    responsibilities: [Ship features]\n'),
  );
  write('lenient/.ladderrc.yaml', 'data: .\nrules:\n  unresolved-reference: warning\n');
  write('lenient/typo.yaml', family('typo').replace('extends: typo-engineer', 'extends: typo-enginer'));
  write('profile.yaml', 'kind: profile\nname: P\nskills: [x]\n');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the same choice for every command', () => {
  const commands: [string, string[]][] = [
    ['list', ['list', '--format', 'json']],
    ['show', ['show', 'senior-team-engineer']],
    ['diff', ['diff', 'team-engineer', 'senior-team-engineer']],
    ['gap', ['gap', 'senior-team-engineer', '--profile', join('..', '..', '..', 'profile.yaml')]],
    ['export', ['export', 'team', '--format', 'json']],
    ['lint', ['lint', '--format', 'json']],
  ];
  test.each(commands)('%s reads the config found upwards', async (_name, argv) => {
    const r = await runCli(argv, { cwd: join(tmp, 'team', 'sub', 'dir') });
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    if (argv[0] !== 'lint' && argv[0] !== 'gap') expect(r.stdout).toMatch(/team/);
  });
  test.each(commands.filter(([n]) => n !== 'gap'))('%s: LADDER_DATA wins over the config, --data over both', async (name, argv) => {
    const other = argv.map((a) => a.replace(/team/g, 'other'));
    const env = await runCli(other, { cwd: join(tmp, 'team'), env: { LADDER_DATA: join(tmp, 'other') } });
    expect({ name, code: env.code, stderr: env.stderr }).toEqual({ name, code: 0, stderr: '' });
    const flag = await runCli(['--data', join(tmp, 'other'), ...other], { cwd: join(tmp, 'team'), env: { LADDER_DATA: join(tmp, 'nope') } });
    expect({ name, code: flag.code, stderr: flag.stderr }).toEqual({ name, code: 0, stderr: '' });
  });
  test('an unknown role names the data set it searched', async () => {
    const r = await runCli(['show', 'senior-tema-engineer'], { cwd: join(tmp, 'team') });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'ladder: unknown role `senior-tema-engineer` in ladder (data: in .ladderrc.yaml) (did you mean `senior-team-engineer`?); `ladder list` shows every role\n',
    );
  });
  test('LADDER_DATA=/nope names the variable', async () => {
    const r = await runCli(['list'], { cwd: tmp, env: { LADDER_DATA: '/nope' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ladder: LADDER_DATA=/nope: no such file or directory; point LADDER_DATA at the directory of your ladder files, or unset it\n');
  });
  test('a config whose data: does not exist names the config', async () => {
    write('broken/.ladderrc.yaml', 'data: nowhere\n');
    const r = await runCli(['show', 'x'], { cwd: join(tmp, 'broken') });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ladder: .ladderrc.yaml: data: nowhere: no such file or directory; fix `data:` (it is relative to the config file)\n');
  });
});

describe('errors that change the answer are refused, with their positions', () => {
  const cases: [string, string, string[], RegExp][] = [
    [
      'a typo in extends',
      'typo',
      ['show', 'senior-typo-engineer'],
      /^typo\/typo\.yaml:13:14: error extends `typo-enginer` names no known role \(did you mean `typo-engineer`\?\) \(unresolved-reference\)$/m,
    ],
    ['a typo in extends (diff)', 'typo', ['diff', 'typo-engineer', 'senior-typo-engineer'], /\(unresolved-reference\)$/m],
    ['a typo in extends (gap)', 'typo', ['gap', 'senior-typo-engineer', '--profile', 'profile.yaml'], /\(unresolved-reference\)$/m],
    ['a typo in extends (list)', 'typo', ['list'], /\(unresolved-reference\)$/m],
    ['a typo in extends (export)', 'typo', ['export', 'typo'], /\(unresolved-reference\)$/m],
    ['a duplicate id', 'dup', ['list'], /^dup\/b\.yaml:2:1: error .*\(duplicate-id\)$/m],
    ['a cycle', 'cycle', ['show', 'cyc-engineer'], /\(inheritance-cycle\)$/m],
  ];
  test.each(cases)('%s: exit 2, nothing on stdout', async (_name, dir, argv, finding) => {
    const r = await runCli(['--data', dir, ...argv], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(finding);
    expect(r.stderr).toMatch(
      new RegExp(`^ladder: the data set ${dir} \\(--data\\) has 1 error that changes the answer; fix it \\(\`ladder lint\` shows every finding\\)\\n$`, 'm'),
    );
  });
  test('made a warning by the config: the command answers, with one summary line', async () => {
    const r = await runCli(['show', 'senior-typo-engineer'], { cwd: join(tmp, 'lenient') });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('ladder: 1 warning in . (data: in .ladderrc.yaml); run `ladder lint`\n');
  });
});

describe('lint with nothing to say what to lint', () => {
  test('lints the bundled sample and says so on stderr (one line)', async () => {
    const r = await runCli(['lint', '--format', 'json'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'ladder: linting the bundled sample data set (no paths, --data, LADDER_DATA or `data:` in .ladderrc.yaml); pass the directory of your ladder, or run `ladder init`\n',
    );
  });
  test('says nothing when the data set is chosen', async () => {
    const r = await runCli(['lint', '--format', 'json'], { cwd: join(tmp, 'team') });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([]);
  });
});

test('profiles are found relative to the working directory', () => expect(EXAMPLES_PROFILE).toMatch(/sam-rivera\.yaml$/));

describe('hasCycle', () => {
  const ds = (edges: Record<string, string | undefined>) =>
    ({ roles: new Map(Object.entries(edges).map(([id, ext]) => [id, { id, extends: ext }])) }) as unknown as Parameters<typeof hasCycle>[0];
  test('finds a cycle anywhere, and only a cycle', () => {
    expect(hasCycle(ds({ a: 'b', b: 'c', c: undefined }))).toBe(false);
    expect(hasCycle(ds({ a: 'b', b: 'x' }))).toBe(false);
    expect(hasCycle(ds({ t: 'a', a: 'b', b: 'a' }))).toBe(true);
    expect(hasCycle(ds({ a: 'a' }))).toBe(true);
    expect(hasCycle(ds({ a: 'c', b: 'c', c: 'd', d: undefined }))).toBe(false);
  });
  test('linear on a 200,000-role chain', () => {
    const edges: Record<string, string | undefined> = {};
    for (let i = 0; i < 200_000; i++) edges[`r-${i}`] = i + 1 < 200_000 ? `r-${i + 1}` : undefined;
    expect(hasCycle(ds(edges))).toBe(false);
  });
});
