/**
 * The lint engine: runs the enabled rules over loaded files (and the one inheritance pass for the
 * rules that subscribe to it), turns their paths into positions and their message ids into words,
 * applies severities and `# ladder-disable-next-line` comments, and sorts. Pure: no I/O.
 */
import { compareFindings, type Finding, type Level, type RawFinding } from '../findings.js';
import { locateFindings, locateOne, type LoadedDataSet, type LoadedFile } from '../load.js';
import type { MessageLookup } from '../messages.js';
import { walkInheritance, type InheritanceListener } from './inheritance.js';
import { RULES } from './registry.js';
import type { LintContext, Report, Rule, Severity } from './types.js';

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
  const byId = new Map(rules.map((r) => [r.id, r]));
  const lookup: MessageLookup = (ruleId, messageId) => byId.get(ruleId)?.meta.messages[messageId];

  const ctx: LintContext = { ds, files };
  const byName = new Map(files.map((f) => [f.file, f]));
  const findings: Finding[] = [];
  // yaml-syntax and schema come from the loader.
  for (const f of files) for (const x of locateFindings(f, f.findings, level, lookup)) findings.push(x);
  const raw: RawFinding[] = [];
  const listeners: InheritanceListener[] = [];
  for (const r of rules) {
    if (!enabled.has(r.id)) continue;
    const report = (x: Report) => raw.push({ ruleId: r.id, ...x });
    r.check?.(ctx, report);
    if (r.inheritance) listeners.push(r.inheritance(ctx, report));
  }
  if (listeners.length) walkInheritance(ds, listeners);
  for (const rf of raw) {
    const file = byName.get(rf.file);
    if (file) findings.push(locateOne(file, rf, enabled.get(rf.ruleId)!, (name) => byName.get(name), lookup));
  }
  return findings.filter((f) => !suppressed(byName.get(f.file), f)).sort(compareFindings);
}

function suppressed(file: LoadedFile | undefined, f: Finding): boolean {
  const ids = file?.disabled?.get(f.line);
  return ids !== undefined && (ids.length === 0 || ids.includes(f.ruleId));
}
