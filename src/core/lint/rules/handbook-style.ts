import { yaml } from '../example.js';
import type { LintContext, Rule } from '../types.js';
import { forEachProse, prosePath } from '../walk.js';

/** Phrasing that makes a job family read like a vacancy (GitLab's job-families guide). */
const VACANCY = /\b(?:you will|you'll|exciting opportunit(?:y|ies)|we(?:'re| are) hiring)\b/i;
/** Regions and residence wording: location requirements belong in vacancies, not job families. */
const LOCATION = /\b(?:EMEA|APAC|AMER|Americas|LATAM|NORAM)\b|\b(?:located|based|resid(?:e|ing)|living) in\b/i;

export const rule: Rule = {
  id: 'handbook-style',
  defaultSeverity: 'off',
  summary: 'GitLab\'s own rules: no "you will"/"exciting opportunity" vacancy phrasing, no location requirements, "Ability to use GitLab" present',
  description:
    'Checks the conventions of GitLab\'s job-families guide (handbook/hiring/job-families): a job family describes a role for career conversations and must not read like a vacancy ("you will", "exciting opportunity", "we\'re hiring" anywhere in its prose); its requirements carry no location requirements (regions such as EMEA, APAC or Americas, or "located/based/residing in"), which change over time while job families stay; and every role\'s resolved requirements include "Ability to use GitLab". Off by default because it enforces one company\'s house style; turn it on with `rules: {handbook-style: warn}` or `--rule handbook-style=warn`.',
  meta: {
    messages: {
      vacancy: '"{{phrase}}" reads like a vacancy; describe the role instead (GitLab job-families guide)',
      location: '"{{phrase}}" is a location requirement; job families carry none (GitLab job-families guide)',
      noGitlab: 'the requirements of {{role}} do not include "Ability to use GitLab" (GitLab job-families guide)',
    },
  },
  examples: {
    valid: [
      yaml`
        kind: family
        id: demo
        title: Demo
        requirements: [Ability to use GitLab]
        roles:
          engineer:
            title: Engineer
            grade: 6
            responsibilities: [Build and run the platform]
      `,
    ],
    invalid: [
      {
        yaml: yaml`
        kind: family
        id: demo
        title: Demo
        requirements: [Ability to use GitLab]
        roles:
          engineer:
            title: Engineer
            grade: 6
            responsibilities:
              - You will build and run the platform
      `,
        errors: [{ messageId: 'vacancy', line: 10, column: 9 }],
      },
      {
        yaml: yaml`
        kind: family
        id: demo
        title: Demo
        requirements: [Ability to use GitLab]
        roles:
          engineer:
            title: Engineer
            grade: 6
            requirements:
              - Must be located in EMEA
      `,
        errors: [{ messageId: 'location', line: 10, column: 9 }],
      },
      {
        yaml: yaml`
        kind: family
        id: demo
        title: Demo
        roles:
          engineer:
            title: Engineer
            grade: 6
            requirements: [Experience with Git]
      `,
        errors: [{ messageId: 'noGitlab', line: 5, column: 3 }],
      },
    ],
  },
  check(ctx: LintContext, report) {
    for (const fam of ctx.ds.families) {
      forEachProse(ctx.ds, fam, (p) => {
        const vacancy = VACANCY.exec(p.text);
        if (vacancy) report({ messageId: 'vacancy', data: { phrase: vacancy[0] }, file: fam.file, path: prosePath(p) });
        const location = p.section === 'requirements' ? LOCATION.exec(p.text) : null;
        if (location) report({ messageId: 'location', data: { phrase: location[0] }, file: fam.file, path: prosePath(p) });
      });
    }
  },
  inheritance: (_ctx, report) => ({
    roleResolved(role, view) {
      if (view.gitlabRequirements === 0) report({ messageId: 'noGitlab', data: { role: role.id }, file: role.file, path: role.path, at: 'key' });
    },
  }),
};
