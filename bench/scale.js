#!/usr/bin/env node
// Scale: synthetic data sets (scripts/generate.js) of 1k, 10k and 50k roles. For each size, wall time
// and peak memory (maxRSS of the child, via /usr/bin/time) of list, show (the role at the end of the
// deepest chain), diff, gap and lint, next to merely reading and parsing the same files with yaml's
// parseDocument in one process; growth 10k -> 50k. Then ajv-cli (schema only) against `ladder lint`
// on the same 1,000 family files. Needs `npm run build`.
//
//   node bench/scale.js [--sizes 1000,10000,50000] [--repeat 3] [--ajv-files 1000] [--no-ajv] [--json <file>]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { generate } from '../scripts/generate.js';

import { root, bin, opt, flag } from './common.js';
const sizes = String(opt('--sizes', '1000,10000,50000')).split(',').map(Number);
const ajvFiles = Number(opt('--ajv-files', 1000));
const withAjv = !flag('--no-ajv');
const largeRepeat = Math.max(1, Number(opt('--repeat', 3)));
const TIME = '/usr/bin/time';
const haveTime = existsSync(TIME);
if (!existsSync(join(root, 'dist', 'cli', 'run.js'))) {
  console.error('scale: dist/ is missing; run `npm run build` first');
  process.exit(2);
}

/** Runs a command in a child, returns wall ms, peak RSS MB (if measurable) and the exit code. */
function measure(cmd, argv, cwd) {
  const rssFile = join(tmp, 'rss');
  const [c, a] = haveTime ? [TIME, ['-f', '%M', '-o', rssFile, cmd, ...argv]] : [cmd, argv];
  const t0 = performance.now();
  const r = spawnSync(c, a, { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  let rss;
  if (haveTime) {
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
    rss = Number(lines[lines.length - 1]) / 1024;
  }
  return { ms, rss, code: r.status, stderr: String(r.stderr).slice(0, 500) };
}

/** Reads and parses every YAML file of a directory with yaml's parseDocument, nothing else. */
const PARSE_ONLY = `
import { readdirSync, readFileSync } from 'node:fs';
// The environment copied as bin/ladder.js copies it (yaml reads process.env for every token).
process.env = { ...process.env };
import { join } from 'node:path';
import { parseDocument } from 'yaml';
const dir = process.argv[1];
let errors = 0;
for (const f of readdirSync(dir)) if (f.endsWith('.yaml')) errors += parseDocument(readFileSync(join(dir, f), 'utf8'), { uniqueKeys: false }).errors.length;
if (errors) process.exit(1);
`;

const tmp = mkdtempSync(join(tmpdir(), 'ladder-scale-'));
const results = [];
const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
const pad = (s, n) => String(s).padStart(n);

try {
  // What an empty Node process occupies, so memory per MB of data can be read above it.
  const baseRss = measure(process.execPath, ['-e', '0'], root).rss ?? 0;
  for (const size of sizes) {
    const dir = join(tmp, `data-${size}`);
    const profile = join(tmp, `profile-${size}.yaml`);
    const g = generate({ roles: size, out: dir, profile });
    const mb = g.bytes / 1024 / 1024;
    process.stderr.write(`scale: ${size} roles: ${g.families} families, ${g.files} files, ${mb.toFixed(1)} MB; deepest chain ${g.deepDepth} (${g.deepRole})\n`);
    const runs = [
      { name: 'parse only (yaml parseDocument)', cmd: process.execPath, argv: ['--input-type=module', '-e', PARSE_ONLY, dir] },
      { name: 'list', cmd: process.execPath, argv: [bin, '--data', dir, 'list'] },
      { name: 'list --format json', cmd: process.execPath, argv: [bin, '--data', dir, 'list', '--format', 'json'] },
      { name: 'show <end of deepest chain>', cmd: process.execPath, argv: [bin, '--data', dir, 'show', g.deepRole] },
      { name: 'diff <parent> <end of chain>', cmd: process.execPath, argv: [bin, '--data', dir, 'diff', g.diffFrom, g.diffTo] },
      { name: 'gap <end of chain> --profile', cmd: process.execPath, argv: [bin, '--data', dir, 'gap', g.deepRole, '--profile', profile] },
      { name: 'lint', cmd: process.execPath, argv: [bin, 'lint', dir, '--format', 'json'] },
    ];
    // Small sizes are noisy: best of 3. Large ones: the median of `--repeat` runs (3 by default), time
    // and peak memory each, since one run's peak can be far off (the garbage collector's timing).
    const small = size <= 2000;
    const repeat = small ? 3 : largeRepeat;
    for (const r of runs) {
      const got = [];
      for (let i = 0; i < repeat; i++) got.push(measure(r.cmd, r.argv, root));
      const median = (xs) => [...xs].sort((x, y) => x - y)[(xs.length - 1) >> 1];
      const best = small
        ? got.reduce((m, x) => (x.ms < m.ms ? x : m))
        : { ...got[0], ms: median(got.map((x) => x.ms)), rss: got[0].rss === undefined ? undefined : median(got.map((x) => x.rss)) };
      results.push({ size, files: g.files, mb, name: r.name, ms: best.ms, rss: best.rss, code: best.code, stderr: best.code > 1 ? best.stderr : '' });
      process.stderr.write(`  ${r.name}: ${fmtMs(best.ms)}, ${best.rss?.toFixed(0)} MB, exit ${best.code}\n`);
    }
    rmSync(dir, { recursive: true, force: true });
  }

  // Table.
  console.log(`\nScale (Node ${process.version}; generated data: families of 5–10 roles, extends chains within and across families)\n`);
  console.log(
    `${'roles'.padStart(6)} ${'MB'.padStart(5)}  ${'command'.padEnd(32)} ${'time'.padStart(9)} ${'vs parse'.padStart(9)} ${'peak MB'.padStart(8)} ${'x size'.padStart(7)}  exit   (x size: peak memory / data on disk; node -e 0 alone: ${baseRss.toFixed(0)} MB)`,
  );
  for (const size of sizes) {
    const rows = results.filter((r) => r.size === size);
    const parse = rows.find((r) => r.name.startsWith('parse only'));
    for (const r of rows) {
      const ratio = r === parse ? '' : `${(r.ms / parse.ms).toFixed(2)}x`;
      console.log(
        `${pad(size, 6)} ${pad(r.mb.toFixed(1), 5)}  ${r.name.padEnd(32)} ${pad(fmtMs(r.ms), 9)} ${pad(ratio, 9)} ${pad(r.rss?.toFixed(0) ?? '?', 8)} ${pad(r.rss ? (r.rss / r.mb).toFixed(1) + 'x' : '?', 7)}  ${r.code}`,
      );
    }
  }

  const [a, b] = sizes.length >= 2 ? [sizes[sizes.length - 2], sizes[sizes.length - 1]] : [];
  if (a && b) {
    console.log(`\nGrowth ${a} -> ${b} roles (x${(b / a).toFixed(0)} data; target: time ratio under ${((b / a) * 1.2).toFixed(0)})`);
    for (const r of results.filter((x) => x.size === b)) {
      const prev = results.find((x) => x.size === a && x.name === r.name);
      if (prev) console.log(`  ${r.name.padEnd(32)} ${(r.ms / prev.ms).toFixed(2)}x time, ${(r.rss / prev.rss).toFixed(2)}x memory`);
    }
  }

  console.log('\nTargets at the largest size: show within 1.5x of parsing, lint within 3x, peak memory under 10x the data on disk');
  const big = results.filter((r) => r.size === sizes[sizes.length - 1]);
  const parse = big.find((r) => r.name.startsWith('parse only'));
  for (const [name, limit] of [
    ['show <end of deepest chain>', 1.5],
    ['lint', 3],
  ]) {
    const r = big.find((x) => x.name === name);
    if (r) console.log(`  ${name.padEnd(32)} ${(r.ms / parse.ms).toFixed(2)}x parse  ${r.ms / parse.ms <= limit ? 'ok' : 'MISSED'}`);
  }
  for (const r of big.filter((x) => x.rss)) {
    console.log(
      `  ${r.name.padEnd(32)} ${(r.rss / r.mb).toFixed(1)}x size in memory (${((r.rss - baseRss) / r.mb).toFixed(1)}x above an empty node)  ${r.rss / r.mb <= 10 ? 'ok' : 'MISSED'}`,
    );
  }

  // ajv-cli (schema only) against ladder lint on the same family files.
  let ajv;
  if (withAjv) {
    const ajvBin = join(root, 'node_modules', '.bin', 'ajv');
    if (!existsSync(ajvBin)) {
      console.log('\najv-cli is not installed (npm install): comparison skipped');
    } else {
      const dir = join(tmp, 'ajv');
      const g = generate({ families: ajvFiles, out: dir });
      rmSync(join(dir, 'skills.yaml'));
      const glob = join(dir, '*.yaml');
      const schema = join(root, 'schemas', 'family.schema.json');
      const runsA = [];
      const runsL = [];
      for (let i = 0; i < 3; i++) {
        runsA.push(measure(ajvBin, ['validate', '-s', schema, '--spec=draft2020', '--strict=false', '-d', glob], root));
        runsL.push(measure(process.execPath, [bin, 'lint', dir, '--format', 'json'], root));
      }
      const best = (xs) => xs.reduce((m, x) => (x.ms < m.ms ? x : m));
      const A = best(runsA);
      const L = best(runsL);
      ajv = { files: g.files - 1, mb: (g.bytes / 1024 / 1024).toFixed(1), ajv: A, lint: L };
      console.log(`\nSchema-only validation with ajv-cli vs ladder lint, ${g.files - 1} family files (${ajv.mb} MB), best of 3`);
      console.log(
        `  ajv validate -s family.schema.json --spec=draft2020 -d '<dir>/*.yaml'  ${pad(fmtMs(A.ms), 9)}  ${pad(A.rss?.toFixed(0) ?? '?', 5)} MB  exit ${A.code}`,
      );
      console.log(
        `  ladder lint <dir> --format json (syntax, schema, all rules)         ${pad(fmtMs(L.ms), 9)}  ${pad(L.rss?.toFixed(0) ?? '?', 5)} MB  exit ${L.code}`,
      );
      // --strict=false: ajv's strict mode refuses the schema's editor keywords (`markdownDescription`).
      if (A.code !== 0) console.log('  ajv-cli failed: no ratio');
      else console.log(`  ladder lint / ajv-cli: ${(L.ms / A.ms).toFixed(2)}x time`);
      // What each parser alone costs on the same files, in a fresh process (start-up included): the
      // floor under ajv-cli (js-yaml) and under ladder (yaml's lexer and CST parser, which ladder's
      // fast path composes from; the environment is copied as bin/ladder.js does).
      const readAll = `const fs = require('fs'); const d = ${JSON.stringify(dir)}; const texts = fs.readdirSync(d).map((n) => fs.readFileSync(d + '/' + n, 'utf8'));`;
      const floors = [
        ['js-yaml load (the parser of ajv-cli)', `${readAll} const y = require('js-yaml'); for (const t of texts) y.load(t);`],
        ['yaml Lexer alone', `${readAll} const Y = require('yaml'); for (const t of texts) for (const x of new Y.Lexer().lex(t));`],
        [
          'yaml CST Parser alone',
          `process.env = { ...process.env }; ${readAll} const Y = require('yaml'); for (const t of texts) for (const x of new Y.Parser().parse(t));`,
        ],
      ];
      ajv.floors = {};
      for (const [name, script] of floors) {
        if (name.startsWith('js-yaml') && !existsSync(join(root, 'node_modules', 'js-yaml'))) continue;
        const F = best([0, 1, 2].map(() => measure(process.execPath, ['-e', script], root)));
        ajv.floors[name] = F.ms;
        console.log(`  ${name.padEnd(66)} ${pad(fmtMs(F.ms), 9)}  ${pad(F.rss?.toFixed(0) ?? '?', 5)} MB  ${(F.ms / A.ms).toFixed(2)}x ajv-cli`);
      }
    }
  }

  const out = opt('--json', undefined);
  if (out) writeFileSync(out, JSON.stringify({ node: process.version, baseRss, results, ajv }, null, 2) + '\n');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
