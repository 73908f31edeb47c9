/**
 * Writes a set of new files (what `ladder init` scaffolds) so that nothing is lost: without `force`,
 * every file that exists is listed and nothing is written; each file is written to an exclusive
 * temporary file beside it, then linked into place, which fails rather than replace a file created in
 * the meantime; on any failure the files placed so far and the temporary files are removed. With
 * `force`, each file is replaced atomically (the project's writeFileAtomic).
 */
import { promises as fs } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataError, UsageError } from '../core/errors.js';
import { displayPath, writeFileAtomic } from './files.js';
import { errorCode, fsReason } from './fs-errors.js';

export interface NewFile {
  /** Relative to the root, with `/`. */
  path: string;
  text: string;
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}

/** The files of the set that exist already, as shown to users. */
export async function existingFiles(root: string, files: NewFile[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const f of files) {
    const abs = resolve(root, f.path);
    if (await exists(abs)) out.push(displayPath(abs, cwd));
  }
  return out;
}

/**
 * Moves a finished temporary file to a path that must not exist: a hard link fails if the path appeared
 * meanwhile. File systems without hard links get a rename after a last check.
 */
async function placeNew(tmp: string, target: string): Promise<void> {
  try {
    await fs.link(tmp, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw e;
    if (await exists(target)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    await fs.rename(tmp, target);
  }
}

export async function writeNewFiles(root: string, files: NewFile[], cwd: string, options: { force?: boolean } = {}): Promise<void> {
  const existing = await existingFiles(root, files, cwd);
  if (existing.length && !options.force) {
    throw new UsageError(
      `${existing.length === 1 ? `${existing[0]} exists` : `these files exist: ${existing.join(', ')}`}; nothing was written (pass --force to overwrite ${existing.length === 1 ? 'it' : 'them'})`,
    );
  }
  // In words, never a bare errno code.
  const fail = (path: string, e: unknown) =>
    new DataError(`${displayPath(path, cwd)}: cannot write (${errorCode(e) === 'EEXIST' ? 'it appeared while writing; nothing was kept' : fsReason(e)})`);
  for (const f of files) {
    const abs = resolve(root, f.path);
    try {
      await fs.mkdir(dirname(abs), { recursive: true });
    } catch (e) {
      // `mkdir -p` through a file, a device or a FIFO: EEXIST there means a part of the path is not a directory.
      throw fail(abs, errorCode(e) === 'EEXIST' ? Object.assign(new Error('not a directory'), { code: 'ENOTDIR' }) : e);
    }
  }
  if (options.force) {
    for (const f of files) await writeFileAtomic(resolve(root, f.path), f.text, cwd);
    return;
  }
  const temps: string[] = [];
  const placed: string[] = [];
  try {
    for (const f of files) {
      const abs = resolve(root, f.path);
      const tmp = `${abs}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        await fs.writeFile(tmp, f.text, { flag: 'wx' });
        temps.push(tmp);
      } catch (e) {
        throw fail(abs, e);
      }
    }
    for (let i = 0; i < files.length; i++) {
      const abs = resolve(root, files[i].path);
      try {
        await placeNew(temps[i], abs);
        placed.push(abs);
      } catch (e) {
        throw fail(abs, e);
      }
    }
  } catch (e) {
    for (const p of placed) await fs.rm(p, { force: true }).catch(() => undefined);
    throw e;
  } finally {
    for (const t of temps) await fs.rm(t, { force: true }).catch(() => undefined);
  }
}
