/** The newer handbook format: a folder with `_index.md` and one file per level (the corpus sample). */
import { describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assembleHugoFamily, importPages } from '../../src/import/import-pages.js';
import { GITLAB_FIXTURES } from '../helpers/corpus.js';
import { familyYaml } from '../../src/import/family-yaml.js';
import { familyMarkdown } from '../../src/handbook/write-page.js';
import { buildDataSet, loadFile } from '../../src/core/load.js';
import { loadSchemaSupport } from '../../src/io/schemas.js';

const DIR = join(GITLAB_FIXTURES, 'hugo-sample', 'alliances', 'technology-partner-manager');

describe('a Hugo job-family folder', () => {
  const read = (name: string) => ({ file: `tpm/${name}`, text: readFileSync(join(DIR, name), 'utf8') });
  const levels = readdirSync(DIR)
    .filter((n) => n !== '_index.md')
    .map(read);
  const page = assembleHugoFamily(read('_index.md'), levels)!;
  const result = importPages([page]);
  const fam = result.families[0].family as Record<string, any>;

  test('levels in weight order, each with its grade; page-level sections from _index.md', () => {
    expect(Object.entries(fam.roles).map(([id, r]: [string, any]) => [id, r.grade])).toEqual([
      ['associate-technology-partner-manager', 5],
      ['technology-partner-manager', 6],
      ['senior-technology-partner-manager', 7],
      ['manager-technology-partner-managers', 8],
      ['senior-manager-technology-partner-managers', 9],
    ]);
    expect(fam.title).toBe('Technology Partner Manager');
    expect(fam.roles['senior-technology-partner-manager'].extends).toBe('technology-partner-manager');
    expect(fam.hiring_process).toHaveLength(4);
    expect(fam.performance_indicators).toHaveLength(3);
  });

  test('reports point at the file and line where the text was written', () => {
    const files = new Set(result.reports.map((r) => r.file));
    expect([...files].every((f) => f.startsWith('tpm/'))).toBe(true);
    const prose = result.reports.find((r) => r.message.startsWith('hiring-process prose'))!;
    expect(prose.file).toBe('tpm/_index.md');
    expect(readFileSync(join(DIR, '_index.md'), 'utf8').split('\n')[prose.line - 1]).toMatch(/^Applicants for this position/);
  });
});

describe('a Hugo folder family in a set of pages', () => {
  const fm = (title: string, weight?: number) => `---\ntitle: "${title}"\n${weight ? `weight: ${weight}\n` : ''}---\n`;
  const level = (title: string, weight: number, grade: number, item: string) =>
    `${fm(title, weight)}\n### Job Grade\n\nThe ${title} is a grade ${grade}.\n\n### Responsibilities\n\n- ${item}\n`;
  const index = {
    file: 'widgets/_index.md',
    text: `${fm('Widget Engineering')}\nWidget Engineering builds widgets.\n\n## Performance Indicators\n\n- Widgets shipped\n\n## Career Ladder\n\n### After Senior\n\nThe next step is [Staff](/job-families/eng/widgets/staff/).\n`,
  };
  const levels = [
    { file: 'widgets/intermediate.md', text: level('Widget Engineer', 1, 6, 'Build widgets') },
    { file: 'widgets/senior.md', text: level('Senior Widget Engineer', 2, 7, 'Lead widget work') },
    { file: 'widgets/staff.md', text: level('Staff Widget Engineer', 3, 8, 'Set widget direction') },
  ];
  const other = {
    file: 'gadget-engineer.md',
    key: 'eng/gadget-engineer',
    text: `${fm('Gadget Engineer')}\n## Gadget Engineer\n\nThe Gadget Engineer is a grade 7.\n\nThe Gadget Engineer reports to the [Staff Engineer](/job-families/eng/widgets/staff/).\n\n### Requirements\n\n- Extends the [Senior](/job-families/eng/widgets/senior/) requirements\n`,
  };
  const SOURCE = 'https://handbook.gitlab.com/job-families/eng/widgets/';
  const result = importPages([assembleHugoFamily(index, levels, { key: 'eng/widgets', source: SOURCE })!, other]);
  const [widgets, gadgets] = result.families.map((f) => f.family as Record<string, any>);

  test("_index.md's text before its first heading is the family's summary, not the last level's", () => {
    expect(widgets.summary).toBe('Widget Engineering builds widgets.');
    expect(widgets.roles['staff-widget-engineer'].summary).toBeUndefined();
    expect(widgets.performance_indicators).toEqual(['Widgets shipped']);
    expect(result.reports.filter((r) => r.message.includes('builds widgets'))).toEqual([]);
  });

  test("a link to a level's own page is that level's role, from another page and from the family's career ladder", () => {
    expect(gadgets.roles['gadget-engineer']).toMatchObject({ reports_to: 'staff-widget-engineer', extends: 'senior-widget-engineer' });
    expect(gadgets.external).toBeUndefined();
    expect(widgets.career_ladder).toBe('The next step is [Staff](/job-families/eng/widgets/staff/).');
    expect(widgets.next).toEqual(['staff-widget-engineer']);
    expect(widgets.external).toBeUndefined();
  });

  test('through export and back, the family keeps its place in the current handbook and the references to its levels', async () => {
    const schemas = await loadSchemaSupport();
    const ds = buildDataSet(result.families.map((f) => loadFile({ file: `${f.family.id}.yaml`, text: familyYaml(f.family, null) }, schemas)));
    const page = familyMarkdown(ds, ds.familyById.get('widget-engineering')!);
    expect(page).toMatch(/^canonical_path: "https:\/\/handbook\.gitlab\.com\/job-families\/eng\/widgets\/"$/m);
    const again = importPages(ds.families.map((f) => ({ file: `${f.id}.md`, text: familyMarkdown(ds, f) })));
    const [w, g] = again.families.map((f) => f.family as Record<string, any>);
    expect(widgets.source).toBe(SOURCE);
    expect(w.source).toBe(SOURCE);
    expect(w.next).toEqual(widgets.next);
    expect(g.roles['gadget-engineer']).toMatchObject({ reports_to: 'staff-widget-engineer', extends: 'senior-widget-engineer' });
  });
});
