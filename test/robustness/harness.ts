/**
 * Running the built CLI in a child process with a heap bound, a timeout and a peak-memory reading,
 * and the checks every hostile-input case shares.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/run-cli.js';

export const BIN = join(ROOT, 'bin', 'ladder.js');
const TIME = '/usr/bin/time';
export const HAVE_TIME = existsSync(TIME);

/** A stack trace line as V8 prints it. */
export const STACK_LINE = /^\s{4}at \S/m;

/** `npm ci` builds through `prepare`; a checkout that was never built is built once here. */
export function ensureBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'cli', 'run.js')) && existsSync(join(ROOT, 'dist', 'validators.cjs'))) return;
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
}

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the child in MB (undefined without /usr/bin/time). */
  maxRssMb?: number;
  ms: number;
  timedOut: boolean;
}

export interface ChildOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** V8 old-space bound for the child, in MB. */
  heapMb?: number;
  timeoutMs?: number;
}

/** Runs `node --max-old-space-size=<heapMb> bin/ladder.js …args` and measures it. */
export function runChild(args: string[], options: ChildOptions = {}): Promise<ChildResult> {
  const { heapMb = 256, timeoutMs = 20_000 } = options;
  const nodeArgs = [`--max-old-space-size=${heapMb}`, BIN, ...args];
  const dir = HAVE_TIME ? mkdtempSync(join(tmpdir(), 'ladder-time-')) : '';
  const rssFile = join(dir, 'rss');
  const [cmd, argv] = HAVE_TIME ? [TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout.length < 4_000_000 ? (stdout += d) : undefined));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr.length < 4_000_000 ? (stderr += d) : undefined));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // The process group: /usr/bin/time and node under it.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let maxRssMb: number | undefined;
      if (HAVE_TIME) {
        try {
          const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
          const kb = Number(lines[lines.length - 1]);
          if (Number.isFinite(kb)) maxRssMb = kb / 1024;
          // /usr/bin/time reports "Command exited with non-zero status N" first; the code is the child's.
        } catch {
          /* killed before it wrote */
        }
        rmSync(dir, { recursive: true, force: true });
      }
      resolve({ code, signal, stdout, stderr, maxRssMb, ms: performance.now() - started, timedOut });
    });
  });
}

/** The shared contract: an allowed exit code, no stack trace, a message when it fails, in bounds. */
export function expectClean(
  r: { code: number | null; stdout?: string; stderr: string; timedOut?: boolean; maxRssMb?: number },
  allowed: number[],
  bounds: { rssMb?: number } = {},
): void {
  const shown = `exit ${r.code}${r.timedOut ? ' (timed out)' : ''}; stderr: ${r.stderr.slice(0, 2000)}`;
  if (r.timedOut) throw new Error(`did not finish in time (a hang?); ${shown}`);
  if (!allowed.includes(r.code ?? -1)) throw new Error(`exit code ${r.code} not in [${allowed.join(', ')}]; ${shown}`);
  if (STACK_LINE.test(r.stderr)) throw new Error(`stack trace on stderr: ${shown}`);
  if (/internal error|This is a bug/.test(r.stderr)) throw new Error(`internal error: ${shown}`);
  if (r.code !== 0 && r.stderr.trim() === '' && !isLintReport(r)) throw new Error(`failed without a message; ${shown}`);
  if (bounds.rssMb !== undefined && r.maxRssMb !== undefined && r.maxRssMb > bounds.rssMb) {
    throw new Error(`peak memory ${r.maxRssMb.toFixed(0)} MB over the ${bounds.rssMb} MB bound; ${shown}`);
  }
}

/** `lint` prints its findings on stdout and may exit 1 with an empty stderr. */
function isLintReport(r: { code: number | null; stderr: string; stdout?: string }): boolean {
  return r.code === 1 && Boolean(r.stdout);
}

/**
 * jest's ESM loader can fail ("request for … is not in cache") when commands import several modules
 * lazily with Promise.all and a shared dependency is first linked by two of them at once. Tests that
 * run commands in-process load every source module once, one after the other, beforehand.
 */
export async function warmModules(): Promise<void> {
  const src = join(ROOT, 'src');
  const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort();
  for (const f of files) {
    try {
      await import(pathToFileURL(join(src, f)).href);
    } catch {
      /* a module a colleague is still writing: the test using it will say so */
    }
  }
}
