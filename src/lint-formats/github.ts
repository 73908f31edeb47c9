/**
 * GitHub Actions workflow commands (annotations):
 * https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`, one per line on stdout.
 */
import type { Formatter } from './types.js';
import { unicodeEscape } from '../core/escape-text.js';

/**
 * Control characters other than CR and LF shown as `\uXXXX`: the runner's log would pass an ESC or a
 * BEL from a file name or key to the terminal or log viewer.
 */

const visible = (s: string) => s.replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, unicodeEscape);
/** Message data: `%` first, then CR and LF. */
const escapeData = (s: string) => visible(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Property values also escape `:` and `,`, which separate properties. */
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = (findings) => {
  let out = '';
  for (const f of findings) {
    out += `::${f.level === 'error' ? 'error' : 'warning'} file=${escapeProperty(f.file)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${escapeProperty(`ladder ${f.ruleId}`)}::${escapeData(f.message)}\n`;
  }
  return out;
};
