import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA, ROOT } from '../helpers/run-cli.js';
import { GITLAB_FIXTURES } from '../helpers/corpus.js';
import { loadPaths } from '../../src/io/data.js';
import { resolveRole } from '../../src/core/resolve.js';
import { SECTIONS } from '../../src/core/model.js';

const SEED = join(GITLAB_FIXTURES, 'pages', 'sales', 'professional-services-education-services', 'index.html.md');
const DESIGNER = join(GITLAB_FIXTURES, 'pages', 'sales', 'technical-instructional-designer', 'index.html.md');

describe('bundled data/', () => {
  test('every file validates, every role resolves', async () => {
    const { ds, findings, files } = await loadPaths([DATA], ROOT);
    expect(findings).toEqual([]);
    expect(files.map((f) => f.kind).sort()).toEqual(['family', 'family', 'skills']);
    expect(ds.roles.size).toBe(9);
    for (const role of ds.roles.values()) {
      const r = resolveRole(ds, role);
      expect(r.sections.responsibilities.length + r.sections.requirements.length).toBeGreaterThan(0);
    }
  });

  test('every file starts with the yaml-language-server schema line', () => {
    for (const f of ['education-services.yaml', 'technical-instructional-designer.yaml', 'skills.yaml']) {
      expect(readFileSync(join(DATA, f), 'utf8').split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/(family|skills)\.schema\.json$/);
    }
  });

  // The families must match their GitLab pages line for line: every item is a line of the page, and
  // every bullet of the page is an item, a hiring step, prose kept in a text field, or an inheritance
  // sentence that became `extends`.
  const pages: [string, string, string][] = [
    ['education-services', SEED, 'education-services.yaml'],
    ['technical-instructional-designer-family', DESIGNER, 'technical-instructional-designer.yaml'],
  ];
  const bullet = /^\s*[*-]\s+(.*?)\s*$/;
  test.each(pages)('%s matches its page line for line', async (familyId, page, _file) => {
    const pageLines = readFileSync(page, 'utf8').split('\n').map((l) => l.replace(bullet, '$1').trim());
    const pageSet = new Set(pageLines);
    const { ds } = await loadPaths([DATA], ROOT);
    const fam = ds.familyById.get(familyId)!;
    const written: string[] = [];
    for (const s of SECTIONS) written.push(...fam.sections[s].map((i) => i.text));
    written.push(...(fam.hiringProcess ?? []));
    for (const id of fam.roleIds) {
      const role = ds.roles.get(id)!;
      for (const s of SECTIONS) written.push(...role.sections[s].map((i) => i.text));
      written.push(...(role.hiringProcess ?? []));
    }
    const notOnPage = written.filter((t) => !pageSet.has(t));
    expect(notOnPage).toEqual([]);

    const prose = [fam.summary, fam.careerLadder, ...fam.roleIds.map((id) => ds.roles.get(id)!.summary)].join('\n');
    const writtenSet = new Set(written);
    const bullets = readFileSync(page, 'utf8')
      .split('\n')
      .filter((l) => bullet.test(l))
      .map((l) => l.replace(bullet, '$1'))
      .filter((t) => t.length > 0);
    const unplaced = bullets.filter((t) => !writtenSet.has(t) && !prose.includes(t) && !/^Extends (that of )?the .* (responsibilities|requirements)$/i.test(t));
    expect(unplaced).toEqual([]);
  });
});
