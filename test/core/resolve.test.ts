import { describe, expect, test } from '@jest/globals';
import { dataSetFrom, family } from '../helpers/data.js';
import { resolveRole, type ResolvedItem } from '../../src/core/resolve.js';
import { DataError } from '../../src/core/errors.js';

const texts = (items: ResolvedItem[]) => items.map((i) => i.text);
const origins = (items: ResolvedItem[]) => items.map((i) => `${i.from}${i.overrides ? `<${i.overrides}` : ''}`);

async function resolve(files: Record<string, string>, id: string, specialty?: string) {
  const { ds, findings } = await dataSetFrom(files);
  expect(findings).toEqual([]);
  return resolveRole(ds, ds.roles.get(id)!, { specialty });
}

const threeLevels = family('eng', {
  junior:
    'title: Junior\ngrade: 5\nrequirements:\n  - id: years\n    text: 1+ years\n    years: 1\n    area: dev\n  - Writes tests\n  - id: old\n    text: Knows COBOL',
  mid: 'title: Mid\ngrade: 6\nextends: junior\nremove: [old]\nrequirements:\n  - id: years\n    text: 3+ years\n    years: 3\n    area: dev\n  - Reviews code',
  senior: 'title: Senior\ngrade: 7\nextends: mid\nrequirements:\n  - writes   TESTS\n  - Mentors others',
});

describe('resolveRole (SPEC §2)', () => {
  const cases: {
    name: string;
    files: Record<string, string>;
    role: string;
    specialty?: string;
    section?: 'requirements' | 'responsibilities';
    texts: string[];
    origins?: string[];
    extends?: string[];
  }[] = [
    {
      name: 'a role without extends has only its own items',
      files: { 'a.yaml': threeLevels },
      role: 'junior',
      texts: ['1+ years', 'Writes tests', 'Knows COBOL'],
      origins: ['junior', 'junior', 'junior'],
      extends: [],
    },
    {
      name: 'override by id replaces in place; remove drops an inherited item; own items follow',
      files: { 'a.yaml': threeLevels },
      role: 'mid',
      texts: ['3+ years', 'Writes tests', 'Reviews code'],
      origins: ['mid<junior', 'junior', 'mid'],
      extends: ['junior'],
    },
    {
      name: 'three-level chain; an item without id overrides by normalised text',
      files: { 'a.yaml': threeLevels },
      role: 'senior',
      texts: ['3+ years', 'writes   TESTS', 'Reviews code', 'Mentors others'],
      origins: ['mid<junior', 'senior<junior', 'mid', 'senior'],
      extends: ['mid', 'junior'],
    },
    {
      name: 'family items come first and apply to every role, once even through a parent of the same family',
      files: {
        'a.yaml': family(
          'fam',
          { a: 'title: A\ngrade: 5\nrequirements: [Own A]', b: 'title: B\ngrade: 6\nextends: a\nrequirements: [Own B]' },
          'requirements: [Ability to use GitLab]\n',
        ),
      },
      role: 'b',
      texts: ['Ability to use GitLab', 'Own A', 'Own B'],
      origins: ['fam', 'a', 'b'],
    },
    {
      name: 'cross-family extends brings the parent family items after the own family items',
      files: {
        'a.yaml': family('alpha', { designer: 'title: Designer\ngrade: 6\nrequirements: [Designs]' }, 'requirements: [Alpha-wide]\n'),
        'b.yaml': family('beta', { manager: 'title: Manager\ngrade: 9\nextends: designer\nrequirements: [Manages]' }, 'requirements: [Beta-wide]\n'),
      },
      role: 'manager',
      texts: ['Beta-wide', 'Alpha-wide', 'Designs', 'Manages'],
      origins: ['beta', 'alpha', 'designer', 'manager'],
      extends: ['designer'],
    },
    {
      name: 'a role may override a family item by id',
      files: {
        'a.yaml': family(
          'fam',
          { a: 'title: A\ngrade: 5\nrequirements:\n  - id: gl\n    text: Expert GitLab user' },
          'requirements:\n  - id: gl\n    text: Ability to use GitLab\n',
        ),
      },
      role: 'a',
      texts: ['Expert GitLab user'],
      origins: ['a<fam'],
    },
    {
      name: 'extends to an external entry resolves to nothing and is listed',
      files: { 'a.yaml': family('fam', { a: 'title: A\ngrade: 5\nextends: elsewhere\nrequirements: [Own]' }, 'external:\n  elsewhere: {title: Elsewhere}\n') },
      role: 'a',
      texts: ['Own'],
      extends: ['elsewhere'],
    },
    {
      name: 'a specialty layers its items on top with its own provenance',
      files: {
        'a.yaml': family(
          'fam',
          { a: 'title: A\ngrade: 5\nrequirements:\n  - id: clearance\n    text: Clearance optional\n  - Own' },
          'specialties:\n  federal:\n    title: Federal\n    requirements:\n      - id: clearance\n        text: Active clearance\n      - US citizen\n',
        ),
      },
      role: 'a',
      specialty: 'federal',
      texts: ['Active clearance', 'Own', 'US citizen'],
      origins: ['fam/federal<a', 'a', 'fam/federal'],
    },
  ];
  test.each(cases)('$name', async (c) => {
    const r = await resolve(c.files, c.role, c.specialty);
    const items = r.sections[c.section ?? 'requirements'];
    expect(texts(items)).toEqual(c.texts);
    if (c.origins) expect(origins(items)).toEqual(c.origins);
    if (c.extends) expect(r.extends).toEqual(c.extends);
  });

  test('every resolved item carries the file and line that wrote it', async () => {
    const r = await resolve({ 'a.yaml': threeLevels }, 'senior');
    const mentors = r.sections.requirements.find((i) => i.text === 'Mentors others')!;
    expect(mentors.source.file).toBe('a.yaml');
    expect(threeLevels.split('\n')[mentors.source.line - 1]).toContain('Mentors others');
    const years = r.sections.requirements.find((i) => i.id === 'years')!;
    expect(threeLevels.split('\n')[years.source.line - 1]).toContain('id: years');
  });

  test('a cycle is a DataError naming the whole chain', async () => {
    const { ds } = await dataSetFrom({
      'a.yaml': family('fam', { a: 'title: A\ngrade: 5\nextends: c', b: 'title: B\ngrade: 6\nextends: a', c: 'title: C\ngrade: 7\nextends: b' }),
    });
    expect(() => resolveRole(ds, ds.roles.get('a')!)).toThrow(DataError);
    expect(() => resolveRole(ds, ds.roles.get('a')!)).toThrow('inheritance cycle: a extends c extends b extends a');
  });

  test('a 10,000-deep chain resolves without recursion limits', async () => {
    const n = 10_000;
    const roles: Record<string, string> = { r0: 'title: R0\ngrade: 1\nrequirements:\n  - id: base\n    text: Base 0' };
    for (let i = 1; i < n; i++) roles[`r${i}`] = `title: R${i}\ngrade: 1\nextends: r${i - 1}\nrequirements: [Step ${i}]`;
    roles[`r${n - 1}`] += `\nremove: [base]`;
    const r = await resolve({ 'deep.yaml': family('deep', roles) }, `r${n - 1}`);
    expect(r.extends).toHaveLength(n - 1);
    expect(r.sections.requirements).toHaveLength(n - 1);
    expect(r.sections.requirements[0].text).toBe('Step 1');
    expect(r.sections.requirements[n - 2].from).toBe(`r${n - 1}`);
  });

  test('scalars are never inherited', async () => {
    const r = await resolve(
      { 'a.yaml': family('fam', { a: 'title: A\nlevel: Intermediate\ngrade: 5\nsummary: About A', b: 'title: B\ngrade: 6\nextends: a' }) },
      'b',
    );
    expect(r.role.level).toBeUndefined();
    expect(r.role.summary).toBeUndefined();
    expect(r.role.grade).toBe(6);
  });
});
