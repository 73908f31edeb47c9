import { yaml } from '../example.js';
import type { Rule } from '../types.js';

export const rule: Rule = {
  id: 'empty-role',
  defaultSeverity: 'warn',
  summary: 'a role with no responsibilities and no requirements after resolution',
  description:
    'After inheritance (family items, the `extends` chain, `remove`) a role should still say what the person does or what they need. A role with neither responsibilities nor requirements is usually a stub, or a `remove` list that removed everything. Not reported for roles whose chain reaches an `external` or unknown role, whose items are unknown, nor for roles on an inheritance cycle.',
  meta: {
    messages: {
      empty: 'role `{{role}}` has no responsibilities and no requirements, even after inheritance',
    },
  },
  examples: {
    valid: [
      yaml`
        kind: family
        id: demo
        title: Demo
        responsibilities: [Follow the team handbook]
        roles:
          engineer:
            title: Engineer
            grade: 6
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
      `,
        errors: [{ messageId: 'empty', line: 5, column: 3 }],
      },
    ],
  },
  inheritance: (_ctx, report) => ({
    roleResolved(role, view) {
      if (view.size('responsibilities') === 0 && view.size('requirements') === 0) {
        report({ messageId: 'empty', data: { role: role.id }, file: role.file, path: role.path, at: 'key' });
      }
    },
  }),
};
