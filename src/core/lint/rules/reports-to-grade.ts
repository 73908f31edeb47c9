import type { RawFinding } from '../../findings.js';
import type { LintContext, Rule } from '../types.js';

export const rule: Rule = {
  id: 'reports-to-grade',
  defaultSeverity: 'warn',
  summary: 'reporting to a role of the same or a lower grade',
  description:
    'A manager is normally graded above the people who report to them. A `reports_to` naming a role of the same or a lower grade usually means a wrong reference or a wrong grade. References to families or `external` roles have no grade and are not checked.',
  examples: {
    valid: [
      'kind: family\nid: demo\ntitle: Demo\nresponsibilities: [Ship work]\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    reports_to: engineering-manager\n  engineering-manager:\n    title: Engineering Manager\n    grade: 8\n',
    ],
    invalid: [
      {
        yaml: 'kind: family\nid: demo\ntitle: Demo\nroles:\n  engineer:\n    title: Engineer\n    grade: 8\n    reports_to: engineering-manager\n  engineering-manager:\n    title: Engineering Manager\n    grade: 8\n',
        line: 8,
        column: 17,
      },
    ],
  },
  check(ctx: LintContext): RawFinding[] {
    const out: RawFinding[] = [];
    for (const role of ctx.ds.roles.values()) {
      const boss = role.reportsTo !== undefined ? ctx.ds.roles.get(role.reportsTo) : undefined;
      if (!boss || boss.grade === undefined || role.grade === undefined || boss.grade > role.grade) continue;
      out.push({
        ruleId: 'reports-to-grade',
        message:
          boss === role
            ? `${role.id} reports to itself`
            : `${role.id} (grade ${role.grade}) reports to ${boss.id}, whose grade ${boss.grade} is ${boss.grade === role.grade ? 'the same' : 'lower'}`,
        file: role.file,
        path: [...role.path, 'reports_to'],
        related: [{ file: boss.file, path: [...boss.path, 'grade'], message: `${boss.id} is grade ${boss.grade}` }],
      });
    }
    return out;
  },
};
