/** The small data set the `changes` tests edit, and a one-line-per-change summary of a JSON report. */

export const LAB = `# The lab family: three levels, each extending the one below.
kind: family
id: lab
title: Lab
requirements:
  - Ability to use GitLab
roles:
  dev:
    title: Developer (Intermediate)
    level: Intermediate
    grade: 6
    responsibilities:
      - Build lab environments
      - Maintain curriculum modules
      - Document the lab systems
    requirements:
      - id: it-years
        text: 5+ years of experience in IT
        years: 5
        area: it
      - Knowledge of Terraform or Ansible
  senior-dev:
    title: Senior Developer
    level: Senior
    grade: 7
    extends: dev
    responsibilities:
      - Mentor junior staff
    requirements:
      - Experience leading a lab migration
  staff-dev:
    title: Staff Developer
    level: Staff
    grade: 8
    extends: senior-dev
    responsibilities:
      - Set the technical direction of the labs
`;

export const OPS = `kind: family
id: ops
title: Operations
roles:
  operator:
    title: Operator
    grade: 5
    responsibilities:
      - Keep the lab systems running
      - Answer support requests
`;

export const BASE = { 'ladder/lab.yaml': LAB, 'ladder/ops.yaml': OPS };

/** Replaces `from` by `to` in `text`; throws if `from` is not there (a test that edits nothing). */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture edit: ${JSON.stringify(from)} not found`);
  return text.replace(from, to);
}

interface ItemJ {
  id: string | null;
  text: string;
  from: string;
}
interface DeltaJ {
  field: string;
  from: unknown;
  to: unknown;
}
interface SectionJ {
  added: ItemJ[];
  removed: ItemJ[];
  changed: { from: ItemJ; to: ItemJ; words: { op: string; text: string }[]; deltas: DeltaJ[] }[];
  moved?: { item: ItemJ; from: number; to: number }[];
}
export interface ReportJ {
  from: string;
  to: string;
  roles: { id: string; status: string; renamed_from?: string; fields: { name: string; from: unknown; to: unknown }[]; sections: Record<string, SectionJ> }[];
}

/**
 * One line per reported change: `role status`, `role field name: a → b`,
 * `role section +|-|~|↕ text [via x] [delta …]`.
 */
export function summarise(r: ReportJ): string[] {
  const out: string[] = [];
  for (const role of r.roles) {
    out.push(`${role.id} ${role.status}${role.renamed_from ? ` from ${role.renamed_from}` : ''}`);
    for (const f of role.fields) out.push(`${role.id} field ${f.name}: ${String(f.from)} → ${String(f.to)}`);
    const via = (i: ItemJ) => (i.from === role.id ? '' : ` via ${i.from}`);
    for (const [s, x] of Object.entries(role.sections)) {
      for (const i of x.added) out.push(`${role.id} ${s} + ${i.text}${via(i)}`);
      for (const i of x.removed) out.push(`${role.id} ${s} - ${i.text}${via(i)}`);
      for (const c of x.changed) {
        const deltas = c.deltas.map((d) => ` ${d.field} ${JSON.stringify(d.from)} → ${JSON.stringify(d.to)}`).join('');
        out.push(`${role.id} ${s} ~ ${c.to.text}${via(c.to)}${deltas}`);
      }
      for (const m of x.moved ?? []) out.push(`${role.id} ${s} ↕ ${m.item.text} ${m.from} → ${m.to}`);
    }
  }
  return out;
}
