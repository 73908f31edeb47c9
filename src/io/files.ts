/**
 * The only code that reads the file system for data: finds YAML files under paths (recursively,
 * symlink loops and unreadable entries reported, not thrown), reads them as bytes.
 */
import { promises as fs } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { DataError } from '../core/errors.js';

/** Files larger than this are refused with a finding instead of being parsed. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface FoundFile {
  /** Absolute path. */
  abs: string;
  /** Path as shown to users: relative to the working directory, `/` separators. */
  display: string;
}

export interface ReadResult {
  file: string;
  bytes?: Uint8Array;
  /** Why it could not be read (permissions, size). */
  error?: string;
}

export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  const shown = rel === '' ? '.' : rel.startsWith('..') && rel.split(sep).length > 4 ? abs : rel;
  return shown.split(sep).join('/');
}

const isYaml = (name: string) => name.endsWith('.yaml') || name.endsWith('.yml');

/**
 * YAML files under the given paths, sorted. A path that does not exist is a DataError (exit 2);
 * a file named explicitly is taken whatever its extension.
 */
export async function findYamlFiles(paths: string[], cwd: string): Promise<{ files: FoundFile[]; problems: string[] }> {
  const files = new Map<string, FoundFile>();
  const problems: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st;
    try {
      st = await fs.stat(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new DataError(code === 'ENOENT' ? `${p}: no such file or directory` : `${p}: cannot read (${code ?? (e as Error).message})`);
    }
    if (!st.isDirectory()) {
      files.set(abs, { abs, display: displayPath(abs, cwd) });
      continue;
    }
    // Iterative walk; real paths of visited directories break symlink loops.
    const visited = new Set<string>();
    const stack = [abs];
    while (stack.length) {
      const dir = stack.pop()!;
      let real: string;
      try {
        real = await fs.realpath(dir);
      } catch {
        problems.push(`${displayPath(dir, cwd)}: cannot resolve (broken link?), skipped`);
        continue;
      }
      if (visited.has(real)) continue;
      visited.add(real);
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (e) {
        problems.push(`${displayPath(dir, cwd)}: cannot read directory (${(e as NodeJS.ErrnoException).code ?? 'error'}), skipped`);
        continue;
      }
      for (const ent of entries) {
        if (ent.name === 'node_modules' || ent.name.startsWith('.')) continue;
        const full = join(dir, ent.name);
        let isDir = ent.isDirectory();
        let isFile = ent.isFile();
        if (ent.isSymbolicLink()) {
          try {
            const t = await fs.stat(full);
            isDir = t.isDirectory();
            isFile = t.isFile();
          } catch {
            problems.push(`${displayPath(full, cwd)}: broken symbolic link, skipped`);
            continue;
          }
        }
        if (isDir) stack.push(full);
        else if (isFile && isYaml(ent.name)) files.set(full, { abs: full, display: displayPath(full, cwd) });
      }
    }
  }
  return { files: [...files.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0)), problems };
}

/** Reads files as bytes; unreadable or oversized files come back with an error instead. */
export async function readFiles(files: FoundFile[]): Promise<ReadResult[]> {
  return Promise.all(
    files.map(async (f): Promise<ReadResult> => {
      try {
        const st = await fs.stat(f.abs);
        // A FIFO would block forever and /dev/zero never ends: only regular files are read.
        if (!st.isFile()) return { file: f.display, error: 'not a regular file (a FIFO, device or socket?); expected a YAML file' };
        if (st.size > MAX_FILE_BYTES) {
          return { file: f.display, error: `file is ${(st.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit for one ladder file; split it` };
        }
        return { file: f.display, bytes: await fs.readFile(f.abs) };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return { file: f.display, error: code === 'EACCES' ? 'permission denied: cannot read the file' : `cannot read the file (${code ?? (e as Error).message})` };
      }
    }),
  );
}

/**
 * Writes a file atomically: a temporary file in the same directory, then a rename, so a reader (a CI
 * job collecting a report) never sees a half-written file. Failures are a DataError (exit 2).
 */
export async function writeFileAtomic(path: string, text: string, cwd: string): Promise<void> {
  const abs = resolve(cwd, path);
  const tmp = `${abs}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    await fs.writeFile(tmp, text);
    await fs.rename(tmp, abs);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataError(`${path}: cannot write the file (${code === 'ENOENT' ? 'no such directory' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (code ?? (e as Error).message)})`);
  }
}
