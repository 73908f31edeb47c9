import type { RawFinding } from '../../findings.js';
import type { RoleDef } from '../../model.js';
import type { LintContext, Rule } from '../types.js';

export const rule: Rule = {
  id: 'grade-order',
  defaultSeverity: 'error',
  summary: 'grade decreasing along a ladder, or below the grade of the role it extends',
  description:
    'A ladder lists its levels from the first step to the last, so grades may stay equal or rise along `ladders.*.levels` but never fall; and a role that `extends` another is the next step up from it, so its grade may not be below its parent\'s. Either the grade is a typo or the order of the levels is wrong. Families without `ladders` get one ladder sorted by grade and cannot break this rule.',
  examples: {
    valid: [
      'kind: family\nid: demo\ntitle: Demo\nresponsibilities: [Ship work]\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n  senior-engineer:\n    title: Senior Engineer\n    grade: 7\n    extends: engineer\nladders:\n  engineering:\n    levels: [engineer, senior-engineer]\n',
    ],
    invalid: [
      {
        yaml: 'kind: family\nid: demo\ntitle: Demo\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n  senior-engineer:\n    title: Senior Engineer\n    grade: 7\nladders:\n  engineering:\n    levels: [senior-engineer, engineer]\n',
        line: 13,
        column: 31,
      },
      {
        yaml: 'kind: family\nid: demo\ntitle: Demo\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n  senior-engineer:\n    title: Senior Engineer\n    grade: 5\n    extends: engineer\n',
        line: 10,
        column: 12,
      },
    ],
  },
  check(ctx: LintContext): RawFinding[] {
    const { ds } = ctx;
    const out: RawFinding[] = [];
    for (const fam of ds.families) {
      for (const ladder of fam.ladders) {
        if (!ladder.declared) continue;
        let prev: { role: RoleDef; index: number } | null = null;
        ladder.levels.forEach((id, i) => {
          const role = ds.roles.get(id);
          if (role?.grade === undefined) return;
          if (prev && role.grade < prev.role.grade!) {
            out.push({
              ruleId: 'grade-order',
              message: `grade falls along ladder \`${ladder.id}\`: ${role.id} is grade ${role.grade}, below ${prev.role.id} (grade ${prev.role.grade}) before it`,
              file: fam.file,
              path: [...ladder.path, 'levels', i],
              related: [{ file: fam.file, path: [...ladder.path, 'levels', prev.index], message: `${prev.role.id} (grade ${prev.role.grade})` }],
            });
          }
          prev = { role, index: i };
        });
      }
    }
    for (const role of ds.roles.values()) {
      const parent = role.extends !== undefined ? ds.roles.get(role.extends) : undefined;
      if (!parent || parent.grade === undefined || role.grade === undefined || role.grade >= parent.grade) continue;
      out.push({
        ruleId: 'grade-order',
        message: `${role.id} is grade ${role.grade}, below the grade ${parent.grade} of ${parent.id}, which it extends`,
        file: role.file,
        path: [...role.path, 'grade'],
        related: [{ file: parent.file, path: [...parent.path, 'grade'], message: `${parent.id} is grade ${parent.grade}` }],
      });
    }
    return out;
  },
};
