#!/usr/bin/env node
// Start-up time: `ladder --help` and `ladder show senior-lab-curriculum-developer` (bundled data)
// against bare `node -e 0`, median of N interleaved runs each (so load from other processes hits all
// of them alike). Needs `npm run build`.
//
//   node bench/startup.js [--runs 21] [--json <file>]
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { root, bin, opt } from './common.js';
const runs = Number(opt('--runs', 21));
if (!existsSync(join(root, 'dist', 'cli', 'run.js'))) {
  console.error('startup: dist/ is missing; run `npm run build` first');
  process.exit(2);
}

const cases = [
  { name: 'node -e 0', argv: ['-e', '0'] },
  { name: 'ladder --version', argv: [bin, '--version'] },
  { name: 'ladder --help', argv: [bin, '--help'] },
  { name: 'ladder show senior-lab-curriculum-developer', argv: [bin, 'show', 'senior-lab-curriculum-developer'] },
  { name: 'ladder show … --format json', argv: [bin, 'show', 'senior-lab-curriculum-developer', '--format', 'json'] },
  { name: 'ladder lint (bundled data)', argv: [bin, 'lint'] },
];

const times = cases.map(() => []);
const env = { ...process.env, NO_COLOR: '1' };
delete env.LADDER_DATA;
// One warm-up round (file cache), then interleaved measured rounds.
for (let round = -1; round < runs; round++) {
  cases.forEach((c, i) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, c.argv, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const ms = performance.now() - t0;
    if (r.status !== 0 && !(c.name.startsWith('ladder lint') && r.status === 1)) {
      console.error(`startup: ${c.name} exited ${r.status}: ${r.stderr}`);
      process.exit(2);
    }
    if (round >= 0) times[i].push(ms);
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const base = median(times[0]);
const rows = cases.map((c, i) => ({ name: c.name, median: median(times[i]), min: Math.min(...times[i]), ratio: median(times[i]) / base }));

console.log(`\nStart-up (median of ${runs} runs, Node ${process.version}; target: within 2x of bare node)\n`);
const w = Math.max(...rows.map((r) => r.name.length));
console.log(`${'command'.padEnd(w)}  median ms   min ms   vs node -e 0`);
for (const r of rows) {
  const flag = r.name === 'node -e 0' ? '' : r.name.includes('--help') || r.name.includes('show senior') ? (r.ratio <= 2 ? '  ok' : '  MISSED') : '';
  console.log(`${r.name.padEnd(w)}  ${r.median.toFixed(0).padStart(9)}  ${r.min.toFixed(0).padStart(7)}   ${r.ratio.toFixed(2).padStart(6)}x${flag}`);
}
const out = opt('--json', undefined);
if (out) writeFileSync(out, JSON.stringify({ runs, node: process.version, rows }, null, 2) + '\n');
