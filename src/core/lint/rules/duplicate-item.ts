import type { RawFinding } from '../../findings.js';
import type { ItemDef } from '../../model.js';
import type { LintContext, Rule } from '../types.js';
import { itemLists } from '../walk.js';

export const rule: Rule = {
  id: 'duplicate-item',
  defaultSeverity: 'warn',
  summary: 'the same item twice in one section',
  description:
    'Within one section of one role (or of the family, or of a specialty) every item must have its own identity: its `id`, or for an item without `id` its text, compared case-insensitively with whitespace collapsed. A second item with the same identity is a copy-paste slip; only one of them survives resolution. The finding points at the second and links to the first.',
  examples: {
    valid: ['kind: family\nid: demo\ntitle: Demo\nresponsibilities: [Ship work]\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    responsibilities:\n      - Build things\n      - Fix things\n'],
    invalid: [
      { yaml: 'kind: family\nid: demo\ntitle: Demo\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    responsibilities:\n      - Build things\n      - build  things\n', line: 10, column: 9 },
    ],
  },
  check(ctx: LintContext): RawFinding[] {
    const out: RawFinding[] = [];
    for (const list of itemLists(ctx.ds)) {
      if (list.items.length < 2) continue;
      const seen = new Map<string, ItemDef>();
      for (const item of list.items) {
        const prev = seen.get(item.identity);
        if (!prev) {
          seen.set(item.identity, item);
          continue;
        }
        out.push({
          ruleId: 'duplicate-item',
          message: `${item.id !== null ? `item id \`${item.id}\`` : 'this item'} appears twice in ${list.section} of ${list.owner}`,
          file: list.file,
          path: item.path,
          related: [{ file: prev.file, path: prev.path, message: 'first written here' }],
        });
      }
    }
    return out;
  },
};
