/**
 * Hostile surroundings for what ladder writes and reads (issue 12, "Writes" and items 10–11), through
 * the built binary in child processes:
 * - an output path that is a FIFO or a device is refused and left as it was;
 * - temporary files have short random names (targets with 250-byte names work) and stale ones left
 *   by a killed ladder are removed;
 * - imports into one --out are serialised by a lock; the losing run says so and writes nothing;
 * - after `kill -9` during an import, the next run restores the old set (or a complete new one);
 * - a write error on stdout (/dev/full) is one line and exit 2;
 * - a FIFO, /dev/zero or a huge file as the config or a partial is refused at once;
 * - 2,000 data files under a 256-descriptor limit read without "too many open files";
 * - no errno codes or absolute paths in messages, no empty --out left behind, no link out of the
 *   data set followed, no Windows-reserved file name written.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ensureBuilt, expectClean, runChild, type ChildResult } from './harness.js';
import { GOOD_FAMILY } from './cases.js';

let root: string;
beforeAll(() => {
  ensureBuilt();
  root = mkdtempSync(join(tmpdir(), 'ladder-writes-'));
  // Page sets several tests use: one small page, two sets of 150 and one of 200 families.
  mkdirSync(join(root, 'lock-pages', 'a'), { recursive: true });
  writeFileSync(join(root, 'lock-pages', 'a', 'index.html.md'), page('Locked'));
  writePages(join(root, 'race-a'), 150, 'alpha');
  writePages(join(root, 'race-b'), 150, 'beta');
  writePages(join(root, 'kill-new'), 200, 'fresh');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs ladder in `root` (so relative paths stay relative) and checks the shared contract. */
async function ladder(args: string[], allowed: number[], timeoutMs = 20_000): Promise<ChildResult> {
  const r = await runChild(args, { cwd: root, timeoutMs });
  try {
    expectClean(r, allowed);
  } catch (e) {
    throw new Error(`ladder ${args.join(' ')}: ${(e as Error).message}`, { cause: e });
  }
  return r;
}

/** The machine tag ladder puts in its temporary names (src/io/atomic.ts). */
const HOST = createHash('sha256').update(hostname()).digest('hex').slice(0, 4);

const mkfifo = (path: string) => spawnSync('mkfifo', [path]).status === 0;

/** A process id that is not running (a child that has exited). */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid;

/** A handbook page with one family of `roles` graded roles; `tag` changes the item text. */
function page(title: string, tag = 'one', roles = 1): string {
  let text = `---\nlayout: job_family_page\ntitle: ${title}\n---\n\n## Levels\n`;
  for (let i = 0; i < roles; i++)
    text += `\n### ${title} Level${'x'.repeat(i)}\n\nThe ${title} Level${'x'.repeat(i)} is a grade ${6 + i}.\n\n#### Responsibilities\n\n* Build things (${tag})\n`;
  return text;
}

function writePages(dir: string, n: number, tag: string): void {
  for (let i = 0; i < n; i++) {
    const d = join(dir, `family-${String(i).padStart(4, '0')}`);
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'index.html.md'), page(`Family ${i}`, tag));
  }
}

const yamlIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
    : [];
/** Which run wrote each file of a set: the tag found in it. */
const tagsIn = (dir: string) => new Set(yamlIn(dir).map((f) => /Build things \((\w+)\)/.exec(readFileSync(join(dir, f), 'utf8'))?.[1]));
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('.ladder'));

describe('output paths that are not regular files', () => {
  test('lint --output-file onto a FIFO is refused and the FIFO stays', async () => {
    const fifo = join(root, 'report.fifo');
    if (!mkfifo(fifo)) return;
    const r = await ladder(['lint', '--output-file', 'report.fifo', '--format', 'json'], [2]);
    expect(r.stderr).toMatch(/^ladder: report\.fifo: is not a regular file \(a device, FIFO or socket\); write the output to a regular file or a new path\n$/);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  test('lint --output-file onto a device node is refused and the device stays', async () => {
    const dev = join(root, 'null-device');
    if (spawnSync('mknod', [dev, 'c', '1', '3']).status !== 0) return; // not allowed here
    const r = await ladder(['lint', '--output-file', 'null-device'], [2]);
    expect(r.stderr).toMatch(/null-device: is not a regular file/);
    expect(statSync(dev).isCharacterDevice()).toBe(true);
  });

  test('lint --output-file onto a directory is refused in words', async () => {
    mkdirSync(join(root, 'a-dir'));
    const r = await ladder(['lint', '--output-file', 'a-dir'], [2]);
    expect(r.stderr).toBe('ladder: a-dir: is a directory; write the output to a regular file or a new path\n');
  });
});

describe('temporary files', () => {
  test('a 250-byte target name works (the temporary name is short)', async () => {
    const name = 'r'.repeat(245) + '.json';
    await ladder(['lint', '--output-file', name, '--format', 'json'], [0, 1]);
    expect(JSON.parse(readFileSync(join(root, name), 'utf8'))).toEqual(expect.any(Array));
    expect(leftovers(root)).toEqual([]);
  });

  test('an import whose file names are 246–250 bytes works', async () => {
    const dir = join(root, 'long-pages');
    for (const n of [241, 245]) {
      mkdirSync(join(dir, `p${n}`), { recursive: true });
      writeFileSync(join(dir, `p${n}`, 'index.html.md'), page('A' + 'b'.repeat(n - 1)));
    }
    await ladder(['import', 'long-pages', '--out', 'long-out'], [0]);
    expect(yamlIn(join(root, 'long-out')).map((f) => f.length)).toEqual([246, 250]);
  });

  test('stale temporary files of a dead ladder process are removed; those of a live one stay', async () => {
    const dir = join(root, 'stale');
    mkdirSync(dir);
    const dead = `.ladder-${HOST}-${deadPid().toString(36)}-0badc0de.tmp`;
    const live = `.ladder-${HOST}-${process.pid.toString(36)}-0badc0de.tmp`;
    writeFileSync(join(dir, dead), 'half a report');
    writeFileSync(join(dir, live), 'being written');
    await ladder(['lint', '--output-file', 'stale/report.json', '--format', 'json'], [0, 1]);
    expect(readdirSync(dir).sort()).toEqual([live, 'report.json'].sort());
  });
});

describe('several imports into one --out', () => {
  test("a run finding another live run's lock writes nothing and says it lost", async () => {
    const out = join(root, 'locked');
    mkdirSync(out);
    writeFileSync(join(out, '.ladder.lock'), `${process.pid}\n`);
    const r = await ladder(['import', 'lock-pages', '--out', 'locked'], [2]);
    expect(r.stderr).toMatch(new RegExp(`ladder: locked is being written by another ladder run \\(process ${process.pid}\\); this run lost and wrote nothing`));
    expect(yamlIn(out)).toEqual([]);
  });

  test('a lock held by a process on another machine is not taken over', async () => {
    const out = join(root, 'remote-lock');
    mkdirSync(out);
    writeFileSync(join(out, '.ladder.lock'), `${deadPid()} ffff${HOST === 'ffff' ? '0' : ''}\n`);
    const r = await ladder(['import', 'lock-pages', '--out', 'remote-lock'], [2]);
    expect(r.stderr).toMatch(/on another machine\); this run lost and wrote nothing; .*remove remote-lock\/\.ladder\.lock\)\n$/);
    expect(yamlIn(out)).toEqual([]);
  });

  test('a lock left by a dead run is taken over', async () => {
    const out = join(root, 'stale-lock');
    mkdirSync(out);
    writeFileSync(join(out, '.ladder.lock'), `${deadPid()}\n`);
    await ladder(['import', 'lock-pages', '--out', 'stale-lock'], [0]);
    expect(yamlIn(out)).toEqual(['locked.yaml']);
    expect(leftovers(out)).toEqual([]);
  });

  test('two imports at once without --force: one set is written whole, the other run says it lost', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const out = `race-out-${attempt}`;
      const [a, b] = await Promise.all([
        runChild(['import', 'race-a', '--out', out], { cwd: root, timeoutMs: 60_000 }),
        runChild(['import', 'race-b', '--out', out], { cwd: root, timeoutMs: 60_000 }),
      ]);
      for (const r of [a, b]) expectClean(r, [0, 2]);
      // Exactly one won; the files are all from the winner.
      expect([a.code, b.code].sort()).toEqual([0, 2]);
      const loser = a.code === 2 ? a : b;
      expect(loser.stderr).toMatch(/this run lost and wrote nothing|exists?\b.*; pass --force/);
      expect(yamlIn(join(root, out))).toHaveLength(150);
      expect([...tagsIn(join(root, out))]).toEqual([a.code === 0 ? 'alpha' : 'beta']);
      expect(leftovers(join(root, out))).toEqual([]);
    }
  }, 240_000);
});

describe('an import killed with SIGKILL', () => {
  test('the next run undoes the steps a dead run had published (old set back, no leftovers)', async () => {
    // What `kill -9` leaves in the middle of publishing with --force: a.yaml already replaced by the
    // new text (its old text kept in the stage), b.yaml created, c.yaml not yet published.
    const out = join(root, 'killed');
    mkdirSync(out);
    writeFileSync(join(out, 'a.yaml'), 'old a\n');
    writeFileSync(join(out, 'keep.yaml'), 'untouched\n');
    const stage = join(out, `.ladder-${HOST}-${deadPid().toString(36)}-0badc0de.stage`);
    mkdirSync(stage);
    linkSync(join(out, 'a.yaml'), join(stage, 'old-0'));
    rmSync(join(out, 'a.yaml'));
    writeFileSync(join(out, 'a.yaml'), 'new a\n');
    writeFileSync(join(out, 'b.yaml'), 'new b\n');
    writeFileSync(join(stage, '2'), 'new c\n');
    const ino = (f: string) => statSync(join(out, f)).ino;
    writeFileSync(
      join(stage, 'journal'),
      `${JSON.stringify({ name: 'a.yaml', ino: ino('a.yaml'), backup: 'old-0' })}\n${JSON.stringify({ name: 'b.yaml', ino: ino('b.yaml') })}\n{"name": "c.ya`,
    );
    writeFileSync(join(out, '.ladder.lock'), `${deadPid()}\n`);
    await ladder(['import', 'lock-pages', '--out', 'killed'], [0]);
    expect(yamlIn(out)).toEqual(['a.yaml', 'keep.yaml', 'locked.yaml']);
    expect(readFileSync(join(out, 'a.yaml'), 'utf8')).toBe('old a\n');
    expect(readFileSync(join(out, 'keep.yaml'), 'utf8')).toBe('untouched\n');
    expect(leftovers(out)).toEqual([]);
  });

  test('killed at any moment, the directory ends with the old set or the new one', async () => {
    const out = join(root, 'kill-out');
    await ladder(['import', 'race-a', '--out', 'kill-out'], [0], 60_000);
    const old = yamlIn(out);
    // The new pages have other families: a mix would show both sets' names.
    const started = performance.now();
    await ladder(['import', 'kill-new', '--out', 'kill-time'], [0], 60_000);
    const full = performance.now() - started;
    for (const fraction of [0.3, 0.6, 0.8, 0.9, 0.97]) {
      const child = spawn(process.execPath, [BIN, 'import', 'kill-new', '--out', 'kill-out', '--force'], { cwd: root, stdio: 'ignore' });
      const closed = new Promise((r) => child.on('close', r));
      await new Promise((r) => setTimeout(r, full * fraction));
      child.kill('SIGKILL');
      await closed;
      // Any later run into the directory settles what the killed one left.
      await ladder(['import', 'lock-pages', '--out', 'kill-out', '--force'], [0]);
      const now = yamlIn(out).filter((f) => f !== 'locked.yaml');
      const fresh = yamlIn(join(root, 'kill-time'));
      const union = [...new Set([...old, ...fresh])].sort();
      // Either the old set alone, or the new set complete (plus the old names it does not replace).
      expect([JSON.stringify(old), JSON.stringify(union)]).toContain(JSON.stringify(now));
      // The names overlap (family-0 … family-149 are in both sets): the texts tell which run wrote each.
      const tags = new Set(now.map((f) => /Build things \((\w+)\)/.exec(readFileSync(join(out, f), 'utf8'))?.[1]));
      expect(tags).toEqual(new Set([JSON.stringify(now) === JSON.stringify(old) ? 'alpha' : 'fresh']));
      expect(leftovers(out)).toEqual([]);
      rmSync(out, { recursive: true });
      await ladder(['import', 'race-a', '--out', 'kill-out'], [0], 60_000);
    }
  }, 300_000);
});

describe('stdout that cannot be written', () => {
  test.each([
    ['list', ['list']],
    ['lint --format sarif', ['lint', '--format', 'sarif']],
    ['export --format json', ['export', 'education-services', '--format', 'json']],
  ])('%s > /dev/full: one line, exit 2', (_name, args) => {
    if (!existsSync('/dev/full')) return;
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" ${args.join(' ')} > /dev/full`], { cwd: root, encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('ladder: cannot write the output (no space left on the device); it is incomplete\n');
  });
});

describe('a full disk (a 64 KB tmpfs, where mounting one is allowed)', () => {
  let small: string;
  let mounted = false;
  beforeAll(() => {
    small = join(root, 'small-disk');
    mkdirSync(small);
    mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', small]).status === 0;
    // 1,000 roles: `list --format json` prints about 400 KB.
    mkdirSync(join(root, 'gen'));
    for (let i = 0; i < 100; i++) {
      let y = `kind: family\nid: fam-${i}\ntitle: Family ${i}\nroles:\n`;
      for (let j = 0; j < 10; j++) y += `  role-${i}-${j}:\n    title: Role ${i} ${j}\n    grade: ${5 + j}\n    responsibilities: [Work on ${i} ${j}]\n`;
      writeFileSync(join(root, 'gen', `fam-${i}.yaml`), y);
    }
  });
  afterAll(() => {
    if (mounted) spawnSync('umount', [small]);
  });

  test('stdout redirected to a file on it: one line, exit 2 (not exit 0 with the first 64 KB)', () => {
    if (!mounted) return;
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" --data gen list --format json > small-disk/list.json`], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.stderr).toBe('ladder: cannot write the output (no space left on the device); it is incomplete\n');
    expect(r.status).toBe(2);
    rmSync(join(small, 'list.json'), { force: true });
  });

  test('--output-file on it: one line, exit 2, no temporary file left', async () => {
    if (!mounted) return;
    writeFileSync(join(small, 'filler'), Buffer.alloc(60 * 1024));
    // A SARIF report describes every rule: well over the 4 KB left.
    const r = await ladder(['lint', 'gen', '--format', 'sarif', '--output-file', 'small-disk/report.json'], [2]);
    expect(r.stderr).toMatch(/^ladder: small-disk\/report\.json: cannot write the file \(no space left on the device\)\n$/);
    expect(readdirSync(small)).toEqual(['filler']);
  });
});

describe('files ladder reads besides data files', () => {
  test('a FIFO as --config, or found as .ladderrc.yaml, is refused at once', async () => {
    const fifo = join(root, 'config.fifo');
    if (!mkfifo(fifo)) return;
    const named = await ladder(['lint', '--config', 'config.fifo'], [2], 10_000);
    expect(named.stderr).toMatch(/^ladder: config\.fifo: not a regular file \(a FIFO, device or socket\?\); expected a YAML config file\n$/);
    const dir = join(root, 'fifo-config');
    mkdirSync(dir);
    writeFileSync(join(dir, 'good.yaml'), GOOD_FAMILY);
    mkfifo(join(dir, '.ladderrc.yaml'));
    const found = await runChild(['lint', '.'], { cwd: dir, timeoutMs: 10_000 });
    expectClean(found, [2]);
    expect(found.stderr).toMatch(/\.ladderrc\.yaml: not a regular file/);
  });

  test('/dev/zero and a 50 MB file as --config are refused without being read', async () => {
    const zero = await ladder(['lint', '--config', '/dev/zero'], [2], 10_000);
    expect(zero.stderr).toMatch(/not a regular file/);
    const big = join(root, 'big.ladderrc.yaml');
    closeSync(openSync(big, 'w'));
    truncateSync(big, 50 * 1024 * 1024);
    const r = await ladder(['lint', '--config', 'big.ladderrc.yaml'], [2], 10_000);
    expect(r.stderr).toMatch(/^ladder: big\.ladderrc\.yaml: file is 50\.0 MB, over the 1 MB limit; expected a YAML config file\n$/);
  });

  test('a FIFO or /dev/zero as an ERB partial is refused at once', async () => {
    for (const [name, make] of [
      ['fifo', (p: string) => mkfifo(p)],
      ['zero', (p: string) => (symlinkSync('/dev/zero', p), true)],
    ] as const) {
      const dir = join(root, `partial-${name}`);
      mkdirSync(dir);
      if (!make(join(dir, '_hostile.erb'))) continue;
      writeFileSync(join(dir, 'index.html.md.erb'), page('Partial') + '\n<%= partial("includes/hostile") %>\n');
      const r = await ladder(['import', join(`partial-${name}`, 'index.html.md.erb')], [2], 10_000);
      expect(r.stderr).toMatch(new RegExp(`partial-${name}/_hostile\\.erb: not a regular file .*; expected the ERB partial \`includes/hostile\``));
    }
  });
});

describe('many files, few descriptors', () => {
  test('2,000 data files under `ulimit -n 256` read without "too many open files"', () => {
    const dir = join(root, 'many');
    mkdirSync(dir);
    for (let i = 0; i < 2000; i++)
      writeFileSync(
        join(dir, `f-${i}.yaml`),
        `kind: family\nid: fam-${i}\ntitle: Family ${i}\nroles:\n  role-${i}:\n    title: Role ${i}\n    grade: 5\n    responsibilities: [Work ${i}]\n`,
      );
    const r = spawnSync('bash', ['-c', `ulimit -n 256 && exec "${process.execPath}" "${BIN}" --data many list --format json`], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.stderr).not.toMatch(/too many open files|EMFILE/i);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(2000);
  }, 90_000);
});

describe('lesser write and walk cases', () => {
  test('a file name too long for the file system: words, no errno code, no absolute path, no empty --out left', async () => {
    mkdirSync(join(root, 'too-long', 'p'), { recursive: true });
    writeFileSync(join(root, 'too-long', 'p', 'index.html.md'), page('A' + 'b'.repeat(259)));
    const r = await ladder(['import', 'too-long', '--out', 'new-out/sub'], [2]);
    expect(r.stderr.trimEnd().split('\n').pop()).toBe('ladder: cannot write to new-out/sub: the file name is too long; nothing was written');
    expect(r.stderr).not.toMatch(/\bE[A-Z]{3,}\b/);
    expect(r.stderr).not.toContain(root);
    expect(existsSync(join(root, 'new-out'))).toBe(false);
  });

  test('a link to a directory outside the data set is not followed', async () => {
    const dir = join(root, 'escape');
    mkdirSync(join(dir, 'data'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'data', 'good.yaml'), GOOD_FAMILY);
    writeFileSync(join(dir, 'elsewhere', 'other.yaml'), GOOD_FAMILY.replace(/good/g, 'other').replace(/Good/g, 'Other'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'data', 'out'));
    mkdirSync(join(dir, 'data', 'inner'));
    symlinkSync(join(dir, 'data', 'inner'), join(dir, 'data', 'in'));
    const r = await ladder(['--data', 'escape/data', 'list', '--format', 'json'], [0]);
    expect(JSON.parse(r.stdout).map((f: { id: string }) => f.id)).toEqual(['good']);
    expect(r.stderr).toBe('ladder: escape/data/out: a link to a directory outside escape/data, skipped\n');
  });

  test('--data /proc does not walk the file system through /proc/self/root', async () => {
    if (!existsSync('/proc/self/root')) return;
    const r = await ladder(['--data', '/proc', 'list'], [0, 2], 60_000);
    expect(r.stderr).not.toMatch(/\/proc\/[^\s:]*\/root\/./);
    // Thousands of links out of /proc: the first few are named, the rest counted.
    expect(r.stderr.split('\n').length).toBeLessThan(30);
    expect(r.stderr).toMatch(/: \d+ more entries skipped\n/);
  }, 90_000);

  test('a family whose id is a Windows device name is not written as con.yaml', async () => {
    mkdirSync(join(root, 'reserved', 'con'), { recursive: true });
    writeFileSync(join(root, 'reserved', 'con', 'index.html.md'), page('Con'));
    await ladder(['import', 'reserved', '--out', 'reserved-out'], [0]);
    expect(yamlIn(join(root, 'reserved-out'))).toEqual(['con_family.yaml']);
  });
});
