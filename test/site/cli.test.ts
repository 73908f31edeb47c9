import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA, runCli } from '../helpers/run-cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ladder-site-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const site = (args: string[], cwd = dir) => runCli(['--data', DATA, 'site', ...args], { cwd });
const leftovers = (parent: string) => readdirSync(parent).filter((n) => n.includes('.tmp-'));

describe('ladder site', () => {
  test('--help explains the options with an example', async () => {
    const r = await runCli(['site', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--out <dir>');
    expect(r.stdout).toContain('--base-url <path>');
    expect(r.stdout).toContain('$ ladder site');
  });

  test('builds into public/ by default, says what it wrote on stderr, leaves no temporary folder', async () => {
    const r = await site([]);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.stderr).toMatch(/^ladder: wrote 23 pages \(26 files, \d+ KB\) to public\/\n$/);
    expect(readFileSync(join(dir, 'public', 'index.html'), 'utf8')).toContain('<h1>Career ladders</h1>');
    expect(existsSync(join(dir, 'public', '.ladder-site.json'))).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  test('replaces a site it built, with the same bytes, and drops pages that no longer exist', async () => {
    const out = join(dir, 'again');
    expect((await site(['--out', out])).code).toBe(0);
    const before = readFileSync(join(out, 'roles', 'senior-lab-curriculum-developer.html'));
    // A page a previous build wrote and the manifest lists, gone from the data since.
    const manifest = JSON.parse(readFileSync(join(out, '.ladder-site.json'), 'utf8'));
    writeFileSync(join(out, 'roles', 'gone.html'), 'old');
    manifest.files.push('roles/gone.html');
    writeFileSync(join(out, '.ladder-site.json'), JSON.stringify(manifest));
    expect((await site(['--out', out])).code).toBe(0);
    expect(readFileSync(join(out, 'roles', 'senior-lab-curriculum-developer.html')).equals(before)).toBe(true);
    expect(existsSync(join(out, 'roles', 'gone.html'))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  test('refuses a non-empty folder it did not build, and keeps it; --force replaces it', async () => {
    const out = join(dir, 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'keep me');
    const r = await site(['--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `ladder: mine/ is not empty and was not built by \`ladder site\` (no .ladder-site.json); choose another --out, or pass --force to replace everything in it\n`,
    );
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('keep me');
    const f = await site(['--out', out, '--force']);
    expect(f.code).toBe(0);
    expect(existsSync(join(out, 'notes.txt'))).toBe(false);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });

  test('refuses a built site to which someone added a file', async () => {
    const out = join(dir, 'added');
    expect((await site(['--out', out])).code).toBe(0);
    writeFileSync(join(out, 'CNAME'), 'ladder.example.com');
    const r = await site(['--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('added/ holds 1 file that `ladder site` did not build (CNAME)');
    expect(readFileSync(join(out, 'CNAME'), 'utf8')).toBe('ladder.example.com');
  });

  test('an empty folder is fine', async () => {
    const out = join(dir, 'empty');
    mkdirSync(out);
    expect((await site(['--out', out])).code).toBe(0);
  });

  test.each([
    [['--out', '.', '--force'], 'is the working directory or one of its parents'],
    [['--out', '..', '--force'], 'is the working directory or one of its parents'],
    [['--base-url', 'ladder'], '--base-url "ladder": expected the path the site is served under'],
    [['--base-url', '/a"b/'], '--base-url "/a\\"b/"'],
  ])('refuses %j', async (args, message) => {
    const r = await site(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('never replaces the folder of the data set, even with --force', async () => {
    const data = join(dir, 'data-set');
    mkdirSync(join(data, 'families'), { recursive: true });
    // The whole bundled data set (one family alone names roles of the other, which commands refuse).
    writeFileSync(join(data, 'families', 'f.yaml'), readFileSync(join(DATA, 'technical-instructional-designer.yaml')));
    writeFileSync(join(data, 'families', 'g.yaml'), readFileSync(join(DATA, 'education-services.yaml')));
    for (const out of [data, dir + '/data-set/..']) {
      const r = await runCli(['--data', data, 'site', '--out', out, '--force'], { cwd: join(dir, 'data-set', 'families') });
      expect(r.code).toBe(2);
    }
    const r = await runCli(['--data', data, 'site', '--out', data, '--force'], { cwd: dir });
    expect(r.stderr).toContain('holds the data set (data-set)');
    expect(existsSync(join(data, 'families', 'f.yaml'))).toBe(true);
  });

  test('refuses a file or a symbolic link as --out', async () => {
    writeFileSync(join(dir, 'a-file'), 'x');
    expect((await site(['--out', 'a-file', '--force'])).stderr).toContain('--out a-file is a file, not a folder');
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    expect((await site(['--out', 'link', '--force'])).stderr).toContain('--out link is a symbolic link');
  });

  test('creates missing parent folders', async () => {
    expect((await site(['--out', 'deep/er/site'])).code).toBe(0);
    expect(existsSync(join(dir, 'deep', 'er', 'site', 'index.html'))).toBe(true);
  });

  test('invalid data is refused before anything is written', async () => {
    const bad = join(dir, 'bad-data');
    mkdirSync(bad);
    writeFileSync(join(bad, 'f.yaml'), 'kind: family\nid: x\ntitle: X\nroles:\n  a: {title: A}\n');
    const r = await runCli(['--data', bad, 'site', '--out', 'never'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });
});

describe('ladder site --changes-since', () => {
  test('adds a changes page of that revision against the working tree, with the edit on the roles it reaches', async () => {
    const { execFileSync } = await import('node:child_process');
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, 'ladder'), { recursive: true });
    for (const f of readdirSync(DATA)) if (f.endsWith('.yaml')) writeFileSync(join(repo, 'ladder', f), readFileSync(join(DATA, f)));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'ladder');
    const file = join(repo, 'ladder', 'education-services.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('5+ years of experience in IT');
    writeFileSync(file, text.replace('5+ years of experience in IT', '6+ years of experience in IT'));
    const r = await runCli(['--data', 'ladder', 'site', '--out', 'with', '--changes-since', 'HEAD'], { cwd: repo });
    expect(r.code).toBe(0);
    const page = readFileSync(join(repo, 'with', 'changes.html'), 'utf8').replace(/<[^>]*>/g, ' ');
    expect(page).toContain('Lab Curriculum Developer (Intermediate)');
    expect(page).toMatch(/5\+\s+6\+\s+years of experience in IT/);
    expect(readFileSync(join(repo, 'with', 'index.html'), 'utf8')).toContain('changes.html');
    const without = await runCli(['--data', 'ladder', 'site', '--out', 'without'], { cwd: repo });
    expect(without.code).toBe(0);
    expect(existsSync(join(repo, 'without', 'changes.html'))).toBe(false);
    const bad = await runCli(['--data', 'ladder', 'site', '--out', 'bad', '--changes-since', 'no-such-rev'], { cwd: repo });
    expect(bad.code).toBe(2);
    expect(existsSync(join(repo, 'bad'))).toBe(false);
  });
});
