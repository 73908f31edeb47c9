import { yaml } from '../example.js';
import type { Rule } from '../types.js';
import { sameContent } from '../inheritance.js';

export const rule: Rule = {
  id: 'level-regression',
  defaultSeverity: 'warn',
  summary: 'an override that asks for a lower skill level than the item it replaces',
  description:
    "When a role overrides an inherited requirement (same `id`) and both ask for a skill `level`, the higher level should not ask for less depth than the level it builds on: `level: working` at the Senior level replacing `level: advanced` at the Intermediate one is almost always a swapped pair. Levels compare by their place in the skills vocabulary's `levels` scale; without a scale, or with a level name the scale does not know (that is `unknown-skill`), the rule is silent. The finding points at the override's `level` and links to the item it replaces.",
  meta: {
    messages: {
      lower: 'asks for level {{level}}, lower than the {{inherited}} of the item it replaces from {{from}}',
      replaced: 'inherited from {{from}}',
    },
  },
  examples: {
    valid: [
      yaml`
        kind: family
        id: demo
        title: Demo
        responsibilities: [Ship work]
        roles:
          engineer:
            title: Engineer
            grade: 6
            requirements:
              - {id: iam, text: Knowledge of IAM, skills: {all: [iam], level: working}}
          senior-engineer:
            title: Senior Engineer
            grade: 7
            extends: engineer
            requirements:
              - {id: iam, text: Advanced knowledge of IAM, skills: {all: [iam], level: advanced}}
        ---
        kind: skills
        levels: [awareness, working, advanced, expert]
        skills:
          iam: {title: Identity and access management}
      `,
    ],
    invalid: [
      {
        yaml: yaml`
        kind: family
        id: demo
        title: Demo
        roles:
          engineer:
            title: Engineer
            grade: 6
            requirements:
              - id: iam
                text: Advanced knowledge of IAM
                skills: {all: [iam], level: advanced}
          senior-engineer:
            title: Senior Engineer
            grade: 7
            extends: engineer
            requirements:
              - id: iam
                text: Knowledge of IAM
                skills: {all: [iam], level: working}
        ---
        kind: skills
        levels: [awareness, working, advanced, expert]
        skills:
          iam: {title: Identity and access management}
      `,
        errors: [{ messageId: 'lower', line: 19, column: 37 }],
      },
    ],
  },
  inheritance: (ctx, report) => {
    const levels = ctx.ds.vocabulary?.levels ?? [];
    const rank = new Map(levels.map((l, i) => [l, i]));
    return {
      override(role, item, inherited) {
        // An override that changes nothing is redundant-item's; only a real replacement can regress.
        const asked = item.skills?.level;
        const before = inherited.skills?.level;
        if (sameContent(inherited, item) || asked === undefined || before === undefined) return;
        const a = rank.get(asked);
        const b = rank.get(before);
        if (a === undefined || b === undefined || a >= b) return;
        report({
          messageId: 'lower',
          data: { level: asked, inherited: before, from: inherited.from },
          file: role.file,
          path: [...item.path, 'skills', 'level'],
          related: [{ file: inherited.file, path: inherited.path, messageId: 'replaced', data: { from: inherited.from } }],
        });
      },
    };
  },
};
