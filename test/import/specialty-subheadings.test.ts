/**
 * Sub-headings of a specialty that do not read like a name ("#### Additional Responsibilities Unique
 * to US Federal Include") are part of the specialty, and so is a section heading at their depth right
 * after them ("#### Requirements"): before, both were reported as "not a role" and their bullets lost.
 * A cut of GitLab's current support-management page (test/fixtures/import/NOTICE.md).
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPages } from '../../src/import/import-pages.js';
import { measureCorpus } from '../../src/import/measure.js';
import { ROOT } from '../helpers/run-cli.js';

const FILE = 'support-management.md';
const text = readFileSync(join(ROOT, 'test', 'fixtures', 'import', 'specialty-subheadings', FILE), 'utf8');

describe('sub-headings of a specialty', () => {
  const inputs = [{ file: FILE, text }];
  const result = importPages(inputs);
  const fam = result.families[0].family as Record<string, any>;

  test('their items, and a section at their depth after them, stay with the specialty', () => {
    expect(fam.specialties['us-federal-support-manager'].responsibilities).toEqual([
      'Work closely with Public Sector CSM and SAEs in order to adapt to the needs of the unique user base',
      'Be responsible for maintaining customer confidentiality and data security when working with cases',
    ]);
    expect(fam.specialties['us-federal-support-manager'].requirements).toEqual(['Valid proof of US Citizenship']);
    expect(fam.specialties['director-of-support-readiness'].responsibilities).toEqual([
      'Manage multiple teams and projects affecting consistent global execution',
      'Own the support readiness and operations across all products',
    ]);
    expect(Object.keys(fam.specialties)).toEqual(['us-federal-support-manager', 'director-of-support-readiness']);
    expect(result.reports.filter((r) => /not a role/.test(r.message))).toEqual([]);
  });

  test("the page's canonical_path, on a page of the current handbook, is its source there", () => {
    expect(fam.source).toBe('https://handbook.gitlab.com/job-families/engineering/support-management/');
  });

  test('the corpus measure finds every bullet in its section', () => {
    const m = measureCorpus(inputs, result, new Map());
    expect(m.misses.bullets).toEqual([]);
    expect(m.totals.bullets.requirements).toEqual({ found: 1, placed: 1, reported: 0 });
    expect(m.totals.bulletPagesOff).toBe(0);
  });
});
