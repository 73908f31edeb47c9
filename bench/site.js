// Benchmark of `ladder site` on the imported GitLab corpus (../shared/corpus/gitlab/pages, 151 families)
// against `ladder lint` of the same data, both in-process through dist/cli/run.js, interleaved, best of
// RUNS. Prints both times, the ratio (target: site at most 5x lint), the largest page (target: none over
// 200 KB) and the total size. Skipped, saying so, when the corpus is not there. Run `npm run build` first.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { bin, root } from './common.js';

const RUNS = Number(process.env.SITE_BENCH_RUNS ?? 3);
const corpus = join(root, '..', 'shared', 'corpus', 'gitlab', 'pages');
if (!existsSync(corpus)) {
  console.log(`site bench: skipped, no corpus at ../shared/corpus/gitlab/pages`);
  process.exit(0);
}
const { run } = await import(join(root, 'dist', 'cli', 'run.js')).catch(() => {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
});

const dir = mkdtempSync(join(tmpdir(), 'ladder-site-bench-'));
const quiet = () => ({ stdout: { write: () => true, isTTY: false }, stderr: { write: () => true, isTTY: false }, env: {}, cwd: dir });
try {
  const data = join(dir, 'data');
  const imported = await run(['import', corpus, '--out', data], quiet());
  if (imported !== 0) throw new Error(`import of the corpus exited ${imported}`);
  console.log(`imported ${readdirSync(data).length} family files from the corpus`);

  const lint = async () => {
    const code = await run(['lint', data, '--format', 'json'], quiet());
    if (code > 1) throw new Error(`lint exited ${code}`);
  };
  const site = async () => {
    const code = await run(['--data', data, 'site', '--out', join(dir, 'public'), '--force'], quiet());
    if (code !== 0) throw new Error(`site exited ${code}`);
  };
  // Wall time and the process's CPU time (user + system): on a shared machine the CPU time moves less.
  // As a user runs them too: a fresh `node bin/ladder.js` process each (start-up included).
  const spawned = (args, ok) => () => {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (!ok(r.status)) throw new Error(`ladder ${args[0]} exited ${r.status}: ${r.stderr}`);
  };
  const lintSpawned = spawned(['lint', data, '--format', 'json'], (c) => c === 0 || c === 1);
  const siteSpawned = spawned(['--data', data, 'site', '--out', join(dir, 'public'), '--force'], (c) => c === 0);
  const best = { lint: Infinity, site: Infinity, lintSpawned: Infinity, siteSpawned: Infinity };
  const cpu = { lint: Infinity, site: Infinity };
  for (let i = 0; i < RUNS; i++) {
    for (const name of ['lintSpawned', 'siteSpawned']) {
      const t = performance.now();
      (name === 'lintSpawned' ? lintSpawned : siteSpawned)();
      best[name] = Math.min(best[name], performance.now() - t);
    }
    for (const [name, fn] of Object.entries({ lint, site })) {
      const t = performance.now();
      const c = process.cpuUsage();
      await fn();
      const used = process.cpuUsage(c);
      best[name] = Math.min(best[name], performance.now() - t);
      cpu[name] = Math.min(cpu[name], (used.user + used.system) / 1000);
    }
  }

  let pages = 0;
  let total = 0;
  let largest = { path: '', size: 0 };
  const walk = (d, rel) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(join(d, e.name), p);
      else {
        const size = statSync(join(d, e.name)).size;
        total += size;
        if (p.endsWith('.html')) {
          pages++;
          if (size > largest.size) largest = { path: p, size };
        }
      }
    }
  };
  walk(join(dir, 'public'), '');
  const ms = (n) => `${n.toFixed(0).padStart(6)} ms`;
  const ratio = best.site / best.lint;
  console.log(`ladder lint (in-process):   ${ms(best.lint)} wall, ${ms(cpu.lint)} CPU`);
  console.log(
    `ladder site (in-process):   ${ms(best.site)} wall, ${ms(cpu.site)} CPU   ${ratio.toFixed(2)}x lint (wall; CPU ${(cpu.site / cpu.lint).toFixed(2)}x; target <= 5x)`,
  );
  console.log(`ladder lint (own process):  ${ms(best.lintSpawned)} wall`);
  console.log(`ladder site (own process):  ${ms(best.siteSpawned)} wall   ${(best.siteSpawned / best.lintSpawned).toFixed(2)}x lint`);
  console.log(
    `${pages} pages, ${(total / 1024 / 1024).toFixed(1)} MB in all; largest page ${largest.path} ${(largest.size / 1024).toFixed(0)} KB (target <= 200 KB)`,
  );
  console.log(`(best of ${RUNS} runs, interleaved)`);
  if (ratio > 5 || largest.size > 200 * 1024) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
