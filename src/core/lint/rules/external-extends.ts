import { yaml } from '../example.js';
import type { LintContext, Rule } from '../types.js';

export const rule: Rule = {
  id: 'external-extends',
  defaultSeverity: 'warn',
  summary: 'inheriting from an `external` role, whose items are unknown',
  description:
    "A role may `extends` an entry of its file's `external` map (a role documented outside the data set). The reference is valid, but the items it would inherit are unknown, so `show`, `diff` and `gap` see only the role's own items. Add the parent role to the data set when you can, or copy the items the role needs.",
  meta: {
    messages: {
      external: '{{role}} extends `{{id}}` ({{title}}), which is defined outside the data set; its items are unknown and not inherited',
      declared: 'declared external here',
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
            reports_to: head-of-demo
        external:
          head-of-demo:
            title: Head of Demo
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
            extends: platform-engineer
        external:
          platform-engineer:
            title: Platform Engineer
      `,
        errors: [{ messageId: 'external', line: 8, column: 14 }],
      },
    ],
  },
  check(ctx: LintContext, report) {
    for (const fam of ctx.ds.families) {
      for (const rid of fam.roleIds) {
        const role = ctx.ds.roles.get(rid)!;
        if (role.extends === undefined || ctx.ds.roles.has(role.extends)) continue;
        const ext = fam.external.get(role.extends);
        if (!ext) continue;
        report({
          messageId: 'external',
          data: { role: role.id, id: ext.id, title: ext.title },
          file: role.file,
          path: [...role.path, 'extends'],
          related: [{ file: fam.file, path: ext.path, at: 'key', messageId: 'declared' }],
        });
      }
    }
  },
};
