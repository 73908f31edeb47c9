/** A flat JSON array, one object per finding, in the engine's order (file, line, column, rule). */
import type { Formatter } from './types.js';

export const json: Formatter = (findings) =>
  JSON.stringify(
    findings.map((f) => ({
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      severity: f.level,
      ruleId: f.ruleId,
      messageId: f.messageId,
      message: f.message,
    })),
    null,
    2,
  ) + '\n';
