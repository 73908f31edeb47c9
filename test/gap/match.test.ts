import { describe, expect, test } from '@jest/globals';
import { gapExitCode, gapJson, matchProfile, nextLevel, profileFromValue, profileWarnings, type GapStatus } from '../../src/core/gap/index.js';
import { PROFILE_MESSAGES } from '../../src/core/gap/profile.js';
import { formatMessage } from '../../src/core/messages.js';
import { family } from '../helpers/data.js';
import { loadRoles } from '../diff/roles.js';

const SKILLS = `kind: skills
skills:
  gcp: {title: Google Cloud Platform, aliases: [google cloud, GCP]}
  aws: {title: Amazon Web Services, aliases: [AWS]}
  linux: {title: Linux}
  mac: {title: Mac, aliases: [macOS]}
  ansible: {title: Ansible}
  chef: {title: Chef}
  terraform: {title: Terraform}
  kubernetes: {title: Kubernetes, aliases: [k8s]}
areas:
  it-saas: {title: IT in a high-growth SaaS environment, aliases: [IT SaaS]}
  user-support: {title: User support}
`;

const ROLES = {
  dev: `title: Developer
grade: 6
requirements:
  - id: it-saas-years
    text: 5+ years of experience in IT SaaS
    years: 5
    area: it-saas
  - id: config-management
    text: Knowledge of Ansible, Chef, or Terraform
    skills: {any: [ansible, chef, terraform]}
  - id: linux-mac
    text: Supporting Linux and Mac
    skills: {all: [linux, mac]}
  - id: clouds
    text: Working in GCP and AWS
    skills: {all: [gcp, aws]}
  - id: gitlab-usage
    text: Ability to use GitLab
  - Developing automation workflows for manual tasks
  - id: dropped
    text: Travel up to 50%
`,
  senior: `title: Senior Developer
grade: 7
extends: dev
remove: [dropped]
requirements:
  - id: it-saas-years
    text: 7+ years of experience in IT SaaS
    years: 7
    area: it-saas
  - id: k8s-support
    text: 3+ years of user support on Kubernetes
    years: 3
    area: user-support
    skills: {all: [kubernetes]}
`,
};

async function gap(roleId: string, profile: Record<string, unknown>, withVocabulary = true) {
  const files: Record<string, string> = { 'f.yaml': family('f', ROLES) };
  if (withVocabulary) files['skills.yaml'] = SKILLS;
  const { ds, role } = await loadRoles(files);
  return matchProfile(role(roleId), profileFromValue('me.yaml', { kind: 'profile', ...profile }), ds.vocabulary);
}

const statusOf = async (roleId: string, id: string, profile: Record<string, unknown>, withVocabulary = true) => {
  const r = await gap(roleId, profile, withVocabulary);
  const e = r.requirements.find((x) => x.item.id === id || x.item.text === id);
  if (!e) throw new Error(`no requirement ${id}`);
  return [e.status, e.detail];
};

describe('matchProfile: structured requirements', () => {
  test.each<[string, string, Record<string, unknown>, GapStatus, string]>([
    ['years: more than needed', 'it-saas-years', { experience: { 'it-saas': 6 } }, 'met', '6 years in it-saas (needs 5)'],
    ['years: exactly enough', 'it-saas-years', { experience: { 'it-saas': 5 } }, 'met', '5 years in it-saas (needs 5)'],
    ['years: short', 'it-saas-years', { experience: { 'it-saas': 4.5 } }, 'missing', '4.5 of 5 years in it-saas'],
    ['years: none in the area', 'it-saas-years', { experience: { 'user-support': 9 } }, 'missing', '0 of 5 years in it-saas'],
    ['years: area by alias, any case', 'it-saas-years', { experience: { 'it saas': 5 } }, 'met', '5 years in it-saas (needs 5)'],
    ['years: area by title', 'it-saas-years', { experience: { 'IT in a high-growth SaaS environment': 5 } }, 'met', '5 years in it-saas (needs 5)'],
    ['any: one of them', 'config-management', { skills: ['terraform'] }, 'met', 'has terraform'],
    ['any: several', 'config-management', { skills: ['chef', 'ansible'] }, 'met', 'has ansible, chef'],
    ['any: none', 'config-management', { skills: ['aws'] }, 'missing', 'none of ansible, chef, terraform'],
    ['all: every one', 'linux-mac', { skills: ['linux', 'mac'] }, 'met', 'has linux, mac'],
    ['all: one short', 'clouds', { skills: ['aws'] }, 'missing', 'missing gcp (has aws)'],
    ['all: none', 'linux-mac', { skills: [] }, 'missing', 'missing linux, mac'],
    ['all: through aliases and titles, any case', 'clouds', { skills: ['Google Cloud', 'amazon web services'] }, 'met', 'has gcp, aws'],
    ['all: alias of another entry', 'linux-mac', { skills: ['LINUX', 'macOS'] }, 'met', 'has linux, mac'],
    [
      'years and skills: both hold',
      'k8s-support',
      { experience: { 'user-support': 3 }, skills: ['k8s'] },
      'met',
      '3 years in user-support (needs 3); has kubernetes',
    ],
    ['years and skills: skills short', 'k8s-support', { experience: { 'user-support': 3 } }, 'missing', 'missing kubernetes'],
    ['years and skills: both short', 'k8s-support', { experience: { 'user-support': 1 } }, 'missing', '1 of 3 years in user-support; missing kubernetes'],
  ])('%s', async (_name, id, profile, status, detail) => {
    const role = id === 'k8s-support' ? 'senior' : 'dev';
    expect(await statusOf(role, id, profile)).toEqual([status, detail]);
  });

  test('evidence does not replace a structural check, but is shown with it', async () => {
    expect(await statusOf('dev', 'clouds', { skills: ['aws'], evidence: { clouds: 'Ran our GCP migration' } })).toEqual([
      'missing',
      'missing gcp (has aws); evidence: Ran our GCP migration',
    ]);
  });

  test('without a vocabulary, skills compare case-insensitively as written', async () => {
    expect(await statusOf('dev', 'clouds', { skills: ['GCP', 'aws'] }, false)).toEqual(['met', 'has gcp, aws']);
    expect(await statusOf('dev', 'clouds', { skills: ['google cloud', 'aws'] }, false)).toEqual(['missing', 'missing gcp (has aws)']);
  });
});

describe('matchProfile: free-text requirements', () => {
  test.each<[string, string, Record<string, string>, GapStatus, string]>([
    ['evidence by id', 'gitlab-usage', { 'gitlab-usage': 'Maintains CI templates' }, 'met', 'evidence: Maintains CI templates'],
    ['evidence by the exact text of an item with an id', 'gitlab-usage', { 'Ability to use GitLab': 'Daily user' }, 'met', 'evidence: Daily user'],
    [
      'evidence by exact text',
      'Developing automation workflows for manual tasks',
      { 'Developing automation workflows for manual tasks': 'Wrote the reset job' },
      'met',
      'evidence: Wrote the reset job',
    ],
    [
      'text compared case-folded, whitespace collapsed',
      'Developing automation workflows for manual tasks',
      { '  developing AUTOMATION workflows  for manual tasks ': 'x' },
      'met',
      'evidence: x',
    ],
    ['an empty note still counts', 'gitlab-usage', { 'gitlab-usage': '' }, 'met', 'evidence given'],
    ['no evidence, item with id', 'gitlab-usage', {}, 'unverified', 'no evidence for `gitlab-usage` in the profile'],
    ['no evidence, item without id', 'Developing automation workflows for manual tasks', {}, 'unverified', 'no evidence in the profile'],
    [
      'a near text is not evidence',
      'Developing automation workflows for manual tasks',
      { 'Developing automation workflow for manual tasks': 'x' },
      'unverified',
      'no evidence in the profile',
    ],
  ])('%s', async (_name, id, evidence, status, detail) => {
    expect(await statusOf('dev', id, { evidence })).toEqual([status, detail]);
  });
});

describe('matchProfile: inheritance', () => {
  test('a removed requirement is not checked; an overridden one is checked at its new level', async () => {
    const r = await gap('senior', { experience: { 'it-saas': 6 } });
    expect(r.requirements.map((e) => e.item.id ?? e.item.text)).toEqual([
      'it-saas-years',
      'config-management',
      'linux-mac',
      'clouds',
      'gitlab-usage',
      'Developing automation workflows for manual tasks',
      'k8s-support',
    ]);
    expect(r.requirements[0]).toMatchObject({ status: 'missing', detail: '6 of 7 years in it-saas' });
  });

  test('evidence by id follows an override; evidence by the replaced text does not', async () => {
    const { ds, role } = await loadRoles({
      'f.yaml': family('f', {
        a: 'title: A\ngrade: 6\nrequirements:\n  - id: talks\n    text: Gives talks\n',
        b: 'title: B\ngrade: 7\nextends: a\nrequirements:\n  - id: talks\n    text: Gives conference talks\n',
      }),
    });
    const byId = matchProfile(role('b'), profileFromValue('p', { evidence: { talks: 'KubeCon 2025' } }), ds.vocabulary);
    const byOldText = matchProfile(role('b'), profileFromValue('p', { evidence: { 'Gives talks': 'meetups' } }), ds.vocabulary);
    expect(byId.requirements[0].status).toBe('met');
    expect(byOldText.requirements[0].status).toBe('unverified');
  });
});

describe('matchProfile: partial structure', () => {
  test('years without an area cannot be checked: the requirement is free text', async () => {
    const { ds, role } = await loadRoles({
      'f.yaml': family('f', { a: 'title: A\ngrade: 6\nrequirements:\n  - id: exp\n    text: 3+ years of experience\n    years: 3\n' }),
    });
    const none = matchProfile(role('a'), profileFromValue('p', { experience: { anything: 10 } }), ds.vocabulary);
    const evidenced = matchProfile(role('a'), profileFromValue('p', { evidence: { exp: 'Four years at Acme' } }), ds.vocabulary);
    expect([none.requirements[0].status, evidenced.requirements[0].status]).toEqual(['unverified', 'met']);
  });
});

describe('summary, exit code and JSON', () => {
  test('counts and exit codes, with and without --strict', async () => {
    const r = await gap('dev', { experience: { 'it-saas': 5 }, skills: ['terraform', 'linux', 'mac', 'gcp', 'aws'], evidence: { 'gitlab-usage': 'yes' } });
    expect(r.summary).toEqual({ met: 5, missing: 0, unverified: 2, total: 7 });
    expect(gapExitCode(r, false)).toBe(0);
    expect(gapExitCode(r, true)).toBe(1);
    const short = await gap('dev', {});
    expect(short.summary.missing).toBe(4);
    expect(gapExitCode(short, false)).toBe(1);
  });

  test('JSON: role, profile, summary and items with status and detail', async () => {
    const j = gapJson(await gap('dev', { name: 'Sam', skills: ['terraform'] }));
    expect(Object.keys(j)).toEqual(['role', 'profile', 'summary', 'requirements']);
    expect(j.role).toBe('dev');
    expect(j.profile).toEqual({ file: 'me.yaml', name: 'Sam' });
    expect(j.requirements[1]).toEqual({
      id: 'config-management',
      text: 'Knowledge of Ansible, Chef, or Terraform',
      from: 'dev',
      overrides: null,
      skills: { any: ['ansible', 'chef', 'terraform'] },
      source: { file: 'f.yaml', line: expect.any(Number) },
      status: 'met',
      detail: 'has terraform',
    });
  });
});

describe('nextLevel', () => {
  const ladder = (extra = '') => ({
    'f.yaml': family(
      'f',
      { one: 'title: One\ngrade: 6\n', two: 'title: Two\ngrade: 7\n', lone: 'title: Lone\ngrade: 5\n' },
      `ladders:\n  l:\n    title: L\n    levels: [one, two]\n${extra}`,
    ),
  });
  test.each<[string, string | undefined, string]>([
    ['the next level of the ladder', 'one', 'two'],
    ['top of the ladder', 'two', 'two is the top of the L ladder (one → two); there is no next level'],
    ['no ladder', 'lone', 'lone is on no ladder'],
    ['no role in the profile', undefined, "p.yaml: --next needs the profile's current `role`"],
    ['unknown role', 'ghost', 'p.yaml: unknown role `ghost` in `role`'],
  ])('%s', async (_name, current, expected) => {
    const { ds } = await loadRoles(ladder());
    const profile = profileFromValue('p.yaml', current ? { role: current } : {});
    if (expected === 'two') expect(nextLevel(ds, profile).id).toBe('two');
    else expect(() => nextLevel(ds, profile)).toThrow(expected);
  });
});

describe('profileWarnings', () => {
  test('unknown skills and areas with a suggestion, and evidence naming nothing', async () => {
    const { ds } = await loadRoles({ 'f.yaml': family('f', ROLES), 'skills.yaml': SKILLS });
    const p = profileFromValue('me.yaml', {
      experience: { 'it-sass': 3, 'IT SaaS': 2 },
      skills: ['terraform', 'terrafrom', 'cobol'],
      evidence: { 'gitlab-usag': 'x', 'gitlab-usage': 'y', 'Ability to use GitLab': 'z', 'Something never asked for': 'w' },
    });
    expect(profileWarnings(p, ds).map((w) => [w.ruleId, w.path, formatMessage(PROFILE_MESSAGES[w.ruleId][w.messageId], w.data)])).toEqual([
      ['unknown-skill', ['skills', 1], 'unknown skill `terrafrom` (did you mean `terraform`?); it matches no requirement'],
      ['unknown-skill', ['skills', 2], 'unknown skill `cobol`; it matches no requirement'],
      ['unknown-skill', ['experience', 'it-sass'], 'unknown experience area `it-sass` (did you mean `it-saas` or `IT SaaS`?); it matches no requirement'],
      ['unknown-evidence', ['evidence', 'gitlab-usag'], 'evidence `gitlab-usag` names no item id or text of the data set (did you mean `gitlab-usage`?)'],
      ['unknown-evidence', ['evidence', 'Something never asked for'], 'evidence `Something never asked for` names no item id or text of the data set'],
    ]);
  });
});
