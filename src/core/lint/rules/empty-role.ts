import type { Rule } from '../types.js';

export const rule: Rule = {
  id: 'empty-role',
  defaultSeverity: 'warn',
  summary: 'a role with no responsibilities and no requirements after resolution',
  description:
    'After inheritance (family items, the `extends` chain, `remove`) a role should still say what the person does or what they need. A role with neither responsibilities nor requirements is usually a stub, or a `remove` list that removed everything. Not reported for roles whose chain reaches an `external` or unknown role, whose items are unknown, nor for roles on an inheritance cycle.',
  examples: {
    valid: [
      'kind: family\nid: demo\ntitle: Demo\nresponsibilities: [Follow the team handbook]\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n',
    ],
    invalid: [{ yaml: 'kind: family\nid: demo\ntitle: Demo\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n', line: 5, column: 3 }],
  },
  check: (ctx) => ctx.inheritance().emptyRoles,
};
