#!/usr/bin/env node
import { loadBundle } from '../dist/io/bundle.js';

// yaml's parser reads process.env.LOG_TOKENS for every token, and each read of the real process.env
// asks the operating system's environment: a plain copy makes those reads cheap (0.4 s of 3 s when
// linting 9 MB of YAML). ladder only reads the environment and starts no other process. Not on
// Windows, where variable names are case-insensitive and a plain object would not be.
if (process.platform !== 'win32') process.env = { ...process.env };
// One script and the code V8 compiled for it at build time, when the build made them
// (src/io/bundle.ts); else the modules, which are the same code.
const cli = loadBundle()?.cli ?? (await import('../dist/cli/main.js'));
// stdout and stderr are written with every byte or a one-line error (src/io/stdio.ts); a reader
// that closes early (`ladder list | head -1`) ends the output quietly.
process.exitCode = await cli.run(process.argv.slice(2), cli.processIo(process.env));
