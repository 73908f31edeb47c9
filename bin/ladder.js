#!/usr/bin/env node
import { run } from '../dist/cli/run.js';

// `ladder list | head -1` closes stdout early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
// yaml's parser reads process.env.LOG_TOKENS for every token, and each read of the real process.env
// asks the operating system's environment: a plain copy makes those reads cheap (0.4 s of 3 s when
// linting 9 MB of YAML). ladder only reads the environment and starts no other process. Not on
// Windows, where variable names are case-insensitive and a plain object would not be.
if (process.platform !== 'win32') process.env = { ...process.env };
const readStdin = async () => (await import('../dist/io/stdin.js')).readStream(process.stdin);
const io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), readStdin };
process.exitCode = await run(process.argv.slice(2), io);
