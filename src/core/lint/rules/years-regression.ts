import { yaml } from '../example.js';
import type { Rule } from '../types.js';
import { sameContent } from '../inheritance.js';

export const rule: Rule = {
  id: 'years-regression',
  defaultSeverity: 'warn',
  summary: 'an override that asks for fewer years than the item it replaces',
  description:
    'When a role overrides an inherited requirement (same `id`) and both state `years`, the higher level should not ask for less experience than the level it builds on: "5+ years" at the Senior level replacing "7+ years" at the Intermediate one is almost always a typo or a swapped pair. The finding points at the override\'s `years` and links to the item it replaces.',
  meta: {
    messages: {
      fewer: 'asks for {{years}} years, fewer than the {{inherited}} of the item it replaces from {{from}}',
      fewerOfArea: 'asks for {{years}} years of {{area}}, fewer than the {{inherited}} of the item it replaces from {{from}}',
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
              - {id: saas-years, text: 5+ years in SaaS, years: 5, area: saas}
          senior-engineer:
            title: Senior Engineer
            grade: 7
            extends: engineer
            requirements:
              - {id: saas-years, text: 7+ years in SaaS, years: 7, area: saas}
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
              - id: saas-years
                text: 7+ years in SaaS
                years: 7
          senior-engineer:
            title: Senior Engineer
            grade: 7
            extends: engineer
            requirements:
              - id: saas-years
                text: 5+ years in SaaS
                years: 5
      `,
        errors: [{ messageId: 'fewer', line: 19, column: 16 }],
      },
    ],
  },
  inheritance: (_ctx, report) => ({
    override(role, item, inherited) {
      // An override that changes nothing is redundant-item's; only a real replacement can regress.
      if (sameContent(inherited, item) || inherited.years === undefined || item.years === undefined || item.years >= inherited.years) return;
      report({
        messageId: item.area ? 'fewerOfArea' : 'fewer',
        data: { years: item.years, area: item.area ?? '', inherited: inherited.years, from: inherited.from },
        file: role.file,
        path: [...item.path, 'years'],
        related: [{ file: inherited.file, path: inherited.path, messageId: 'replaced', data: { from: inherited.from } }],
      });
    },
  }),
};
