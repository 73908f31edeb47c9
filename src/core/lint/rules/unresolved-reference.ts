import { yaml } from '../example.js';
import type { FamilyDef, Path } from '../../model.js';
import { SuggestionIndex, didYouMean } from '../../suggest.js';
import type { LintContext, Rule } from '../types.js';
import { declaredIds } from '../walk.js';

type Accept = 'role' | 'role-or-family' | 'family-role';

export const rule: Rule = {
  id: 'unresolved-reference',
  defaultSeverity: 'error',
  summary: '`extends`/`reports_to`/`next`/ladder levels naming nothing known ("did you mean")',
  description:
    "References must name something the data set knows. `extends` and `ladders.*.levels` name a role; `reports_to` and `next` name a role or a family; any of them may also name an entry of the same file's `external` map (for roles defined outside the data set). `specialties.*.roles` name roles of the same family. The message suggests the closest known ids. Either fix the id, or declare the target under `external` with its title and URL.",
  meta: {
    messages: {
      notInFamily: '{{what}} `{{ref}}` is not a role of {{family}}{{hint}}',
      roleOfFamily: '{{what}} `{{ref}}` is not a role of {{family}} (it is a role of {{other}})',
      isFamily: '{{what}} `{{ref}}` is a family; it must name a role',
      unknownRole: '{{what}} `{{ref}}` names no known role{{hint}}',
      unknownRoleOrFamily: '{{what}} `{{ref}}` names no known role or family{{hint}}',
      externalElsewhere: "{{what}} `{{ref}}` names no known role{{orFamily}} (it is an `external` entry of {{file}}; declare it in this file's `external` too)",
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
          senior-engineer:
            title: Senior Engineer
            grade: 7
            extends: enginer
      `,
        errors: [{ messageId: 'unknownRole', line: 11, column: 14 }],
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
        next: [staff-engineer]
      `,
        errors: [{ messageId: 'unknownRoleOrFamily', line: 8, column: 8 }],
      },
    ],
  },
  check(ctx: LintContext, report) {
    const { ds } = ctx;
    const declared = declaredIds(ctx.files);
    // Built once, on the first unresolved reference: "did you mean" stays linear in the references.
    let roleIndex: SuggestionIndex | undefined;
    let roleOrFamilyIndex: SuggestionIndex | undefined;
    let externalOf: Map<string, FamilyDef> | undefined;
    const roleSets = new Map<FamilyDef, Set<string>>();
    const check = (fam: FamilyDef, ref: string, path: Path, what: string, accept: Accept) => {
      if (accept === 'family-role') {
        let own = roleSets.get(fam);
        if (!own) roleSets.set(fam, (own = new Set(fam.roleIds)));
        if (own.has(ref) || (!ds.roles.has(ref) && declared.has(ref) && !ds.familyById.has(ref))) return;
        if (ds.roles.has(ref))
          report({ messageId: 'roleOfFamily', data: { what, ref, family: fam.id, other: ds.roles.get(ref)!.family }, file: fam.file, path });
        else report({ messageId: 'notInFamily', data: { what, ref, family: fam.id, hint: didYouMean(ref, fam.roleIds) }, file: fam.file, path });
        return;
      }
      if (ds.roles.has(ref) || fam.external.has(ref)) return;
      if (ds.familyById.has(ref)) {
        if (accept === 'role-or-family') return;
        report({ messageId: 'isFamily', data: { what, ref }, file: fam.file, path });
        return;
      }
      if (declared.has(ref)) return; // defined in a file with schema errors: those are reported
      if (!externalOf) {
        externalOf = new Map();
        for (const f of ds.families) for (const id of f.external.keys()) if (!externalOf.has(id)) externalOf.set(id, f);
      }
      const orFamily = accept === 'role-or-family';
      const elsewhere = externalOf.get(ref);
      if (elsewhere && elsewhere !== fam) {
        report({ messageId: 'externalElsewhere', data: { what, ref, orFamily: orFamily ? ' or family' : '', file: elsewhere.file }, file: fam.file, path });
        return;
      }
      const index = orFamily
        ? (roleOrFamilyIndex ??= new SuggestionIndex([...ds.roles.keys(), ...ds.familyById.keys()]))
        : (roleIndex ??= new SuggestionIndex([...ds.roles.keys()]));
      const hint = index.didYouMean(ref, fam.external.keys()) || '; declare it under `external` if it is defined outside the data set';
      report({ messageId: orFamily ? 'unknownRoleOrFamily' : 'unknownRole', data: { what, ref, hint }, file: fam.file, path });
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
  },
};
