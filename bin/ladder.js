#!/usr/bin/env node
import { run } from '../dist/cli/run.js';

// `ladder list | head -1` closes stdout early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
process.exitCode = await run(process.argv.slice(2), io);
