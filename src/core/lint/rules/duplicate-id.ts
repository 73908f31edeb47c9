import { yaml } from '../example.js';
import type { Path } from '../../model.js';
import type { LintContext, Rule } from '../types.js';

interface Definition {
  file: string;
  path: Path;
  what: string;
}

export const rule: Rule = {
  id: 'duplicate-id',
  defaultSeverity: 'error',
  summary: 'a role or family id defined twice in the data set, or equal to an `external` id',
  description:
    'Role ids and family ids share one namespace across the whole data set, so every reference has exactly one target. Reported: a role id used by two families, a family id used twice, a family named like a role (the importer adds `-family` to avoid this), and an `external` entry whose id is also defined in the data set (the reference would be ambiguous: delete the `external` entry). The finding points at the second definition and links to the first; the first one wins everywhere else.',
  meta: {
    messages: {
      duplicate: '{{what}} id `{{id}}` is already used by a {{first}}; ids of roles and families are unique across the data set',
      firstDefined: 'first defined here ({{what}})',
      external: '`external` entry `{{id}}` is defined in the data set as a {{what}}; delete the `external` entry',
      definedHere: 'defined here ({{what}})',
    },
  },
  examples: {
    valid: [
      yaml`
        kind: family
        id: demo-family
        title: Demo
        responsibilities: [Ship work]
        roles:
          demo:
            title: Demo
            grade: 6
      `,
    ],
    invalid: [
      {
        yaml: yaml`
        kind: family
        id: demo
        title: Demo
        roles:
          demo:
            title: Demo
            grade: 6
      `,
        errors: [{ messageId: 'duplicate', line: 5, column: 3 }],
      },
      {
        yaml: yaml`
        kind: family
        id: b-family
        title: B
        roles:
          engineer:
            title: Engineer
            grade: 6
        ---
        kind: family
        id: a-family
        title: A
        roles:
          engineer:
            title: Engineer
            grade: 6
      `,
        errors: [{ messageId: 'duplicate', line: 5, column: 3, file: 2 }],
      },
    ],
  },
  check(ctx: LintContext, report) {
    const first = new Map<string, Definition>();
    const define = (id: string, def: Definition) => {
      const prev = first.get(id);
      if (!prev) {
        first.set(id, def);
        return;
      }
      report({
        messageId: 'duplicate',
        data: { what: def.what, id, first: prev.what },
        file: def.file,
        path: def.path,
        at: 'key',
        related: [{ file: prev.file, path: prev.path, at: 'key', messageId: 'firstDefined', data: { what: prev.what } }],
      });
    };
    const families = ctx.files.filter((f) => f.valid && f.declares);
    for (const f of families) {
      const d = f.declares!;
      define(String(d.id), { file: f.file, path: ['id'], what: 'family' });
      for (const rid of d.roles) define(rid, { file: f.file, path: ['roles', rid], what: 'role' });
    }
    for (const f of families) {
      for (const eid of f.declares!.external) {
        const prev = first.get(eid);
        if (!prev) continue;
        report({
          messageId: 'external',
          data: { id: eid, what: prev.what },
          file: f.file,
          path: ['external', eid],
          at: 'key',
          related: [{ file: prev.file, path: prev.path, at: 'key', messageId: 'definedHere', data: { what: prev.what } }],
        });
      }
    }
  },
};
