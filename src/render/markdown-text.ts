/**
 * Text from the data, made safe to place inside a markdown document: it stays one line, cannot open
 * a block (heading, quote, list, fence, table, setext underline) where it starts, cannot carry HTML,
 * shows control characters as escapes, and its relative links become absolute against a base URL
 * (a pasted document has no site to be relative to). Inline markdown (emphasis, links) is kept:
 * item texts are markdown (SPEC §1.1).
 */
import { printable } from './table.js';

export interface MarkdownTextOptions {
  /** Base URL for relative link targets; without it a relative link keeps only its label. */
  base?: string;
  /** Inside a table cell: `|` is escaped too. */
  cell?: boolean;
}

// A line break of any kind (split on, then each line trimmed: no pattern that backtracks over spaces).
const BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/;
// `](target)` of an inline link; targets with spaces or parentheses are left as they are.
const LINK_TARGET = /\]\(([^()\s]*)\)/g;
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;
// What would start a block when it opens a line (or a list item's content).
const BLOCK_START = /^(?:#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|\d{1,9}[.)](?=\s|$)|[=]+\s*$|-{2,}\s*$|`{3,}|~{3,}|\|)/;

function absolute(target: string, base: string | undefined): string | null {
  if (target === '' || ABSOLUTE.test(target) || target.startsWith('#')) return target;
  if (!base) return null;
  try {
    return new URL(target, base).href;
  } catch {
    return null;
  }
}

/** One line of inline markdown from a data text (see the file comment). */
export function markdownText(text: string, options: MarkdownTextOptions = {}): string {
  let s = printable(
    text
      .split(BREAK)
      .map((l) => l.trim())
      .filter(Boolean)
      .join(' '),
  );
  s = s.replace(/</g, '&lt;');
  s = s.replace(LINK_TARGET, (_m, target: string) => {
    const url = absolute(target, options.base);
    // No base: the link is dropped, its label kept ("[label]" reads as text).
    return url === null ? ']' : `](${url})`;
  });
  if (options.cell) s = s.replace(/\|/g, '\\|');
  const lead = BLOCK_START.exec(s);
  if (lead) s = (/^\d/.test(lead[0]) ? lead[0].replace(/([.)])/, '\\$1') : '\\' + lead[0]) + s.slice(lead[0].length);
  return s;
}

/** The absolute URL of a role's section on its family's handbook page, when the family has a `source`. */
export function roleUrl(source: string | undefined, anchor: string): string | undefined {
  if (!source || !/^https?:\/\//i.test(source)) return undefined;
  let url: string;
  try {
    url = new URL(`#${anchor}`, source).href;
  } catch {
    return undefined;
  }
  // Characters that would end a markdown link or an autolink early.
  return url.replace(/[()<>[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
