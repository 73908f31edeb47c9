/**
 * The corpus measure's bullet count (src/import/measure.ts) reads headings itself: a section name
 * with a qualifier after it counts ("Requirements for all Widget Engineer roles"), a heading that names
 * nice-to-haves does not ("Nice-to-have Requirements"), and a bullet in the wrong section is a miss.
 */
import { describe, expect, test } from '@jest/globals';
import { importPages } from '../../src/import/import-pages.js';
import { measureCorpus } from '../../src/import/measure.js';

const text = `---
title: "Widget Engineer"
---

## Requirements for all Widget Engineer roles

- Patience

### Widget Engineer

The Widget Engineer is a grade 6.

#### Responsibilities

- Build widgets

#### Nice-to-have Requirements

- Gadget experience
`;

describe('the corpus measure', () => {
  const inputs = [{ file: 'p.md', text }];

  test('counts the bullets of a qualified section name, not those of nice-to-haves', () => {
    const m = measureCorpus(inputs, importPages(inputs), new Map());
    expect(m.totals.bullets).toEqual({ responsibilities: { found: 1, placed: 1, reported: 0 }, requirements: { found: 1, placed: 1, reported: 0 } });
    expect(m.misses.bullets).toEqual([]);
  });

  test('a requirement imported as a responsibility is a miss', () => {
    const result = importPages(inputs);
    const fam = result.families[0].family as Record<string, any>;
    fam.responsibilities = fam.requirements;
    delete fam.requirements;
    const m = measureCorpus(inputs, result, new Map());
    expect(m.misses.bullets).toEqual(['p.md:7: requirements bullet landed in responsibilities: Patience']);
    expect(m.totals.bulletPagesOff).toBe(1);
  });
});
