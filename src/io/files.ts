/**
 * Finding the YAML files of a data set (with the one walker, src/io/walk.ts) and reading them (with
 * the one reader, src/io/read.ts, one at a time).
 */
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { DataError } from '../core/errors.js';
import { displayPath } from './display.js';
import { errorCode, fsReason } from './fs-errors.js';
import { MAX_FILE_BYTES, ReadError, readRegularFileSync } from './read.js';
import { walkFiles } from './walk.js';

export { displayPath } from './display.js';
export { MAX_FILE_BYTES } from './read.js';
export { writeFileAtomic } from './atomic.js';

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
      throw new DataError(errorCode(e) === 'ENOENT' ? `${p}: no such file or directory` : `${p}: cannot read (${fsReason(e)})`);
    }
    if (!st.isDirectory()) {
      files.set(abs, { abs, display: displayPath(abs, cwd) });
      continue;
    }
    const walked = await walkFiles(abs, { accept: isYaml, cwd });
    problems.push(...walked.problems);
    for (const f of walked.files) files.set(f, { abs: f, display: displayPath(f, cwd) });
  }
  return { files: [...files.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0)), problems };
}

/** Reads files as bytes, one at a time; unreadable or oversized files come back with an error instead. */
export function readFiles(files: FoundFile[]): ReadResult[] {
  return files.map((f): ReadResult => {
    try {
      return { file: f.display, bytes: readRegularFileSync(f.abs, MAX_FILE_BYTES) };
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      if (e.reason === 'not-regular' || e.reason === 'directory')
        return { file: f.display, error: 'not a regular file (a FIFO, device or socket?); expected a YAML file' };
      if (e.reason === 'too-large') return { file: f.display, error: `${e.message} for one ladder file; split it` };
      if (e.reason === 'missing') return { file: f.display, error: 'cannot read the file (no such file)' };
      return { file: f.display, error: e.message.includes('permission denied') ? 'permission denied: cannot read the file' : e.message };
    }
  });
}
