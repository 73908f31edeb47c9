/**
 * The seed page (GitLab's Education Services job family), imported together with the page it extends
 * from, against the bundled data that was modelled from the same pages by hand. Roles, grades,
 * reports-to, extends and item texts must agree; the differences listed at the end are modelling
 * choices the importer cannot make from the text alone (documented in docs/import-export.md, "The seed page against the bundled data").
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPages, placeOf, type FamilyObject } from '../../src/import/import-pages.js';
import { loadPaths } from '../../src/io/data.js';
import { SECTIONS, type DataSet, type RoleDef } from '../../src/core/model.js';
import { DATA, ROOT } from '../helpers/run-cli.js';
import { GITLAB_FIXTURES } from '../helpers/corpus.js';

const CORPUS = join(GITLAB_FIXTURES, 'pages', 'sales');
const SEED = join(CORPUS, 'professional-services-education-services', 'index.html.md');
const TID = join(CORPUS, 'technical-instructional-designer', 'index.html.md');

const texts = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : (x as { text: string }).text)) : []);
const own = (r: RoleDef) => Object.fromEntries(SECTIONS.map((s) => [s, r.sections[s].map((i) => i.text)]));

describe('the seed page against data/education-services.yaml', () => {
  let ds: DataSet;
  let seed: FamilyObject;
  let tid: FamilyObject;
  const inputs = [SEED, TID].map((abs) => ({ file: abs, text: readFileSync(abs, 'utf8'), key: placeOf(abs)?.key }));
  const result = importPages(inputs);

  test('both pages give a family', async () => {
    ds = (await loadPaths([DATA], ROOT)).ds;
    expect(result.families).toHaveLength(2);
    [seed, tid] = result.families.map((f) => f.family);
  });

  test('the same roles, in page order, with the same ids and titles', () => {
    for (const [fam, id] of [
      [seed, 'education-services'],
      [tid, 'technical-instructional-designer-family'],
    ] as const) {
      const expected = ds.familyById.get(id)!.roleIds.map((r) => [r, ds.roles.get(r)!.title]);
      expect(Object.entries(fam.roles).map(([r, o]) => [r, o.title])).toEqual(expected);
    }
  });

  test('grades, levels, reports_to, extends and summaries', () => {
    for (const fam of [seed, tid]) {
      for (const [id, r] of Object.entries(fam.roles)) {
        const want = ds.roles.get(id)!;
        expect({ id, grade: r.grade, level: r.level, reports_to: r.reports_to, extends: r.extends, summary: r.summary }).toEqual({
          id,
          grade: want.grade,
          level: want.level,
          reports_to: want.reportsTo,
          extends: want.extends,
          summary: want.summary,
        });
      }
    }
  });

  test('item texts of every role, section by section (the "outlined above" items copied where the page says so)', () => {
    for (const fam of [seed, tid]) {
      for (const [id, r] of Object.entries(fam.roles)) {
        const got = Object.fromEntries(SECTIONS.map((s) => [s, texts(r[s])]));
        const want = own(ds.roles.get(id)!);
        // Documented difference: the bundled data puts the Technical Instructor's "Performance Indicator"
        // section (which follows its roles at page level) on that role; the importer keeps page-level
        // sections on the family.
        if (id === 'technical-instructor') want.performance_indicators = [];
        expect({ id, ...got }).toEqual({ id, ...want });
      }
    }
  });

  test('family items, summary and external references', () => {
    const want = ds.familyById.get('technical-instructional-designer-family')!;
    for (const s of SECTIONS) expect(texts((tid as Record<string, unknown>)[s])).toEqual(want.sections[s].map((i) => i.text));
    expect(tid.summary).toBe(want.summary);
    expect(tid.hiring_process).toEqual(want.hiringProcess);
    expect(tid.career_ladder).toBe(want.careerLadder);
    const es = ds.familyById.get('education-services')!;
    expect(seed.summary).toBe(es.summary);
    expect(Object.keys(seed.external as object).sort()).toEqual([...es.external.keys()].sort());
    expect(seed.next).toEqual(es.next);
    expect(tid.next).toEqual(['global-education-services']);
  });

  test('the documented differences, so a change on either side is noticed', () => {
    const es = ds.familyById.get('education-services')!;
    // Family id: kebab-case of the page title ("Global Education Services"); the data uses the page's URL name.
    expect(seed.id).toBe('global-education-services');
    // Page-level "Performance Indicator" after the Technical Instructor roles: on the family here.
    expect(texts(seed.performance_indicators)).toEqual([
      ...texts(ds.roles.get('technical-instructor')!.sections.performance_indicators.map((i) => i.text)),
      ...es.sections.performance_indicators.map((i) => i.text),
    ]);
    // Both "Hiring Process" sections of the page are family steps, in page order; the data gives the first one to the Technical Instructor roles.
    expect(seed.hiring_process).toEqual([...ds.roles.get('technical-instructor')!.hiringProcess!, ...es.hiringProcess!]);
    // Both "Career Ladder" sections, in page order (the data puts the family one first).
    expect(String(seed.career_ladder).split('\n\n').sort()).toEqual(String(es.careerLadder).split('\n\n').sort());
    // Structured requirements (ids, years, skills) and ladders are modelling the importer does not invent.
    expect(JSON.stringify(seed)).not.toMatch(/"years"|"skills"|"ladders"/);
  });
});
