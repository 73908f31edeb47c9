/**
 * `ladder changes`: what it says when something is missing (no repository, unknown or unfetched
 * revision, errors in a version), two directories without git, and the markdown and table output.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { DATA, runCli, type CliResult } from '../helpers/run-cli.js';
import { expectGolden } from '../helpers/golden.js';
import { BASE, LAB, edit, summarise, type ReportJ } from './fixture.js';
import { HAVE_GIT, Repo } from './repo.js';

const repos: Repo[] = [];
const dirs: string[] = [];
const newRepo = () => {
  const r = new Repo();
  repos.push(r);
  return r;
};
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'ladder-changes-dirs-'));
  dirs.push(d);
  return d;
};

beforeAll(() => {
  if (!HAVE_GIT) throw new Error('these tests need git on PATH');
});
afterAll(() => {
  repos.forEach((r) => r.remove());
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** Exit 2, nothing on stdout, no stack trace, and the last stderr line matching `message`. */
function expectRefused(r: CliResult, message: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/^\s+at /m);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines[lines.length - 1]).toMatch(message);
}

describe('changes: what is missing, in one line, exit 2', () => {
  test('outside a git repository', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'ladder'));
    writeFileSync(join(dir, 'ladder', 'lab.yaml'), LAB);
    const r = await runCli(['--data', 'ladder', 'changes'], { cwd: dir });
    expectRefused(r, /^ladder: ladder is not inside a git repository; .*--from-data <dir> --to-data <dir>$/);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  test('an unknown revision', async () => {
    const repo = newRepo().commit(BASE);
    const r = await repo.changes('no-such-branch');
    expectRefused(r, /^ladder: unknown revision `no-such-branch` in .*git log --oneline/);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  test('a repository without commits', async () => {
    const repo = newRepo().write(BASE);
    expectRefused(await repo.changes(), /has no commits yet, so `HEAD` does not exist: commit the data set first/);
  });

  test('a data set git does not track', async () => {
    const repo = newRepo().commit({ 'README.md': 'hello\n' });
    repo.write(BASE);
    expectRefused(await repo.changes(), /^ladder: ladder is not tracked by git in .*: `git add` and commit the data set first/);
  });

  test('a shallow clone missing the revision: how to fetch it (by name and by commit id)', async () => {
    const origin = newRepo().commit(BASE, 'one');
    const first = origin.git('rev-parse', 'HEAD').trim();
    origin.commit({ 'ladder/lab.yaml': edit(LAB, 'grade: 8', 'grade: 9') }, 'two').commit({ 'ladder/lab.yaml': edit(LAB, 'grade: 8', 'grade: 10') }, 'three');
    const clone = join(tempDir(), 'clone');
    const c = spawnSync('git', ['clone', '-q', '--depth', '1', `file://${origin.dir}`, clone], { encoding: 'utf8' });
    expect(c.status).toBe(0);
    const relative = await runCli(['--data', 'ladder', 'changes', 'HEAD~2'], { cwd: clone });
    expectRefused(relative, /^ladder: revision `HEAD~2` is not in this shallow clone .*`git fetch --deepen=50`.*GIT_DEPTH: 0.*fetch-depth: 0/);
    const bySha = await runCli(['--data', 'ladder', 'changes', `${first}..HEAD`], { cwd: clone });
    expectRefused(bySha, new RegExp(`git fetch --depth=1 origin ${first}`));
    // After fetching what it said, the same command works.
    expect(spawnSync('git', ['fetch', '-q', '--depth=1', 'origin', first], { cwd: clone }).status).toBe(0);
    const fetched = await runCli(['--data', 'ladder', 'changes', `${first}..HEAD`, '--format', 'json'], { cwd: clone });
    expect(fetched.code).toBe(0);
    expect(summarise(JSON.parse(fetched.stdout))).toEqual(['staff-dev changed', 'staff-dev field grade: 8 → 10']);
  });

  test('a version whose data has errors: its findings, positioned in that version', async () => {
    const repo = newRepo().commit({ ...BASE, 'ladder/lab.yaml': LAB.replace('    grade: 7\n', '    grade: [7\n') }, 'broken');
    repo.commit(BASE, 'fixed');
    const r = await repo.changes('HEAD~1..HEAD');
    expectRefused(r, /^ladder: HEAD~1 has data errors \(\d+\); fix them/);
    expect(r.stderr.split('\n')[0]).toMatch(/^HEAD~1:ladder\/lab\.yaml:\d+:\d+: error .*\(yaml-syntax\)$/);
    repo.write({ 'ladder/ops.yaml': 'kind: family\nid: ops\ntitle: Ops\nroles:\n  operator:\n    title: Operator\n    grade: high\n' });
    const w = await repo.changes('HEAD~1');
    expect(w.code).toBe(2);
    expect(w.stderr).toMatch(/^HEAD~1:ladder\/lab\.yaml:\d+:\d+: error /m);
    expect(w.stderr).toMatch(/^ladder\/ops\.yaml:7:12: error .*\(schema\)$/m);
    expect(w.stderr).toMatch(/ladder: HEAD~1 and working tree have data errors/);
  });

  test('usage: --from-data without --to-data, both forms at once, three dots, an unknown role', async () => {
    const repo = newRepo().commit(BASE);
    expectRefused(await repo.changes('--from-data', 'ladder'), /--from-data and --to-data go together/);
    expectRefused(await repo.changes('HEAD', '--from-data', 'ladder', '--to-data', 'ladder'), /either git revisions or --from-data\/--to-data/);
    expectRefused(await repo.changes('main...HEAD'), /three-dot form is not supported/);
    expectRefused(await repo.changes('--role', 'senior-devv'), /unknown role `senior-devv` in both versions \(did you mean `senior-dev`\?\)/);
  });

  test('the same commit on both sides (an unset CI variable: "..HEAD") is said, not silently empty', async () => {
    const repo = newRepo().commit(BASE);
    const r = await repo.changes('..HEAD');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Changes from HEAD to HEAD: No changes.\n');
    expect(r.stderr).toMatch(/^ladder: HEAD and HEAD are the same commit \([0-9a-f]{12}\); nothing to compare\n$/);
  });
});

describe('changes: where the data set sits in the repository', () => {
  test('run from a subdirectory, the data set named relative to it; or the data set at the top of the repository', async () => {
    const repo = newRepo().commit({ ...BASE, 'docs/README.md': 'docs\n' });
    repo.write({ 'ladder/lab.yaml': edit(LAB, 'grade: 8', 'grade: 9') });
    const fromSub = await runCli(['--data', '../ladder', 'changes', '--format', 'json'], { cwd: join(repo.dir, 'docs') });
    expect(fromSub.code).toBe(0);
    expect(summarise(JSON.parse(fromSub.stdout))).toEqual(['staff-dev changed', 'staff-dev field grade: 8 → 9']);

    const top = newRepo().commit({ 'lab.yaml': LAB });
    top.write({ 'lab.yaml': edit(LAB, 'grade: 8', 'grade: 9') });
    const atTop = await runCli(['--data', '.', 'changes', '--format', 'json'], { cwd: top.dir });
    expect(atTop.code).toBe(0);
    expect(summarise(JSON.parse(atTop.stdout))).toEqual(['staff-dev changed', 'staff-dev field grade: 8 → 9']);
  });

  test('a data set added since the revision: every role is new, with a note', async () => {
    const repo = newRepo().commit({ 'README.md': 'hello\n' });
    repo.commit(BASE, 'add the ladder');
    const r = await repo.changes('HEAD~1..HEAD', '--format', 'json', '--family', 'ops');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('ladder: HEAD~1 has no ladder/; its roles count as none\n');
    expect(summarise(JSON.parse(r.stdout)).slice(0, 2)).toEqual(['operator added', 'operator field title: null → Operator']);
  });

  test('files git would not show as data (dot directories, other extensions) are left out, as on disk', async () => {
    const repo = newRepo().commit({ ...BASE, 'ladder/.drafts/lab.yaml': 'not: [valid', 'ladder/notes.txt': 'x' });
    repo.write({ 'ladder/.drafts/lab.yaml': 'still: [not valid' });
    const r = await repo.changes('--exit-code');
    expect([r.code, r.stderr]).toEqual([0, '']);
  });
});

describe('changes follows symbolic links in a revision as on disk', () => {
  test('a link inside the repository is read; a dangling one is reported and skipped', async () => {
    const { symlinkSync } = await import('node:fs');
    const repo = newRepo().write({ 'ladder/lab.yaml': LAB, 'common/ops.yaml': BASE['ladder/ops.yaml'] });
    symlinkSync('../common/ops.yaml', join(repo.dir, 'ladder', 'ops.yaml'));
    symlinkSync('gone.yaml', join(repo.dir, 'ladder', 'dangling.yaml'));
    repo.commit({});
    repo.write({ 'common/ops.yaml': edit(BASE['ladder/ops.yaml'], 'grade: 5', 'grade: 4') });
    const r = await repo.changes('--format', 'json');
    expect(r.code).toBe(0);
    expect(summarise(JSON.parse(r.stdout))).toEqual(['operator changed', 'operator field grade: 5 → 4']);
    expect(r.stderr.split('\n').filter(Boolean).sort()).toEqual([
      'ladder: HEAD:ladder/dangling.yaml: symbolic link that is broken, skipped',
      'ladder: ladder/dangling.yaml: broken symbolic link, skipped',
    ]);
  });
});

describe('changes reads git without touching anything', () => {
  test('the working tree, the index and the refs are the same after comparing revisions', async () => {
    const repo = newRepo().commit(BASE);
    repo.commit({ 'ladder/lab.yaml': edit(LAB, 'grade: 8', 'grade: 9') });
    repo.write({
      'ladder/ops.yaml': edit(BASE['ladder/ops.yaml'], 'grade: 5', 'grade: 4'),
      'ladder/new.yaml': 'kind: family\nid: n\ntitle: N\nroles:\n  n-one: {title: N, grade: 5}\n',
    });
    const { statSync } = await import('node:fs');
    // The index's time first: `git status` itself may rewrite it, unless told not to.
    const snapshot = () => [
      statSync(join(repo.dir, '.git', 'index')).mtimeMs,
      repo.git('--no-optional-locks', 'status', '--porcelain=v1', '--untracked-files=all'),
      repo.git('show-ref'),
      repo.git('stash', 'list'),
      repo.read('ladder/ops.yaml'),
    ];
    const before = snapshot();
    for (const args of [[], ['HEAD~1'], ['HEAD~1..HEAD'], ['..HEAD~1']]) {
      const r = await repo.changes(...args);
      expect([args, r.code]).toEqual([args, 0]);
    }
    expect(snapshot()).toEqual(before);
  });
});

describe('changes between two directories, without git', () => {
  test('same report as git would give, versions named by their directories', async () => {
    const dir = tempDir();
    for (const [v, lab] of [
      ['old', LAB],
      ['new', edit(LAB, 'Knowledge of Terraform or Ansible', 'Knowledge of Terraform, Ansible or Chef')],
    ]) {
      mkdirSync(join(dir, v));
      writeFileSync(join(dir, v, 'lab.yaml'), lab);
    }
    const r = await runCli(['changes', '--from-data', 'old', '--to-data', 'new', '--format', 'json', '--role', 'staff-dev'], { cwd: dir });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as ReportJ;
    expect([report.from, report.to]).toEqual(['old', 'new']);
    expect(summarise(report)).toEqual(['staff-dev changed', 'staff-dev requirements ~ Knowledge of Terraform, Ansible or Chef via dev']);
    const same = await runCli(['changes', '--from-data', 'old', '--to-data', 'old', '--exit-code'], { cwd: dir });
    expect([same.code, same.stdout]).toEqual([0, 'Changes from old to old: No changes.\n']);
  });
});

describe('changes output', () => {
  test('markdown and table on the bundled data: the Intermediate edited, the Senior inherits part of it', async () => {
    const repo = newRepo();
    cpSync(DATA, join(repo.dir, 'ladder'), { recursive: true });
    repo.commit({}, 'the bundled data');
    const file = 'ladder/education-services.yaml';
    let text = repo.read(file);
    text = edit(
      text,
      '        text: 5+ years of experience in IT in a high growth Software as a service (SaaS) environment\n        years: 5',
      '        text: 6+ years of experience in IT in a high growth Software as a service (SaaS) environment\n        years: 6',
    );
    text = edit(
      text,
      '      - Collaborate with engineering and security teams to coordinate on IT policies',
      '      - Collaborate with engineering, security and education teams to coordinate on IT and lab policies',
    );
    text = edit(text, '      - Participate in general IT operations and user support\n', '');
    repo.write({ [file]: text });
    const md = await repo.changes('--format', 'markdown');
    expect(md.code).toBe(0);
    expect(md.stderr).toBe('');
    expectGolden('changes/bundled-intermediate-edited.md', md.stdout);
    // One heading per role changed; the years change is the Intermediate's only: the Senior overrides it.
    expect(md.stdout.match(/^### .*$/gm)).toEqual([
      '### Lab Curriculum Developer (Intermediate) (`lab-curriculum-developer`)',
      '### Senior Lab Curriculum Developer (`senior-lab-curriculum-developer`)',
    ]);
    expect(md.stdout).toContain('- Changed: ~~5+~~ **6+** years of experience');
    expect(md.stdout).toContain('- Removed, via `lab-curriculum-developer`: ~~Participate in general IT operations and user support~~');
    const table = await repo.changes('--no-color');
    expectGolden('changes/bundled-intermediate-edited.txt', table.stdout);
    expect(table.stdout).toContain('[-5+-] {+6++}');
  });

  test('data never becomes markup or terminal control in markdown and the table', async () => {
    const repo = newRepo().commit(BASE);
    const hostile = 'Use <b>tools</b> **now** | `x` [link](http://x) \\u001b]52;c;x\\u0007 and\\rnew line\\n## Director';
    repo.write({
      'ladder/ops.yaml': `kind: family\nid: ops\ntitle: Operations\nroles:\n  operator:\n    title: Operator\n    grade: 5\n    responsibilities:\n      - Keep the lab systems running\n      - "${hostile}"\n`,
    });
    const md = await repo.changes('--format', 'markdown');
    expect(md.code).toBe(0);
    const line = md.stdout.split('\n').find((l) => l.startsWith('- Added'))!;
    expect(line).toBe(
      '- Added: **Use \\<b\\>tools\\</b\\> \\*\\*now\\*\\* \\| \\`x\\` \\[link\\](http://x) \\\\u001b\\]52;c;x\\\\u0007 and new line ## Director**',
    );
    expect(md.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(md.stdout.split('\n').filter((l) => l.startsWith('## '))).toHaveLength(1);
    const table = await repo.changes('--no-color');
    expect(table.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(table.stdout).toContain('\\u001b]52;c;x\\u0007');
  });

  test('a new level: its own items listed, what it inherits counted per origin', async () => {
    const repo = newRepo().commit(BASE);
    repo.write({
      'ladder/lab.yaml':
        LAB + '  principal-dev:\n    title: Principal Developer\n    grade: 9\n    extends: staff-dev\n    responsibilities: [Shape the lab strategy]\n',
    });
    const md = await repo.changes('--format', 'markdown');
    expect(md.stdout.slice(md.stdout.indexOf('**Responsibilities**'))).toBe(
      [
        '**Responsibilities**',
        '',
        '- Added: **Shape the lab strategy**',
        '- _3 inherited items, via_ `dev`',
        '- _1 inherited item, via_ `senior-dev`',
        '- _1 inherited item, via_ `staff-dev`',
        '',
        '**Requirements**',
        '',
        '- _1 inherited item, via_ `lab`',
        '- _2 inherited items, via_ `dev`',
        '- _1 inherited item, via_ `senior-dev`',
        '',
      ].join('\n'),
    );
    // JSON keeps every item.
    const json = JSON.parse((await repo.changes('--format', 'json')).stdout) as ReportJ;
    expect(json.roles[0].sections.responsibilities.added.map((i) => i.from)).toEqual(['dev', 'dev', 'dev', 'senior-dev', 'staff-dev', 'principal-dev']);
  });

  test('--help has examples', async () => {
    const r = await runCli(['changes', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Examples:\n {2}\$ ladder changes/);
    expect(r.stdout).toContain('--exit-code');
  });
});
