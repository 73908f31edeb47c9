import type { RawFinding } from '../../findings.js';
import { placeholderOf } from '../../placeholder.js';
import type { LintContext, Rule } from '../types.js';
import { itemLists, textPath } from '../walk.js';

export const rule: Rule = {
  id: 'placeholder-item',
  defaultSeverity: 'warn',
  summary: 'an item whose whole text is a placeholder ("TBD", "TBA", "To be determined", "Coming soon")',
  description:
    'An item that only says "TBD", "TBA", "To be determined" or "Coming soon" (emphasis and trailing punctuation aside; also after a short label, as in "Sales: TBD") states no responsibility or requirement: it counts as an item in `show`, `diff` and `gap` and is never met. Write the item, or leave the section empty until it is known. `ladder import` skips such lines and reports each of them.',
  examples: {
    valid: ['kind: family\nid: demo\ntitle: Demo\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    requirements:\n      - TBD items are tracked in the team issue\n'],
    invalid: [{ yaml: 'kind: family\nid: demo\ntitle: Demo\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    requirements:\n      - TBD\n', line: 9, column: 9 }],
  },
  check(ctx: LintContext): RawFinding[] {
    const out: RawFinding[] = [];
    for (const list of itemLists(ctx.ds)) {
      for (const item of list.items) {
        const p = placeholderOf(item.text);
        if (p === null) continue;
        out.push({ ruleId: 'placeholder-item', message: `${list.section} of ${list.owner} has the placeholder item ${JSON.stringify(p)}: write the item or remove it`, file: list.file, path: textPath(item) });
      }
    }
    return out;
  },
};
