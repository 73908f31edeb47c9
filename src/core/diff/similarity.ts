/**
 * Text similarity for pairing items that have no common identity: the Dice coefficient of the
 * multisets of content words. Stop words are left out because two unrelated requirements written from
 * the same template ("N+ years of experience in …") share most of them and would otherwise look alike.
 */

/** Items at least this similar (0..1) are paired as one changed item. See docs/commands.md, "How items are paired". */
export const SIMILARITY_THRESHOLD = 0.6;

const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'in',
  'into',
  'is',
  'it\u2019s',
  'its',
  'of',
  'on',
  'or',
  'such',
  'that',
  'the',
  'their',
  'this',
  'to',
  'with',
  'within',
]);

/**
 * The content words of a text: case-folded runs of letters and digits, stop words removed.
 * Digits stay, so "5+ years" and "7+ years" differ by one word.
 */
export function contentWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((w) => !STOP_WORDS.has(w));
}

/**
 * Dice coefficient of two word multisets: 2·|common| / (|a| + |b|), 1 for identical texts,
 * 0 when nothing is shared. Two texts with no content words at all count as identical only if equal.
 */
export function similarity(a: string, b: string): number {
  const wa = contentWords(a);
  const wb = contentWords(b);
  if (wa.length === 0 || wb.length === 0) return a.trim().toLowerCase() === b.trim().toLowerCase() ? 1 : 0;
  return dice(wa, wb);
}

/** Dice coefficient of two non-empty word lists taken as multisets. */
export function dice(wa: readonly string[], wb: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}
