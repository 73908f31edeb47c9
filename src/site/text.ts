/**
 * Text from the data on its way into a page. Escaping itself is the template layer's job (preact
 * escapes every string child and attribute); this only makes invisible characters visible.
 */

import { unicodeEscape } from '../core/escape-text.js';

// C0 controls except tab and newline, DEL, C1 controls, and the bidirectional overrides that can
// make a line read differently from what it holds.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Shows control characters as `\u001b`-style escapes, as the terminal renderers do. */
export function visible(text: string): string {
  return text.replace(INVISIBLE, unicodeEscape);
}

/** A stable, URL- and id-safe slug of a text: lower-case ASCII words joined by `-`, at most `max` characters. */
export function slugify(text: string, max = 48): string {
  const words = text
    .normalize('NFKD')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let out = '';
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > max) break;
    out = next;
  }
  return out || 'item';
}

/** "1 item", "2 items". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
