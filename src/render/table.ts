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

export function renderTable({ head, rows, width, flex }: TableOptions): string {
  const natural = head.map((h, i) => Math.max(visible(h).length, ...rows.map((r) => Math.max(...visible(r[i] ?? '').split('\n').map((l) => l.length)))) + 2);
  const flexCol = flex ?? natural.indexOf(Math.max(...natural));
  const borders = 0;
  const others = natural.reduce((a, b, i) => (i === flexCol ? a : a + b), 0);
  const colWidths = natural.map((w, i) => (i === flexCol ? Math.max(20, Math.min(w, width - borders - others)) : w));
  const table = new Table({ head, colWidths, wordWrap: true, wrapOnWordBoundary: true, chars: CHARS, style: { head: [], border: [], 'padding-left': 0, 'padding-right': 2, compact: true } });
  for (const r of rows) table.push(r);
  return table.toString().split('\n').map((l) => l.trimEnd()).join('\n');
}
