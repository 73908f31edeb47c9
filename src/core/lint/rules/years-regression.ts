import type { Rule } from '../types.js';

export const rule: Rule = {
  id: 'years-regression',
  defaultSeverity: 'warn',
  summary: 'an override that asks for fewer years than the item it replaces',
  description:
    'When a role overrides an inherited requirement (same `id`) and both state `years`, the higher level should not ask for less experience than the level it builds on: "5+ years" at the Senior level replacing "7+ years" at the Intermediate one is almost always a typo or a swapped pair. The finding points at the override\'s `years` and links to the item it replaces.',
  examples: {
    valid: [
      'kind: family\nid: demo\ntitle: Demo\nresponsibilities: [Ship work]\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    requirements:\n      - {id: saas-years, text: 5+ years in SaaS, years: 5, area: saas}\n  senior-engineer:\n    title: Senior Engineer\n    grade: 7\n    extends: engineer\n    requirements:\n      - {id: saas-years, text: 7+ years in SaaS, years: 7, area: saas}\n',
    ],
    invalid: [
      {
        yaml: 'kind: family\nid: demo\ntitle: Demo\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    requirements:\n      - id: saas-years\n        text: 7+ years in SaaS\n        years: 7\n  senior-engineer:\n    title: Senior Engineer\n    grade: 7\n    extends: engineer\n    requirements:\n      - id: saas-years\n        text: 5+ years in SaaS\n        years: 5\n',
        line: 19,
        column: 16,
      },
    ],
  },
  check: (ctx) => ctx.inheritance().yearsRegression,
};
