#!/usr/bin/env node
// Long fuzz run against the built CLI (dist/), in-process through run(argv, io):
//
//   npm run fuzz -- [--runs 20000] [--seed <n>] [--time <seconds>] [--no-yaml-paths]
//
// `--no-yaml-paths` leaves out the YAML-path comparisons (to hunt the other classes while a
// known fast-path difference is being fixed).
//
// Generates valid-ish families and mutates them (test/fuzz/fuzz-lib.js), runs lint, list, show, diff,
// gap and export on each, and checks: exit code 0/1/2, no stack trace, no internal error, no raw
// control character on stdout/stderr, every lint finding inside its file; that export → import never
// creates a role, item or field the data did not have (mutations insert control characters, CR,
// markdown block syntax and long whitespace runs into every text field); and that every file the
// fast YAML path takes parses as the full pipeline parses it, every file the values-only path
// (lint's) takes reads to the same values, and lint's outline of it locates every path as the fast
// path does. Prints how many cases ran and failed, and the shrunk counterexample.
// Exit 0 when every case passed, 1 otherwise.
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import {
  caseArb,
  commandsFor,
  compareOutline,
  compareYamlPaths,
  exportProblem,
  filesOf,
  rawControlProblem,
  violation,
  writeCaseFiles,
} from '../test/fuzz/fuzz-lib.js';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const runs = opt('--runs', 2000);
const seed = opt('--seed', Date.now() % 2 ** 31);
const seconds = opt('--time', 0);
const compareYaml = !args.includes('--no-yaml-paths');

let run;
let importPages;
let yamlPaths;
try {
  ({ run } = await import('../dist/cli/run.js'));
  ({ importPages } = await import('../dist/import/import-pages.js'));
  const [{ parseFast }, { parse, MAX_DEPTH }, { parseValues }, { Outline }, { Locator, LineIndex }, { subjectOf }] = [
    await import('../dist/core/yaml/fast.js'),
    await import('../dist/core/yaml/parse.js'),
    await import('../dist/core/yaml/values.js'),
    await import('../dist/core/yaml/outline.js'),
    await import('../dist/core/yaml/positions.js'),
    await import('../dist/core/subject.js'),
  ];
  yamlPaths = { jsYaml: createRequire(import.meta.url)('js-yaml'), parseFast, parse, maxDepth: MAX_DEPTH, parseValues, Outline, Locator, LineIndex, subjectOf };
} catch {
  process.stderr.write('fuzz: dist/ is missing; run `npm run build` first\n');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'ladder-fuzz-'));
let cases = 0;
let failed = 0;
let commands = 0;
/** Files the fast YAML path took, and files it left to the full pipeline. */
const yamlPath = { taken: 0, left: 0 };
const firstProblems = new Map();
/** command -> how many runs exited 0, 1, 2: shows the cases reach past the YAML parser. */
const exitCodes = new Map();
const started = performance.now();

async function runCli(argv) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (s) => (stdout += s), isTTY: false, columns: 100 }, stderr: { write: (s) => (stderr += s), isTTY: false }, env: {}, cwd: dir };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** The first violation of a case, or null. Also counted, unless it is a replay during shrinking. */
async function check(c) {
  let files;
  try {
    files = writeCaseFiles(dir, c);
  } catch (e) {
    return `the fuzzer itself failed to build the case: ${e?.stack ?? e}`;
  }
  for (const [name, bytes] of compareYaml ? files : []) {
    const r = compareYamlPaths(new TextDecoder().decode(bytes), yamlPaths);
    yamlPath[r.taken ? 'taken' : 'left']++;
    if (r.taken && r.fast !== r.full)
      return `${name}: the fast YAML path parses it differently from the full pipeline:\n  fast: ${r.fast.slice(0, 2000)}\n  full: ${r.full.slice(0, 2000)}`;
    if (r.values !== undefined && r.values !== r.fullValues)
      return `${name}: the values-only YAML path reads it differently from the full pipeline:\n  values: ${r.values.slice(0, 2000)}\n  full: ${r.fullValues.slice(0, 2000)}`;
    const o = compareOutline(new TextDecoder().decode(bytes), yamlPaths);
    if (o.problem) return `${name}: lint's outline locates it differently from the fast path: ${o.problem}`;
  }
  for (const argv of commandsFor(c)) {
    commands++;
    let r;
    try {
      r = await runCli(argv);
    } catch (e) {
      return `ladder ${argv.join(' ')}: run() threw: ${e?.stack ?? e}`;
    }
    const name = argv[0] === 'lint' ? 'lint' : argv[3];
    const counts = exitCodes.get(name) ?? [0, 0, 0];
    counts[r.code] = (counts[r.code] ?? 0) + 1;
    exitCodes.set(name, counts);
    const problem = violation(argv, r, files) ?? rawControlProblem(argv, r) ?? exportProblem(argv, r, files, importPages);
    if (problem) return problem;
  }
  return null;
}

const property = fc.asyncProperty(caseArb, async (c) => {
  cases++;
  const problem = await check(c);
  if (problem) {
    failed++;
    const key = problem
      .split('\n')[0]
      .replace(/ladder .*?: /, '')
      .slice(0, 120);
    if (!firstProblems.has(key)) firstProblems.set(key, problem);
    throw new Error(problem);
  }
});

function safeJson(v) {
  const seen = new WeakSet();
  return JSON.stringify(v, (_k, x) => (x && typeof x === 'object' ? (seen.has(x) ? '[circular]' : (seen.add(x), x)) : x), 2);
}

let details;
try {
  details = await fc.check(property, { numRuns: runs, seed, interruptAfterTimeLimit: seconds > 0 ? seconds * 1000 : undefined, markInterruptAsFailure: false });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const secs = ((performance.now() - started) / 1000).toFixed(1);
const ran = details.numRuns;
process.stdout.write(
  `fuzz: seed ${seed}: ${ran} generated cases passed before ${details.failed ? 'the first failure' : 'the end'}; ${cases} cases run in all (shrinking included), ${commands} commands, ${failed} failing, ${secs} s\n`,
);
process.stdout.write(`exit codes (0/1/2): ${[...exitCodes].map(([k, c]) => `${k} ${c[0]}/${c[1]}/${c[2]}`).join(', ')}\n`);
process.stdout.write(
  `YAML files: ${yamlPath.taken} taken by the fast path (each compared with the full pipeline), ${yamlPath.left} left to the full pipeline\n`,
);
if (details.failed) {
  const cex = details.counterexample?.[0];
  process.stdout.write(`\nshrunk counterexample (${details.numShrinks} shrinks):\n${safeJson(cex)}\n`);
  if (cex) {
    for (const [name, bytes] of filesOf(cex)) process.stdout.write(`\n--- ${name} ---\n${Buffer.from(bytes).toString('utf8')}\n`);
  }
  process.stdout.write(`\nproblem:\n${details.errorInstance?.message ?? details.error}\n`);
  if (firstProblems.size > 1) {
    process.stdout.write(`\nall distinct problems seen (${firstProblems.size}):\n`);
    for (const key of firstProblems.keys()) process.stdout.write(`  - ${key}\n`);
  }
  process.stdout.write(`\nreplay: npm run fuzz -- --runs ${runs} --seed ${seed}\n`);
  process.exitCode = 1;
}
