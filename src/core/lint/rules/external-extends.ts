import type { RawFinding } from '../../findings.js';
import type { LintContext, Rule } from '../types.js';

export const rule: Rule = {
  id: 'external-extends',
  defaultSeverity: 'warn',
  summary: 'inheriting from an `external` role, whose items are unknown',
  description:
    'A role may `extends` an entry of its file\'s `external` map (a role documented outside the data set). The reference is valid, but the items it would inherit are unknown, so `show`, `diff` and `gap` see only the role\'s own items. Add the parent role to the data set when you can, or copy the items the role needs.',
  examples: {
    valid: [
      'kind: family\nid: demo\ntitle: Demo\nresponsibilities: [Ship work]\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    reports_to: head-of-demo\nexternal:\n  head-of-demo:\n    title: Head of Demo\n',
    ],
    invalid: [
      {
        yaml: 'kind: family\nid: demo\ntitle: Demo\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    extends: platform-engineer\nexternal:\n  platform-engineer:\n    title: Platform Engineer\n',
        line: 8,
        column: 14,
      },
    ],
  },
  check(ctx: LintContext): RawFinding[] {
    const out: RawFinding[] = [];
    for (const fam of ctx.ds.families) {
      for (const rid of fam.roleIds) {
        const role = ctx.ds.roles.get(rid)!;
        if (role.extends === undefined || ctx.ds.roles.has(role.extends)) continue;
        const ext = fam.external.get(role.extends);
        if (!ext) continue;
        out.push({
          ruleId: 'external-extends',
          message: `${role.id} extends \`${ext.id}\` (${ext.title}), which is defined outside the data set; its items are unknown and not inherited`,
          file: role.file,
          path: [...role.path, 'extends'],
          related: [{ file: fam.file, path: ext.path, at: 'key', message: 'declared external here' }],
        });
      }
    }
    return out;
  },
};
