import type { Finding } from '../core/findings.js';

/** `file:line:col: error message (rule)` — the one-line form used on stderr outside `lint`. */
export function formatFindingLine(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.level} ${f.message} (${f.ruleId})`;
}
