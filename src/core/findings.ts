/** Findings: what the loader, the schema check and the lint rules report (SPEC §3 lint). */
import type { Path } from './model.js';

export type Level = 'error' | 'warning';

/** A 1-based position range (columns count UTF-16 code units, like editors do). */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Related extends Range {
  file: string;
  messageId: string;
  message: string;
}

/** Values quoted in a message: escaped when the words are made (core/messages.ts). */
export type MessageData = Readonly<Record<string, string | number>>;

/** A finding with its place resolved: the only shape formatters see. */
export interface Finding extends Range {
  file: string;
  level: Level;
  ruleId: string;
  /** Stable id of the message within its rule (`meta.messages`): what JSON and SARIF consumers key on. */
  messageId: string;
  /** The words, made from the rule's message and the finding's data, with the data escaped. */
  message: string;
  /** The values filled into the message (raw; escaped wherever they are printed). */
  data?: MessageData;
  /** JSON pointer of the offending node ('' for the document): stable when lines move. */
  pointer: string;
  /**
   * What the finding is about, stable across edits elsewhere (`subjectOf`: document id, keys, item
   * identities instead of indexes); '' when it has no path (YAML syntax). Reports build identities from it.
   */
  subject?: string;
  related?: Related[];
}

/** A finding as a rule reports it: a path into a file, located later by the engine. */
export interface RawFinding {
  ruleId: string;
  /** One of the rule's `meta.messages` ids. */
  messageId: string;
  data?: MessageData;
  file: string;
  path: Path;
  /** Point at the key of the last path segment instead of its value. */
  at?: 'key' | 'value';
  related?: { file: string; path: Path; at?: 'key' | 'value'; messageId: string; data?: MessageData }[];
}

export function toPointer(path: Path): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Deterministic order: file, line, column, rule, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
