/**
 * Tables for people: columns separated by two spaces, no borders, the flexible column word-wrapped to
 * fit the width. Laid out here rather than with a table library: one pass over the rows (long ladders
 * stay linear) and nothing to load at start-up.
 */
import { maxOf } from '../core/arrays.js';

export interface TableOptions {
  head: string[];
  /** Cells may be painted as a whole (one style around the text); the style is kept on every line. */
  rows: string[][];
  /** Total width to fit; the flexible column wraps. */
  width: number;
  /** Index of the column that wraps (default: the widest). */
  flex?: number;
}

const GAP = 2;
const MIN_FLEX = 20;
// eslint-disable-next-line no-control-regex
const SGR = /\x1b\[[0-9;]*m/g;

const visible = (s: string) => s.replace(SGR, '');

/**
 * Text from the data with its control characters shown as escapes (`\u001b`), so a title or item can
 * never move the cursor, ring the bell or change the colours of the terminal it is printed on.
 */
// eslint-disable-next-line no-control-regex
export const printable = (s: string) => s.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, (c) => (c === '\t' ? ' ' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));

/** A painted cell as [opening codes, plain text, closing codes]. */
function unpaint(cell: string): [string, string, string] {
  const open = /^(?:\x1b\[[0-9;]*m)+/.exec(cell)?.[0] ?? '';
  const close = /(?:\x1b\[[0-9;]*m)+$/.exec(cell.slice(open.length))?.[0] ?? '';
  return [open, printable(visible(cell)), close];
}

/** Greedy word wrap; words longer than the width are cut. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (let word of para.split(/\s+/).filter(Boolean)) {
      while (word.length > width) {
        if (line) lines.push(line);
        lines.push(word.slice(0, width));
        word = word.slice(width);
        line = '';
      }
      if (!line) line = word;
      else if (line.length + 1 + word.length <= width) line += ' ' + word;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

export function renderTable({ head, rows, width, flex }: TableOptions): string {
  const natural = head.map((h) => visible(h).length);
  for (const r of rows) {
    for (let i = 0; i < head.length; i++) {
      for (const line of visible(r[i] ?? '').split('\n')) natural[i] = Math.max(natural[i], line.length);
    }
  }
  const flexCol = flex ?? natural.indexOf(maxOf(natural));
  const others = natural.reduce((a, b, i) => (i === flexCol ? a : a + b + GAP), 0);
  const widths = natural.map((w, i) => (i === flexCol ? Math.max(MIN_FLEX, Math.min(w, width - others - GAP)) : w));
  const out: string[] = [];
  for (const row of [head, ...rows]) {
    const cells = widths.map((w, i) => {
      const [open, text, close] = unpaint(row[i] ?? '');
      return wrapText(text, w).map((l) => ({ text: l, open, close }));
    });
    const height = maxOf(cells.map((c) => c.length), 0);
    for (let line = 0; line < height; line++) {
      let s = '';
      for (let i = 0; i < widths.length; i++) {
        const c = cells[i][line];
        const text = c?.text ?? '';
        s += (c && text ? c.open + text + c.close : text) + (i < widths.length - 1 ? ' '.repeat(widths[i] - text.length + GAP) : '');
      }
      out.push(s.trimEnd());
    }
  }
  return out.join('\n');
}
