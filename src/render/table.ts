/** Tables for people: cli-table3 with no colour of its own (cells are painted by the caller). */
import Table from 'cli-table3';

export interface TableOptions {
  head: string[];
  rows: string[][];
  /** Total width to fit; the widest column (`flex`) wraps. */
  width: number;
  flex?: number;
}

const visible = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

// Borderless: columns separated by spaces, so output stays readable when wrapped or piped.
const CHARS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '',
};

/** cli-table3 compares every row with every other while laying out: render long tables in chunks. */
const CHUNK = 100;

export function renderTable({ head, rows, width, flex }: TableOptions): string {
  const natural = head.map((h) => visible(h).length + 2);
  for (const r of rows) {
    for (let i = 0; i < head.length; i++) {
      for (const line of visible(r[i] ?? '').split('\n')) natural[i] = Math.max(natural[i], line.length + 2);
    }
  }
  const flexCol = flex ?? natural.indexOf(Math.max(...natural));
  const others = natural.reduce((a, b, i) => (i === flexCol ? a : a + b), 0);
  // Column widths are fixed for the whole table, so the chunks line up as one table.
  const colWidths = natural.map((w, i) => (i === flexCol ? Math.max(20, Math.min(w, width - others)) : w));
  const style = { head: [], border: [], 'padding-left': 0, 'padding-right': 2, compact: true };
  const parts: string[] = [];
  for (let at = 0; at === 0 || at < rows.length; at += CHUNK) {
    const table = new Table({ ...(at === 0 ? { head } : {}), colWidths, wordWrap: true, wrapOnWordBoundary: true, chars: CHARS, style });
    for (const r of rows.slice(at, at + CHUNK)) table.push(r);
    parts.push(table.toString());
  }
  return parts
    .join('\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');
}
