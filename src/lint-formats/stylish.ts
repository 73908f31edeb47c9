/** The default human-readable report, grouped by file (the layout of ESLint's "stylish"). */
import type { Finding } from '../core/findings.js';
import { maxOf } from '../core/arrays.js';
import type { Formatter } from './types.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const stylish: Formatter = (findings, { paint }) => {
  if (findings.length === 0) return '';
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push(paint.bold(file));
    const posWidth = maxOf(list.map((f) => `${f.line}:${f.column}`.length));
    const msgWidth = maxOf(list.map((f) => f.message.length));
    for (const f of list) {
      const pos = `${f.line}:${f.column}`.padEnd(posWidth);
      const sev = f.level === 'error' ? paint.red('error  ') : paint.yellow('warning');
      out.push(`  ${paint.dim(pos)}  ${sev}  ${f.message.padEnd(msgWidth)}  ${paint.dim(f.ruleId)}`);
      for (const r of f.related ?? []) out.push(`  ${' '.repeat(posWidth)}           ${paint.dim(`↳ ${r.file}:${r.line}:${r.column}: ${r.message}`)}`);
    }
    out.push('');
  }
  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.length - errors;
  const summary = `✖ ${plural(findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  out.push(errors ? paint.bold(paint.red(summary)) : paint.bold(paint.yellow(summary)));
  return out.join('\n') + '\n';
};
