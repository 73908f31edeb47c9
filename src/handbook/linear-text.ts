/**
 * Small string helpers for page text that keep every pattern linear: whitespace runs collapsed
 * before a sentence is matched, trailing characters trimmed by a loop instead of an unanchored
 * `[…]+$`, and one markdown-link pattern whose parts cannot overlap.
 */

/** Whitespace runs (spaces, tabs, line separators) as one space; the ends trimmed. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `text` without trailing characters of `chars` (and whitespace when `whitespace`). */
export function trimEndOf(text: string, chars: string, whitespace = true): string {
  let e = text.length;
  while (e > 0 && (chars.includes(text[e - 1]) || (whitespace && /\s/.test(text[e - 1])))) e--;
  return text.slice(0, e);
}

/**
 * A markdown link `[text](url "title")`: the text has no brackets and the target no parentheses, so
 * a failed match scans only up to the next bracket or parenthesis. Group 1 is the text, 2 the url.
 */
export const LINK_SOURCE = String.raw`\[([^\[\]]*)\]\(([^()\s]*)(?:\s[^()]*)?\)`;

/** A fresh global link pattern (a shared global RegExp would carry `lastIndex` between callers). */
export function linkPattern(flags = 'g'): RegExp {
  return new RegExp(LINK_SOURCE, flags);
}
