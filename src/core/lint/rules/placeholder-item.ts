import { yaml } from '../example.js';
import { placeholderOf } from '../../placeholder.js';
import type { LintContext, Rule } from '../types.js';
import { forEachItemList, textPath } from '../walk.js';

export const rule: Rule = {
  id: 'placeholder-item',
  defaultSeverity: 'warn',
  summary: 'an item whose whole text is a placeholder ("TBD", "TBA", "To be determined", "Coming soon")',
  description:
    'An item that only says "TBD", "TBA", "To be determined" or "Coming soon" (emphasis and trailing punctuation aside; also after a short label, as in "Sales: TBD") states no responsibility or requirement: it counts as an item in `show`, `diff` and `gap` and is never met. Write the item, or leave the section empty until it is known. `ladder import` skips such lines and reports each of them.',
  meta: {
    messages: {
      placeholder: '{{section}} of {{owner}} has the placeholder item "{{text}}": write the item or remove it',
    },
  },
  examples: {
    valid: [
      yaml`
        kind: family
        id: demo
        title: Demo
        roles:
          engineer:
            title: Engineer
            grade: 6
            requirements:
              - TBD items are tracked in the team issue
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
              - TBD
      `,
        errors: [{ messageId: 'placeholder', line: 9, column: 9 }],
      },
    ],
  },
  check(ctx: LintContext, report) {
    forEachItemList(ctx.ds, (list) => {
      for (const item of list.items) {
        const text = placeholderOf(item.text);
        if (text === null) continue;
        report({ messageId: 'placeholder', data: { section: list.section, owner: list.owner, text }, file: list.file, path: textPath(item) });
      }
    });
  },
};
