/**
 * Tables for people: columns separated by two spaces, no borders, the flexible column word-wrapped to
 * fit the width. Laid out here rather than with a table library: one pass over the rows (long ladders
 * stay linear) and nothing to load at start-up.
 */
import { maxOf } from '../core/arrays.js';
import { unicodeEscape } from '../core/escape-text.js';

export interface TableOptions {
  head: string[];
  /** Cells may be painted as a whole (one style around the text); the style is kept on every line. */
  rows: string[][];
  /** Total width to fit; the flexible column wraps. */
  width: number;
  /** Index of the column that gives up width first and keeps the largest share (default: none, all alike). */
  flex?: number;
}

const GAP = 2;
const MIN_FLEX = 20;

const SGR = /\x1b\[[0-9;]*m/g;

const visible = (s: string) => s.replace(SGR, '');

/**
 * Text from the data with its control characters shown as escapes (`\u001b`), so a title or item can
 * never move the cursor, ring the bell or change the colours of the terminal it is printed on.
 */

// Line and paragraph separators and bidi controls too: a terminal treats them as layout or reorders text.
export const printable = (s: string) =>
  s.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => (c === '\t' ? ' ' : unicodeEscape(c)));

/** One-line text (a title, a cell): `printable`, and a line feed as `\n` too, so it cannot start a line of its own. */
export const printableLine = (s: string) => printable(s).replace(/\n/g, '\\n');

/** A painted cell as [opening codes, plain text, closing codes]. */
function unpaint(cell: string): [string, string, string] {
  const open = /^(?:\x1b\[[0-9;]*m)+/.exec(cell)?.[0] ?? '';
  const close = /(?:\x1b\[[0-9;]*m)+$/.exec(cell.slice(open.length))?.[0] ?? '';
  return [open, printableLine(visible(cell)), close];
}

/**
 * The pieces a line may break between: words, and inside a word the parts after each hyphen
 * ("senior-manager-of-x" → "senior-", "manager-", "of-", "x"), so ids break only at hyphens.
 */
function pieces(word: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < word.length - 1; i++) {
    if (word[i] === '-' && i > from) {
      out.push(word.slice(from, i + 1));
      from = i + 1;
    }
  }
  out.push(word.slice(from));
  return out;
}

/** The longest piece of a text: the narrowest it can wrap to without cutting inside a piece. */
export function longestPiece(text: string): number {
  let longest = 0;
  for (const word of text.split(/\s+/)) for (const p of pieces(word)) longest = Math.max(longest, p.length);
  return longest;
}

/**
 * Greedy wrap: lines break between words, or inside a word after a hyphen; only a piece longer than
 * the width is cut.
 */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      let first = true;
      for (let piece of pieces(word)) {
        const sep = first || line === '' ? (line === '' ? '' : ' ') : '';
        first = false;
        if (line !== '' && line.length + sep.length + piece.length > w) {
          lines.push(line);
          line = '';
        }
        while (piece.length > w) {
          if (line) lines.push(line);
          lines.push(piece.slice(0, w));
          piece = piece.slice(w);
          line = '';
        }
        line += (line === '' ? '' : sep) + piece;
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Column widths that fit `width`. Natural widths when they fit. Else the flexible column (if any)
 * shrinks first, down to half the width; then every column is capped at a common width (the flexible
 * one at twice that), never below its longest piece; only when even that is too wide are pieces cut.
 */
export function fitWidths(natural: number[], minimum: number[], width: number, flex?: number): number[] {
  const gaps = GAP * (natural.length - 1);
  const total = (ws: number[]) => ws.reduce((a, b) => a + b, 0) + gaps;
  if (total(natural) <= width) return natural;
  if (flex !== undefined) {
    const widths = [...natural];
    const floor = Math.min(natural[flex], Math.max(minimum[flex], MIN_FLEX, Math.floor(width / 2)));
    widths[flex] = Math.max(floor, natural[flex] - (total(natural) - width));
    if (total(widths) <= width) return widths;
  }
  const weight = natural.map((_, i) => (i === flex ? 2 : 1));
  const capped = (floor: number[], c: number) => natural.map((n, i) => Math.max(floor[i], Math.min(n, c * weight[i])));
  const fit = (floor: number[]) => {
    let lo = 0;
    let hi = maxOf(natural, 0);
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (total(capped(floor, mid)) <= width) lo = mid;
      else hi = mid - 1;
    }
    return capped(floor, lo);
  };
  const kept = fit(minimum);
  if (total(kept) <= width) return kept;
  return fit(natural.map(() => 1));
}

export function renderTable({ head, rows, width, flex }: TableOptions): string {
  const natural = head.map((h) => visible(h).length);
  const minimum = head.map((h) => longestPiece(visible(h)));
  for (const r of rows) {
    for (let i = 0; i < head.length; i++) {
      const text = printableLine(visible(r[i] ?? ''));
      for (const line of text.split('\n')) natural[i] = Math.max(natural[i], line.length);
      minimum[i] = Math.max(minimum[i], longestPiece(text));
    }
  }
  const widths = fitWidths(natural, minimum, width, flex);
  const out: string[] = [];
  for (const row of [head, ...rows]) {
    const cells = widths.map((w, i) => {
      const [open, text, close] = unpaint(row[i] ?? '');
      return wrapText(text, w).map((l) => ({ text: l, open, close }));
    });
    const height = maxOf(
      cells.map((c) => c.length),
      0,
    );
    for (let line = 0; line < height; line++) {
      let s = '';
      for (let i = 0; i < widths.length; i++) {
        const c = cells[i][line];
        const text = c?.text ?? '';
        s += (c && text ? c.open + text + c.close : text) + (i < widths.length - 1 ? ' '.repeat(Math.max(0, widths[i] - text.length) + GAP) : '');
      }
      out.push(s.trimEnd());
    }
  }
  return out.join('\n');
}

/** Wraps prose to a width, keeping paragraphs (ids break at hyphens, as in tables). */
export function wrapProse(text: string, width: number): string {
  return text
    .split('\n')
    .map((para) => wrapText(para, width).join('\n'))
    .join('\n');
}

/** `label  value` with the value wrapped under itself: header lines of show and list. */
export function labelled(label: string, value: string, width: number, indent: number): string[] {
  return wrapText(value, Math.max(10, width - indent)).map((l, i) => (i === 0 ? label : ' '.repeat(indent)) + l);
}
