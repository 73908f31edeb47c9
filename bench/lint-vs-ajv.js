#!/usr/bin/env node
// `ladder lint` against `ajv validate` (ajv-cli, schema only) on the same files, as ratios:
//   1. 1,000 generated family files (scripts/generate.js);
//   2. the GitLab handbook corpus (../shared/corpus/gitlab/pages, when present) imported to YAML with
//      `ladder import`, 151 families.
// Each command runs in a fresh process; the best of RUNS interleaved runs is kept (wall time), with the
// CPU time (user + system, from /usr/bin/time) of that run beside it, which a loaded machine disturbs
// less. Also shown: what js-yaml alone (ajv-cli's parser, and the parser of ladder's fast path) takes
// to read and parse the same files, with the environment copied as bin/ladder.js copies it.
// Targets: lint at most 1.5x ajv-cli on the generated files, at most 1.0x on the corpus.
// ajv-cli runs with --strict=false: the schema carries editor keywords (`markdownDescription`, for
// hovers) that ajv's strict mode refuses as unknown; a failing ajv-cli gives no ratio.
//
//   node bench/lint-vs-ajv.js [--runs 5] [--families 1000]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '../scripts/generate.js';
import { root, bin, opt } from './common.js';

const RUNS = Number(opt('--runs', 5));
const FAMILIES = Number(opt('--families', 1000));
const TIME = '/usr/bin/time';
const haveTime = existsSync(TIME);
const ajvBin = join(root, 'node_modules', '.bin', 'ajv');
const corpus = join(root, '..', 'shared', 'corpus', 'gitlab', 'pages');
if (!existsSync(join(root, 'dist', 'cli', 'run.js'))) {
  console.error('lint-vs-ajv: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
if (!existsSync(ajvBin)) {
  console.log('ajv-cli is not installed (npm install): comparison skipped');
  process.exit(0);
}

const tmp = mkdtempSync(join(tmpdir(), 'ladder-lint-vs-ajv-'));

/** One run in a child: wall ms, CPU ms (user + system) and exit code. */
function measure(cmd, argv) {
  const out = join(tmp, 'time');
  const [c, a] = haveTime ? [TIME, ['-f', '%U %S', '-o', out, cmd, ...argv]] : [cmd, argv];
  const t0 = performance.now();
  const r = spawnSync(c, a, { cwd: root, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  let cpu;
  if (haveTime) {
    const [u, s] = readFileSync(out, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    cpu = (u + s) * 1000;
  }
  return { ms, cpu, code: r.status, stderr: String(r.stderr ?? '') };
}

/** Best of RUNS for each command, interleaved so a burst of load does not favour one of them. */
function compare(commands) {
  const best = Object.fromEntries(Object.keys(commands).map((k) => [k, { ms: Infinity }]));
  for (let i = 0; i < RUNS; i++) {
    for (const [name, [cmd, argv]] of Object.entries(commands)) {
      const m = measure(cmd, argv);
      if (m.ms < best[name].ms) best[name] = m;
    }
  }
  return best;
}

const readAll = (dir) =>
  `process.env = { ...process.env }; const fs = require('fs'); const d = ${JSON.stringify(dir)}; const texts = fs.readdirSync(d).filter((n) => n.endsWith('.yaml')).map((n) => fs.readFileSync(d + '/' + n, 'utf8'));`;

const fmt = (m) => `${m.ms.toFixed(0).padStart(6)} ms${m.cpu !== undefined ? ` (cpu ${m.cpu.toFixed(0).padStart(5)} ms)` : ''}  exit ${m.code}`;

function report(title, dir, files, target) {
  const schema = join(root, 'schemas', 'family.schema.json');
  const r = compare({
    ajv: [ajvBin, ['validate', '-s', schema, '--spec=draft2020', '--strict=false', '-d', join(dir, '*.yaml')]],
    lint: [process.execPath, [bin, 'lint', dir, '--format', 'json']],
    jsyaml: [
      process.execPath,
      ['-e', `${readAll(dir)} const y = require(${JSON.stringify(join(root, 'node_modules', 'js-yaml'))}); for (const t of texts) y.load(t);`],
    ],
  });
  console.log(`\n${title}: ${files} family files, best of ${RUNS}`);
  console.log(`  ajv validate -s family.schema.json -d '<dir>/*.yaml' (schema only)   ${fmt(r.ajv)}`);
  console.log(`  ladder lint <dir> --format json (syntax, schema, every rule)         ${fmt(r.lint)}`);
  console.log(`  js-yaml load of the same files alone (read + parse)                  ${fmt(r.jsyaml)}`);
  if (r.ajv.code !== 0) {
    // A failing ajv-cli (a schema it refuses) stops early and would flatter ajv: no ratio then.
    console.log(`  ajv-cli failed (exit ${r.ajv.code}): ${r.ajv.stderr.trim().split('\n').slice(0, 2).join(' ')}; no ratio`);
    return;
  }
  const ratio = r.lint.ms / r.ajv.ms;
  const cpu = r.lint.cpu !== undefined ? `, ${(r.lint.cpu / r.ajv.cpu).toFixed(2)}x cpu` : '';
  console.log(`  ladder lint / ajv-cli: ${ratio.toFixed(2)}x time${cpu}  (target ≤ ${target.toFixed(1)}x: ${ratio <= target ? 'ok' : 'MISSED'})`);
}

try {
  const gen = join(tmp, 'generated');
  const g = generate({ families: FAMILIES, out: gen });
  rmSync(join(gen, 'skills.yaml')); // ajv checks every file against the family schema
  report(`Generated (${(g.bytes / 1024 / 1024).toFixed(1)} MB)`, gen, g.files - 1, 1.5);

  if (existsSync(corpus)) {
    const out = join(tmp, 'gitlab');
    const imp = spawnSync(process.execPath, [bin, 'import', corpus, '--out', out], { cwd: root, encoding: 'utf8' });
    if (imp.status !== 0) console.log(`\nGitLab corpus: import failed (exit ${imp.status}): ${imp.stderr.split('\n').slice(-2).join(' ')}`);
    else report('GitLab handbook corpus (2022), imported to YAML', out, spawnSync('ls', [out], { encoding: 'utf8' }).stdout.trim().split('\n').length, 1.0);
  } else {
    console.log(`\nGitLab corpus not found at ${corpus}: its comparison is skipped`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
