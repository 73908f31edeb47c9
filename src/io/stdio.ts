/**
 * Standard output and error for the real process. Node's own stream for a file or a pipe drops the
 * rest of a short write and reports a full disk as an uncaught error event; this writer loops until
 * every byte is written, so a result is either complete or the command fails:
 *   - a write error on stdout (a full disk, /dev/full, an I/O error) is a DataError: one line on
 *     stderr, exit 2;
 *   - stdout closed by its reader (`ladder list | head -1`, EPIPE) ends the output quietly: the rest
 *     is dropped and the command finishes with its own exit code;
 *   - errors writing stderr are ignored (there is nowhere left to report them).
 */
import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { DataError } from '../core/errors.js';
import { errorCode, fsReason } from './fs-errors.js';

export interface StdOut {
  write(chunk: string): boolean;
  readonly isTTY: boolean;
  readonly columns?: number;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `buf` to `fd`, waiting while a non-blocking pipe is full. */
function writeAll(fd: number, buf: Buffer): void {
  let off = 0;
  let waits = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off, buf.length - off);
      waits = 0;
    } catch (e) {
      if (errorCode(e) !== 'EAGAIN') throw e;
      // A reader that is slower than us: wait a little (up to 50 ms at a time) and try again.
      Atomics.wait(pause, 0, 0, Math.min(50, 1 + waits++));
    }
  }
}

/** A writer for file descriptor `fd` (1 or 2); see the module comment. */
export function fdWriter(fd: 1 | 2, columns: () => number | undefined): StdOut {
  let closed = false;
  return {
    isTTY: isatty(fd),
    get columns() {
      return isatty(fd) ? columns() : undefined;
    },
    write(chunk: string): boolean {
      if (closed || chunk.length === 0) return true;
      try {
        writeAll(fd, Buffer.from(chunk, 'utf8'));
      } catch (e) {
        if (fd === 2) return true;
        closed = true;
        if (errorCode(e) === 'EPIPE') return true;
        throw new DataError(`cannot write the output (${fsReason(e)}); it is incomplete`);
      }
      return true;
    },
  };
}

/** The process's stdout and stderr, environment and working directory, for `run(argv, io)`. */
export function processIo(env: Record<string, string | undefined>) {
  return {
    stdout: fdWriter(1, () => process.stdout.columns),
    stderr: fdWriter(2, () => process.stderr.columns),
    env,
    cwd: process.cwd(),
  };
}
