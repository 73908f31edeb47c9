/** `ladder lint [paths…]`: load, run the rules, format, write; exit 1 on errors or too many warnings. */
import { relative, resolve, isAbsolute } from 'node:path';
import type { Context } from '../io.js';
import { DataError, UsageError } from '../../core/errors.js';
import { SEVERITIES, type Severity } from '../../core/lint/types.js';
import { didYouMean } from '../../core/suggest.js';
import { VERSION } from '../version.js';

export interface LintOptions {
  format: string;
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
  const format = Object.hasOwn(FORMATTERS, opts.format) ? FORMATTERS[opts.format as keyof typeof FORMATTERS] : undefined;
  if (!format) throw new UsageError(`unknown format \`${opts.format}\`${didYouMean(opts.format, Object.keys(FORMATTERS))}`);
  const toFile = opts.outputFile !== undefined;
  const { makePaint } = await import('../../render/paint.js');
  const text = format(findings, { paint: await makePaint(ctx.color && !toFile && opts.format === 'stylish'), version: VERSION, rules: RULES, files: linted });
  if (toFile) {
    await writeFileAtomic(opts.outputFile!, text, io.cwd);
  } else {
    io.stdout.write(text);
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
