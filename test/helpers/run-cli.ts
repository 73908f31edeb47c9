/** Runs the CLI in-process through `run(argv, io)` with captured output. */
import { run } from '../../src/cli/run.js';
import type { Io } from '../../src/cli/io.js';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA = join(ROOT, 'data');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const EXAMPLES_PROFILE = join(ROOT, 'examples', 'profiles', 'sam-rivera.yaml');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  argv: string[],
  options: { env?: Record<string, string | undefined>; cwd?: string; columns?: number | null; stdin?: string } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false, columns: options.columns === null ? undefined : (options.columns ?? 100) },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: { ...(options.env ?? {}) },
    cwd: options.cwd ?? ROOT,
    readStdin: options.stdin === undefined ? undefined : () => Promise.resolve(Buffer.from(options.stdin!)),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
