/** `ladder lint [paths…]`: load, run the rules, format, write; exit 1 on errors or too many warnings. */
import { relative, resolve, isAbsolute } from 'node:path';
import type { Context } from '../io.js';
import { DataError, UsageError } from '../../core/errors.js';
import { SEVERITIES, type Severity } from '../../core/lint/types.js';
import { didYouMean } from '../../core/suggest.js';
import { LINT_FORMATS } from '../../formats.js';
import { REPOSITORY, VERSION } from '../version.js';

export interface LintOptions {
  /** `--format <name>[=<file>]`, repeatable (a single string from older callers). */
  format?: string[] | string;
  out?: string;
  /** The eslint spelling of --out. */
  outputFile?: string;
  maxWarnings?: string;
  config?: string;
  rule?: string[];
}

export async function lint(ctx: Context, paths: string[], opts: LintOptions): Promise<number> {
  // One after the other: jest's ESM loader fails on parallel dynamic imports that share modules.
  const { RULES } = await import('../../core/lint/registry.js');
  const { runLint } = await import('../../core/lint/engine.js');
  const { chooseDataSet } = await import('../../io/data-choice.js');
  const { loadPaths } = await import('../../io/data.js');
  const { FORMATTERS } = await import('../../lint-formats/registry.js');
  const { findYamlFiles, writeFileAtomic, displayPath } = await import('../../io/files.js');
  const { io } = ctx;
  const ids = RULES.map((r) => r.id);
  const maxWarnings = parseMaxWarnings(opts.maxWarnings);
  const ruleOptions = parseRuleOptions(opts.rule ?? [], ids);
  if (opts.out !== undefined && opts.outputFile !== undefined && opts.out !== opts.outputFile) throw new UsageError('give --out or --output-file, not both');
  const reports = parseFormats(
    typeof opts.format === 'string' ? [opts.format] : (opts.format ?? []),
    opts.out ?? opts.outputFile,
    LINT_FORMATS,
    opts.out !== undefined ? '--out' : '--output-file',
  );
  // No paths: the data set, chosen as every command chooses it. Paths inside it are linted in its context.
  const choice = await chooseDataSet({ flag: ctx.data, env: io.env, cwd: io.cwd, configFile: opts.config, knownRules: ids });
  const config = choice.config;
  const severities = new Map<string, Severity>(config?.rules);
  for (const [id, severity] of ruleOptions) severities.set(id, severity);
  const dataDir = choice.dir;
  // `-` is standard input (a file named `-` is `./-`), linted with the other paths given.
  const fromStdin = paths.includes('-');
  const fsPaths = paths.filter((p) => p !== '-');
  const targets = paths.length ? fsPaths : [displayPath(dataDir, io.cwd)];
  if (paths.length === 0 && choice.origin === 'bundled') {
    // A CI job that forgot to say what to lint would otherwise pass on the sample: say so.
    io.stderr.write(
      'ladder: linting the bundled sample data set (no paths, --data, LADDER_DATA or `data:` in .ladderrc.yaml); pass the directory of your ladder, or run `ladder init`\n',
    );
  }
  // Files inside the data set are linted in its context, so their references to other files resolve;
  // only the findings in the files asked for are reported.
  const asked = fsPaths.length ? (await findYamlFiles(fsPaths, io.cwd)).files : null;
  const inDataSet = asked !== null && !fromStdin && targets.some((p) => isInside(resolve(io.cwd, p), dataDir));
  // Positions are worked out only for the files with a finding: most files of a data set have none.
  const { ds, files, problems } = await loadPaths(inDataSet ? [dataDir, ...targets] : targets, io.cwd, { positions: 'later' });
  for (const p of problems) io.stderr.write(`ladder: ${p}\n`);
  if (fromStdin) {
    if (!io.readStdin) throw new UsageError('lint -: no standard input to read');
    const { STDIN_NAME } = await import('../../io/stdin.js');
    const { addToDataSet, loadFile } = await import('../../core/load.js');
    const { loadSchemaSupport } = await import('../../io/schemas.js');
    const f = loadFile({ file: STDIN_NAME, bytes: await io.readStdin() }, await loadSchemaSupport(), undefined, { positions: 'later' });
    files.push(f);
    addToDataSet(ds, f);
  }
  if (files.length === 0 || asked?.length === 0) throw new DataError(`no YAML files found in ${targets.join(', ')} (lint looks for *.yaml and *.yml files)`);

  // A disable comment naming no known rule suppresses nothing: say so rather than fail silently.
  for (const f of files) {
    for (const [line, named] of f.disabled ?? []) {
      for (const id of named)
        if (!ids.includes(id)) io.stderr.write(`ladder: ${f.file}:${line - 1}: unknown rule \`${id}\` in ladder-disable-next-line${didYouMean(id, ids)}\n`);
    }
  }
  let findings = runLint(files, ds, { severities });
  let linted = files.map((f) => f.file);
  if (inDataSet) {
    const wanted = new Set(asked.map((f) => f.display));
    findings = findings.filter((f) => wanted.has(f.file));
    linted = linted.filter((f) => wanted.has(f));
  }
  const { makePaint } = await import('../../render/paint.js');
  const base = { version: VERSION, rules: RULES, files: linted, cwd: resolve(io.cwd), repository: REPOSITORY };
  const render = async (name: string, color: boolean) => FORMATTERS[name as keyof typeof FORMATTERS](findings, { ...base, paint: await makePaint(color) });
  // Files first, each written whole (a temporary file, then a rename), then the console.
  for (const r of reports) if (r.file !== undefined) await writeFileAtomic(r.file, await render(r.format, false), io.cwd);
  const toStdout = reports.find((r) => r.file === undefined);
  if (toStdout) io.stdout.write(await render(toStdout.format, ctx.color && toStdout.format === 'stylish'));
  // A report in a file says nothing in the job log: the findings and their count go to stderr as well.
  if (reports.some((r) => r.file !== undefined) && toStdout?.format !== 'stylish') {
    const { stylish } = await import('../../lint-formats/stylish.js');
    const text = stylish(findings, { ...base, paint: await makePaint(ctx.color && Boolean(io.stderr.isTTY)) });
    io.stderr.write(text || `✔ no problems (${linted.length} file${linted.length === 1 ? '' : 's'})\n`);
  }

  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.length - errors;
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr.write(`ladder: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** `--max-warnings <n>`: 0 or more; -1 (as in eslint) means no limit. */
function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '-1') return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--max-warnings expects a whole number of warnings (0 or more, or -1 for no limit), got "${value}"`);
  return Number(value);
}

/** `--rule id=severity`, repeatable, each value may also list several: `a=warn,b=off`. */
export function parseRuleOptions(values: string[], ids: readonly string[]): [string, Severity][] {
  const out: [string, Severity][] = [];
  for (const part of values.flatMap((v) => v.split(','))) {
    const m = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(part);
    if (!m) throw new UsageError(`--rule expects <rule-id>=<severity> (e.g. --rule handbook-style=warn), got "${part}"`);
    const [, id, severity] = m;
    if (!ids.includes(id)) throw new UsageError(`--rule: unknown rule \`${id}\`${didYouMean(id, ids)}`);
    const level = severity === 'warning' ? 'warn' : severity;
    if (!(SEVERITIES as readonly string[]).includes(level))
      throw new UsageError(`--rule ${id}: severity must be error, warn (or warning) or off, got "${severity}"`);
    out.push([id, level as Severity]);
  }
  return out;
}

export interface Report {
  format: string;
  /** Where it goes; undefined: stdout. */
  file?: string;
}

/**
 * `--format <name>[=<file>]`, repeatable: each report named with a file goes to that file; at most one
 * goes to stdout. `--output-file` is the file of the one named without `=<file>`. No `--format`: stylish.
 */
export function parseFormats(values: readonly string[], outputFile: string | undefined, names: readonly string[], outFlag = '--out'): Report[] {
  const reports: Report[] = (values.length ? values : ['stylish']).map((v) => {
    const eq = v.indexOf('=');
    const format = (eq === -1 ? v : v.slice(0, eq)).trim();
    if (!names.includes(format)) throw new UsageError(`unknown format \`${format}\`${didYouMean(format, names)} (formats: ${names.join(', ')})`);
    if (eq === -1) return { format };
    const file = v.slice(eq + 1);
    if (file.trim() === '') throw new UsageError(`--format ${format}=: give a file name after \`=\`, e.g. --format ${format}=report.out`);
    return { format, file };
  });
  const unnamed = reports.filter((r) => r.file === undefined);
  if (outputFile !== undefined) {
    if (unnamed.length !== 1) {
      throw new UsageError(
        unnamed.length === 0
          ? `${outFlag}: every --format already names its file (--format <name>=<file>); drop ${outFlag}`
          : `${outFlag}: several --format options without a file; name each file with --format <name>=<file>`,
      );
    }
    unnamed[0].file = outputFile;
  } else if (unnamed.length > 1) {
    throw new UsageError(
      `only one report can go to stdout, got ${unnamed.map((r) => r.format).join(' and ')}: name the others' files, e.g. --format ${unnamed[1].format}=ladder-${unnamed[1].format}.out`,
    );
  }
  const seen = new Set<string>();
  for (const r of reports) {
    if (r.file === undefined) continue;
    if (seen.has(r.file)) throw new UsageError(`two reports would be written to ${r.file}: give each --format its own file`);
    seen.add(r.file);
  }
  return reports;
}
