/**
 * `ladder changes` on a temporary git repository, table-driven: each case commits the same data set,
 * edits the working tree, and states every change it expects, one line each (see `summarise`). Each
 * case runs twice, HEAD against the working tree and, once the edit is committed, HEAD~1..HEAD; both
 * must agree, and every JSON report must validate against schemas/changes.output.schema.json.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ROOT } from '../helpers/run-cli.js';
import { BASE, LAB, OPS, edit, summarise, type ReportJ } from './fixture.js';
import { HAVE_GIT, Repo } from './repo.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'changes.output.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(schema);

/** The lab family with every order changed, keys shuffled, YAML restyled and comments rewritten. */
const REORDERED_LAB = `kind: family
title: Lab # title before id now
id: lab
roles:
  staff-dev:
    extends: senior-dev
    grade: 8
    title: "Staff Developer"
    level: Staff
    responsibilities: ["Set the technical direction of the labs"]
  dev:
    grade: 6
    title: 'Developer (Intermediate)'
    level: Intermediate
    requirements:
      - Knowledge of Terraform or Ansible
      - area: it
        years: 5
        text: >-
          5+ years of
          experience in IT
        id: it-years
    responsibilities:
      - Document the lab systems
      - Build lab environments
      - Maintain curriculum modules
  senior-dev:
    requirements: [Experience leading a lab migration]
    responsibilities:
      - Mentor junior staff
    extends: dev
    grade: 7
    level: Senior
    title: Senior Developer
requirements:
  # for every level of the family
  - Ability to use GitLab
`;

/** The lab family with each [from, to] edit applied in turn. */
const lab = (...edits: [string, string][]) => ({ 'ladder/lab.yaml': edits.reduce((text, [a, b]) => edit(text, a, b), LAB) });
const TERRAFORM = lab(['Knowledge of Terraform or Ansible', 'Knowledge of Terraform, Ansible or Chef']);

interface Case {
  name: string;
  /** Files changed in the committed base (BASE otherwise). */
  before?: Record<string, string | null>;
  after: Record<string, string | null>;
  args?: string[];
  /** Compare only the `role status` lines (for cases that list a whole role's items). */
  statusOnly?: boolean;
  expect: string[];
}

const CASES: Case[] = [
  { name: 'reorder only (items, roles, keys), YAML restyled, comments changed: no change', after: { 'ladder/lab.yaml': REORDERED_LAB }, expect: [] },
  { name: 'a family moved to another file: no change', after: { 'ladder/ops.yaml': null, 'ladder/teams/operations.yaml': OPS }, expect: [] },
  {
    name: 'one intermediate requirement edited: on that role, and via it on every role that extends it',
    after: TERRAFORM,
    expect: [
      'dev changed',
      'dev requirements ~ Knowledge of Terraform, Ansible or Chef',
      'senior-dev changed',
      'senior-dev requirements ~ Knowledge of Terraform, Ansible or Chef via dev',
      'staff-dev changed',
      'staff-dev requirements ~ Knowledge of Terraform, Ansible or Chef via dev',
    ],
  },
  {
    name: 'years 5 → 7: a changed item with the delta',
    after: lab(['5+ years of experience in IT\n        years: 5', '7+ years of experience in IT\n        years: 7']),
    args: ['--role', 'dev'],
    expect: ['dev changed', 'dev requirements ~ 7+ years of experience in IT years 5 → 7'],
  },
  {
    name: 'a role renamed with the same items: renamed',
    after: lab(['  staff-dev:', '  staff-developer:']),
    expect: ['staff-developer renamed from staff-dev'],
  },
  {
    name: 'a parent renamed with the same items: renamed, and the levels above only change what they extend',
    after: { 'ladder/lab.yaml': LAB.replace('  dev:', '  developer:').replace('extends: dev', 'extends: developer') },
    expect: ['developer renamed from dev', 'senior-dev changed', 'senior-dev field extends: dev → developer'],
  },
  {
    name: 'a role renamed with other items: removed and added',
    after: lab(['  staff-dev:', '  staff-developer:'], ['Set the technical direction of the labs', 'Own the lab roadmap']),
    statusOnly: true,
    expect: ['staff-developer added', 'staff-dev removed'],
  },
  {
    name: 'a family-wide requirement edited: on every role of the family, via the family',
    after: lab(['  - Ability to use GitLab', '  - Ability to use GitLab and GitLab CI']),
    expect: [
      'dev changed',
      'dev requirements ~ Ability to use GitLab and GitLab CI via lab',
      'senior-dev changed',
      'senior-dev requirements ~ Ability to use GitLab and GitLab CI via lab',
      'staff-dev changed',
      'staff-dev requirements ~ Ability to use GitLab and GitLab CI via lab',
    ],
  },
  {
    name: 'grade, title and level: field changes',
    after: lab(['    title: Senior Developer\n    level: Senior\n    grade: 7', '    title: Senior Lab Developer\n    level: Senior II\n    grade: 7.5']),
    expect: [
      'senior-dev changed',
      'senior-dev field title: Senior Developer → Senior Lab Developer',
      'senior-dev field level: Senior → Senior II',
      'senior-dev field grade: 7 → 7.5',
    ],
  },
  {
    name: 'items added and removed, own and inherited',
    after: lab(['      - Mentor junior staff\n', '      - Mentor junior staff\n      - Review lab designs\n'], ['      - Maintain curriculum modules\n', '']),
    expect: [
      'dev changed',
      'dev responsibilities - Maintain curriculum modules',
      'senior-dev changed',
      'senior-dev responsibilities + Review lab designs',
      'senior-dev responsibilities - Maintain curriculum modules via dev',
      'staff-dev changed',
      'staff-dev responsibilities + Review lab designs via senior-dev',
      'staff-dev responsibilities - Maintain curriculum modules via dev',
    ],
  },
  {
    name: 'an item moved to another section: changed, with the section delta',
    after: lab(
      ['      - Document the lab systems\n', ''],
      ['      - Knowledge of Terraform or Ansible\n', '      - Knowledge of Terraform or Ansible\n      - Document the lab systems\n'],
    ),
    args: ['--role', 'dev'],
    expect: ['dev changed', 'dev requirements ~ Document the lab systems section "responsibilities" → "requirements"'],
  },
  {
    name: 'a parent in another, edited file: the role in the unchanged file shows the change via it',
    before: { 'ladder/ops.yaml': edit(OPS, '    grade: 5\n', '    grade: 7\n    extends: dev\n') },
    after: TERRAFORM,
    args: ['--family', 'ops'],
    expect: ['operator changed', 'operator requirements ~ Knowledge of Terraform, Ansible or Chef via dev'],
  },
  {
    name: 'a parent that named nothing now exists in a new file: the role in the unchanged file inherits its items',
    before: { 'ladder/ops.yaml': edit(OPS, '    grade: 5\n', '    grade: 5\n    extends: founder\n') },
    after: {
      'ladder/founder.yaml':
        'kind: family\nid: founders\ntitle: Founders\nroles:\n  founder:\n    title: Founder\n    grade: 4\n    responsibilities: [Start the lab]\n',
    },
    args: ['--family', 'ops'],
    expect: ['operator changed', 'operator responsibilities + Start the lab via founder'],
  },
  {
    name: '--own: only the role that wrote the change',
    after: TERRAFORM,
    args: ['--own'],
    expect: ['dev changed', 'dev requirements ~ Knowledge of Terraform, Ansible or Chef'],
  },
  {
    name: "--own: an inherited item the role drops with its own `remove` is the role's change",
    after: lab(['    extends: senior-dev\n', '    extends: senior-dev\n    remove: [it-years]\n']),
    args: ['--own'],
    expect: ['staff-dev changed', 'staff-dev requirements - 5+ years of experience in IT via dev'],
  },
  {
    name: '--role narrows (repeatable)',
    after: TERRAFORM,
    args: ['--role', 'staff-dev', '--role', 'operator'],
    expect: ['staff-dev changed', 'staff-dev requirements ~ Knowledge of Terraform, Ansible or Chef via dev'],
  },
  {
    name: '--family narrows',
    after: { ...TERRAFORM, 'ladder/ops.yaml': edit(OPS, 'Answer support requests', 'Answer support requests within a day') },
    args: ['--family', 'ops'],
    expect: ['operator changed', 'operator responsibilities ~ Answer support requests within a day'],
  },
  {
    name: '--order: moves within a section are reported',
    after: { 'ladder/lab.yaml': REORDERED_LAB },
    args: ['--order'],
    expect: [
      'dev changed',
      'dev responsibilities ↕ Document the lab systems 3 → 1',
      'dev requirements ↕ Knowledge of Terraform or Ansible 3 → 2',
      'senior-dev changed',
      'senior-dev responsibilities ↕ Document the lab systems 3 → 1',
      'senior-dev requirements ↕ Knowledge of Terraform or Ansible 3 → 2',
      'staff-dev changed',
      'staff-dev responsibilities ↕ Document the lab systems 3 → 1',
      'staff-dev requirements ↕ Knowledge of Terraform or Ansible 3 → 2',
    ],
  },
];

describe('ladder changes on a git repository', () => {
  const repos: Repo[] = [];
  beforeAll(() => {
    if (!HAVE_GIT) throw new Error('these tests need git on PATH');
  });
  afterAll(() => repos.forEach((r) => r.remove()));

  test.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const repo = new Repo();
    repos.push(repo);
    repo.commit({ ...BASE, ...c.before }, 'base');
    repo.write(c.after);
    const lines = (r: ReportJ) => (c.statusOnly ? summarise(r).filter((l) => /^\S+ (added|removed|renamed|changed)( from \S+)?$/.test(l)) : summarise(r));

    const worktree = await repo.changes('--format', 'json', ...(c.args ?? []));
    expect(worktree.stderr).toBe('');
    expect(worktree.code).toBe(0);
    const report = JSON.parse(worktree.stdout) as ReportJ;
    expect(validate(report) ? [] : validate.errors).toEqual([]);
    expect([report.from, report.to]).toEqual(['HEAD', 'working tree']);
    expect(lines(report)).toEqual(c.expect);

    repo.commit({}, 'the edit');
    const committed = await repo.changes('HEAD~1..HEAD', '--format', 'json', ...(c.args ?? []));
    expect(committed.code).toBe(0);
    const again = JSON.parse(committed.stdout) as ReportJ;
    expect(validate(again) ? [] : validate.errors).toEqual([]);
    expect([again.from, again.to]).toEqual(['HEAD~1', 'HEAD']);
    expect(lines(again)).toEqual(c.expect);
    // Items of the older version are positioned in it, with git's `rev:path` names.
    for (const role of again.roles) {
      for (const s of Object.values(role.sections))
        for (const i of s.removed) expect((i as unknown as { source: { file: string } }).source.file).toMatch(/^HEAD~1:ladder\//);
    }

    // --exit-code: 1 when something changed, 0 when nothing did.
    const exit = await repo.changes('HEAD~1..HEAD', '--exit-code', ...(c.args ?? []));
    expect(exit.code).toBe(c.expect.length ? 1 : 0);
  });
});
