/**
 * A small, forgiving reader for handbook markdown: it turns a page into a flat list of blocks
 * (headings, list items, paragraphs, tables) with their 1-based line numbers. Real pages mix `*`
 * and `-`, use bold lines as headings, continue list items lazily and lose their front matter's
 * opening `---`; a full CommonMark parser would hide exactly the details the importer needs.
 */
import { trimEndOf } from './linear-text.js';

export interface HeadingBlock {
  type: 'heading';
  /** 1..6 for `#` headings; 7 for a line that is only bold text (always the deepest). */
  depth: number;
  text: string;
  line: number;
}

export interface ListItemBlock {
  type: 'item';
  text: string;
  /** Indentation of the marker, in columns. */
  indent: number;
  ordered: boolean;
  line: number;
  /** An unindented line after an item, without a marker of its own. */
  lazy?: boolean;
}

export interface ParagraphBlock {
  type: 'paragraph';
  /** Lines joined with a newline, each trimmed. */
  text: string;
  line: number;
}

export interface TableBlock {
  type: 'table';
  rows: string[][];
  line: number;
}

/** A line the reader does not model (HTML comments, ERB tags, kramdown attributes). */
export interface OtherBlock {
  type: 'other';
  text: string;
  line: number;
}

export type Block = HeadingBlock | ListItemBlock | ParagraphBlock | TableBlock | OtherBlock;

export interface FrontMatter {
  fields: Record<string, string>;
  /** 1-based line after the front matter. */
  bodyStart: number;
}

export interface ParsedPage {
  frontMatter: FrontMatter;
  blocks: Block[];
}

/** One physical line with the line number it is reported at (partials keep their caller's line). */
export interface SourceLine {
  text: string;
  line: number;
}

const FM_KEY = /^([A-Za-z_][\w-]*):\s*(.*)$/s;

/** Reads front matter, with or without its opening `---`. */
export function readFrontMatter(lines: SourceLine[]): { fields: Record<string, string>; rest: SourceLine[] } {
  const fields = Object.create(null) as Record<string, string>;
  let i = 0;
  while (i < lines.length && lines[i].text.trim() === '') i++;
  const opened = i < lines.length && lines[i].text.trim() === '---';
  const start = opened ? i + 1 : i;
  // Without the opening fence, only a run of `key: value` lines closed by `---` counts as front matter.
  let j = start;
  while (j < lines.length && FM_KEY.test(lines[j].text) && lines[j].text.trim() !== '---') j++;
  const closed = j < lines.length && lines[j].text.trim() === '---';
  if (!closed || j === start) {
    if (!opened) return { fields, rest: lines };
    // An opening fence with no close: treat the whole key run as front matter.
  }
  for (let k = start; k < j; k++) {
    const m = FM_KEY.exec(lines[k].text)!;
    fields[m[1]] = unquote(m[2].trim());
  }
  return { fields, rest: lines.slice(closed ? j + 1 : j) };
}

function unquote(v: string): string {
  // A double-quoted value with escapes (`ladder export` writes the title as a JSON string: `\"`, `\u001b`).
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"') && v.includes('\\')) {
    try {
      const s: unknown = JSON.parse(v);
      if (typeof s === 'string') return s;
    } catch {
      // not JSON: taken as written, quotes off
    }
  }
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) return v.slice(1, -1);
  return v;
}

// Every pattern here is anchored and has no two adjacent quantifiers that can match the same
// characters; trailing whitespace and closing markers are trimmed by loops (see linear-text.ts).
const HEADING_START = /^ {0,3}(#{1,6})\s(.*)$/s;
const LIST_ITEM = /^(\s*)([*+-]|\d{1,3}[.)])\s+(.*)$/s;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;
const TABLE_ROW = /^\s*\|/;

/** A `#` heading (trailing `#`s dropped), or null. */
function readHeading(text: string): { depth: number; text: string } | null {
  const m = HEADING_START.exec(text);
  if (!m) return null;
  return { depth: m[1].length, text: trimEndOf(m[2].trim(), '#') };
}

/** The text of a line that is only bold (`**Title**`, `__Title__:`), or null. */
function readBoldLine(text: string): string | null {
  let t = text.trim();
  if (t.endsWith(':')) t = t.slice(0, -1).trimEnd();
  if (t.length < 5) return null;
  const open = t.slice(0, 2);
  const close = t.slice(-2);
  if ((open !== '**' && open !== '__') || (close !== '**' && close !== '__')) return null;
  const inner = t.slice(2, -2);
  return inner[0] === '*' || inner[0] === '_' ? null : inner;
}

const isSpace = (c: string) => /\s/.test(c);

/** Strips emphasis wrapping a whole heading text and a trailing colon. */
export function cleanHeading(text: string): string {
  let s = 0;
  let e = text.length;
  for (;;) {
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    const marker = ['**', '__', '*', '_'].find((m) => e - s >= 2 * m.length && text.startsWith(m, s) && text.startsWith(m, e - m.length));
    if (!marker) break;
    s += marker.length;
    e -= marker.length;
  }
  let t = text.slice(s, e);
  if (t.endsWith(':')) t = t.slice(0, -1).trimEnd();
  return t.replace(/\*\*/g, '').trim();
}

function splitRow(line: string): string[] {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|')) t = t.slice(0, -1);
  return t.split('|').map((c) => c.trim());
}

/** Splits the body of a page into blocks. */
export function readBlocks(lines: SourceLine[]): Block[] {
  const blocks: Block[] = [];
  let para: { lines: string[]; line: number } | null = null;
  let item: ListItemBlock | null = null;
  let table: TableBlock | null = null;
  let inComment = false;
  const flush = () => {
    if (para) blocks.push({ type: 'paragraph', text: para.lines.join('\n'), line: para.line });
    para = null;
    item = null;
    if (table) blocks.push(table);
    table = null;
  };
  for (const { text: raw, line } of lines) {
    const text = raw.replace(/\t/g, '    ').trimEnd();
    if (inComment) {
      if (text.includes('-->')) inComment = false;
      continue;
    }
    if (text.trim() === '') {
      // A blank line ends a paragraph; a list item may still continue after it (indented), but
      // handbook pages do not rely on that, so it ends the item too.
      flush();
      continue;
    }
    const trimmed = text.trim();
    if (trimmed.startsWith('<!--')) {
      flush();
      blocks.push({ type: 'other', text: trimmed, line });
      if (!trimmed.includes('-->')) inComment = true;
      continue;
    }
    if (TABLE_ROW.test(text)) {
      if (!table) {
        flush();
        table = { type: 'table', rows: [], line };
      }
      const cells = splitRow(text);
      if (!cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '')) table.rows.push(cells);
      continue;
    }
    if (table) flush();
    const h = readHeading(text);
    if (h) {
      flush();
      blocks.push({ type: 'heading', depth: h.depth, text: cleanHeading(h.text), line });
      continue;
    }
    if (RULE.test(text)) {
      flush();
      continue;
    }
    if (/^\s*(<%|\{:|\{::)/.test(text)) {
      flush();
      blocks.push({ type: 'other', text: trimmed, line });
      continue;
    }
    const li = LIST_ITEM.exec(text);
    if (li && li[3].trim() !== '') {
      if (para) flush();
      item = { type: 'item', text: li[3].trim(), indent: li[1].length, ordered: /\d/.test(li[2]), line };
      blocks.push(item);
      continue;
    }
    const b = item || para ? null : readBoldLine(text);
    if (b !== null) {
      blocks.push({ type: 'heading', depth: 7, text: cleanHeading(b), line });
      continue;
    }
    if (item) {
      // Lazy continuation: an indented or lower-case line continues the item; an unindented line
      // starting a new sentence is an item that lost its marker (it happens on real pages).
      const current: ListItemBlock = item;
      if (/^\s/.test(text) || /^[a-z(]/.test(trimmed)) {
        current.text += ' ' + trimmed;
      } else {
        item = { type: 'item', text: trimmed, indent: current.indent, ordered: current.ordered, line, lazy: true };
        blocks.push(item);
      }
      continue;
    }
    if (para) para.lines.push(trimmed);
    else para = { lines: [trimmed], line };
  }
  flush();
  return blocks;
}

/** Splits a page into numbered lines. */
export function toLines(text: string): SourceLine[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((t, i) => ({ text: t, line: i + 1 }));
}

/** Front matter and blocks of a page's lines. */
export function parsePage(lines: SourceLine[]): ParsedPage {
  const { fields, rest } = readFrontMatter(lines);
  return { frontMatter: { fields, bodyStart: rest.length ? rest[0].line : lines.length + 1 }, blocks: readBlocks(rest) };
}
