import { expect, test } from '@jest/globals';
import { SuggestionBudget } from '../../src/core/suggest-budget.js';

test('the first names always get a suggestion; later ones only within the budget', () => {
  const ids = new Set(Array.from({ length: 1000 }, (_, i) => `role-${i}`));
  const budget = new SuggestionBudget(2, 2500);
  const hints = Array.from({ length: 6 }, (_, i) => budget.suggest(`rol-${i}`, ids));
  // 2 always; then 2 more fit in 2,500 comparisons of 1,000 ids each; the rest get none.
  expect(hints.map((h) => h.startsWith(' (did you mean `role-'))).toEqual([true, true, true, true, false, false]);
  expect(new SuggestionBudget().suggest('x'.repeat(81), new Set(['x'.repeat(81)]))).toBe('');
});
