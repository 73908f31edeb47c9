import { yaml } from '../example.js';
import type { Rule } from '../types.js';

export const rule: Rule = {
  id: 'unknown-remove',
  defaultSeverity: 'warn',
  summary: '`remove` names an id that is not inherited',
  description:
    '`remove` drops inherited items by id (or by their text, for items without id). An entry that matches nothing the role inherits does nothing: usually the id is misspelt, or the parent no longer has that item, and the item meant to disappear is still there. Not reported when the chain ends at an `external` or unknown role, whose items are unknown.',
  meta: {
    messages: {
      unknown: '`remove` names `{{id}}`, which {{role}} does not inherit',
      extendsNothing: '`remove` names `{{id}}`, which {{role}} does not inherit (it extends nothing)',
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
              - id: on-call
                text: Takes part in the on-call rotation
          senior-engineer:
            title: Senior Engineer
            grade: 7
            extends: engineer
            remove: [on-call]
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
              - id: on-call
                text: Takes part in the on-call rotation
          senior-engineer:
            title: Senior Engineer
            grade: 7
            extends: engineer
            remove: [oncall]
      `,
        errors: [{ messageId: 'unknown', line: 15, column: 14 }],
      },
    ],
  },
  inheritance: (_ctx, report) => ({
    removeMissing(role, id, index) {
      report({
        messageId: role.extends === undefined ? 'extendsNothing' : 'unknown',
        data: { id, role: role.id },
        file: role.file,
        path: [...role.path, 'remove', index],
      });
    },
  }),
};
