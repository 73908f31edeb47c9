/** The default human-readable report, grouped by file (the layout of ESLint's "stylish"). */
import type { Finding } from '../core/findings.js';
import { printable } from '../render/table.js';
import type { Formatter } from './types.js';

/** Messages up to this long are padded so that the rule ids after them line up. */
const ALIGN_UP_TO = 72;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** Data (file names, keys in messages) shown with its control characters escaped, on one line. */
const safe = (s: string) => printable(s).replace(/\n/g, '\\n');

/** The last line: problem, error and warning counts. */
export function stylishSummary(findings: readonly Finding[]): string {
  let errors = 0;
  for (const f of findings) if (f.level === 'error') errors++;
  return `✖ ${plural(findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(findings.length - errors, 'warning')})`;
}

export const stylish: Formatter = (findings, { paint }) => {
  if (findings.length === 0) return '';
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  // Built line by line with loops: spreading the widths into Math.max overflows the call stack at ~100,000 findings.
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push(paint.bold(safe(file)));
    const messages = list.map((f) => safe(f.message));
    let posWidth = 0;
    let msgWidth = 0;
    for (let i = 0; i < list.length; i++) {
      posWidth = Math.max(posWidth, `${list[i].line}:${list[i].column}`.length);
      // Rule ids line up after the messages that are short enough; a longer one is not a reason to
      // push every other line's rule id out past the terminal's edge.
      if (messages[i].length <= ALIGN_UP_TO) msgWidth = Math.max(msgWidth, messages[i].length);
    }
    for (let i = 0; i < list.length; i++) {
      const f = list[i];
      const pos = `${f.line}:${f.column}`.padEnd(posWidth);
      const sev = f.level === 'error' ? paint.red('error  ') : paint.yellow('warning');
      out.push(`  ${paint.dim(pos)}  ${sev}  ${messages[i].padEnd(msgWidth)}  ${paint.dim(f.ruleId)}`);
      for (const r of f.related ?? [])
        out.push(`  ${' '.repeat(posWidth)}           ${paint.dim(`↳ ${safe(r.file)}:${r.line}:${r.column}: ${safe(r.message)}`)}`);
    }
    out.push('');
  }
  const summary = stylishSummary(findings);
  const hasErrors = findings.some((f) => f.level === 'error');
  out.push(hasErrors ? paint.bold(paint.red(summary)) : paint.bold(paint.yellow(summary)));
  return out.join('\n') + '\n';
};
