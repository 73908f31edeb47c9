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
  for (const part of diffArrays(a, b)) {
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
