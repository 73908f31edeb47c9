/** What a command may touch of the outside world; tests pass an in-memory one to `run`. */
export interface Out {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Io {
  stdout: Out;
  stderr: Out;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Standard input, read whole, for a `-` argument; absent when there is none to read. */
  readStdin?: () => Promise<Uint8Array>;
}

export interface Context {
  io: Io;
  /** Colour on for stdout. */
  color: boolean;
  debug: boolean;
  /** `--data` if given. */
  data?: string;
}

/** --color / --no-color win; then NO_COLOR, then FORCE_COLOR, then whether stdout is a terminal. */
export function wantColor(flag: boolean | undefined, env: Io['env'], out: Out): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return Boolean(out.isTTY);
}
