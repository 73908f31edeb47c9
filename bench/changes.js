// Benchmark of `ladder changes` (run `npm run build` first):
//   node bench/changes.js [families]
// A generated data set of 1,000 family files is committed to a temporary git repository, then 10
// roles (in 10 files) are edited in the working tree. Times, best of RUNS (interleaved):
//   - `ladder lint` of the data set (one version),
//   - `ladder changes` HEAD against the working tree (HEAD read from git, the working tree from disk),
//   - `ladder changes HEAD~1..HEAD` once the edit is committed (both versions from git),
// in-process through dist/cli/run.js and as spawned processes. Target: changes ≤ 2.5x lint.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { bin, root } from './common.js';
import { generate } from '../scripts/generate.js';

const families = Number(process.argv[2] ?? 1000);
const RUNS = 3;
const EDITED = 10;

const { run } = await import(join(root, 'dist', 'cli', 'run.js')).catch(() => {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
});

const repo = mkdtempSync(join(tmpdir(), 'ladder-changes-bench-'));
const git = (...args) => {
  const r = spawnSync('git', ['-c', 'user.email=bench@example.com', '-c', 'user.name=bench', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
try {
  const data = join(repo, 'ladder');
  const { bytes, roles } = generate({ families, out: data });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'generated');
  // One role edited in each of EDITED files spread over the set: its first responsibility reworded.
  const names = readdirSync(data)
    .filter((n) => n.startsWith('fam-'))
    .sort();
  let edited = 0;
  for (let k = 0; k < EDITED; k++) {
    const file = join(data, names[Math.floor((k * names.length) / EDITED)]);
    const text = readFileSync(file, 'utf8');
    const next = text.replace(/(responsibilities:\n\s+- ")(\w+)/, (_m, head, verb) => `${head}Lead and ${verb.toLowerCase()}`);
    if (next === text) throw new Error(`no responsibility to edit in ${file}`);
    writeFileSync(file, next);
    edited++;
  }
  console.log(`${families} family files (${(bytes / 1024).toFixed(0)} KB, ${roles} roles) in a git repository; ${edited} roles edited`);

  const inProcess = async (argv, expect) => {
    let out = '';
    const io = { stdout: { write: (s) => (out += s), isTTY: false }, stderr: { write: () => true, isTTY: false }, env: {}, cwd: repo };
    const code = await run(argv, io);
    if (expect !== undefined && code !== expect) throw new Error(`${argv.join(' ')} exited ${code}`);
    return { code, out };
  };
  const spawned = (argv, expect) => {
    const r = spawnSync(process.execPath, [bin, ...argv], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== expect) throw new Error(`spawned ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
    return r.stdout;
  };
  const lint = ['lint', 'ladder', '--format', 'json'];
  const worktree = ['--data', 'ladder', 'changes', '--format', 'json'];
  const lintCode = (await inProcess(lint)).code;
  const report = JSON.parse((await inProcess(worktree, 0)).out);
  const changedRoles = report.roles.length;
  const direct = report.roles.filter((r) => Object.values(r.sections).some((s) => s.changed.some((c) => c.to.from === r.id))).length;

  const measure = async (label, entries) => {
    const best = Object.fromEntries(entries.map(([name]) => [name, Infinity]));
    for (let i = 0; i < RUNS; i++) {
      for (const [name, fn] of entries) {
        const t = performance.now();
        await fn();
        best[name] = Math.min(best[name], performance.now() - t);
      }
    }
    return best;
  };
  const a = await measure('working tree', [
    ['lint', () => inProcess(lint, lintCode)],
    ['changes', () => inProcess(worktree, 0)],
    ['lintSpawned', () => spawned(lint, lintCode)],
    ['changesSpawned', () => spawned(worktree, 0)],
  ]);
  git('commit', '-q', '-am', 'edit');
  const committed = ['--data', 'ladder', 'changes', 'HEAD~1..HEAD', '--format', 'json'];
  const b = await measure('revisions', [
    ['lint', () => inProcess(lint, lintCode)],
    ['changes', () => inProcess(committed, 0)],
    ['lintSpawned', () => spawned(lint, lintCode)],
    ['changesSpawned', () => spawned(committed, 0)],
  ]);

  const ms = (n) => `${n.toFixed(0).padStart(6)} ms`;
  const ratio = (x, y) => `${(x / y).toFixed(2)}x lint`;
  console.log(`ladder lint, in-process:                          ${ms(a.lint)}`);
  console.log(`ladder changes (HEAD vs working tree), in-process: ${ms(a.changes)}   ${ratio(a.changes, a.lint)}`);
  console.log(`ladder changes HEAD~1..HEAD, in-process:          ${ms(b.changes)}   ${ratio(b.changes, b.lint)}`);
  console.log(`ladder lint, spawned:                             ${ms(a.lintSpawned)}`);
  console.log(`ladder changes (HEAD vs working tree), spawned:   ${ms(a.changesSpawned)}   ${ratio(a.changesSpawned, a.lintSpawned)}`);
  console.log(`ladder changes HEAD~1..HEAD, spawned:             ${ms(b.changesSpawned)}   ${ratio(b.changesSpawned, b.lintSpawned)}`);
  console.log(`(${changedRoles} roles reported, ${direct} of them edited directly, the others inherit the edit; best of ${RUNS} runs; target: ≤ 2.5x lint)`);
} finally {
  rmSync(repo, { recursive: true, force: true });
}
