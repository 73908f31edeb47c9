// Benchmark of `ladder lint` on 1,000 generated family files (run `npm run build` first):
//   node bench/lint-bench.js [count]
// Times, best of RUNS (interleaved): bare parsing of the same files with yaml's parseDocument (read +
// parse, the floor any YAML linter pays) in this process and in a fresh one, lint in-process through
// dist/cli/run.js, and lint as a spawned `node bin/ladder.js lint` (start-up included). Prints the
// numbers and the ratios (in-process to in-process, spawned to spawned).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { generate } from '../scripts/generate.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The environment copied as bin/ladder.js copies it, for the in-process runs and the bare parsing alike
// (yaml reads process.env for every token; the real one makes it ~1.2x slower).
process.env = { ...process.env };
const count = Number(process.argv[2] ?? 1000);
const RUNS = 5;

const { run } = await import(join(root, 'dist', 'cli', 'run.js')).catch(() => {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
});

const dir = mkdtempSync(join(tmpdir(), 'ladder-lint-bench-'));
try {
  const { bytes } = generate({ families: count, out: dir });
  console.log(`${count} family files + 1 skills file, ${(bytes / 1024).toFixed(0)} KB (${(bytes / count / 1024).toFixed(1)} KB per file) in a temp dir`);

  // The three measurements are interleaved and the best of RUNS kept, so a burst of load from other
  // processes on the machine does not favour one of them.
  const parse = () => {
    for (const name of readdirSync(dir)) {
      const doc = parseDocument(readFileSync(join(dir, name), 'utf8'), { prettyErrors: false, uniqueKeys: true });
      if (doc.errors.length) throw new Error(`${name}: ${doc.errors[0].message}`);
    }
  };
  let lastCode = -1;
  let findings = 0;
  const inProcess = async () => {
    let out = '';
    const io = { stdout: { write: (s) => (out += s), isTTY: false }, stderr: { write: () => true, isTTY: false }, env: {}, cwd: dir };
    lastCode = await run(['lint', '.', '--format', 'json'], io);
    findings = JSON.parse(out).length;
  };
  const spawned = () => {
    const r = spawnSync(process.execPath, [join(root, 'bin', 'ladder.js'), 'lint', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== lastCode) throw new Error(`spawned lint exited ${r.status}: ${r.stderr}`);
  };
  // Bare parsing in a fresh process too: the fair baseline for the spawned lint (start-up, cold JIT).
  const parseScript = `import { readdirSync, readFileSync } from 'node:fs'; import { parseDocument } from 'yaml'; process.env = { ...process.env };
    for (const n of readdirSync(${JSON.stringify(dir)})) parseDocument(readFileSync(${JSON.stringify(dir)} + '/' + n, 'utf8'), { prettyErrors: false, uniqueKeys: true });`;
  const parseSpawned = () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', parseScript], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bare parse process failed: ${r.stderr}`);
  };
  const best = { parse: Infinity, inProcess: Infinity, parseSpawned: Infinity, spawned: Infinity };
  for (let i = 0; i < RUNS; i++) {
    for (const [name, fn] of Object.entries({ parse, inProcess, parseSpawned, spawned })) {
      const t = performance.now();
      await fn();
      best[name] = Math.min(best[name], performance.now() - t);
    }
  }

  const ms = (n) => `${n.toFixed(0).padStart(6)} ms`;
  console.log(`bare yaml parseDocument (read + parse):  ${ms(best.parse)}`);
  console.log(`ladder lint, in-process (run()):         ${ms(best.inProcess)}   ${(best.inProcess / best.parse).toFixed(2)}x bare parsing`);
  console.log(`bare parsing, spawned process:           ${ms(best.parseSpawned)}`);
  console.log(`ladder lint, spawned process:            ${ms(best.spawned)}   ${(best.spawned / best.parseSpawned).toFixed(2)}x bare parsing in a process`);
  console.log(`(exit code ${lastCode}, ${findings} findings; best of ${RUNS} runs; targets: < 2000 ms and < 3x bare parsing)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
