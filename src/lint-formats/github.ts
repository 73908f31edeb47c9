/**
 * GitHub Actions workflow commands (annotations):
 * https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`, one per line on stdout.
 */
import type { Formatter } from './types.js';

/** Message data: `%` first, then CR and LF. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Property values also escape `:` and `,`, which separate properties. */
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = (findings) =>
  findings
    .map(
      (f) =>
        `::${f.level === 'error' ? 'error' : 'warning'} file=${escapeProperty(f.file)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${escapeProperty(`ladder ${f.ruleId}`)}::${escapeData(f.message)}\n`,
    )
    .join('');
