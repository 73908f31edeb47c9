/**
 * The lint engine: runs the enabled rules over loaded files, turns their paths into positions,
 * applies severities and `# ladder-disable-next-line` comments, and sorts. Pure: no I/O.
 */
import { compareFindings, type Finding, type Level, type RawFinding } from '../findings.js';
import { locateFindings, locateOne, type LoadedDataSet, type LoadedFile } from '../load.js';
import { analyseInheritance, type InheritanceAnalysis } from './inheritance.js';
import { RULES } from './registry.js';
import type { LintContext, Rule, Severity } from './types.js';

export interface LintOptions {
  /** Severity per rule id; a rule not listed keeps its default. */
  severities?: ReadonlyMap<string, Severity>;
  /** The rules to run (default: all); tests run one at a time. */
  rules?: readonly Rule[];
}

const toLevel = (s: Severity): Level | 'off' => (s === 'warn' ? 'warning' : s);

/**
 * Lints a set of loaded files. `ds` is the data set built from them (`buildDataSet`), so references
 * between files resolve. Returns findings sorted by file, line, column and rule.
 */
export function runLint(files: readonly LoadedFile[], ds: LoadedDataSet, options: LintOptions = {}): Finding[] {
  const rules = options.rules ?? RULES;
  const enabled = new Map<string, Level>();
  for (const r of rules) {
    const level = toLevel(options.severities?.get(r.id) ?? r.defaultSeverity);
    if (level !== 'off') enabled.set(r.id, level);
  }
  const level = (id: string): Level | 'off' => enabled.get(id) ?? 'off';

  let analysis: InheritanceAnalysis | undefined;
  const ctx: LintContext = { ds, files, inheritance: () => (analysis ??= analyseInheritance(ds)) };

  const byName = new Map(files.map((f) => [f.file, f]));
  const findings: Finding[] = [];
  // yaml-syntax and schema come from the loader.
  // One at a time: spreading 200,000 findings of one file into push() overflows the call stack.
  for (const f of files) for (const x of locateFindings(f, f.findings, level)) findings.push(x);
  for (const r of rules) {
    if (!enabled.has(r.id) || r.id === 'yaml-syntax' || r.id === 'schema') continue;
    const raw: RawFinding[] = r.check(ctx);
    for (const rf of raw) {
      const file = byName.get(rf.file);
      if (!file) continue;
      findings.push(locateOne(file, rf, enabled.get(rf.ruleId) ?? enabled.get(r.id)!, (name) => byName.get(name)));
    }
  }
  return findings.filter((f) => !suppressed(byName.get(f.file), f)).sort(compareFindings);
}

function suppressed(file: LoadedFile | undefined, f: Finding): boolean {
  const ids = file?.disabled?.get(f.line);
  return ids !== undefined && (ids.length === 0 || ids.includes(f.ruleId));
}
