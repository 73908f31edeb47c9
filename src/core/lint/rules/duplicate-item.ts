import { yaml } from '../example.js';
import type { ItemDef } from '../../model.js';
import type { LintContext, Rule } from '../types.js';
import { forEachItemList } from '../walk.js';

export const rule: Rule = {
  id: 'duplicate-item',
  defaultSeverity: 'warn',
  summary: 'the same item twice in one section',
  description:
    'Within one section of one role (or of the family, or of a specialty) every item must have its own identity: its `id`, or for an item without `id` its text, compared case-insensitively with whitespace collapsed. A second item with the same identity is a copy-paste slip; only one of them survives resolution. The finding points at the second and links to the first.',
  meta: {
    messages: {
      duplicateId: 'item id `{{id}}` appears twice in {{section}} of {{owner}}',
      duplicate: 'this item appears twice in {{section}} of {{owner}}',
      first: 'first written here',
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
            responsibilities:
              - Build things
              - Fix things
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
            responsibilities:
              - Build things
              - build  things
      `,
        errors: [{ messageId: 'duplicate', line: 10, column: 9 }],
      },
    ],
  },
  check(ctx: LintContext, report) {
    forEachItemList(ctx.ds, (list) => {
      if (list.items.length < 2) return;
      const seen = new Map<string, ItemDef>();
      for (const item of list.items) {
        const prev = seen.get(item.identity);
        if (!prev) {
          seen.set(item.identity, item);
          continue;
        }
        report({
          messageId: item.id !== null ? 'duplicateId' : 'duplicate',
          data: { id: item.id ?? '', section: list.section, owner: list.owner },
          file: list.file,
          path: item.path,
          related: [{ file: prev.file, path: prev.path, messageId: 'first' }],
        });
      }
    });
  },
};
