import { yaml } from '../example.js';
import type { RoleDef } from '../../model.js';
import type { LintContext, Rule } from '../types.js';

export const rule: Rule = {
  id: 'grade-order',
  defaultSeverity: 'error',
  summary: 'grade decreasing along a ladder, or below the grade of the role it extends',
  description:
    "A ladder lists its levels from the first step to the last, so grades may stay equal or rise along `ladders.*.levels` but never fall; and a role that `extends` another is the next step up from it, so its grade may not be below its parent's. Either the grade is a typo or the order of the levels is wrong. Families without `ladders` get one ladder sorted by grade and cannot break this rule.",
  meta: {
    messages: {
      ladder: 'grade falls along ladder `{{ladder}}`: {{role}} is grade {{grade}}, below {{previous}} (grade {{previousGrade}}) before it',
      level: '{{role}} (grade {{grade}})',
      parent: '{{role}} is grade {{grade}}, below the grade {{parentGrade}} of {{parent}}, which it extends',
      parentGrade: '{{role}} is grade {{grade}}',
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
          senior-engineer:
            title: Senior Engineer
            grade: 7
            extends: engineer
        ladders:
          engineering:
            levels: [engineer, senior-engineer]
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
          senior-engineer:
            title: Senior Engineer
            grade: 7
        ladders:
          engineering:
            levels: [senior-engineer, engineer]
      `,
        errors: [{ messageId: 'ladder', line: 13, column: 31 }],
      },
      {
        yaml: yaml`
        kind: family
        id: demo
        title: Demo
        roles:
          engineer:
            title: Engineer
            grade: 6
          senior-engineer:
            title: Senior Engineer
            grade: 5
            extends: engineer
      `,
        errors: [{ messageId: 'parent', line: 10, column: 12 }],
      },
    ],
  },
  check(ctx: LintContext, report) {
    const { ds } = ctx;
    for (const fam of ds.families) {
      for (const ladder of fam.ladders) {
        if (!ladder.declared) continue;
        let prev: { role: RoleDef; index: number } | null = null;
        ladder.levels.forEach((id, i) => {
          const role = ds.roles.get(id);
          if (role?.grade === undefined) return;
          if (prev && role.grade < prev.role.grade!) {
            report({
              messageId: 'ladder',
              data: { ladder: ladder.id, role: role.id, grade: role.grade, previous: prev.role.id, previousGrade: prev.role.grade! },
              file: fam.file,
              path: [...ladder.path, 'levels', i],
              related: [
                { file: fam.file, path: [...ladder.path, 'levels', prev.index], messageId: 'level', data: { role: prev.role.id, grade: prev.role.grade! } },
              ],
            });
          }
          prev = { role, index: i };
        });
      }
    }
    for (const role of ds.roles.values()) {
      const parent = role.extends !== undefined ? ds.roles.get(role.extends) : undefined;
      if (!parent || parent.grade === undefined || role.grade === undefined || role.grade >= parent.grade) continue;
      report({
        messageId: 'parent',
        data: { role: role.id, grade: role.grade, parentGrade: parent.grade, parent: parent.id },
        file: role.file,
        path: [...role.path, 'grade'],
        related: [{ file: parent.file, path: [...parent.path, 'grade'], messageId: 'parentGrade', data: { role: parent.id, grade: parent.grade } }],
      });
    }
  },
};
