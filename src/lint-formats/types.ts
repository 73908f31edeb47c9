/** What every lint report formatter gets. Formatters are pure: `(findings, context) => string`. */
import type { Finding } from '../core/findings.js';
import type { Rule } from '../core/lint/types.js';
import type { Paint } from '../render/paint.js';

export interface FormatContext {
  /** Colour functions (plain when colour is off). */
  paint: Paint;
  version: string;
  /** Every rule, for reports that describe them (SARIF). */
  rules: readonly (Pick<Rule, 'id' | 'summary' | 'description' | 'defaultSeverity'> & Partial<Pick<Rule, 'meta'>>)[];
  /** Every linted file (display paths), including clean ones (JUnit lists them as passing). */
  files: readonly string[];
  /** The absolute working directory the display paths are relative to (SARIF's `%SRCROOT%`). */
  cwd?: string;
  /** The project's repository (package.json `repository`), for links to rule pages; none: no links. */
  repository?: string;
}

export type Formatter = (findings: readonly Finding[], context: FormatContext) => string;
