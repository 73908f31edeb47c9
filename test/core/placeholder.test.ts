/**
 * placeholderOf dismisses most texts with one regular expression (what every placeholder holds)
 * before it normalises them: every way a placeholder can be written must still be found, and the
 * texts that only hold its words must not be.
 */
import { describe, expect, test } from '@jest/globals';
import { placeholderOf } from '../../src/core/placeholder.js';

const PLACEHOLDERS = [
  'TBD',
  'tba',
  'TbC',
  'To be determined',
  'to be defined',
  'To Be Decided',
  'to be announced',
  'TO BE CONFIRMED',
  'Coming soon',
  'More to come',
  'Placeholder',
];
/** Ways of writing one that `placeholderOf` reads through: emphasis, brackets, spaces, punctuation, a label. */
const WRITINGS: ((p: string) => string)[] = [
  (p) => p,
  (p) => `**${p}**`,
  (p) => `_${p}…_`,
  (p) => `(${p}).`,
  (p) => `[${p}]`,
  (p) => p.replace(/ /g, '\u00a0'),
  (p) => p.replace(/ /g, ' *'),
  (p) => p.replace(/ /g, '`  `'),
  (p) => p.replace(/ /g, '\n'),
  (p) => `Sales: ${p}`,
  (p) => `Field marketing: *${p}*!`,
  (p) => `  ${p} ;`,
];

describe('placeholderOf', () => {
  test('finds every placeholder however it is written', () => {
    for (const p of PLACEHOLDERS) for (const write of WRITINGS) expect([write(p), placeholderOf(write(p))]).toEqual([write(p), expect.any(String)]);
  });

  test('finds nothing in texts that only hold placeholder words', () => {
    for (const text of [
      'TBD items are tracked in the team issue',
      'To be successful you will',
      'Coming up with plans',
      'to-be determined',
      'T.B.D.',
      'More: to come later',
      'x'.repeat(61) + ' TBD',
    ])
      expect([text, placeholderOf(text)]).toEqual([text, null]);
  });
});
