import type { RawFinding } from '../../findings.js';
import type { FamilyDef, Path } from '../../model.js';
import { didYouMean } from '../../suggest.js';
import type { LintContext, Rule } from '../types.js';
import { declaredIds } from '../walk.js';

type Accept = 'role' | 'role-or-family' | 'family-role';

export const rule: Rule = {
  id: 'unresolved-reference',
  defaultSeverity: 'error',
  summary: '`extends`/`reports_to`/`next`/ladder levels naming nothing known ("did you mean")',
  description:
    'References must name something the data set knows. `extends` and `ladders.*.levels` name a role; `reports_to` and `next` name a role or a family; any of them may also name an entry of the same file\'s `external` map (for roles defined outside the data set). `specialties.*.roles` name roles of the same family. The message suggests the closest known ids. Either fix the id, or declare the target under `external` with its title and URL.',
  examples: {
    valid: [
      'kind: family\nid: demo\ntitle: Demo\nresponsibilities: [Ship work]\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    reports_to: head-of-demo\nexternal:\n  head-of-demo:\n    title: Head of Demo\n',
    ],
    invalid: [
      {
        yaml: 'kind: family\nid: demo\ntitle: Demo\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n  senior-engineer:\n    title: Senior Engineer\n    grade: 7\n    extends: enginer\n',
        line: 11,
        column: 14,
      },
      { yaml: 'kind: family\nid: demo\ntitle: Demo\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\nnext: [staff-engineer]\n', line: 8, column: 8 },
    ],
  },
  check(ctx: LintContext): RawFinding[] {
    const { ds } = ctx;
    const out: RawFinding[] = [];
    const declared = declaredIds(ctx.files);
    const check = (fam: FamilyDef, ref: string, path: Path, what: string, accept: Accept) => {
      if (accept === 'family-role') {
        if (fam.roleIds.includes(ref) || (!ds.roles.has(ref) && declared.has(ref) && !ds.familyById.has(ref))) return;
        const hint = ds.roles.has(ref) ? ` (it is a role of ${ds.roles.get(ref)!.family})` : didYouMean(ref, fam.roleIds);
        out.push({ ruleId: 'unresolved-reference', message: `${what} \`${ref}\` is not a role of ${fam.id}${hint}`, file: fam.file, path });
        return;
      }
      if (ds.roles.has(ref) || fam.external.has(ref)) return;
      if (ds.familyById.has(ref)) {
        if (accept === 'role-or-family') return;
        out.push({ ruleId: 'unresolved-reference', message: `${what} \`${ref}\` is a family; it must name a role`, file: fam.file, path });
        return;
      }
      if (declared.has(ref)) return; // defined in a file with schema errors: those are reported
      const candidates = [...ds.roles.keys(), ...fam.external.keys(), ...(accept === 'role-or-family' ? ds.familyById.keys() : [])];
      const elsewhere = ds.families.find((f) => f !== fam && f.external.has(ref));
      const hint = elsewhere ? ` (it is an \`external\` entry of ${elsewhere.file}; declare it in this file's \`external\` too)` : didYouMean(ref, candidates) || '; declare it under `external` if it is defined outside the data set';
      out.push({ ruleId: 'unresolved-reference', message: `${what} \`${ref}\` names no known role${accept === 'role-or-family' ? ' or family' : ''}${hint}`, file: fam.file, path });
    };
    for (const fam of ds.families) {
      for (const rid of fam.roleIds) {
        const role = ds.roles.get(rid)!;
        if (role.extends !== undefined) check(fam, role.extends, [...role.path, 'extends'], 'extends', 'role');
        if (role.reportsTo !== undefined) check(fam, role.reportsTo, [...role.path, 'reports_to'], 'reports_to', 'role-or-family');
      }
      fam.next.forEach((ref, i) => check(fam, ref, ['next', i], 'next', 'role-or-family'));
      for (const ladder of fam.ladders) {
        if (!ladder.declared) continue;
        ladder.levels.forEach((ref, i) => check(fam, ref, [...ladder.path, 'levels', i], 'ladder level', 'role'));
      }
      for (const spec of fam.specialties) spec.roles?.forEach((ref, i) => check(fam, ref, [...spec.path, 'roles', i], 'specialty role', 'family-role'));
    }
    return out;
  },
};
