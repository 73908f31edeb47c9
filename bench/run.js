#!/usr/bin/env node
// `npm run bench`: start-up, scale (1k/10k/50k roles, with the ajv-cli comparison) and, when present,
// the lint benchmark. Builds first if dist/ is missing. Extra arguments go to scale.js, e.g.
//   npm run bench -- --sizes 1000,10000
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
if (!existsSync(join(root, 'dist', 'cli', 'run.js'))) {
  const b = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(2);
}

const steps = [
  ['startup.js', []],
  ['scale.js', process.argv.slice(2)],
  ['lint-bench.js', []],
  ['lint-formats.js', []],
  ['lint-vs-ajv.js', []],
  ['changes.js', []],
  ['promo.js', []],
  ['site.js', []],
];
const started = performance.now();
let failed = 0;
for (const [file, args] of steps) {
  const path = join(here, file);
  if (!existsSync(path)) {
    console.log(`\n(${file} not present: skipped)`);
    continue;
  }
  console.log(`\n=== bench/${file} ${args.join(' ')}`.trimEnd());
  const r = spawnSync(process.execPath, [path, ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`bench/${file} exited ${r.status}`);
  }
}
console.log(`\nbench: done in ${((performance.now() - started) / 1000).toFixed(0)} s${failed ? `, ${failed} step(s) failed` : ''}`);
process.exitCode = failed ? 1 : 0;
