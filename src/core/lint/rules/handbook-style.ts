import type { RawFinding } from '../../findings.js';
import type { LintContext, Rule } from '../types.js';
import { familyProse, prosePath } from '../walk.js';

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
  examples: {
    valid: [
      'kind: family\nid: demo\ntitle: Demo\nrequirements: [Ability to use GitLab]\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    responsibilities: [Build and run the platform]\n',
    ],
    invalid: [
      {
        yaml: 'kind: family\nid: demo\ntitle: Demo\nrequirements: [Ability to use GitLab]\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    responsibilities:\n      - You will build and run the platform\n',
        line: 10,
        column: 9,
      },
      {
        yaml: 'kind: family\nid: demo\ntitle: Demo\nrequirements: [Ability to use GitLab]\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    requirements:\n      - Must be located in EMEA\n',
        line: 10,
        column: 9,
      },
      { yaml: 'kind: family\nid: demo\ntitle: Demo\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    requirements: [Experience with Git]\n', line: 5, column: 3 },
    ],
  },
  check(ctx: LintContext): RawFinding[] {
    const out: RawFinding[] = [];
    for (const fam of ctx.ds.families) {
      for (const p of familyProse(ctx.ds, fam)) {
        const vacancy = VACANCY.exec(p.text);
        if (vacancy) out.push({ ruleId: 'handbook-style', message: `"${vacancy[0]}" reads like a vacancy; describe the role instead (GitLab job-families guide)`, file: fam.file, path: prosePath(p) });
        const location = p.section === 'requirements' ? LOCATION.exec(p.text) : null;
        if (location) out.push({ ruleId: 'handbook-style', message: `"${location[0]}" is a location requirement; job families carry none (GitLab job-families guide)`, file: fam.file, path: prosePath(p) });
      }
    }
    for (const role of ctx.inheritance().withoutGitlab) {
      out.push({ ruleId: 'handbook-style', message: `the requirements of ${role.id} do not include "Ability to use GitLab" (GitLab job-families guide)`, file: role.file, path: role.path, at: 'key' });
    }
    return out;
  },
};
