/**
 * "Did you mean" for many unknown names at once. One suggestion compares a name with every
 * candidate, so suggesting for each of n unknown names among n candidates is quadratic. A budget
 * keeps it linear: the first few names always get a suggestion; after them, suggestions stop once
 * the comparisons reach a fixed total. Every name is still reported by the caller, later ones
 * without a hint.
 */
import { didYouMean } from './suggest.js';

export class SuggestionBudget {
  private compared = 0;
  private suggested = 0;
  constructor(
    /** Names that always get a suggestion. */
    private readonly always = 20,
    /** Name-to-candidate comparisons allowed beyond them. */
    private readonly budget = 200_000,
    /** Longer names are no typo of a candidate. */
    private readonly maxLength = 80,
  ) {}

  /** " (did you mean …?)", or "" when nothing is close or the budget is spent. */
  suggest(input: string, candidates: { readonly size: number; keys(): Iterable<string> }): string {
    if (input.length > this.maxLength) return '';
    if (this.suggested >= this.always) {
      if (this.compared + candidates.size > this.budget) return '';
      this.compared += candidates.size;
    }
    this.suggested++;
    return didYouMean(input, candidates.keys());
  }
}
