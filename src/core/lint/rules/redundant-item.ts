import type { Rule } from '../types.js';

export const rule: Rule = {
  id: 'redundant-item',
  defaultSeverity: 'warn',
  summary: 'an item that repeats one the role already inherits',
  description:
    'A role inherits its family\'s items and, through `extends`, everything its parent resolves to. An own item with the identity of an inherited one replaces it in place; when it has the very same text (and the same `years`, `area` and `skills`) the replacement changes nothing and only adds noise, often a line restated on the handbook page. Delete it; the role keeps the item through inheritance. The finding links to the item it repeats.',
  examples: {
    valid: [
      'kind: family\nid: demo\ntitle: Demo\nresponsibilities: [Ship work]\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    requirements:\n      - id: git\n        text: Experience with Git\n  senior-engineer:\n    title: Senior Engineer\n    grade: 7\n    extends: engineer\n    requirements:\n      - id: git\n        text: Deep experience with Git\n',
    ],
    invalid: [
      {
        yaml: 'kind: family\nid: demo\ntitle: Demo\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    requirements:\n      - Ability to use GitLab\n  senior-engineer:\n    title: Senior Engineer\n    grade: 7\n    extends: engineer\n    requirements:\n      - Ability to use GitLab\n',
        line: 15,
        column: 9,
      },
    ],
  },
  check: (ctx) => ctx.inheritance().redundant,
};
