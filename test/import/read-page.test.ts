/** Importing whole pages: the messy fixture (every irregularity at once) and a real ERB page with its partial. */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPages, placeOf } from '../../src/import/import-pages.js';
import { familyYaml } from '../../src/import/family-yaml.js';
import { FIXTURES } from '../helpers/run-cli.js';
import { expectGolden } from '../helpers/golden.js';

const dir = join(FIXTURES, 'import');
const read = (p: string) => readFileSync(join(dir, p), 'utf8');

describe('a messy page', () => {
  const result = importPages([{ file: 'messy/index.html.md', text: read('messy/index.html.md') }]);
  const fam = result.families[0].family as Record<string, any>;

  test('front matter without its opening fence still gives the title', () => {
    expect(fam.title).toBe('Widget Operations');
    expect(fam.id).toBe('widget-operations');
  });

  test('roles by content, grades in every spelling, levels after the roles', () => {
    expect(Object.entries(fam.roles).map(([id, r]: [string, any]) => [id, r.title, r.grade])).toEqual([
      ['widget-operator', 'Widget Operator (Intermediate)', 6],
      ['senior-widget-operator', 'Senior Widget Operator', 7],
      ['manager-widget-operations', 'Manager, Widget Operations', 8.5],
    ]);
  });

  test('a bold heading, mixed markers and lazy lines before the levels are family items', () => {
    expect(fam.responsibilities).toEqual(['Keep widgets running', 'Report widget incidents to the on-call channel']);
    expect(fam.requirements).toEqual(['Ability to use GitLab']);
    expect(fam.roles['widget-operator'].responsibilities).toEqual(['Run the nightly widget audit', 'Escalate broken widgets']);
  });

  test('inheritance phrases become extends and are not kept as items', () => {
    expect(fam.roles['senior-widget-operator'].extends).toBe('widget-operator');
    expect(fam.roles['senior-widget-operator'].requirements).toEqual(['5+ years operating widgets']);
    expect(fam.roles['manager-widget-operations'].extends).toBe('staff-gadget-engineer');
    expect(fam.external['staff-gadget-engineer']).toEqual({ title: 'Staff Gadget Engineer', url: '/job-families/engineering/gadgets/#staff-gadget-engineer' });
  });

  test('reports-to by anchor, specialties, performance indicators, career ladder, hiring steps', () => {
    expect(fam.roles['widget-operator'].reports_to).toBe('manager-widget-operations');
    expect(fam.specialties).toEqual({ 'night-shift': { title: 'Night shift', responsibilities: ['Cover the night shift'] } });
    expect(fam.performance_indicators).toEqual(['Widget uptime']);
    expect(fam.next).toEqual(['gadgets']);
    expect(fam.hiring_process).toEqual(['A screening call', 'A team interview']);
  });

  test('what could not be placed, and choices made, are reported with their line', () => {
    expect(result.reports.map((r) => `${r.line}: ${r.message}`)).toEqual([
      '43: "Manager, Widget Operations" is given grades 8.5 and 9; kept 8.5',
      '67: hiring-process prose: "Candidates can expect:" (skipped)',
      '72: "<!-- a comment the importer cannot place -->" (skipped)',
    ]);
  });

  test('YAML output', () => expectGolden('import/messy.yaml', familyYaml(result.families[0].family, '../schemas/family.schema.json')));
});

describe('an ERB page with a partial (real page, cut after two levels)', () => {
  const page = 'sales/sales-analytics-analyst-jf/index.html.md.erb';
  const partials = new Map([['job-families/sales/performance', read('sales/_performance.erb')]]);
  const withPartial = importPages([{ file: page, text: read(page), partial: (n) => partials.get(n) }]);
  const without = importPages([{ file: page, text: read(page) }]);

  test('the partial is expanded with its locals and placed', () => {
    expect(withPartial.families[0].family.performance_indicators).toEqual([
      'As with all roles in the Sales Department the Sales Analytics Analyst participates in the [Sales KPIs](/company/kpis/#sales-kpis).',
    ]);
    expect(withPartial.reports.filter((r) => r.line === 9)).toEqual([]);
  });

  test('without the partial, the ERB line is reported, not dropped', () => {
    expect(without.reports.find((r) => r.line === 9)?.message).toMatch(/<%= partial\(.*\(skipped\)$/);
  });

  test('levels, grades, extends across "Extends that of the …" and "reports to" a role on another page', () => {
    const fam = withPartial.families[0].family as Record<string, any>;
    expect(Object.keys(fam.roles)).toEqual(['junior-sales-analytics-analyst', 'sales-analytics-analyst']);
    expect(fam.roles['sales-analytics-analyst']).toMatchObject({
      grade: 6,
      extends: 'junior-sales-analytics-analyst',
      reports_to: 'senior-manager-sales-strategy',
    });
    expect(fam.roles['sales-analytics-analyst'].responsibilities[0]).toBe('Perform data integrity audits');
    expect(fam.external['senior-manager-sales-strategy']).toEqual({ title: 'Senior Manager, Sales Strategy', url: '/job-families/sales/sales-strategy/' });
  });
});

describe('ids across an imported set', () => {
  test('a role id taken by another page gets the page name; a family named like its role gets -family', () => {
    const page = (title: string, role: string) =>
      `---\nlayout: job_family_page\ntitle: ${title}\n---\n## Levels\n### ${role}\nThe ${role} is a grade 6.\n#### Responsibilities\n* Work\n`;
    const r = importPages([
      { file: 'a/index.html.md', text: page('Analyst', 'Analyst'), key: 'finance/analyst' },
      { file: 'b/index.html.md', text: page('Data', 'Analyst'), key: 'finance/data' },
    ]);
    expect(r.families.map((f) => [f.family.id, Object.keys(f.family.roles)])).toEqual([
      ['analyst-family', ['analyst']],
      ['data', ['analyst-data']],
    ]);
    expect(r.reports.map((x) => x.message)).toContain('role id `analyst` is already used in this import; "Analyst" is `analyst-data`');
  });

  test('a page with no graded role gives no family and says so', () => {
    const r = importPages([{ file: 'x.md', text: '---\nlayout: job_family_page\ntitle: X\n---\n## Responsibilities\n* Work\n' }]);
    expect(r.families).toEqual([]);
    expect(r.reports.map((x) => x.message)).toEqual([expect.stringMatching(/^no role with a grade found on this page/)]);
  });
});

describe('placeOf: where a page sits in the handbook', () => {
  test.each([
    ['/x/handbook/job-families/sales/foo/index.html.md', undefined, { key: 'sales/foo', exact: true }],
    ['/tmp/pages/engineering/development/backend/index.html.md.erb', '/tmp/pages', { key: 'engineering/development/backend', exact: true }],
    ['/tmp/pages/sales/foo/index.html.md', '/tmp/pages/sales/', { key: 'sales/foo', exact: false }],
    ['/a/b/c/index.html.md', undefined, { key: 'b/c', exact: false }],
    ['notes/page.md', undefined, undefined],
    // The current handbook: `<key>.md`, a folder family's `<key>/_index.md`.
    ['/tmp/pages/engineering/support-management.md', '/tmp/pages', { key: 'engineering/support-management', exact: true, current: true }],
    ['/tmp/pages/engineering/development/frontend/_index.md', '/tmp/pages', { key: 'engineering/development/frontend', exact: true, current: true }],
    ['/x/content/job-families/sales/foo.md', undefined, { key: 'sales/foo', exact: true, current: true }],
    ['/tmp/pages/sales/foo.md', '/tmp/pages/sales', { key: 'sales/foo', exact: false, current: true }],
  ])('%s (imported under %s)', (path, root, place) => expect(placeOf(path, root)).toEqual(place));
});

describe('item annotations written by `ladder export`', () => {
  const page = (item: string) => `---\nlayout: job_family_page\ntitle: A\n---\n### Analyst\nThe Analyst is a grade 6.\n#### Requirements\n* ${item}\n`;
  test('id, years, area and skills come back; the comment is not part of the text', () => {
    const r = importPages([
      { file: 'a.md', text: page('5+ years of SQL <!-- ladder: {"id":"sql-years","years":5,"area":"sql","skills":{"any":["postgres","mysql"]}} -->') },
    ]);
    expect(r.families[0].family.roles.analyst.requirements).toEqual([
      { id: 'sql-years', text: '5+ years of SQL', years: 5, area: 'sql', skills: { any: ['postgres', 'mysql'] } },
    ]);
  });
  test.each([
    ['not JSON', '<!-- ladder: {id: x} -->', /not valid JSON/],
    ['a bad id', '<!-- ladder: {"id":"Not An Id"} -->', /unusable `id`/],
    ['an unknown key', '<!-- ladder: {"weight":3} -->', /unusable `weight`/],
  ])('%s: the text is kept and the line reported', (_name, comment, message) => {
    const r = importPages([{ file: 'a.md', text: page(`Knows SQL ${comment}`) }]);
    expect(r.families[0].family.roles.analyst.requirements).toEqual(['Knows SQL']);
    expect(r.reports).toEqual([{ file: 'a.md', line: 8, message: expect.stringMatching(message) }]);
  });
});

describe('content that continues a role under another heading', () => {
  const fm = '---\nlayout: job_family_page\ntitle: T\n---\n';
  test('the role title again after its Job Grade ("## ESG Manager" twice)', () => {
    const r = importPages([
      {
        file: 'a.md',
        text: `${fm}## ESG Manager\n### ESG Manager Job Grade\nThe ESG Manager is a grade 7.\n## ESG Manager\n### ESG Manager Responsibilities\n* Report on ESG\n`,
      },
    ]);
    expect(r.families[0].family.roles['esg-manager'].responsibilities).toEqual(['Report on ESG']);
    expect(r.reports).toEqual([]);
  });
  test('a generic "Role" heading after the grade', () => {
    const r = importPages([
      {
        file: 'a.md',
        text: `${fm}### Chief of Staff\n#### Job Grade\nThe Chief of Staff is a grade 11.\n## Role\nThe Chief of Staff helps.\n## Responsibilities\n* Run the staff meeting\n`,
      },
    ]);
    const role = r.families[0].family.roles['chief-of-staff'];
    expect(role).toMatchObject({ grade: 11, summary: 'The Chief of Staff helps.', responsibilities: ['Run the staff meeting'] });
  });
});
