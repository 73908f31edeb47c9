import type { Rule } from '../types.js';

export const rule: Rule = {
  id: 'unknown-remove',
  defaultSeverity: 'warn',
  summary: '`remove` names an id that is not inherited',
  description:
    '`remove` drops inherited items by id (or by their text, for items without id). An entry that matches nothing the role inherits does nothing: usually the id is misspelt, or the parent no longer has that item, and the item meant to disappear is still there. Not reported when the chain ends at an `external` or unknown role, whose items are unknown.',
  examples: {
    valid: [
      'kind: family\nid: demo\ntitle: Demo\nresponsibilities: [Ship work]\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    requirements:\n      - id: on-call\n        text: Takes part in the on-call rotation\n  senior-engineer:\n    title: Senior Engineer\n    grade: 7\n    extends: engineer\n    remove: [on-call]\n',
    ],
    invalid: [
      {
        yaml: 'kind: family\nid: demo\ntitle: Demo\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    requirements:\n      - id: on-call\n        text: Takes part in the on-call rotation\n  senior-engineer:\n    title: Senior Engineer\n    grade: 7\n    extends: engineer\n    remove: [oncall]\n',
        line: 15,
        column: 14,
      },
    ],
  },
  check: (ctx) => ctx.inheritance().unknownRemove,
};
