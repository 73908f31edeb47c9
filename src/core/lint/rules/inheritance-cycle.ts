import type { Rule } from '../types.js';

export const rule: Rule = {
  id: 'inheritance-cycle',
  defaultSeverity: 'error',
  summary: 'A extends B extends … extends A (the message names the chain)',
  description:
    'Following `extends` from a role must end at a role that extends nothing (or at an `external` one). A chain that comes back to a role it already passed cannot be resolved: none of its roles can be shown, diffed or matched. Each cycle is reported once, at the `extends` of its role defined first, and the message names the whole chain (long chains are shortened in the middle). Break the cycle by removing the `extends` that points back down the ladder.',
  examples: {
    valid: [
      'kind: family\nid: demo\ntitle: Demo\nresponsibilities: [Ship work]\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n    responsibilities: [Build things]\n  senior-engineer:\n    title: Senior Engineer\n    grade: 7\n    extends: engineer\n',
    ],
    invalid: [
      {
        yaml: 'kind: family\nid: demo\ntitle: Demo\nroles:\n  engineer:\n    title: Engineer\n    grade: 7\n    extends: senior-engineer\n  senior-engineer:\n    title: Senior Engineer\n    grade: 7\n    extends: engineer\n',
        line: 8,
        column: 14,
      },
    ],
  },
  check: (ctx) => ctx.inheritance().cycles,
};
