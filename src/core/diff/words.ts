/** Word-level change between two texts, for showing what changed inside a changed item. */
// The array module alone: the package's index loads every diff algorithm (start-up time).
import { diffArrays } from 'diff/lib/diff/array.js';
import { pushAll } from '../arrays.js';

export type WordOp = 'same' | 'removed' | 'added';

/** A run of words (joined by single spaces) that is kept, removed or added. */
export interface WordChange {
  op: WordOp;
  text: string;
}

/**
 * Edits (words removed plus words added) the word diff looks for at most. The search costs time in
 * proportion to (words × edits); past this the item is shown as a whole-text change (after the words
 * the two texts share at the start and at the end), which is what such a rewrite reads like anyway.
 */
export const MAX_WORD_EDITS = 400;

/**
 * Diffs two texts word by word. Words are whitespace-separated tokens taken whole, so "5+" → "7+" and
 * "(SaaS)" stay single words (the `diff` package's diffWords splits punctuation off and would show
 * "5" → "7" followed by an unchanged "+"). Within a run of changes, removed words come before added ones.
 */
export function diffText(from: string, to: string): WordChange[] {
  const a = from.split(/\s+/).filter(Boolean);
  const b = to.split(/\s+/).filter(Boolean);
  const out: WordChange[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    if (removed.length) out.push({ op: 'removed', text: removed.join(' ') });
    if (added.length) out.push({ op: 'added', text: added.join(' ') });
    removed = [];
    added = [];
  };
  const parts = diffArrays(a, b, { maxEditLength: MAX_WORD_EDITS }) ?? wholeChange(a, b);
  for (const part of parts) {
    if (part.removed) pushAll(removed, part.value);
    else if (part.added) pushAll(added, part.value);
    else {
      flush();
      out.push({ op: 'same', text: part.value.join(' ') });
    }
  }
  flush();
  return out;
}

/** The shared first and last words kept, everything between them removed and added. */
function wholeChange(a: string[], b: string[]): { value: string[]; added?: boolean; removed?: boolean }[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const parts: { value: string[]; added?: boolean; removed?: boolean }[] = [];
  if (head) parts.push({ value: a.slice(0, head) });
  if (a.length - head - tail) parts.push({ value: a.slice(head, a.length - tail), removed: true });
  if (b.length - head - tail) parts.push({ value: b.slice(head, b.length - tail), added: true });
  if (tail) parts.push({ value: a.slice(a.length - tail) });
  return parts;
}
