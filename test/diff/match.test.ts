import { describe, expect, test } from '@jest/globals';
import { diffJson, diffRoles, type RoleDiff } from '../../src/core/diff/index.js';
import { family } from '../helpers/data.js';
import { loadRoles } from './roles.js';

/** Diffs role `a` to role `b`, both written as YAML role bodies of one family. */
async function diffOf(a: string, b: string, extra: Record<string, string> = {}): Promise<RoleDiff> {
  const { role } = await loadRoles({ 'f.yaml': family('f', { a, b, ...extra }) });
  return diffRoles(role('a'), role('b'));
}

const texts = (items: { text: string }[]) => items.map((i) => i.text);

describe('diffRoles: pairing items', () => {
  test('same id: one changed item with word changes and a years delta', async () => {
    const d = await diffOf(
      'title: A\ngrade: 6\nrequirements:\n  - id: it-years\n    text: 5+ years in IT\n    years: 5\n    area: it\n',
      'title: B\ngrade: 7\nrequirements:\n  - id: it-years\n    text: 7+ years in a high growth IT company\n    years: 7\n    area: it\n',
    );
    const r = d.sections.requirements;
    expect(r.added).toEqual([]);
    expect(r.removed).toEqual([]);
    expect(r.changed).toHaveLength(1);
    expect(r.changed[0].match).toBe('id');
    expect(r.changed[0].deltas).toEqual([{ field: 'years', from: 5, to: 7 }]);
    expect(r.changed[0].words).toEqual([
      { op: 'removed', text: '5+' },
      { op: 'added', text: '7+' },
      { op: 'same', text: 'years in' },
      { op: 'added', text: 'a high growth' },
      { op: 'same', text: 'IT' },
      { op: 'added', text: 'company' },
    ]);
    // Different wording, but the id says it is the same requirement, whatever the similarity.
    expect(r.changed[0].similarity).toBeLessThan(0.7);
  });

  test('similar text without ids: changed (not removed + added), with its similarity', async () => {
    const d = await diffOf(
      'title: A\ngrade: 6\nrequirements:\n  - 5+ years of experience in IT in a high growth Software as a service (SaaS) environment\n',
      'title: B\ngrade: 7\nrequirements:\n  - 7+ years of experience in IT in a high growth SaaS environment\n',
    );
    const r = d.sections.requirements;
    expect(r.added).toEqual([]);
    expect(r.removed).toEqual([]);
    expect(r.changed.map((c) => [c.match, c.similarity])).toEqual([['similarity', 0.78]]);
  });

  test.each<[string, string, string, 'changed' | 'added+removed']>([
    // Dice over content words: 2·3/(5+5) = 0.6, exactly the threshold
    ['at the threshold: paired', 'alpha beta gamma delta epsilon', 'alpha beta gamma zeta eta', 'changed'],
    // 2·3/(5+6) ≈ 0.55, just under
    ['just under the threshold: not paired', 'alpha beta gamma delta epsilon', 'alpha beta gamma zeta eta theta', 'added+removed'],
  ])('%s', async (_name, from, to, outcome) => {
    const d = await diffOf(`title: A\ngrade: 6\nresponsibilities: [${from}]\n`, `title: B\ngrade: 7\nresponsibilities: [${to}]\n`);
    const s = d.sections.responsibilities;
    if (outcome === 'changed') {
      expect([s.changed.length, s.added.length, s.removed.length]).toEqual([1, 0, 0]);
    } else {
      expect([s.changed.length, texts(s.added), texts(s.removed)]).toEqual([0, [to], [from]]);
    }
  });

  test('the most similar pairs win when several candidates are over the threshold', async () => {
    const d = await diffOf(
      'title: A\ngrade: 6\nresponsibilities:\n  - Build lab images for courses\n  - Build lab images for certification courses\n',
      'title: B\ngrade: 7\nresponsibilities:\n  - Build lab images for certification exams and courses\n  - Build lab images for self-paced courses\n',
    );
    const pairs = d.sections.responsibilities.changed.map((c) => [c.from.text, c.to.text]);
    expect(pairs).toEqual([
      ['Build lab images for certification courses', 'Build lab images for certification exams and courses'],
      ['Build lab images for courses', 'Build lab images for self-paced courses'],
    ]);
  });

  test('reordered items are unchanged, not changed', async () => {
    const d = await diffOf(
      'title: A\ngrade: 6\nresponsibilities: [Teach classes, Write labs, Review feedback]\n',
      'title: B\ngrade: 7\nresponsibilities: [Review feedback, Teach classes, Write labs]\n',
    );
    const s = d.sections.responsibilities;
    expect([s.added, s.removed, s.changed]).toEqual([[], [], []]);
    expect(texts(s.unchanged)).toEqual(['Review feedback', 'Teach classes', 'Write labs']);
  });

  test('an item moved to another section is changed under its new section, with a section delta', async () => {
    const d = await diffOf(
      'title: A\ngrade: 6\nnice_to_haves:\n  - id: k8s\n    text: Kubernetes experience\n',
      'title: B\ngrade: 7\nrequirements:\n  - id: k8s\n    text: Kubernetes experience\n',
    );
    expect(d.sections.nice_to_haves).toEqual({ added: [], removed: [], changed: [], unchanged: [] });
    const c = d.sections.requirements.changed;
    expect(c).toHaveLength(1);
    expect(c[0].deltas).toEqual([{ field: 'section', from: 'nice_to_haves', to: 'requirements' }]);
    expect(c[0].words).toEqual([{ op: 'same', text: 'Kubernetes experience' }]);
  });

  test('an item moved across sections keeps its id: paired by id however much it was reworded', async () => {
    const d = await diffOf(
      'title: A\ngrade: 6\nnice_to_haves:\n  - id: k8s\n    text: Kubernetes experience\n',
      'title: B\ngrade: 7\nrequirements:\n  - id: k8s\n    text: Operate production clusters at scale\n',
    );
    expect(d.sections.requirements.changed.map((c) => [c.match, c.deltas])).toEqual([
      ['id', [{ field: 'section', from: 'nice_to_haves', to: 'requirements' }]],
    ]);
    expect(d.sections.nice_to_haves.removed).toEqual([]);
  });

  test('a reworded item moved across sections is still paired by similarity', async () => {
    const d = await diffOf(
      'title: A\ngrade: 6\nnice_to_haves: [Experience with Kubernetes and Helm charts]\n',
      'title: B\ngrade: 7\nrequirements: [Experience with Kubernetes and Helm]\n',
    );
    expect(d.sections.requirements.changed.map((c) => c.deltas)).toEqual([[{ field: 'section', from: 'nice_to_haves', to: 'requirements' }]]);
    expect(d.sections.nice_to_haves.removed).toEqual([]);
  });

  test('a same-section match is preferred over a moved one', async () => {
    const d = await diffOf(
      'title: A\ngrade: 6\nrequirements: [Ability to use GitLab]\n',
      'title: B\ngrade: 7\nrequirements: [Ability to use GitLab]\nnice_to_haves: [Ability to use GitLab]\n',
    );
    expect(texts(d.sections.requirements.unchanged)).toEqual(['Ability to use GitLab']);
    expect(texts(d.sections.nice_to_haves.added)).toEqual(['Ability to use GitLab']);
  });

  test('skills and area deltas; a case-only change is a change', async () => {
    const d = await diffOf(
      'title: A\ngrade: 6\nrequirements:\n  - id: cloud\n    text: Work in GCP\n    skills: {all: [gcp]}\n  - id: sup\n    text: 3+ years of support\n    years: 3\n    area: support\n',
      'title: B\ngrade: 7\nrequirements:\n  - id: cloud\n    text: Work in GCP\n    skills: {any: [gcp, aws]}\n  - id: sup\n    text: 3+ years of Support\n    years: 3\n    area: user-support\n',
    );
    expect(d.sections.requirements.changed.map((c) => c.deltas)).toEqual([
      [{ field: 'skills', from: { all: ['gcp'] }, to: { any: ['gcp', 'aws'] } }],
      [{ field: 'area', from: 'support', to: 'user-support' }],
    ]);
  });

  test('an inherited item and its override are matched; items of the parent are unchanged', async () => {
    const d = await diffOf(
      'title: A\ngrade: 6\nrequirements:\n  - Ability to use GitLab\n  - id: years\n    text: 3+ years\n    years: 3\n    area: it\n',
      'title: B\ngrade: 7\nextends: a\nrequirements:\n  - id: years\n    text: 5+ years\n    years: 5\n    area: it\n  - Mentor others\n',
    );
    const r = d.sections.requirements;
    expect(texts(r.unchanged)).toEqual(['Ability to use GitLab']);
    expect(r.changed.map((c) => [c.from.text, c.to.text, c.to.overrides])).toEqual([['3+ years', '5+ years', 'a']]);
    expect(texts(r.added)).toEqual(['Mentor others']);
  });
});

describe('diffRoles: fields', () => {
  test('grade, level, title and reports_to that differ; equal ones are left out', async () => {
    const d = await diffOf(
      'title: Developer\nlevel: Intermediate\ngrade: 6\nreports_to: m\n',
      'title: Senior Developer\nlevel: Senior\ngrade: 7\nreports_to: m\n',
      { m: 'title: Manager\ngrade: 9\n' },
    );
    expect(d.fields).toEqual([
      { field: 'title', from: 'Developer', to: 'Senior Developer' },
      { field: 'level', from: 'Intermediate', to: 'Senior' },
      { field: 'grade', from: 6, to: 7 },
    ]);
  });

  test('across families: family and ladder are reported too', async () => {
    const { role } = await loadRoles({
      'a.yaml': family('fa', { x: 'title: X\ngrade: 6\nresponsibilities: [Teach]\n' }),
      'b.yaml': family('fb', { y: 'title: Y\ngrade: 8\nresponsibilities: [Teach, Lead]\n' }),
    });
    const d = diffRoles(role('x'), role('y'));
    expect(d.fields.map((f) => f.field)).toEqual(['title', 'family', 'ladder', 'grade']);
    expect(texts(d.sections.responsibilities.added)).toEqual(['Lead']);
  });

  test('JSON shape: from, to, fields and the four lists per section', async () => {
    const d = await diffOf('title: A\ngrade: 6\nresponsibilities: [Teach]\n', 'title: B\ngrade: 7\nresponsibilities: [Teach, Lead]\n');
    const j = diffJson(d);
    expect(Object.keys(j)).toEqual(['from', 'to', 'fields', 'sections']);
    expect([j.from, j.to]).toEqual(['a', 'b']);
    expect(Object.keys(j.sections)).toEqual(['responsibilities', 'requirements', 'nice_to_haves', 'performance_indicators']);
    expect(Object.keys(j.sections.responsibilities)).toEqual(['added', 'removed', 'changed', 'unchanged']);
    expect(j.sections.responsibilities.added).toEqual([
      { id: null, text: 'Lead', from: 'b', overrides: null, source: { file: 'f.yaml', line: expect.any(Number) } },
    ]);
  });
});
