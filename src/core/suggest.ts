import { distance } from 'fastest-levenshtein';

/** Edit distance up to which a candidate is a plausible typo of `needle` (lower-cased). */
const limitFor = (needle: string) => Math.max(2, Math.floor(needle.length / 3));

/** A candidate's distance to `needle`, or -1 when it is not close enough. */
function score(needle: string, hay: string, limit: number): number {
  if (Math.abs(hay.length - needle.length) > limit && !hay.includes(needle)) return -1;
  const d = hay.includes(needle) || needle.includes(hay) ? Math.min(distance(needle, hay), limit) : distance(needle, hay);
  return d <= limit ? d : -1;
}

const best = (scored: [string, number][], max: number) => {
  scored.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  return scored.slice(0, max).map((s) => s[0]);
};

/**
 * The candidates closest to `input` (case-insensitive edit distance), best first,
 * or none when nothing is close enough to be a plausible typo.
 */
export function closest(input: string, candidates: Iterable<string>, max = 3): string[] {
  return best(scoreAll(input.toLowerCase(), candidates), max);
}

function scoreAll(needle: string, candidates: Iterable<string>): [string, number][] {
  const limit = limitFor(needle);
  const scored: [string, number][] = [];
  for (const c of candidates) {
    const d = score(needle, c.toLowerCase(), limit);
    if (d !== -1) scored.push([c, d]);
  }
  return scored;
}

/** " (did you mean `a` or `b`?)" or "". */
export function didYouMean(input: string, candidates: Iterable<string>, max = 3): string {
  return phrase(closest(input, candidates, max));
}

export function phrase(found: string[]): string {
  if (found.length === 0) return '';
  const quoted = found.map((f) => `\`${f}\``);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  return ` (did you mean ${list}?)`;
}

/** Candidates fully compared per query, at most, once the index has narrowed them down. */
const SHORTLIST = 64;
/** Posting lists longer than this are too common to narrow anything down and are skipped. */
const COMMON = 256;

/**
 * "Did you mean" over a large, fixed set of candidates (every role id of a data set): candidates are
 * indexed by their character trigrams, and a query compares only the few that share the most of its
 * rare trigrams, so 20,000 unresolved references against 20,000 roles stay linear. Small sets are
 * compared in full, as `closest` does.
 */
export class SuggestionIndex {
  private readonly lower: string[];
  private readonly postings = new Map<string, number[]>();

  constructor(private readonly candidates: readonly string[]) {
    this.lower = candidates.map((c) => c.toLowerCase());
    if (candidates.length <= SHORTLIST) return;
    this.lower.forEach((c, i) => {
      for (const g of trigrams(c)) {
        const list = this.postings.get(g);
        if (!list) this.postings.set(g, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    });
  }

  /** Scored candidates for `input`: [candidate, distance]. */
  scored(input: string): [string, number][] {
    const needle = input.toLowerCase();
    if (this.candidates.length <= SHORTLIST) return scoreAll(needle, this.candidates);
    const hits = new Map<number, number>();
    for (const g of trigrams(needle)) {
      const list = this.postings.get(g);
      if (!list || list.length > COMMON) continue;
      for (const i of list) hits.set(i, (hits.get(i) ?? 0) + 1);
    }
    const shortlist = [...hits].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, SHORTLIST);
    const limit = limitFor(needle);
    const out: [string, number][] = [];
    for (const [i] of shortlist) {
      const d = score(needle, this.lower[i], limit);
      if (d !== -1) out.push([this.candidates[i], d]);
    }
    return out;
  }

  /** " (did you mean …?)" for `input`, also considering a few `extra` candidates compared in full. */
  didYouMean(input: string, extra: Iterable<string> = [], max = 3): string {
    return phrase(best([...this.scored(input), ...scoreAll(input.toLowerCase(), extra)], max));
  }
}

function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  const padded = ` ${s} `;
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}
