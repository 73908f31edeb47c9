/** `ladder export` through `run`: markdown and JSON on a small fixture data set (golden), errors, round trip. */
import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { expectGolden } from '../helpers/golden.js';
import { importPages } from '../../src/import/import-pages.js';

const DATA = join('test', 'fixtures', 'import', 'export-data');

describe('ladder export', () => {
  test('--format markdown: a handbook page in template-1 layout', async () => {
    const r = await runCli(['--data', DATA, 'export', 'widget-operations']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expectGolden('export/widget-operations.md', r.stdout);
  });

  test('--format json: the resolved family, roles as `show --format json`', async () => {
    const r = await runCli(['--data', DATA, 'export', 'widget-operations', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.roles.map((x: { id: string }) => x.id)).toEqual(['widget-operator', 'senior-widget-operator', 'manager-widget-operations']);
    const senior = json.roles[1];
    expect(senior.extends).toEqual(['widget-operator']);
    // Family items first, then the parent's, with the senior years replacing the intermediate ones in place.
    expect(senior.requirements.map((i: { text: string; from: string; overrides: string | null }) => [i.text, i.from, i.overrides])).toEqual([
      ['Ability to use GitLab', 'widget-operations', null],
      ['5+ years operating widgets', 'senior-widget-operator', 'widget-operator'],
    ]);
    const show = await runCli(['--data', DATA, 'show', 'senior-widget-operator', '--format', 'json']);
    expect(senior).toEqual(JSON.parse(show.stdout));
    expectGolden('export/widget-operations.json', r.stdout);
  });

  test('the exported page imports back to the same roles and references (other family not imported: an external entry)', async () => {
    const r = await runCli(['--data', DATA, 'export', 'widget-operations']);
    const fam = importPages([{ file: 'widget-operations.md', text: r.stdout }]).families[0].family as Record<string, any>;
    expect(fam.id).toBe('widget-operations');
    expect(Object.entries(fam.roles).map(([id, x]: [string, any]) => [id, x.grade, x.reports_to, x.extends])).toEqual([
      ['widget-operator', 6, 'manager-widget-operations', undefined],
      ['senior-widget-operator', 7, 'manager-widget-operations', 'widget-operator'],
      ['manager-widget-operations', 8, 'director-of-gadgets', 'staff-gadget-engineer'],
    ]);
    expect(fam.external['staff-gadget-engineer']).toEqual({
      title: 'Staff Gadget Engineer',
      url: 'https://about.gitlab.com/job-families/engineering/gadgets/#staff-gadget-engineer',
    });
    // Structured requirements travel in an HTML comment after the item, which GitLab does not render.
    expect(fam.roles['senior-widget-operator'].requirements).toEqual([{ id: 'widget-years', text: '5+ years operating widgets', years: 5, area: 'widgets' }]);
  });

  test.each([
    [
      'unknown family, with a suggestion',
      ['export', 'widget-operation'],
      /^ladder: unknown family `widget-operation` in test\/fixtures\/import\/export-data \(--data\) \(did you mean `widget-operations`/,
    ],
    ['a role id instead of a family', ['export', 'widget-operator'], /^ladder: `widget-operator` is a role of family `widget-operations`; pass the family id/],
    ['an unknown format', ['export', 'widget-operations', '--format', 'yaml'], /argument 'yaml' is invalid/],
  ])('%s: exit 2, one message, nothing on stdout', async (_name, argv, message) => {
    const r = await runCli(['--data', DATA, ...argv]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
