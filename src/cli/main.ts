/**
 * What bin/ladder.js runs: `run` with the process's standard streams. `npm run build` also bundles
 * this module and everything it loads into one script, dist/bundle/ladder.cjs, which the binary loads
 * with a V8 code cache when it can (src/io/bundle.ts); these modules are the fallback.
 */
export { run } from './run.js';
export { processIo } from '../io/stdio.js';
