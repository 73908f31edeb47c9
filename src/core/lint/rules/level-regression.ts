import type { RawFinding } from '../../findings.js';
import type { LintContext, Rule } from '../types.js';

const SKILLS = 'kind: skills\nlevels: [awareness, working, advanced, expert]\nskills:\n  iam: {title: Identity and access management}\n';

export const rule: Rule = {
  id: 'level-regression',
  defaultSeverity: 'warn',
  summary: 'an override that asks for a lower skill level than the item it replaces',
  description:
    'When a role overrides an inherited requirement (same `id`) and both ask for a skill `level`, the higher level should not ask for less depth than the level it builds on: `level: working` at the Senior level replacing `level: advanced` at the Intermediate one is almost always a swapped pair. Levels compare by their place in the skills vocabulary\'s `levels` scale; without a scale, or with a level name the scale does not know (that is `unknown-skill`), the rule is silent. The finding points at the override\'s `level` and links to the item it replaces.',
  examples: {
    valid: [
      `kind: family\nid: demo\ntitle: Demo\nresponsibilities: [Ship work]\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    requirements:\n      - {id: iam, text: Knowledge of IAM, skills: {all: [iam], level: working}}\n  senior-engineer:\n    title: Senior Engineer\n    grade: 7\n    extends: engineer\n    requirements:\n      - {id: iam, text: Advanced knowledge of IAM, skills: {all: [iam], level: advanced}}\n---\n${SKILLS}`,
    ],
    invalid: [
      {
        yaml: `kind: family\nid: demo\ntitle: Demo\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    requirements:\n      - id: iam\n        text: Advanced knowledge of IAM\n        skills: {all: [iam], level: advanced}\n  senior-engineer:\n    title: Senior Engineer\n    grade: 7\n    extends: engineer\n    requirements:\n      - id: iam\n        text: Knowledge of IAM\n        skills: {all: [iam], level: working}\n---\n${SKILLS}`,
        line: 19,
        column: 37,
      },
    ],
  },
  check(ctx: LintContext): RawFinding[] {
    const levels = ctx.ds.vocabulary?.levels ?? [];
    if (levels.length === 0) return [];
    const rank = new Map(levels.map((l, i) => [l, i]));
    const out: RawFinding[] = [];
    for (const { role, item, prev } of ctx.inheritance().overrides) {
      const asked = item.skills?.level;
      const before = prev.skills?.level;
      if (asked === undefined || before === undefined) continue;
      const a = rank.get(asked);
      const b = rank.get(before);
      if (a === undefined || b === undefined || a >= b) continue;
      out.push({
        ruleId: 'level-regression',
        message: `asks for level ${asked}, lower than the ${before} of the item it replaces from ${prev.from}`,
        file: role.file,
        path: [...item.path, 'skills', 'level'],
        related: [{ file: prev.file, path: prev.path, message: `inherited from ${prev.from}` }],
      });
    }
    return out;
  },
};
