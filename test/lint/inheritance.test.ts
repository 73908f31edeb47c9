/** The one-pass inheritance analysis: deep chains, cycles, and the findings the rules subscribed to it report. */
import { describe, expect, test } from '@jest/globals';
import { walkInheritance } from '../../src/core/lint/inheritance.js';
import { RULES_BY_ID } from '../../src/core/lint/registry.js';
import { formatMessage } from '../../src/core/messages.js';
import type { LintContext, Report } from '../../src/core/lint/types.js';
import { emptySections, normaliseText, type DataSet, type FamilyDef, type ItemDef, type RoleDef } from '../../src/core/model.js';

function item(from: string, text: string, extra: Partial<ItemDef> = {}, index = 0): ItemDef {
  const id = extra.id ?? null;
  return {
    id,
    text,
    identity: id ? 'id:' + id : 'text:' + normaliseText(text),
    from,
    file: 'f.yaml',
    line: 1,
    path: ['roles', from, 'requirements', index],
    ...extra,
  };
}

function role(id: string, parent?: string, requirements: ItemDef[] = [], remove: string[] = []): RoleDef {
  const sections = emptySections<ItemDef>();
  sections.requirements = requirements;
  return { id, title: id, grade: 6, extends: parent, remove, sections, family: 'fam', file: 'f.yaml', line: 1, path: ['roles', id] };
}

function dataSet(roles: RoleDef[]): DataSet {
  const fam: FamilyDef = {
    id: 'fam',
    title: 'Fam',
    sections: emptySections(),
    roleIds: roles.map((r) => r.id),
    ladders: [],
    specialties: [],
    next: [],
    external: new Map(),
    file: 'f.yaml',
  };
  return { families: [fam], familyById: new Map([['fam', fam]]), roles: new Map(roles.map((r) => [r.id, r])), vocabulary: null };
}

type Found = Report & { message: string; related?: (NonNullable<Report['related']>[number] & { message: string })[] };

/** Runs the pass once with the five rules that subscribe to it, and groups their findings by rule. */
function analyseInheritance(ds: DataSet) {
  const out = { cycles: [] as Found[], redundant: [] as Found[], unknownRemove: [] as Found[], yearsRegression: [] as Found[], emptyRoles: [] as Found[] };
  const byRule = {
    'inheritance-cycle': out.cycles,
    'redundant-item': out.redundant,
    'unknown-remove': out.unknownRemove,
    'years-regression': out.yearsRegression,
    'empty-role': out.emptyRoles,
  };
  const listeners = Object.entries(byRule).map(([id, list]) => {
    const rule = RULES_BY_ID.get(id)!;
    const words = (messageId: string, data: Report['data']) => formatMessage(rule.meta.messages[messageId], data);
    return rule.inheritance!({ ds, files: [] } as unknown as LintContext, (r) =>
      list.push({ ...r, message: words(r.messageId, r.data), related: r.related?.map((x) => ({ ...x, message: words(x.messageId, x.data) })) }),
    );
  });
  walkInheritance(ds, listeners);
  return out;
}

const DEEP = 100_000;

describe('deep chains', () => {
  test(`a ${DEEP.toLocaleString('en')}-deep chain is analysed without recursion, findings at the right depth`, () => {
    const roles = [role('r0', undefined, [item('r0', 'Base requirement', { id: 'base', years: 10 })])];
    for (let i = 1; i < DEEP; i++) roles.push(role(`r${i}`, `r${i - 1}`, i === DEEP / 2 ? [item(`r${i}`, 'Base requirement', { id: 'base', years: 2 })] : []));
    const a = analyseInheritance(dataSet(roles));
    expect(a.yearsRegression.map((f) => f.path.slice(0, 2))).toEqual([['roles', `r${DEEP / 2}`]]);
    expect(a.emptyRoles).toEqual([]);
    expect(a.cycles).toEqual([]);
  });

  test(`a ${DEEP.toLocaleString('en')}-long cycle is reported once, its chain shortened in the message`, () => {
    const roles: RoleDef[] = [];
    for (let i = 0; i < DEEP; i++) roles.push(role(`r${i}`, `r${(i + 1) % DEEP}`, [item(`r${i}`, 'x')]));
    const a = analyseInheritance(dataSet(roles));
    expect(a.cycles).toHaveLength(1);
    expect(a.cycles[0].path).toEqual(['roles', 'r0', 'extends']);
    expect(a.cycles[0].message).toMatch(/^inheritance cycle: r0 extends r1 extends .* more\) extends r99998 extends r99999 extends r0$/);
    expect(a.cycles[0].message.length).toBeLessThan(300);
  });
});

describe('cycles', () => {
  test('each cycle once, named from its role defined first; roles leading into a cycle add nothing', () => {
    const roles = [role('a', 'b'), role('b', 'c'), role('c', 'a'), role('d', 'a'), role('e', 'e'), role('f')];
    const a = analyseInheritance(dataSet(roles));
    expect(a.cycles.map((c) => c.message)).toEqual(['inheritance cycle: a extends b extends c extends a', 'inheritance cycle: e extends e']);
    // f is fine but empty; the cycle members are not resolvable and not reported as empty.
    expect(a.emptyRoles.map((f) => f.path[1])).toEqual(['f']);
  });
});

describe('overrides, removes and emptiness', () => {
  test('remove of an inherited id works, of anything else is reported; removing everything empties the role', () => {
    const roles = [role('a', undefined, [item('a', 'One', { id: 'one' })]), role('b', 'a', [], ['one', 'two'])];
    const a = analyseInheritance(dataSet(roles));
    expect(a.unknownRemove.map((f) => f.message)).toEqual(['`remove` names `two`, which b does not inherit']);
    expect(a.emptyRoles.map((f) => f.path[1])).toEqual(['b']);
  });

  test('siblings do not see each other: state is undone when leaving a role', () => {
    const roles = [role('a', undefined, [item('a', 'One')]), role('b', 'a', [item('b', 'Two')]), role('c', 'a', [item('c', 'Two')])];
    const a = analyseInheritance(dataSet(roles));
    expect(a.redundant).toEqual([]);
  });

  test('an own item equal to an inherited one is redundant; a changed one is an override', () => {
    const roles = [
      role('a', undefined, [item('a', 'One', { id: 'one' }), item('a', 'Two')]),
      role('b', 'a', [item('b', 'one', { id: 'one' }), item('b', 'two  ', {}, 1)]),
    ];
    const a = analyseInheritance(dataSet(roles));
    expect(a.redundant.map((f) => f.path)).toEqual([
      ['roles', 'b', 'requirements', 0],
      ['roles', 'b', 'requirements', 1],
    ]);
    expect(a.redundant[0].related?.[0].message).toBe('inherited from a');
  });
});

describe('the live count of "Ability to use GitLab" requirements', () => {
  const gitlab = (from: string, extra: Partial<ItemDef> = {}) => item(from, 'Ability to use GitLab', extra);
  /** What `view.gitlabRequirements` says for each role resolved, first asked at `askFrom` (the pass counts only once asked). */
  function counts(ds: DataSet, askFrom: string): Record<string, number> {
    const out: Record<string, number> = {};
    let asking = false;
    walkInheritance(ds, [
      {
        roleResolved(r, view) {
          asking ||= r.id === askFrom;
          if (asking) out[r.id] = view.gitlabRequirements;
        },
      },
    ]);
    return out;
  }
  // a (GitLab) -> b (removes it) -> c (adds it back, with an id) ; a -> d (its own, by text: one item)
  const ds = () =>
    dataSet([
      role('a', undefined, [gitlab('a'), item('a', 'Other', { id: 'other' })]),
      role('b', 'a', [], ['Ability to use GitLab']),
      role('c', 'b', [gitlab('c', { id: 'gl' })]),
      role('d', 'a', [gitlab('d')]),
    ]);
  const expected = { a: 1, b: 0, c: 1, d: 1 };

  test('is the same whether it is first asked at the first role or in the middle of a chain', () => {
    expect(counts(ds(), 'a')).toEqual(expected);
    expect(counts(ds(), 'c')).toEqual({ c: 1, d: 1 });
    expect(counts(ds(), 'b')).toEqual({ b: 0, c: 1, d: 1 });
  });

  test('is undone with the chain: a sibling after a removal and a re-add sees its own count', () => {
    expect(counts(ds(), 'a').d).toBe(1);
    const noOwn = dataSet([role('a', undefined, [item('a', 'Other')]), role('b', 'a', [gitlab('b')]), role('c', 'a')]);
    expect(counts(noOwn, 'a')).toEqual({ a: 0, b: 1, c: 0 });
  });
});
