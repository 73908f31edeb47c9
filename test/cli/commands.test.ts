import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, ROOT, FIXTURES } from '../helpers/run-cli.js';

const noStack = (s: string) => expect(s).not.toMatch(/^\s+at /m);

describe('ladder CLI (in-process through run)', () => {
  const cases: { name: string; argv: string[]; env?: Record<string, string>; code: number; stdout?: RegExp; stderr?: RegExp; stderrLines?: number }[] = [
    { name: 'no arguments prints help', argv: [], code: 0, stdout: /Usage: ladder/ },
    { name: '--version', argv: ['--version'], code: 0, stdout: /^\d+\.\d+\.\d+\n$/ },
    { name: 'unknown command', argv: ['shwo'], code: 2, stderr: /unknown command 'shwo'[\s\S]*Did you mean show\?/ },
    { name: 'unknown option', argv: ['show', 'x', '--bogus'], code: 2, stderr: /unknown option '--bogus'/ },
    { name: 'missing argument', argv: ['show'], code: 2, stderr: /missing required argument 'role'/ },
    { name: 'bad --format choice', argv: ['show', 'technical-instructor', '--format', 'yaml'], code: 2, stderr: /argument 'yaml' is invalid/ },
    {
      name: 'unknown role suggests the closest id',
      argv: ['show', 'senior-lab-curiculum-developer'],
      code: 2,
      stderr: /^ladder: unknown role `senior-lab-curiculum-developer` in the bundled sample data set \(did you mean `senior-lab-curriculum-developer`[ ,?]/,
      stderrLines: 1,
    },
    { name: 'a family id is not a role', argv: ['show', 'education-services'], code: 2, stderr: /is a family, not a role/, stderrLines: 1 },
    {
      name: 'unknown specialty',
      argv: ['show', 'technical-instructor', '--specialty', 'federal'],
      code: 2,
      stderr: /unknown specialty `federal`/,
      stderrLines: 1,
    },
    {
      name: '--data that does not exist',
      argv: ['list', '--data', 'no/such/dir'],
      code: 2,
      stderr: /no\/such\/dir: no such file or directory/,
      stderrLines: 1,
    },
    {
      name: 'invalid data lists the findings with file:line:col',
      argv: ['list', '--data', join(FIXTURES, 'cli', 'invalid')],
      code: 2,
      stderr: /broken\.yaml:7:5: error unknown key `grde` \(did you mean `grade`\?\) \(schema\)/,
    },
    { name: 'LADDER_DATA chooses the data set', argv: ['list'], env: { LADDER_DATA: join(FIXTURES, 'cli', 'invalid') }, code: 2, stderr: /broken\.yaml/ },
    {
      name: 'show --own lists only the role own items',
      argv: ['show', 'senior-technical-instructor', '--own', '--format', 'json'],
      code: 0,
      stdout: /"from": "senior-technical-instructor"/,
    },
    { name: 'each command has --help with an example', argv: ['diff', '--help'], code: 0, stdout: /Examples:\n {2}\$ ladder diff/ },
  ];
  test.each(cases)('$name', async (c) => {
    const r = await runCli(c.argv, { env: c.env });
    expect(r.code).toBe(c.code);
    if (c.stdout) expect(r.stdout).toMatch(c.stdout);
    if (c.stderr) expect(r.stderr).toMatch(c.stderr);
    if (c.stderrLines) expect(r.stderr.trimEnd().split('\n')).toHaveLength(c.stderrLines);
    if (c.code !== 0) expect(r.stdout).toBe('');
    noStack(r.stderr);
  });

  test.each(['list', 'show', 'diff', 'gap', 'lint', 'import', 'export'])('`%s --help` shows usage and an example', async (cmd) => {
    const r = await runCli([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Usage: ladder ${cmd}`));
    expect(r.stdout).toMatch(/Examples:\n {2}\$ ladder /);
  });

  test('show --own never includes inherited items', async () => {
    const r = await runCli(['show', 'senior-lab-curriculum-developer', '--own', '--format', 'json']);
    const json = JSON.parse(r.stdout);
    for (const s of ['responsibilities', 'requirements', 'nice_to_haves', 'performance_indicators']) {
      for (const item of json[s]) expect(item.from).toBe('senior-lab-curriculum-developer');
    }
    expect(json.requirements.length).toBeGreaterThan(0);
  });

  test('colour: off when piped or NO_COLOR, on with FORCE_COLOR or --color', async () => {
    const ansi = /\x1b\[/;
    expect((await runCli(['show', 'technical-instructor'])).stdout).not.toMatch(ansi);
    expect((await runCli(['show', 'technical-instructor'], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ansi);
    expect((await runCli(['show', 'technical-instructor'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(ansi);
    expect((await runCli(['show', 'technical-instructor', '--color'], { env: { NO_COLOR: '1' } })).stdout).toMatch(ansi);
    expect((await runCli(['show', 'technical-instructor', '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(ansi);
  });

  test('control characters from the data never reach the terminal raw', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-ctl-'));
    writeFileSync(
      join(dir, 'f.yaml'),
      'kind: family\nid: f\ntitle: "Fam\\e[2J"\nroles:\n  a:\n    title: "Bell\\a Title"\n    grade: 6\n    summary: "Clear\\e[2J screen"\n    requirements: ["Moves\\e[1A up", "Tab\\there"]\n  b:\n    title: "Senior\\a Bell"\n    grade: 7\n    extends: a\n    requirements: ["New\\e[31m red"]\n',
    );
    const profile = join(dir, 'p.yml.txt');
    writeFileSync(profile, 'kind: profile\nname: P\n');
    for (const argv of [['show', 'a'], ['list'], ['diff', 'a', 'b'], ['gap', 'b', '--profile', profile]]) {
      const r = await runCli([...argv, '--data', dir]);
      expect(r.code).toBeLessThan(2);
      expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
      expect(r.stdout).toContain(argv[0] === 'list' ? 'Fam\\u001b[2J' : argv[0] === 'show' ? 'Bell\\u0007 Title' : 'Senior\\u0007');
    }
  });

  test('show across families marks items inherited from the other family', async () => {
    const r = await runCli(['show', 'senior-manager-of-education-curriculum-development', '--format', 'json']);
    const json = JSON.parse(r.stdout);
    expect(json.extends).toEqual(['senior-technical-instructional-designer', 'technical-instructional-designer']);
    const froms = new Set(json.responsibilities.map((i: { from: string }) => i.from));
    expect(froms).toContain('senior-technical-instructional-designer');
    expect(froms).toContain('senior-manager-of-education-curriculum-development');
  });
});

describe('the built binary', () => {
  const bin = join(ROOT, 'bin', 'ladder.js');
  const built = existsSync(join(ROOT, 'dist', 'cli', 'run.js'));
  const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  test('is built (npm ci runs the prepare script)', () => expect(built).toBe(true));

  test('shows the seed role from any directory', () => {
    const r = spawnSync(process.execPath, [bin, 'show', 'senior-lab-curriculum-developer', '--format', 'markdown'], {
      encoding: 'utf8',
      cwd: '/',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('7+ years of experience in IT in a high growth SaaS environment');
    expect(r.stdout).not.toContain('5+ years of experience in IT in a high growth Software');
  });

  test('exits 2 with one line for an unknown role, no stack trace', () => {
    const r = run(['show', 'nope']);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test('answers from the build-time data snapshot exactly as from the YAML', async () => {
    expect(existsSync(join(ROOT, 'dist', 'data-snapshot.json'))).toBe(true);
    // In-process runs use the sources, which have no snapshot: they parse the YAML.
    for (const argv of [
      ['show', 'senior-manager-of-education-curriculum-development', '--format', 'json'],
      ['lint', '--format', 'json'],
      ['list', '--format', 'json'],
    ]) {
      const parsed = await runCli(argv);
      const fromSnapshot = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', cwd: ROOT });
      expect(fromSnapshot.stdout).toBe(parsed.stdout);
      expect(fromSnapshot.status).toBe(parsed.code);
    }
  });

  test('--help exits 0', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Commands:/);
  });
});
