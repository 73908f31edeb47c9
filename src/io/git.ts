/**
 * Reading a version of the data set from git, with `git` itself: `rev-parse` to find the repository
 * and the commit, `ls-tree` to list the data set's files at that commit, one `cat-file --batch` to
 * read them. Nothing here checks anything out or writes to the repository or the working tree.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { DataError } from '../core/errors.js';
import { unicodeEscape } from '../core/escape-text.js';
import type { VersionFile } from '../core/changes/load-version.js';
import { MAX_FILE_BYTES } from './files.js';

interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs git with arguments (never through a shell); `input` is written to its stdin. */
function git(args: string[], cwd: string, input?: string): Promise<GitResult> {
  return new Promise((done, fail) => {
    // Plain messages whatever the user's language; no pager, no prompt for credentials.
    // GIT_OPTIONAL_LOCKS=0: not even the index's cached file stats are refreshed.
    const env = { ...process.env, LC_ALL: 'C', LANG: 'C', GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };
    const child = spawn('git', args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT')
        fail(new DataError('git is not installed (or not on PATH); install it, or compare two directories with --from-data <dir> --to-data <dir>'));
      else fail(new DataError(`cannot run git (${e.code ?? e.message})`));
    });
    child.on('close', (code) => done({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.on('error', () => undefined); // git may exit before reading everything (a bad object)
    child.stdin.end(input ?? '');
  });
}

const firstLine = (s: string) =>
  s
    .trim()
    .split('\n')[0]
    ?.replace(/^(fatal|error): /, '') ?? '';

/** Where a data set directory sits in its repository. */
export interface RepoLocation {
  /** The repository's top directory (absolute). */
  top: string;
  /** The data set's directory relative to the top, `/`-separated, ending in `/`; '' for the top itself. */
  prefix: string;
}

/** Finds the repository holding `dir`; a DataError (exit 2) saying what is missing when there is none. */
export async function locateRepository(dir: string, cwd: string): Promise<RepoLocation> {
  const abs = resolve(cwd, dir);
  try {
    if (!(await fs.stat(abs)).isDirectory()) throw new DataError(`${dir}: not a directory; \`changes\` compares versions of a data set directory`);
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw new DataError(`${dir}: no such directory`);
  }
  const r = await git(['rev-parse', '--show-toplevel', '--show-prefix'], abs);
  if (r.code !== 0) {
    if (/not a git repository/i.test(r.stderr)) {
      throw new DataError(
        `${dir} is not inside a git repository; pass a data set kept in git with --data <dir>, or compare two directories with --from-data <dir> --to-data <dir>`,
      );
    }
    throw new DataError(`git cannot read the repository of ${dir}: ${firstLine(r.stderr)}`);
  }
  const [top, prefix = ''] = r.stdout.toString('utf8').split('\n');
  return { top, prefix };
}

/** The commit a revision names; a DataError for an unknown revision, saying how to get it. */
export async function resolveCommit(loc: RepoLocation, rev: string): Promise<string> {
  if (rev === '' || rev.startsWith('-') || /[\u0000-\u001f\u007f]/.test(rev))
    throw new DataError(`\`${JSON.stringify(rev).slice(1, -1)}\` is not a revision; pass a commit, branch or tag (e.g. HEAD~1, main)`);
  const r = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], loc.top);
  if (r.code === 0) return r.stdout.toString('utf8').trim();
  const head = await git(['rev-parse', '--verify', '--quiet', 'HEAD'], loc.top);
  if (head.code !== 0) {
    throw new DataError(
      `the repository ${loc.top} has no commits yet, so \`${rev}\` does not exist: commit the data set first, or compare two directories with --from-data <dir> --to-data <dir>`,
    );
  }
  const shallow = await git(['rev-parse', '--is-shallow-repository'], loc.top);
  if (shallow.stdout.toString('utf8').trim() === 'true') {
    const fetch = /^[0-9a-f]{7,40}$/i.test(rev)
      ? `git fetch --depth=1 origin ${rev}`
      : /[~^@]/.test(rev)
        ? 'git fetch --deepen=50'
        : `git fetch --depth=50 origin ${rev}`;
    throw new DataError(
      `revision \`${rev}\` is not in this shallow clone (only recent commits were fetched): fetch it with \`${fetch}\` (or \`git fetch --unshallow\`); in CI set GIT_DEPTH: 0 (GitLab) or fetch-depth: 0 (GitHub actions/checkout)`,
    );
  }
  throw new DataError(`unknown revision \`${rev}\` in ${loc.top}; \`git log --oneline\` lists the commits, \`git branch -a\` the branches`);
}

const isYaml = (name: string) => name.endsWith('.yaml') || name.endsWith('.yml');
/** A path from the repository as it may be printed: control characters (a newline in a file name) as escapes. */

const shown = (path: string) => path.replace(/[\u0000-\u001f\u007f-\u009f]/g, unicodeEscape);

export interface RevisionFiles {
  files: VersionFile[];
  /** Entries left out (symbolic links, submodules), for stderr. */
  problems: string[];
  /** Whether the data set's directory exists at that revision. */
  found: boolean;
}

/**
 * The data set's YAML files at a commit, named `<rev>:<path from the repository top>` (git's own
 * syntax: `git show HEAD~1:data/x.yaml` prints the file). The same files a directory walk would find:
 * `*.yaml`/`*.yml`, not under a directory starting with `.` or named `node_modules`.
 */
export async function readRevision(loc: RepoLocation, rev: string, commit: string): Promise<RevisionFiles> {
  const args = ['--literal-pathspecs', 'ls-tree', '-r', '-l', '-z', '--full-name', commit];
  if (loc.prefix) args.push('--', loc.prefix);
  const ls = await git(args, loc.top);
  if (ls.code !== 0) throw new DataError(`git cannot list the files of \`${rev}\`: ${firstLine(ls.stderr)}`);
  const problems: string[] = [];
  const wanted: { path: string; object: string; size: number }[] = [];
  // Symbolic links are followed, as the directory walk follows them on disk.
  const links: string[] = [];
  let found = false;
  for (const entry of ls.stdout.toString('utf8').split('\0')) {
    if (!entry) continue;
    const tab = entry.indexOf('\t');
    const [mode, type, object, size] = entry.slice(0, tab).split(/ +/);
    const path = entry.slice(tab + 1);
    found = true;
    const inside = path.slice(loc.prefix.length).split('/');
    if (inside.slice(0, -1).some((d) => d.startsWith('.') || d === 'node_modules')) continue;
    const name = inside[inside.length - 1];
    if (name.startsWith('.') || !isYaml(name)) continue;
    if (type !== 'blob') {
      problems.push(`${rev}:${shown(path)}: a ${type === 'commit' ? 'submodule' : type}, skipped`);
      continue;
    }
    if (mode === '120000') links.push(path);
    else wanted.push({ path, object, size: Number(size) });
  }
  const files: VersionFile[] = links.length ? await followLinks(loc, rev, commit, links, problems) : [];
  const toRead = wanted.filter((w) => w.size <= MAX_FILE_BYTES);
  const contents = toRead.length
    ? await catFiles(
        loc,
        rev,
        toRead.map((w) => w.object),
      )
    : new Map<string, Buffer>();
  for (const w of wanted) {
    const file = `${rev}:${w.path}`;
    if (w.size > MAX_FILE_BYTES) files.push({ file, error: tooLarge(w.size) });
    else files.push({ file, bytes: contents.get(w.object) });
  }
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, problems, found };
}

const tooLarge = (size: number) =>
  `file is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit for one ladder file; split it`;

/**
 * The files symbolic links point to at the commit, read with `git cat-file --batch --follow-symlinks`
 * (git resolves links inside the repository); a link out of the repository, dangling or looping is
 * reported and skipped.
 */
async function followLinks(loc: RepoLocation, rev: string, commit: string, links: string[], problems: string[]): Promise<VersionFile[]> {
  const usable = links.filter((l) => !/[\n\r]/.test(l));
  for (const l of links) if (!usable.includes(l)) problems.push(`${rev}:${shown(l)}: symbolic link with a line break in its name, skipped`);
  if (!usable.length) return [];
  const r = await git(['cat-file', '--batch', '--follow-symlinks'], loc.top, usable.map((l) => `${commit}:${l}\n`).join(''));
  if (r.code !== 0) throw new DataError(`git cannot read the files of \`${rev}\`: ${firstLine(r.stderr)}`);
  const out: VersionFile[] = [];
  const buf = r.stdout;
  let at = 0;
  for (const path of usable) {
    const nl = buf.indexOf(10, at);
    if (nl === -1) break;
    const line = buf.subarray(at, nl).toString('utf8');
    const header = line.split(' ');
    const file = `${rev}:${path}`;
    if (line.endsWith(' missing')) {
      problems.push(`${rev}:${shown(path)}: broken symbolic link, skipped`);
      at = nl + 1;
    } else if (header[1] === 'blob') {
      const size = Number(header[2]);
      out.push(size > MAX_FILE_BYTES ? { file, error: tooLarge(size) } : { file, bytes: buf.subarray(nl + 1, nl + 1 + size) });
      at = nl + 1 + size + 1;
    } else {
      // dangling, loop, symlink (out of the repository), notdir: `<kind> <size>` then that many bytes.
      const why = header[0] === 'symlink' ? 'points outside the repository' : header[0] === 'loop' ? 'is a loop' : 'is broken';
      problems.push(`${rev}:${shown(path)}: symbolic link that ${why}, skipped`);
      at = nl + 1 + Number(header[1]) + 1;
    }
  }
  return out;
}

/** Object contents by id, read with one `git cat-file --batch`. */
async function catFiles(loc: RepoLocation, rev: string, objects: string[]): Promise<Map<string, Buffer>> {
  const unique = [...new Set(objects)];
  const r = await git(['cat-file', '--batch'], loc.top, unique.map((o) => o + '\n').join(''));
  if (r.code !== 0) throw new DataError(`git cannot read the files of \`${rev}\`: ${firstLine(r.stderr)}`);
  const out = new Map<string, Buffer>();
  const buf = r.stdout;
  let at = 0;
  for (const expected of unique) {
    const nl = buf.indexOf(10, at);
    if (nl === -1) break;
    const header = buf.subarray(at, nl).toString('utf8').split(' ');
    if (header[1] === 'missing' || header.length < 3) {
      at = nl + 1;
      continue;
    }
    const size = Number(header[2]);
    if (header[0] === expected) out.set(expected, buf.subarray(nl + 1, nl + 1 + size));
    at = nl + 1 + size + 1;
  }
  return out;
}

/** Whether git tracks anything under the data set's directory in the index (for a clearer message). */
export async function tracksDirectory(loc: RepoLocation): Promise<boolean> {
  const args = ['--literal-pathspecs', 'ls-files', '-z'];
  if (loc.prefix) args.push('--', loc.prefix);
  const r = await git(args, loc.top);
  return r.code === 0 && r.stdout.length > 0;
}
