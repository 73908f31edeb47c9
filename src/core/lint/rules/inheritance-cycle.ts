import { yaml } from '../example.js';
import type { Rule } from '../types.js';

/** Max ids named in a cycle message before the middle is elided. */
const CYCLE_NAMES = 12;

export const rule: Rule = {
  id: 'inheritance-cycle',
  defaultSeverity: 'error',
  summary: 'A extends B extends … extends A (the message names the chain)',
  description:
    'Following `extends` from a role must end at a role that extends nothing (or at an `external` one). A chain that comes back to a role it already passed cannot be resolved: none of its roles can be shown, diffed or matched. Each cycle is reported once, at the `extends` of its role defined first, and the message names the whole chain (long chains are shortened in the middle). Break the cycle by removing the `extends` that points back down the ladder.',
  meta: {
    messages: {
      cycle: 'inheritance cycle: {{chain}}',
      link: '{{role}} extends {{parent}}',
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
            responsibilities: [Build things]
          senior-engineer:
            title: Senior Engineer
            grade: 7
            extends: engineer
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
            grade: 7
            extends: senior-engineer
          senior-engineer:
            title: Senior Engineer
            grade: 7
            extends: engineer
      `,
        errors: [{ messageId: 'cycle', line: 8, column: 14 }],
      },
    ],
  },
  inheritance: (_ctx, report) => ({
    cycle(members) {
      const ids = members.map((r) => r.id);
      const named = ids.length > CYCLE_NAMES ? [...ids.slice(0, CYCLE_NAMES - 3), `… (${ids.length - CYCLE_NAMES + 1} more)`, ...ids.slice(-2)] : ids;
      const head = members[0];
      report({
        messageId: 'cycle',
        data: { chain: [...named, head.id].join(' extends ') },
        file: head.file,
        path: [...head.path, 'extends'],
        related: members
          .slice(1, CYCLE_NAMES)
          .map((r) => ({ file: r.file, path: [...r.path, 'extends'], messageId: 'link', data: { role: r.id, parent: r.extends ?? '' } })),
      });
    },
  }),
};
