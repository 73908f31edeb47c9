/** Skill levels (SPEC §5): a scale in the vocabulary, a level asked by a requirement, levels in a profile. */
import { describe, expect, test } from '@jest/globals';
import { matchProfile, profileFromValue, profileWarnings, type GapStatus } from '../../src/core/gap/index.js';
import { diffRoles } from '../../src/core/diff/index.js';
import { deltaText } from '../../src/render/diff.js';
import { RULES_BY_ID } from '../../src/core/lint/registry.js';
import { loadSchemaSupport } from '../../src/io/schemas.js';
import { dataSetFrom, family } from '../helpers/data.js';
import { loadRoles } from '../diff/roles.js';
import { lintExample } from '../lint/rule-tester.js';

const SKILLS = `kind: skills
levels: [awareness, working, advanced, expert]
skills:
  iam: {title: Identity and access management, aliases: [IAM]}
  python: {title: Python}
  sql: {title: SQL}
  git: {title: Git}
`;

const ROLES = {
  dev: `title: Developer
grade: 6
requirements:
  - id: iam
    text: Knowledge of identity and access management
    skills: {all: [iam], level: working}
  - id: scripting
    text: Knowledge of Python or SQL
    skills: {any: [python, sql], level: working}
  - id: git
    text: Uses Git
    skills: {all: [git]}
`,
  senior: `title: Senior Developer
grade: 7
extends: dev
requirements:
  - id: iam
    text: Advanced knowledge of identity and access management
    skills: {all: [iam], level: advanced}
  - id: scripting
    text: Advanced knowledge of Python or SQL
    skills: {any: [python, sql], level: advanced}
  - id: both
    text: Advanced Python and SQL
    skills: {all: [python, sql], level: advanced}
`,
};

async function entry(roleId: string, id: string, skills: unknown, withLevels = true) {
  const { ds, role } = await loadRoles({ 'f.yaml': family('f', ROLES), 'skills.yaml': withLevels ? SKILLS : SKILLS.replace(/^levels:.*\n/m, '') });
  const r = matchProfile(role(roleId), profileFromValue('me.yaml', { kind: 'profile', skills }), ds.vocabulary);
  const e = r.requirements.find((x) => x.item.id === id)!;
  return [e.status, e.detail];
}

describe('gap with skill levels', () => {
  test.each<[string, string, unknown, GapStatus, string]>([
    ['at the level asked', 'iam', { iam: 'advanced' }, 'met', 'has iam at advanced (needs advanced)'],
    ['above the level asked', 'iam', { IAM: 'expert' }, 'met', 'has iam at expert (needs advanced)'],
    ['below the level asked', 'iam', { iam: 'working' }, 'missing', 'iam at working, needs advanced'],
    ['listed without a level (list form)', 'iam', ['iam'], 'unverified', 'level of iam not stated, needs advanced'],
    ['not held at all', 'iam', { git: 'expert' }, 'missing', 'missing iam'],
    ['unknown level name counts as not stated', 'iam', { iam: 'advnced' }, 'unverified', 'level of iam not stated, needs advanced'],
    ['any: one at the level is enough', 'scripting', { python: 'working', sql: 'advanced' }, 'met', 'has sql at advanced (needs advanced)'],
    ['any: all below', 'scripting', { python: 'working', sql: 'awareness' }, 'missing', 'python at working, sql at awareness, needs advanced'],
    ['any: one below, one unstated', 'scripting', ['python', 'sql'], 'unverified', 'level of python, sql not stated, needs advanced'],
    ['any: none held', 'scripting', { git: 'working' }, 'missing', 'none of python, sql'],
    ['all: one below', 'both', { python: 'expert', sql: 'working' }, 'missing', 'sql at working, needs advanced'],
    ['all: one missing, one unstated', 'both', ['python'], 'missing', 'missing sql (has python)'],
    ['all: both at or above', 'both', { python: 'expert', sql: 'advanced' }, 'met', 'has python at expert, sql at advanced (needs advanced)'],
    ['no level asked: any level or none meets', 'git', ['git'], 'met', 'has git'],
  ])('%s', async (_name, id, skills, status, detail) => {
    expect(await entry('senior', id, skills)).toEqual([status, detail]);
  });

  test('the intermediate level asks less: working meets it', async () => {
    expect(await entry('dev', 'iam', { iam: 'working' })).toEqual(['met', 'has iam at working (needs working)']);
  });

  test('without a scale in the vocabulary a level asked is not compared (lint reports it)', async () => {
    expect(await entry('senior', 'iam', ['iam'], false)).toEqual(['met', 'has iam']);
  });

  test('an unknown level name in a profile is a positioned warning with "did you mean"', async () => {
    const { ds } = await loadRoles({ 'f.yaml': family('f', ROLES), 'skills.yaml': SKILLS });
    const w = profileWarnings(profileFromValue('me.yaml', { skills: { iam: 'advnced', python: 'working' } }), ds);
    expect(w).toEqual([
      expect.objectContaining({
        ruleId: 'unknown-skill',
        messageId: 'level',
        path: ['skills', 'iam'],
        data: expect.objectContaining({ level: 'advnced', hint: ' (did you mean `advanced`?)' }),
      }),
    ]);
  });

  test('an unknown skill in the map form is reported at its key', async () => {
    const { ds } = await loadRoles({ 'f.yaml': family('f', ROLES), 'skills.yaml': SKILLS });
    const w = profileWarnings(profileFromValue('me.yaml', { skills: { pyhton: 'working' } }), ds);
    expect(w).toEqual([expect.objectContaining({ ruleId: 'unknown-skill', path: ['skills', 'pyhton'], at: 'key' })]);
  });
});

describe('schemas accept the new shapes and refuse broken ones', () => {
  test.each<[string, Record<string, string>, RegExp | null]>([
    ['a level beside any', { 'f.yaml': family('f', { a: 'title: A\ngrade: 6\nrequirements:\n  - {text: T, skills: {any: [git], level: working}}\n' }) }, null],
    [
      'a level alone',
      { 'f.yaml': family('f', { a: 'title: A\ngrade: 6\nrequirements:\n  - {text: T, skills: {level: working}}\n' }) },
      /needs `any: \[skill ids\]` or `all: \[skill ids\]`/,
    ],
    [
      'any and all together',
      { 'f.yaml': family('f', { a: 'title: A\ngrade: 6\nrequirements:\n  - {text: T, skills: {any: [git], all: [git]}}\n' }) },
      /takes `any` or `all`, not both/,
    ],
    ['a scale of one level', { 's.yaml': 'kind: skills\nlevels: [only]\n' }, /`levels` needs at least 2 entries/],
    ['a profile skills map', { 'p.yaml': 'kind: profile\nskills: {git: working}\n' }, null],
  ])('%s', async (_name, files, error) => {
    const { findings } = await dataSetFrom(files);
    if (error === null) expect(findings).toEqual([]);
    else expect(findings.map((f) => f.message).join('\n')).toMatch(error);
  });
});

describe('diff and lint see levels', () => {
  test('diff: a level change is a structured delta', async () => {
    const { role } = await loadRoles({ 'f.yaml': family('f', ROLES), 'skills.yaml': SKILLS });
    const d = diffRoles(role('dev'), role('senior'));
    const iam = d.sections.requirements.changed.find((c) => c.to.id === 'iam')!;
    expect(iam.deltas).toEqual([{ field: 'level', from: 'working', to: 'advanced' }]);
    expect(iam.deltas.map(deltaText)).toEqual(['level working → advanced']);
  });

  const lint = async (ruleId: string, files: string) =>
    lintExample(RULES_BY_ID.get(ruleId)!, files, await loadSchemaSupport())
      .filter((f) => f.ruleId === ruleId)
      .map((f) => f.message);
  const swapped = `${family('f', { ...ROLES, senior: ROLES.senior.replace('level: advanced}', 'level: awareness}') })}---\n${SKILLS}`;

  test.each<[string, string, string[]]>([
    ['level-regression: an override asking less', swapped, ['asks for level awareness, lower than the working of the item it replaces from dev']],
    ['level-regression: asking more is fine', `${family('f', ROLES)}---\n${SKILLS}`, []],
    [
      'level-regression: silent without a scale',
      `${family('f', { ...ROLES, senior: ROLES.senior.replace('level: advanced}', 'level: awareness}') })}---\n${SKILLS.replace(/^levels:.*\n/m, '')}`,
      [],
    ],
  ])('%s', async (name, files, expected) => {
    expect(await lint(name.split(':')[0], files)).toEqual(expected);
  });

  test('unknown-skill: level names not on the scale, with "did you mean"', async () => {
    const bad = `${family('f', { a: 'title: A\ngrade: 6\nrequirements:\n  - {text: T, skills: {all: [git], level: expret}}\n' })}---\n${SKILLS}`;
    expect(await lint('unknown-skill', bad)).toEqual([
      'unknown level `expret` (did you mean `expert`?); the levels are awareness, working, advanced, expert; fix the name',
    ]);
    const noScale = `${family('f', { a: 'title: A\ngrade: 6\nrequirements:\n  - {text: T, skills: {all: [git], level: expert}}\n' })}---\n${SKILLS.replace(/^levels:.*\n/m, '')}`;
    expect(await lint('unknown-skill', noScale)).toEqual(['unknown level `expert`: the skills vocabulary declares no `levels`; add `levels: [...]` to it']);
  });
});

test('gap (CLI): an unknown level in a profile is reported at its line and column', async () => {
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { runCli } = await import('../helpers/run-cli.js');
  const dir = mkdtempSync(path.join(tmpdir(), 'ladder-levels-'));
  try {
    const file = path.join(dir, 'p.yaml');
    writeFileSync(file, 'kind: profile\nskills:\n  iam: advnced\n  python: advanced\n');
    const r = await runCli(['gap', 'senior-lab-curriculum-developer', '--profile', file, '--no-color']);
    expect(r.stderr).toMatch(
      /p\.yaml:3:8: warning unknown level `advnced` \(did you mean `advanced`\?\); the levels are awareness, working, advanced, expert; the level of iam counts as not stated \(unknown-skill\)\n/,
    );
    expect(r.stdout).toMatch(/unverified {2}Advanced knowledge of identity and access management\n {14}level of iam not stated, needs advanced/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
