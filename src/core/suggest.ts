import { distance } from 'fastest-levenshtein';

/**
 * The candidates closest to `input` (case-insensitive edit distance), best first,
 * or none when nothing is close enough to be a plausible typo.
 */
export function closest(input: string, candidates: Iterable<string>, max = 3): string[] {
  const needle = input.toLowerCase();
  const limit = Math.max(2, Math.floor(needle.length / 3));
  const scored: [string, number][] = [];
  for (const c of candidates) {
    const hay = c.toLowerCase();
    if (Math.abs(hay.length - needle.length) > limit && !hay.includes(needle)) continue;
    const d = hay.includes(needle) || needle.includes(hay) ? Math.min(distance(needle, hay), limit) : distance(needle, hay);
    if (d <= limit) scored.push([c, d]);
  }
  scored.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  return scored.slice(0, max).map((s) => s[0]);
}

/** " (did you mean `a` or `b`?)" or "". */
export function didYouMean(input: string, candidates: Iterable<string>, max = 3): string {
  const found = closest(input, candidates, max);
  if (found.length === 0) return '';
  const quoted = found.map((f) => `\`${f}\``);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  return ` (did you mean ${list}?)`;
}
