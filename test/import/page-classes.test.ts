/**
 * Classes of handbook pages the importer misread before, each as a small page: grade tables linking
 * levels to their own pages, sub-headings inside a Requirements section, placeholders, a "Job Grade"
 * heading glued to the title, a grade stated under "Job Grades", specialties at the Specialties
 * heading's depth, ids of specialties whose heading is a link, section names with a qualifier after
 * them ("Requirements for all Widget Engineer roles") and "Nice-to-have Requirements".
 */
import { describe, expect, test } from '@jest/globals';
import { importPages } from '../../src/import/import-pages.js';

const imp = (text: string) => importPages([{ file: 'p.md', text: `---\ntitle: "Widget Engineer"\n---\n\n${text}\n` }]);
type Fam = Record<string, any>;
const fam = (text: string) => imp(text).families[0].family as Fam;

describe('page classes', () => {
  test('a one-column grade table whose rows link each level to its own page gives the grades', () => {
    const f = fam(
      '## Levels\n\n| Levels |\n|---|\n| [Intermediate](intermediate) | [Grade 6](/comp/) |\n| [Senior](senior-widget-engineer) | [Grade 7](/comp/) |\n\n### Widget Engineer\n\n#### Responsibilities\n\n- Build widgets\n\n### Senior Widget Engineer\n\n#### Responsibilities\n\n- Lead widget work\n',
    );
    expect(Object.entries(f.roles).map(([id, r]: [string, any]) => [id, r.grade])).toEqual([
      ['widget-engineer', 6],
      ['senior-widget-engineer', 7],
    ]);
  });

  test('sub-headings inside Requirements keep their items in requirements (support-engineer)', () => {
    const f = fam(
      '## Widget Engineer\n\n### Job Grade\n\nThe Widget Engineer is a grade 6.\n\n### What you can expect\n\n- Ship widgets\n\n## Requirements\n\n### You should apply if:\n\n### You have the personality\n\n- Kind\n- Curious\n\n### Technical acumen\n\n- Widgets\n',
    );
    const r = f.roles['widget-engineer'];
    expect(r.requirements).toEqual(['Kind', 'Curious', 'Widgets']);
    expect(r.responsibilities).toEqual(['Ship widgets']);
  });

  test('placeholders are reported, not imported', () => {
    const result = imp(
      '### Widget Engineer\n\nThe Widget Engineer is a grade 6.\n\n#### Responsibilities\n\n- TBD\n- Build widgets\n\n#### Requirements\n\nComing soon.\n',
    );
    const r = (result.families[0].family as Fam).roles['widget-engineer'];
    expect(r.responsibilities).toEqual(['Build widgets']);
    expect(r.requirements).toBeUndefined();
    expect(result.reports.filter((x) => x.message.startsWith('placeholder')).map((x) => `${x.line}: ${x.message}`)).toEqual([
      '11: placeholder "TBD" (skipped)',
      '16: placeholder "Coming soon" (skipped)',
    ]);
  });

  test('"AnalystJob Grade" and a grade sentence under "Job Grades"', () => {
    const a = fam('### Widget Analyst\n\n#### Widget AnalystJob Grade\n\nThe Widget Analyst is a grade 6.\n\n#### Responsibilities\n\n- Analyse\n');
    expect(a.roles['widget-analyst'].grade).toBe(6);
    const b = fam('## Widget Manager\n\nManages widgets.\n\n## Job Grades\n\nThe Widget Manager is a [grade 8](/comp/).\n\n### Responsibilities\n\n- Manage\n');
    expect(Object.values(b.roles).map((r: any) => [r.title, r.grade])).toEqual([['Widget Manager', 8]]);
  });

  test('specialties at the depth of the Specialties heading; a linked heading is not a specialty and no id holds a URL', () => {
    const f = fam(
      '### Widget Engineer\n\nThe Widget Engineer is a grade 6.\n\n#### Responsibilities\n\n- Build\n\n### Specialties\n\n### Widget Engineer (Frontend)\n\n#### Widget Engineer (Frontend) Responsibilities\n\n- Frontend widgets\n\n#### [What it is like to work here](https://example.com/jobs/faq/#whats-it-like) at GitLab:\n\nCulture.\n\n### Widget Engineer (Backend, Databases, Queues, Caches, Search, Storage, Observability and Operations)\n\n- Backend widgets\n',
    );
    expect(Object.keys(f.specialties)).toEqual(['widget-engineer-frontend', 'widget-engineer-backend-databases-queues-caches-search-storage']);
    for (const id of Object.keys(f.specialties ?? {})) {
      expect(id).not.toMatch(/https?|example-com/);
      expect(id.length).toBeLessThanOrEqual(64);
    }
  });

  test('a section name with a qualifier after it is that section ("Requirements for …", "(all levels)", "Additional Responsibilities Unique to …")', () => {
    const f = fam(
      '## Responsibilities for Widget Engineer roles\n\n- Build widgets\n\n## Requirements (all levels)\n\n- Patience\n\n## Levels\n\n### Widget Engineer\n\nThe Widget Engineer is a grade 6.\n\n#### Base Requirements Across All Levels\n\n- Curiosity\n\n### Specialties\n\n#### Night shift\n\n##### Additional Responsibilities Unique to Night shift Include\n\n- Cover the night\n\n##### Requirements\n\n- Stay awake\n',
    );
    expect(f.responsibilities).toEqual(['Build widgets']);
    expect(f.requirements).toEqual(['Patience', 'Curiosity']);
    expect(f.roles['widget-engineer'].responsibilities).toBeUndefined();
    expect(f.specialties['night-shift']).toMatchObject({ responsibilities: ['Cover the night'], requirements: ['Stay awake'] });
  });

  test('"Nice-to-have Requirements" and "Preferred Requirements" are nice-to-haves, not requirements', () => {
    const f = fam(
      '### Widget Engineer\n\nThe Widget Engineer is a grade 6.\n\n#### Requirements\n\n- Patience\n\n#### Nice-to-have Requirements\n\n- Gadget experience\n\n### Senior Widget Engineer\n\nThe Senior Widget Engineer is a grade 7.\n\n#### Requirements\n\n- Leadership\n\n#### Preferred Requirements\n\n- Mentoring\n',
    );
    expect(f.roles['widget-engineer']).toMatchObject({ requirements: ['Patience'], nice_to_haves: ['Gadget experience'] });
    expect(f.roles['senior-widget-engineer']).toMatchObject({ requirements: ['Leadership'], nice_to_haves: ['Mentoring'] });
  });
});
