/**
 * Export then import gives back the same families: every family of the bundled data, exported as a
 * handbook page and imported again (all pages together, so references between them resolve).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPaths } from '../../src/io/data.js';
import { familyMarkdown } from '../../src/handbook/write-page.js';
import { importPages, type FamilyObject } from '../../src/import/import-pages.js';
import { SECTIONS, type DataSet, type FamilyDef, type ItemDef } from '../../src/core/model.js';
import { DATA } from '../helpers/run-cli.js';

/** Items as comparable maps: text, and id/years/area/skills when there are any. */
const items = (v: unknown) => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? { text: x } : x)) : []);
const defs = (list: ItemDef[]) =>
  list.map((i) => {
    const o: Record<string, unknown> = {};
    if (i.id) o.id = i.id;
    o.text = i.text;
    if (i.years !== undefined) o.years = i.years;
    if (i.area !== undefined) o.area = i.area;
    if (i.skills !== undefined) o.skills = i.skills;
    return o;
  });

/** What survives a round trip, from the loaded model. */
function expected(ds: DataSet, fam: FamilyDef) {
  return {
    id: fam.id,
    title: fam.title,
    summary: fam.summary,
    sections: Object.fromEntries(SECTIONS.map((s) => [s, defs(fam.sections[s])])),
    roles: fam.roleIds.map((id) => {
      const r = ds.roles.get(id)!;
      return {
        id,
        title: r.title,
        level: r.level,
        grade: r.grade,
        summary: r.summary,
        reports_to: r.reportsTo,
        extends: r.extends,
        hiring_process: r.hiringProcess,
        sections: Object.fromEntries(SECTIONS.map((s) => [s, defs(r.sections[s])])),
      };
    }),
    specialties: fam.specialties.map((s) => ({ id: s.id, title: s.title, sections: Object.fromEntries(SECTIONS.map((k) => [k, defs(s.sections[k])])) })),
    career_ladder: fam.careerLadder,
    next: fam.next,
    hiring_process: fam.hiringProcess,
  };
}

/** The same view of an imported family object. */
function actual(f: FamilyObject) {
  const o = f as Record<string, unknown>;
  return {
    id: f.id,
    title: f.title,
    summary: o.summary,
    sections: Object.fromEntries(SECTIONS.map((s) => [s, items(o[s])])),
    roles: Object.entries(f.roles).map(([id, r]) => ({
      id,
      title: r.title,
      level: r.level,
      grade: r.grade,
      summary: r.summary,
      reports_to: r.reports_to,
      extends: r.extends,
      hiring_process: r.hiring_process,
      sections: Object.fromEntries(SECTIONS.map((s) => [s, items(r[s])])),
    })),
    specialties: Object.entries((o.specialties ?? {}) as Record<string, Record<string, unknown>>).map(([id, s]) => ({
      id,
      title: s.title,
      sections: Object.fromEntries(SECTIONS.map((k) => [k, items(s[k])])),
    })),
    career_ladder: o.career_ladder,
    next: o.next ?? [],
    hiring_process: o.hiring_process,
  };
}

describe('export --format markdown, then import', () => {
  test('gives back every bundled family: roles, grades, levels, reports_to, extends, items with their ids and structure', async () => {
    const { ds } = await loadPaths([DATA], process.cwd());
    expect(ds.families.length).toBeGreaterThanOrEqual(2);
    const pages = ds.families.map((f) => ({ file: `${f.id}.md`, text: familyMarkdown(ds, f) }));
    const result = importPages(pages);
    expect(result.families.map((f) => f.family.id)).toEqual(ds.families.map((f) => f.id));
    for (const fam of ds.families) {
      const back = result.families.find((f) => f.family.id === fam.id)!.family;
      expect(actual(back)).toEqual(expected(ds, fam));
    }
    // Nothing of an exported page is left over.
    expect(result.reports.filter((r) => r.message.endsWith('(skipped)'))).toEqual([]);
  });
});

describe('the "Extends the X …" line export writes', () => {
  // Parent titles that read as sentences or carry the punctuation that ends a name in prose.
  const TITLES = [
    'Build labs. Own the roadmap',
    'Lead (interim): Operations',
    'Plus one; two',
    'Engineer, as the lead',
    'Manager with the team',
    'Senior Developer requirements',
    'Ability to use GitLab. Extends the Director requirements',
    'The roadmap is a grade 20. Really',
    '[Boss](/job-families/boss/)',
  ];
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ladder-extends-line-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  let made = 0;
  /** Writes `lines` as one family file, loads it, exports its page and imports that page again. */
  async function exportThenImport(lines: string[]) {
    const data = join(dir, String(made++));
    mkdirSync(data);
    writeFileSync(join(data, 'f.yaml'), lines.join('\n'));
    const { ds } = await loadPaths([data], process.cwd());
    const page = familyMarkdown(ds, ds.families[0]);
    return { ds, page, result: importPages([{ file: 'fam-one.md', text: page }]) };
  }

  test.each(TITLES)('comes back as the extends of its role, never as an item: parent %j', async (title) => {
    const { ds, page, result } = await exportThenImport([
      'kind: family',
      'id: fam-one',
      'title: Fam One',
      'roles:',
      '  a-role:',
      `    title: ${JSON.stringify(title)}`,
      '    grade: 6',
      '    responsibilities: [{id: own-it, text: Own it}, Build it]',
      '    requirements: [Know it]',
      '  b-role:',
      '    title: Senior Developer',
      '    grade: 7',
      '    extends: a-role',
      '    remove: [own-it]',
      '    requirements: [Know more]',
      '',
    ]);
    const fam = ds.families[0];
    expect(page.match(/^\* Extends the /gm)).toHaveLength(2);
    const back = result.families[0].family;
    expect(Object.keys(back.roles)).toEqual(['a-role', 'b-role']);
    const b = back.roles['b-role'] as Record<string, unknown>;
    expect(b.extends).toBe('a-role');
    expect(b.remove).toEqual(['own-it']);
    expect(b.responsibilities).toBeUndefined();
    expect(b.requirements).toEqual(['Know more']);
    // Levels aside: the importer reads one from a title's level word, which the data need not give.
    const noLevels = (v: { roles: object[] }) => ({ ...v, roles: v.roles.map((r) => ({ ...r, level: undefined })) });
    expect(noLevels(actual(back))).toEqual(noLevels(expected(ds, fam)));
    expect(result.reports.filter((r) => r.message.endsWith('(skipped)'))).toEqual([]);
  });

  test('a `remove` entry that is an item text (not an id) comes back in `remove`, the line not as an item', async () => {
    const { result } = await exportThenImport([
      'kind: family',
      'id: fam-one',
      'title: Fam One',
      'roles:',
      '  a-role:',
      '    title: Developer',
      '    grade: 6',
      '    responsibilities: [Build labs, Own it]',
      '  b-role:',
      '    title: Senior Developer',
      '    grade: 7',
      '    extends: a-role',
      '    remove: [Build labs]',
      '',
    ]);
    expect(result.families[0].family.roles['b-role']).toEqual({
      title: 'Senior Developer',
      level: 'Senior',
      grade: 7,
      extends: 'a-role',
      remove: ['Build labs'],
    });
    expect(result.reports).toEqual([]);
  });

  test('titles with control characters and quotes come back exactly, and the grade sentence is not kept as a summary', async () => {
    const title = '\u001b[2J\u001b]0;title\u0007 "Quoted" \\ back \u009b7m reports to the CEO. Extends the Director';
    const { result } = await exportThenImport([
      'kind: family',
      'id: fam-one',
      `title: ${JSON.stringify(title)}`,
      'roles:',
      '  a-role:',
      `    title: ${JSON.stringify(title)}`,
      '    grade: 7',
      '',
    ]);
    const back = result.families[0].family;
    expect(back.title).toBe(title);
    // (the level is read from the title's last level word)
    const { level: _level, ...role } = back.roles['a-role'] as Record<string, unknown>;
    expect(role).toEqual({ title, grade: 7 });
  });

  test('a title holding the grade number before the grade sentence ("]8;", "Tier 8. Own it") gains no summary', async () => {
    const titles = ['\u001b]8;;https://evil.example/\u0007link\u001b]8;;\u0007 Analyst', 'Tier 8. Own it'];
    const { result } = await exportThenImport([
      'kind: family',
      'id: fam-one',
      'title: Fam',
      'roles:',
      ...titles.flatMap((t, i) => [`  r${i}:`, `    title: ${JSON.stringify(t)}`, '    grade: 8']),
      '',
    ]);
    const roles = Object.values(result.families[0].family.roles);
    expect(roles.map((r) => r.title)).toEqual(titles);
    expect(roles.map((r) => (r as Record<string, unknown>).summary)).toEqual([undefined, undefined]);
  });

  test('a title that reads as a section heading only once its trailing controls are gone stays a role', async () => {
    const title = 'Senior Developer Requirements\t\u2028\u2029\u0085\u000b\u000c';
    const { result } = await exportThenImport([
      'kind: family',
      'id: fam-one',
      'title: Fam',
      'roles:',
      '  a-role:',
      `    title: ${JSON.stringify(title)}`,
      '    grade: 4',
      '',
    ]);
    expect(Object.keys(result.families[0].family.roles)).toEqual(['a-role']);
  });

  test('the removed items it quotes are not read as structure ("reports to …", a grade)', async () => {
    const removed = 'Reports to the Chief Executive Officer. The Boss is a grade 20';
    const { result } = await exportThenImport([
      'kind: family',
      'id: fam-one',
      'title: Fam One',
      'roles:',
      '  a-role:',
      '    title: Developer',
      '    grade: 6',
      `    requirements: [{id: gone, text: ${JSON.stringify(removed)}}, Know it]`,
      '  b-role:',
      '    title: Senior Developer',
      '    grade: 7',
      '    extends: a-role',
      '    remove: [gone]',
      '',
    ]);
    const back = result.families[0].family;
    expect(back.roles['b-role']).toEqual({ title: 'Senior Developer', level: 'Senior', grade: 7, extends: 'a-role', remove: ['gone'] });
    expect((back as Record<string, unknown>).external).toBeUndefined();
  });
});
