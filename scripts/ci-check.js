// Runs this repository's CI integrations for real (`npm run ci-check [-- gitlab pre-commit github]`,
// after `npm run build`), each on a sample repository made from test/fixtures/ci/sample-repo: once as
// committed, where the job or hook must pass, and once with a typo in a `reports_to`, where it must
// fail with the finding in its output and its reports.
//
//   gitlab      ci/gitlab/ladder-lint.gitlab-ci.yml, included by the sample's .gitlab-ci.yml and run by
//               gitlab-ci-local (npm, 4.70 on Node 20) with the shell executor
//   pre-commit  .pre-commit-hooks.yaml, run by `pre-commit try-repo` (Debian package `pre-commit`);
//               the failing run lints only the staged, changed file
//   github      action.yml's composite steps, run as the runner runs them: bash -eo pipefail, inputs
//               passed as the steps' environment, outputs read from $GITHUB_OUTPUT, annotations from
//               stdout (there is no GitHub runner here)
//
// ladder is installed into each sample from this working tree (`npm install <this directory>`). A tool
// that is not installed is reported as skipped (exit 0) unless `--require` is given. `--log <file>`
// also writes the whole transcript to a file. Exit 1 when an integration does not behave as expected.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const SAMPLE = join(ROOT, 'test', 'fixtures', 'ci', 'sample-repo');
const ALL = ['gitlab', 'pre-commit', 'github'];

const args = process.argv.slice(2);
const require_ = args.includes('--require');
const logAt = args.indexOf('--log');
const logFile = logAt === -1 ? undefined : args[logAt + 1];
const chosen = args.filter((a, i) => !a.startsWith('--') && (logAt === -1 || i !== logAt + 1));
for (const c of chosen) {
  if (!ALL.includes(c)) {
    process.stderr.write(`ci-check: unknown integration "${c}" (choose from ${ALL.join(', ')})\n`);
    process.exit(2);
  }
}
if (!existsSync(join(ROOT, 'dist', 'cli', 'run.js'))) {
  process.stderr.write('ci-check: dist/ is missing; run `npm run build` first\n');
  process.exit(2);
}

let transcript = '';
const say = (s) => {
  transcript += s;
  process.stdout.write(s);
};

/** Runs a command in a sample, stdout and stderr interleaved as a terminal would show them. */
function sh(command, cwd, env = {}) {
  const r = spawnSync('bash', ['-c', `${command} 2>&1`], {
    cwd,
    env: { ...process.env, ...env, NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status ?? 1, output: r.stdout ?? '' };
}

/** Paths of this machine shown as <sample> and <ladder> in what is printed. */
const tidy = (text, dir) =>
  text
    .split(dir)
    .join('<sample>')
    .split(relative(dir, ROOT))
    .join('<ladder>')
    .split(ROOT)
    .join('<ladder>')
    .replace(new RegExp(`${tmpdir().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/tmp\\w+`, 'g'), '<tmp>');

function show(title, command, r, dir) {
  say(`\n### ${title}\n$ ${tidy(command, dir)}\n${tidy(r.output, dir).replace(/\s+$/, '')}\n(exit ${r.status})\n`);
}

function git(dir, ...cmd) {
  const r = spawnSync('git', ['-c', 'user.name=ci-check', '-c', 'user.email=ci-check@localhost', ...cmd], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${cmd.join(' ')}: ${r.stderr}`);
}

/** A fresh sample repository: the fixture, committed on `main`. */
function makeSample(name, extra = () => {}) {
  const dir = mkdtempSync(join(tmpdir(), `ladder-ci-check-${name}-`));
  cpSync(SAMPLE, dir, { recursive: true });
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\n.gitlab-ci-local/\n*.sarif\ngl-code-quality-report.json\nladder-junit.xml\n');
  extra(dir);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Sample career ladder');
  return dir;
}

/** The mistake of the failing runs: a `reports_to` naming a role that does not exist. */
function breakSample(dir) {
  const file = join(dir, 'data', 'platform.yaml');
  const text = readFileSync(file, 'utf8');
  const broken = text.replace('reports_to: platform-manager', 'reports_to: platform-manger');
  if (broken === text) throw new Error('the sample no longer has the line the failing run edits');
  writeFileSync(file, broken);
}

function has(tool) {
  return spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).status === 0;
}

const checks = [];
function expect(name, ok, what) {
  checks.push({ name, ok, what });
  say(`${ok ? 'ok' : 'NOT OK'}: ${what}\n`);
}

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
const read = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : '');

function gitlab() {
  const dir = makeSample('gitlab', (d) => {
    mkdirSync(join(d, 'ci'));
    cpSync(join(ROOT, 'ci', 'gitlab', 'ladder-lint.gitlab-ci.yml'), join(d, 'ci', 'ladder-lint.gitlab-ci.yml'));
    // A team includes the template from the ladder project (`include: project:` or `remote:`); the
    // sample has a copy of it, as gitlab-ci-local resolves a local include without a GitLab server.
    writeFileSync(join(d, '.gitlab-ci.yml'), 'include:\n  - local: ci/ladder-lint.gitlab-ci.yml\n');
  });
  const command = `gitlab-ci-local --force-shell-executor --variable LADDER_PACKAGE=${ROOT} ladder-lint`;
  const artifacts = join(dir, '.gitlab-ci-local', 'artifacts', 'ladder-lint');

  const pass = sh(command, dir);
  show('gitlab-ci-local on the sample as committed', command, pass, dir);
  expect('gitlab', pass.status === 0 && /PASS\s+ladder-lint/.test(pass.output), 'the job passes');
  const cleanReport = readJson(join(artifacts, 'gl-code-quality-report.json'));
  expect('gitlab', Array.isArray(cleanReport) && cleanReport.length === 0, 'its Code Quality artifact is an empty list');
  expect(
    'gitlab',
    /<testsuites name="ladder lint" tests="2" failures="0"/.test(read(join(artifacts, 'ladder-junit.xml'))),
    'its JUnit artifact has two passing test cases',
  );

  rmSync(join(dir, '.gitlab-ci-local'), { recursive: true, force: true });
  breakSample(dir);
  git(dir, 'commit', '-q', '-am', 'Typo in reports_to');
  const fail = sh(command, dir);
  show('gitlab-ci-local after a commit with a typo in reports_to', command, fail, dir);
  expect('gitlab', fail.status !== 0 && /FAIL\s+ladder-lint/.test(fail.output), 'the job fails');
  expect('gitlab', fail.output.includes('reports_to `platform-manger` names no known role'), 'the job log shows the finding');
  const report = readJson(join(artifacts, 'gl-code-quality-report.json'));
  say(`Code Quality artifact:\n${JSON.stringify(report, null, 2)}\n`);
  expect(
    'gitlab',
    Array.isArray(report) && report.length === 1 && report[0].check_name === 'unresolved-reference' && report[0].location.path === 'data/platform.yaml',
    'the artifacts are kept when the job fails: Code Quality has the finding',
  );
  const junit = read(join(artifacts, 'ladder-junit.xml'));
  say(`JUnit artifact:\n${junit}`);
  expect(
    'gitlab',
    /failures="1"/.test(junit) && junit.includes('name="unresolved-reference platform roles.platform-engineer.reports_to"'),
    'JUnit has the failing test case, named by what it is about',
  );
  return dir;
}

function preCommit() {
  const dir = makeSample('pre-commit');
  const all = `pre-commit try-repo ${ROOT} ladder-lint --all-files`;
  const pass = sh(all, dir);
  show('pre-commit try-repo on every file of the sample', all, pass, dir);
  expect('pre-commit', pass.status === 0 && /ladder lint\.+Passed/.test(pass.output), 'the hook passes on the good files');

  breakSample(dir);
  git(dir, 'add', 'data/platform.yaml');
  const staged = `pre-commit try-repo ${ROOT} ladder-lint`;
  const fail = sh(staged, dir);
  show('pre-commit try-repo on the staged change (a typo in reports_to)', staged, fail, dir);
  expect('pre-commit', fail.status === 1 && /ladder lint\.+Failed/.test(fail.output), 'the hook fails on the bad file');
  expect(
    'pre-commit',
    fail.output.includes('data/platform.yaml\n') && fail.output.includes('reports_to `platform-manger` names no known role'),
    'it names the file and the finding',
  );
  return dir;
}

/** Runs action.yml's steps as the GitHub runner runs a composite action's `run` steps. */
function runAction(dir, inputs) {
  const action = YAML.parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
  const values = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? v.default ?? '']));
  const expr = (s) =>
    String(s).replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, k) => {
      if (!(k in values)) throw new Error(`action.yml uses an undeclared input \`${k}\``);
      return values[k];
    });
  const outputs = {};
  let stdout = '';
  for (const step of action.runs.steps) {
    if (step.shell !== 'bash' || typeof step.run !== 'string') throw new Error(`step "${step.name}": only bash run steps are emulated`);
    if (step.run.includes('${{')) throw new Error(`step "${step.name}": an expression inside run would paste input into the script`);
    const ghOutput = join(dir, '.github-output');
    writeFileSync(ghOutput, '');
    const script = join(dir, '.github-step.sh');
    writeFileSync(script, step.run);
    const env = {
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expr(v)])),
      GITHUB_OUTPUT: ghOutput,
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_WORKSPACE: dir,
    };
    const cwd = join(dir, expr(step['working-directory'] ?? '.'));
    const r = sh(`bash --noprofile --norc -eo pipefail ${script}`, cwd, env);
    stdout += `▶ ${step.name}\n${r.output}`;
    const out = {};
    for (const line of readFileSync(ghOutput, 'utf8').split('\n')) {
      const eq = line.indexOf('=');
      if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
    }
    if (step.id) outputs[step.id] = out;
    rmSync(script);
    rmSync(ghOutput);
    if (r.status !== 0) return { status: r.status, output: stdout, outputs: actionOutputs(action, outputs) };
  }
  return { status: 0, output: stdout, outputs: actionOutputs(action, outputs) };
}

function actionOutputs(action, steps) {
  return Object.fromEntries(
    Object.entries(action.outputs ?? {}).map(([k, v]) => [
      k,
      String(v.value).replace(/\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}/g, (_, id, name) => steps[id]?.[name] ?? ''),
    ]),
  );
}

function github() {
  const dir = makeSample('github');
  const inputs = { package: ROOT };
  const annotations = (text) => text.split('\n').filter((l) => /^::(error|warning) /.test(l));

  const pass = runAction(dir, inputs);
  show('action.yml steps on the sample as committed', `(uses: ladder action, with: package: <ladder>)`, pass, dir);
  expect('github', pass.status === 0 && annotations(pass.output).length === 0, 'the action passes with no annotations');
  const clean = readJson(pass.outputs['sarif-file']);
  expect('github', pass.outputs['exit-code'] === '0' && clean?.runs?.[0]?.results?.length === 0, 'outputs exit-code 0 and a SARIF file with no results');

  breakSample(dir);
  const fail = runAction(dir, inputs);
  show('action.yml steps after a typo in reports_to', `(uses: ladder action, with: package: <ladder>)`, fail, dir);
  const notes = annotations(fail.output);
  expect(
    'github',
    fail.status === 1 && notes.length === 1 && notes[0].startsWith('::error file=data/platform.yaml,line=12,col=17,'),
    'the action fails with one error annotation on the line',
  );
  const sarif = readJson(fail.outputs['sarif-file']);
  const result = sarif?.runs?.[0]?.results?.[0];
  say(`SARIF result:\n${JSON.stringify(result, null, 2)}\n`);
  expect(
    'github',
    fail.outputs['exit-code'] === '1' &&
      sarif.runs[0].results.length === 1 &&
      result.ruleId === 'unresolved-reference' &&
      result.locations[0].physicalLocation.artifactLocation.uri === 'data/platform.yaml',
    'outputs exit-code 1 and the SARIF file for code scanning has the finding',
  );
  return dir;
}

const RUNS = {
  gitlab: { tool: 'gitlab-ci-local', install: 'npm install -g gitlab-ci-local@4.70.0', run: gitlab },
  'pre-commit': { tool: 'pre-commit', install: 'apt-get install pre-commit (Debian) or pip install pre-commit', run: preCommit },
  github: { tool: 'npm', install: 'npm', run: github },
};

const summary = [];
for (const name of chosen.length ? chosen : ALL) {
  const { tool, install, run } = RUNS[name];
  say(`\n## ${name}\n`);
  if (!has(tool)) {
    const line = `ci-check: ${name} skipped: ${tool} is not installed (${install})`;
    say(`${line}\n`);
    summary.push(line);
    if (require_) checks.push({ name, ok: false, what: `${tool} installed` });
    continue;
  }
  let dir;
  try {
    dir = run();
  } catch (e) {
    checks.push({ name, ok: false, what: String(e.message ?? e) });
    say(`NOT OK: ${e.message ?? e}\n`);
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
  const failed = checks.filter((c) => c.name === name && !c.ok);
  summary.push(`ci-check: ${name} ${failed.length ? `FAILED (${failed.map((c) => c.what).join('; ')})` : 'ok'}`);
}
say(`\n${summary.join('\n')}\n`);
if (logFile) writeFileSync(logFile, transcript);
process.exitCode = checks.some((c) => !c.ok) ? 1 : 0;
