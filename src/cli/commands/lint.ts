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
  outputFile?: string;
  maxWarnings?: string;
  config?: string;
  rule?: string[];
}

export async function lint(ctx: Context, paths: string[], opts: LintOptions): Promise<number> {
  // One after the other: jest's ESM loader fails on parallel dynamic imports that share modules.
  const { RULES } = await import('../../core/lint/registry.js');
  const { runLint } = await import('../../core/lint/engine.js');
  const { loadConfig } = await import('../../io/config.js');
  const { loadPaths, BUNDLED_DATA } = await import('../../io/data.js');
  const { FORMATTERS } = await import('../../lint-formats/registry.js');
  const { findYamlFiles, writeFileAtomic } = await import('../../io/files.js');
  const { io } = ctx;
  const ids = RULES.map((r) => r.id);
  const maxWarnings = parseMaxWarnings(opts.maxWarnings);
  const reports = parseFormats(typeof opts.format === 'string' ? [opts.format] : (opts.format ?? []), opts.outputFile, LINT_FORMATS);
  const config = await loadConfig(opts.config, io.cwd, ids);
  const severities = new Map<string, Severity>(config?.rules);
  for (const [id, severity] of parseRuleOptions(opts.rule ?? [], ids)) severities.set(id, severity);

  // No paths: the data set, chosen as every command chooses it, with the config's `data:` before the bundled one.
  const dataArg = ctx.data ?? (io.env.LADDER_DATA || undefined) ?? config?.data ?? BUNDLED_DATA;
  const dataDir = resolve(io.cwd, dataArg);
  const targets = paths.length ? paths : [dataArg];
  // Files inside the data set are linted in its context, so their references to other files resolve;
  // only the findings in the files asked for are reported.
  const asked = paths.length ? (await findYamlFiles(targets, io.cwd)).files : null;
  const inDataSet = asked !== null && targets.some((p) => isInside(resolve(io.cwd, p), dataDir));
  const { ds, files, problems } = await loadPaths(inDataSet ? [dataDir, ...targets] : targets, io.cwd);
  for (const p of problems) io.stderr.write(`ladder: ${p}\n`);
  if (files.length === 0 || asked?.length === 0) throw new DataError(`no YAML files found in ${targets.join(', ')} (lint looks for *.yaml and *.yml files)`);

  // A disable comment naming no known rule suppresses nothing: say so rather than fail silently.
  for (const f of files) {
    for (const [line, named] of f.disabled ?? []) {
      for (const id of named) if (!ids.includes(id)) io.stderr.write(`ladder: ${f.file}:${line - 1}: unknown rule \`${id}\` in ladder-disable-next-line${didYouMean(id, ids)}\n`);
    }
  }
  let findings = runLint(files, ds, { severities });
  let linted = files.map((f) => f.file);
  if (inDataSet) {
    const wanted = new Set(asked!.map((f) => f.display));
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

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--max-warnings expects a whole number of warnings (0 or more), got "${value}"`);
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
    if (!(SEVERITIES as readonly string[]).includes(severity)) throw new UsageError(`--rule ${id}: severity must be error, warn or off, got "${severity}"`);
    out.push([id, severity as Severity]);
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
export function parseFormats(values: readonly string[], outputFile: string | undefined, names: readonly string[]): Report[] {
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
        unnamed.length === 0 ? '--output-file: every --format already names its file (--format <name>=<file>); drop --output-file' : '--output-file: several --format options without a file; name each file with --format <name>=<file>',
      );
    }
    unnamed[0].file = outputFile;
  } else if (unnamed.length > 1) {
    throw new UsageError(`only one report can go to stdout, got ${unnamed.map((r) => r.format).join(' and ')}: name the others' files, e.g. --format ${unnamed[1].format}=ladder-${unnamed[1].format}.out`);
  }
  const seen = new Set<string>();
  for (const r of reports) {
    if (r.file === undefined) continue;
    if (seen.has(r.file)) throw new UsageError(`two reports would be written to ${r.file}: give each --format its own file`);
    seen.add(r.file);
  }
  return reports;
}
