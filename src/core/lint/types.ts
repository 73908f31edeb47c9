/** The shape of a lint rule and of what it is given (SPEC §4). */
import type { MessageData, RawFinding } from '../findings.js';
import type { LoadedDataSet, LoadedFile } from '../load.js';
import type { InheritanceListener } from './inheritance.js';

/** Severities as users write them (config, `--rule`). */
export const SEVERITIES = ['error', 'warn', 'off'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One finding an invalid example must produce. */
export interface ExpectedFinding {
  messageId: string;
  line: number;
  column: number;
  /** The 1-based number of the example's file it is in (default 1). */
  file?: number;
}

/**
 * An invalid example: YAML and the exact list of findings of the rule it produces, in the engine's
 * order. An example may hold several files, separated by a line `---` (the tester loads each as its
 * own file, in order, as the loader refuses multi-document files).
 */
export interface InvalidExample {
  yaml: string;
  errors: ExpectedFinding[];
}

/** A finding as a rule reports it, before the engine adds the rule id. */
export interface Report {
  messageId: string;
  data?: MessageData;
  file: string;
  path: RawFinding['path'];
  at?: RawFinding['at'];
  related?: RawFinding['related'];
}

export interface Rule {
  /** Stable id, equal to the rule's file name. */
  id: string;
  defaultSeverity: Severity;
  /** The "what it catches" cell of the rules table. */
  summary: string;
  /** One paragraph: what is reported, why it matters, what to do. */
  description: string;
  meta: {
    /** Message templates by id; `{{name}}` is filled (escaped) from the finding's data. */
    messages: Readonly<Record<string, string>>;
  };
  examples: { valid: string[]; invalid: InvalidExample[] };
  /** Reports paths into files; the engine turns them into positions and words. */
  check?(ctx: LintContext, report: (r: Report) => void): void;
  /** Subscribes to the events of the one inheritance pass (lint/inheritance.ts). */
  inheritance?(ctx: LintContext, report: (r: Report) => void): InheritanceListener;
}

/** What a rule sees: every loaded file and the data set built from the valid ones. */
export interface LintContext {
  ds: LoadedDataSet;
  files: readonly LoadedFile[];
}
