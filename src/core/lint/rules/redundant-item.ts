import { yaml } from '../example.js';
import type { Rule } from '../types.js';
import { sameContent } from '../inheritance.js';

export const rule: Rule = {
  id: 'redundant-item',
  defaultSeverity: 'warn',
  summary: 'an item that repeats one the role already inherits',
  description:
    "A role inherits its family's items and, through `extends`, everything its parent resolves to. An own item with the identity of an inherited one replaces it in place; when it has the very same text (and the same `years`, `area` and `skills`) the replacement changes nothing and only adds noise, often a line restated on the handbook page. Delete it; the role keeps the item through inheritance. The finding links to the item it repeats.",
  meta: {
    messages: {
      redundant: 'repeats an item {{role}} already inherits from {{from}}; delete it',
      inherited: 'inherited from {{from}}',
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
              - id: git
                text: Experience with Git
          senior-engineer:
            title: Senior Engineer
            grade: 7
            extends: engineer
            requirements:
              - id: git
                text: Deep experience with Git
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
              - Ability to use GitLab
          senior-engineer:
            title: Senior Engineer
            grade: 7
            extends: engineer
            requirements:
              - Ability to use GitLab
      `,
        errors: [{ messageId: 'redundant', line: 15, column: 9 }],
      },
    ],
  },
  inheritance: (_ctx, report) => ({
    override(role, item, inherited) {
      if (!sameContent(inherited, item)) return;
      report({
        messageId: 'redundant',
        data: { role: role.id, from: inherited.from },
        file: role.file,
        path: item.path,
        related: [{ file: inherited.file, path: inherited.path, messageId: 'inherited', data: { from: inherited.from } }],
      });
    },
  }),
};
