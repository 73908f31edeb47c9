import { yaml } from '../example.js';
import type { LintContext, Rule } from '../types.js';

export const rule: Rule = {
  id: 'reports-to-grade',
  defaultSeverity: 'warn',
  summary: 'reporting to a role of the same or a lower grade',
  description:
    'A manager is normally graded above the people who report to them. A `reports_to` naming a role of the same or a lower grade usually means a wrong reference or a wrong grade. References to families or `external` roles have no grade and are not checked.',
  meta: {
    messages: {
      self: '{{role}} reports to itself',
      same: '{{role}} (grade {{grade}}) reports to {{boss}}, whose grade {{bossGrade}} is the same',
      lower: '{{role}} (grade {{grade}}) reports to {{boss}}, whose grade {{bossGrade}} is lower',
      bossGrade: '{{role}} is grade {{grade}}',
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
            reports_to: engineering-manager
          engineering-manager:
            title: Engineering Manager
            grade: 8
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
            grade: 8
            reports_to: engineering-manager
          engineering-manager:
            title: Engineering Manager
            grade: 8
      `,
        errors: [{ messageId: 'same', line: 8, column: 17 }],
      },
    ],
  },
  check(ctx: LintContext, report) {
    for (const role of ctx.ds.roles.values()) {
      const boss = role.reportsTo !== undefined ? ctx.ds.roles.get(role.reportsTo) : undefined;
      if (!boss || boss.grade === undefined || role.grade === undefined || boss.grade > role.grade) continue;
      report({
        messageId: boss === role ? 'self' : boss.grade === role.grade ? 'same' : 'lower',
        data: { role: role.id, grade: role.grade, boss: boss.id, bossGrade: boss.grade },
        file: role.file,
        path: [...role.path, 'reports_to'],
        related: [{ file: boss.file, path: [...boss.path, 'grade'], messageId: 'bossGrade', data: { role: boss.id, grade: boss.grade } }],
      });
    }
  },
};
