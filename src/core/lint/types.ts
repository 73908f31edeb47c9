/** The shape of a lint rule and of what it is given (SPEC §4). */
import type { RawFinding } from '../findings.js';
import type { LoadedDataSet, LoadedFile } from '../load.js';
import type { InheritanceAnalysis } from './inheritance.js';

/** Severities as users write them (config, `--rule`). */
export const SEVERITIES = ['error', 'warn', 'off'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * An invalid example: YAML that must produce a finding of the rule at `line`:`column`. An example may
 * hold several files, separated by a line `---` (the tester loads each as its own file, in order, as
 * the loader refuses multi-document files); `file` is the 1-based number of the file meant (default 1).
 */
export interface InvalidExample {
  yaml: string;
  line: number;
  column: number;
  file?: number;
}

export interface Rule {
  /** Stable id, equal to the rule's file name. */
  id: string;
  defaultSeverity: Severity;
  /** The "what it catches" cell of the rules table. */
  summary: string;
  /** One paragraph: what is reported, why it matters, what to do. */
  description: string;
  examples: { valid: string[]; invalid: InvalidExample[] };
  /** Reports paths into files; the engine turns them into positions. */
  check(ctx: LintContext): RawFinding[];
}

/** What a rule sees: every loaded file and the data set built from the valid ones. */
export interface LintContext {
  ds: LoadedDataSet;
  files: readonly LoadedFile[];
  /** The one-pass inheritance analysis, computed on first use and shared by the rules that need it. */
  inheritance(): InheritanceAnalysis;
}
