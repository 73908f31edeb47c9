/**
 * Atomic writes: the one way ladder writes files. Every command that writes a file uses these two.
 *
 * `writeFileAtomic(path, text, cwd)` writes one file (`lint --output-file`, reports, sites):
 *   - the target must be a regular file or a new path; a directory, device, FIFO, socket or link is
 *     refused (DataError, exit 2) and left as it was;
 *   - the text goes to a temporary file created exclusively (`wx`) in the target's directory, under
 *     a short random name (`.ladder-<machine>-<pid>-<random>.tmp`, so targets with names near the
 *     255-byte limit still work), then is renamed over the target: a reader never sees half a file;
 *   - on any failure (a full disk included) the temporary file is removed and a DataError says why in
 *     words; temporary files left by a killed ladder process are removed by the next write there.
 *
 * `writeFilesAtomic(dir, files, { force, cwd })` writes a set of files into one directory (`import
 * --out`): either the whole set is published or none of it.
 *   - one run at a time per directory: a lock file `.ladder.lock` holds the writer's process id (and
 *     a tag of the machine); a second run fails at once with one line saying that it lost and wrote
 *     nothing; a lock whose process no longer runs on this machine is taken over;
 *   - the whole set is first staged in `.ladder-<machine>-<pid>-<random>.stage/` inside `dir`; then
 *     each file is published. Without `force` a file is published with a hard link, which fails if the name
 *     exists, so nothing that appeared meanwhile is overwritten; with `force` the old file is kept
 *     (hard link) in the stage until the set is complete;
 *   - every publishing step is written to a journal first. On a failure the steps are undone (old
 *     files back, new ones removed). A `kill -9` while publishing (renames only, the last moments of
 *     a run) leaves the journal: the next run into `dir` finds the stage of the dead process and
 *     undoes its steps the same way before doing anything, so the set is the old one again; a kill
 *     while staging leaves only the hidden stage, removed by the next run;
 *   - a directory created for the set is removed again when nothing was written;
 *   - file names are plain names (no `/`), never Windows-reserved names (`con.yaml`, `aux.yaml`).
 *
 * Both throw DataError (exit 2) with messages that name paths as the user gave them.
 */
import { createRequire } from 'node:module';
import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DataError, UsageError } from '../core/errors.js';
import { displayPath } from './display.js';
import { errorCode, fsReason } from './fs-errors.js';

const LOCK = '.ladder.lock';
// node:crypto is loaded on the first write, not with every command that can write (3–4 ms at start-up).
const require = createRequire(import.meta.url);
const crypto = () => require('node:crypto') as typeof import('node:crypto');
let ours: { host: string; temp: RegExp } | undefined;
/**
 * This machine, in temporary names (a directory shared with another machine keeps that one's files),
 * and the names of our temporary files.
 */
function own(): { host: string; temp: RegExp } {
  if (ours) return ours;
  const { hostname } = require('node:os') as typeof import('node:os');
  const host = crypto().createHash('sha256').update(hostname()).digest('hex').slice(0, 4);
  return (ours = { host, temp: new RegExp(`^\\.ladder-${host}-([0-9a-z]{1,14})-[0-9a-f]{8}\\.(tmp|stage)$`) });
}

/** A short temporary name in the same directory, recognisable as ours: machine, process id, random part. */
function tempName(kind: 'tmp' | 'stage'): string {
  return `.ladder-${own().host}-${process.pid.toString(36)}-${crypto().randomBytes(4).toString('hex')}.${kind}`;
}

/** Whether a process with that id is running (EPERM: it is, under another user). */
function alive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errorCode(e) === 'EPERM';
  }
}

/** Names Windows cannot create whatever the extension: CON, PRN, AUX, NUL, COM1–9, LPT1–9. */
export function isReservedName(name: string): boolean {
  return /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i.test(name) || /[. ]$/.test(name);
}

/** What is at a path: 'none', 'file', or what else it is (for the refusal). */
async function kindAt(abs: string): Promise<'none' | 'file' | 'directory' | 'link' | 'special'> {
  try {
    const st = await fs.lstat(abs);
    if (st.isFile()) return 'file';
    if (st.isDirectory()) return 'directory';
    if (st.isSymbolicLink()) return 'link';
    return 'special';
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return 'none';
    throw e;
  }
}

const REFUSED = {
  directory: 'is a directory',
  link: 'is a symbolic link',
  special: 'is not a regular file (a device, FIFO or socket)',
} as const;

/** Removes temporary files and stages in `dir` left by ladder processes that no longer run. */
async function removeStaleTemps(dir: string, kinds: ('tmp' | 'stage')[]): Promise<void> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = own().temp.exec(name);
    if (!m || !kinds.includes(m[2] as 'tmp' | 'stage') || alive(parseInt(m[1], 36))) continue;
    if (m[2] === 'stage') await undoStage(dir, join(dir, name));
    await fs.rm(join(dir, name), { recursive: true, force: true }).catch(() => undefined);
  }
}

/** An empty output path resolves to the working directory: say what is wrong instead ("…: is a directory"). */
export function refuseEmptyPath(path: string): void {
  if (path.trim() === '') throw new UsageError('the output file name is empty; give a path');
}

/** Writes one file atomically; see the module comment. */
export async function writeFileAtomic(path: string, text: string | Uint8Array, cwd: string): Promise<void> {
  refuseEmptyPath(path);
  const abs = resolve(cwd, path);
  const dir = dirname(abs);
  let tmp: string | undefined;
  try {
    const kind = await kindAt(abs);
    if (kind !== 'none' && kind !== 'file') throw new DataError(`${path}: ${REFUSED[kind]}; write the output to a regular file or a new path`);
    if (isReservedName(basename(abs))) throw new DataError(`${path}: a reserved file name on Windows; choose another name`);
    await removeStaleTemps(dir, ['tmp']);
    tmp = join(dir, tempName('tmp'));
    await fs.writeFile(tmp, text, { flag: 'wx' });
    await fs.rename(tmp, abs);
    tmp = undefined;
  } catch (e) {
    if (tmp) await fs.rm(tmp, { force: true }).catch(() => undefined);
    if (e instanceof DataError) throw e;
    const code = errorCode(e);
    throw new DataError(`${path}: cannot write the file (${code === 'ENOENT' ? 'no such directory' : fsReason(e)})`);
  }
}

export interface FileToWrite {
  /** A plain file name inside the directory. */
  name: string;
  text: string;
}

export interface WriteSetOptions {
  /** Replace files that exist (the old set comes back if the new one cannot be completed). */
  force: boolean;
  /** For paths in messages. */
  cwd: string;
}

/** One publishing step, written to the stage's journal before it is taken. */
interface Step {
  name: string;
  /** Inode of the staged file: the target is ours to undo only while it is this file. */
  ino: string;
  /** The old file was kept as `old-<index>` in the stage. */
  backup?: string;
}

/** Undoes the published steps of a stage (its journal), newest first; a finished stage is left as it is. */
async function undoStage(dir: string, stage: string): Promise<void> {
  const text = await fs.readFile(join(stage, 'journal'), 'utf8').catch(() => '');
  const steps: Step[] = [];
  for (const line of text.split('\n')) {
    if (line === 'done') return;
    try {
      steps.push(JSON.parse(line) as Step);
    } catch {
      // The line being written when the process died: its step was not taken.
    }
  }
  await undoSteps(dir, stage, steps);
}

/** The inode of a path as text (exact on every platform), or null when nothing is there. */
const inodeOf = async (path: string) => (await fs.lstat(path, { bigint: true }).catch(() => null))?.ino.toString() ?? null;

/**
 * Undoes publishing steps, newest first: a target that is still the staged file gets its old file
 * back (or is removed when it was new); a target that is something else was not ours to touch.
 */
async function undoSteps(dir: string, stage: string, steps: readonly Step[]): Promise<void> {
  for (const s of [...steps].reverse()) {
    if (typeof s.name !== 'string' || s.name !== basename(s.name) || s.name.includes('\\') || s.name.startsWith('.')) continue;
    if (s.backup !== undefined && !/^old-\d+$/.test(s.backup)) continue;
    const target = join(dir, s.name);
    if ((await inodeOf(target)) !== String(s.ino)) continue;
    if (s.backup) await fs.rename(join(stage, s.backup), target).catch(() => undefined);
    else await fs.unlink(target).catch(() => undefined);
  }
}

async function takeLock(dir: string, shownDir: string, cwd: string): Promise<string> {
  const lock = join(dir, LOCK);
  const lost = (holder: string) =>
    new DataError(
      `${shownDir} is being written by another ladder run (${holder}); this run lost and wrote nothing; run it again when that one has finished (if none is running, remove ${displayPath(lock, cwd)})`,
    );
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.writeFile(lock, `${process.pid} ${own().host}\n`, { flag: 'wx' });
      return lock;
    } catch (e) {
      if (errorCode(e) !== 'EEXIST') throw e;
      if (attempt > 0) throw lost('it took the lock just now');
    }
    const [pidText, host] = (await fs.readFile(lock, 'utf8').catch(() => '')).trim().split(/\s+/);
    const holder = parseInt(pidText, 10);
    // A process on another machine sharing the directory cannot be checked: it holds the lock.
    if (host !== undefined && host !== own().host) throw lost(`process ${holder} on another machine`);
    if (alive(holder)) throw lost(`process ${holder}`);
    // Left by a run that was killed: its stage is undone below, under our lock.
    await fs.rm(lock, { force: true });
  }
}

/** Removes the empty directories from `dir` up to `first` (the first one mkdir created). */
async function removeCreated(dir: string, first: string): Promise<void> {
  for (let d = dir; ; d = dirname(d)) {
    if (
      (await fs.rmdir(d).then(
        () => true,
        () => false,
      )) === false ||
      d === first ||
      dirname(d) === d
    )
      return;
  }
}

/** Writes a set of files into `dir`, all or nothing; see the module comment. */
export async function writeFilesAtomic(dir: string, files: readonly FileToWrite[], opts: WriteSetOptions): Promise<void> {
  const abs = resolve(opts.cwd, dir);
  const shownDir = displayPath(abs, opts.cwd);
  const shown = (name: string) => displayPath(join(abs, name), opts.cwd);
  for (const f of files) {
    if (!f.name || f.name !== basename(f.name) || f.name.includes('\\') || f.name.startsWith('.'))
      throw new DataError(`${f.name}: not a plain file name; nothing was written`);
    if (isReservedName(f.name)) throw new DataError(`${shown(f.name)}: a reserved file name on Windows; nothing was written`);
  }
  if (new Set(files.map((f) => f.name.toLowerCase())).size !== files.length)
    throw new DataError(`two files of the set have the same name (ignoring case); nothing was written`);

  /** The first directory this run created (mkdir -p), removed again with those below it if nothing is written. */
  let created: string | undefined;
  let lock: string | undefined;
  let stage: string | undefined;
  let journal: fs.FileHandle | undefined;
  const taken: Step[] = [];
  try {
    const kind = await kindAt(abs);
    if (kind === 'none') {
      created = await fs.mkdir(abs, { recursive: true });
    } else if (kind !== 'directory') {
      const st = await fs.stat(abs).catch(() => null);
      if (!st?.isDirectory()) throw new DataError(`cannot write to ${shownDir}: it is not a directory; nothing was written`);
    }
    lock = await takeLock(abs, shownDir, opts.cwd);
    await removeStaleTemps(abs, ['tmp', 'stage']);

    // Refuse what is not a regular file, and (without force) what exists, before staging anything.
    const existing: string[] = [];
    for (const f of files) {
      const k = await kindAt(join(abs, f.name));
      if (k === 'file') existing.push(f.name);
      else if (k !== 'none') throw new DataError(`${shown(f.name)}: ${REFUSED[k]}; nothing was written`);
    }
    if (!opts.force && existing.length) throw new DataError(`${shown(existing[0])} exists; pass --force to overwrite it; nothing was written`);

    stage = join(abs, tempName('stage'));
    await fs.mkdir(stage);
    const inodes: string[] = [];
    for (let i = 0; i < files.length; i++) {
      const fh = await fs.open(join(stage, String(i)), 'wx');
      try {
        await fh.writeFile(files[i].text);
        inodes.push((await fh.stat({ bigint: true })).ino.toString());
      } finally {
        await fh.close();
      }
    }

    journal = await fs.open(join(stage, 'journal'), 'wx');
    for (let i = 0; i < files.length; i++) {
      const target = join(abs, files[i].name);
      const staged = join(stage, String(i));
      const step: Step = { name: files[i].name, ino: inodes[i] };
      if (opts.force) {
        try {
          await fs.link(target, join(stage, `old-${i}`));
          step.backup = `old-${i}`;
        } catch (e) {
          if (errorCode(e) !== 'ENOENT') throw e;
        }
      }
      await journal.write(JSON.stringify(step) + '\n');
      taken.push(step);
      if (opts.force) {
        await fs.rename(staged, target);
      } else {
        try {
          await fs.link(staged, target);
        } catch (e) {
          if (errorCode(e) === 'EEXIST')
            throw new DataError(
              `${shown(files[i].name)} was created by another process while this import ran; this run lost and wrote nothing; run it again (with --force to overwrite)`,
            );
          throw e;
        }
      }
    }
    await journal.write('done\n');
  } catch (e) {
    // Undo in this process what the journal would let the next run undo.
    if (stage) await undoSteps(abs, stage, taken);
    await journal?.close().catch(() => undefined);
    journal = undefined;
    if (stage) await fs.rm(stage, { recursive: true, force: true }).catch(() => undefined);
    if (lock) await fs.rm(lock, { force: true }).catch(() => undefined);
    if (created) await removeCreated(abs, created);
    if (e instanceof DataError) throw e;
    throw new DataError(`cannot write to ${shownDir}: ${fsReason(e)}; nothing was written`);
  } finally {
    await journal?.close().catch(() => undefined);
  }
  await fs.rm(stage, { recursive: true, force: true }).catch(() => undefined);
  await fs.rm(lock, { force: true }).catch(() => undefined);
}
