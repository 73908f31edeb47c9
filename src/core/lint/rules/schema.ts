import { yaml } from '../example.js';
import type { Rule } from '../types.js';

/** Reported by the loader (core/schema-errors.ts); the module carries the docs, severity and examples. */
export const rule: Rule = {
  id: 'schema',
  defaultSeverity: 'error',
  summary: 'JSON Schema violations (unknown key → "did you mean"; wrong type; missing `grade`)',
  description:
    "Every file is checked against the JSON Schema of its `kind` (schemas/family.schema.json, skills.schema.json, profile.schema.json). Reported: a missing or unknown `kind`, unknown keys (with the closest known key: `tittle` → `title`), values of the wrong type, ids that are not kebab-case, and missing required keys such as a role's `grade`. The other rules skip a file with schema errors, since its content cannot be trusted.",
  meta: {
    messages: {
      emptyFile: 'empty file: expected a mapping with `kind: family`, `kind: skills` or `kind: profile`',
      notMapping: 'expected a mapping with `kind` at the top of the file, found a {{found}}',
      missingKind: 'missing key `kind`: expected {{allowed}}',
      unknownKind: 'unknown kind `{{kind}}`: expected {{allowed}}',
      wrongKind: 'expected `kind: {{expected}}` here, found `kind: {{kind}}`',
      unknownKey: 'unknown key `{{key}}`{{hint}}',
      missingKey: 'missing required key `{{key}}` in {{where}}',
      wrongType: '{{where}} must be a {{expected}}, not a {{found}}',
      notFinite: '{{where}} must be a finite number, not `{{value}}`',
      constValue: '{{where}} must be `{{value}}`',
      enumValue: '{{where}} must be one of {{allowed}}',
      notKebab: '{{where}} must be a kebab-case id (lowercase letters, digits and single dashes), got {{value}}',
      keyNotKebab: 'key `{{key}}` must be a kebab-case id (lowercase letters, digits and single dashes)',
      textOrMapping: '{{where}} must be a text or a mapping with `text`',
      skillsMode: '{{where}} needs `any: [skill ids]` or `all: [skill ids]`',
      skillsBoth: '{{where}} takes `any` or `all`, not both',
      tooFewItems: '{{where}} needs at least {{limit}} entries',
      onlyOneKey: '{{where}} takes only one of its keys, found {{keys}}',
      tooManyKeys: '{{where}} takes at most {{limit}} keys, found {{keys}}',
      empty: '{{where}} is an empty {{what}}; give it at least one entry or leave it out',
      emptyText: '{{where}} is an empty text',
      tooSmall: '{{where}} must be at least {{limit}}',
      invalid: '{{where}} is invalid ({{keyword}})',
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
            tittle: Engineer
            grade: 6
      `,
        errors: [
          { messageId: 'missingKey', line: 5, column: 3 },
          { messageId: 'unknownKey', line: 6, column: 5 },
        ],
      },
      {
        yaml: yaml`
        kind: family
        id: demo
        title: Demo
        roles:
          engineer:
            title: Engineer
      `,
        errors: [{ messageId: 'missingKey', line: 5, column: 3 }],
      },
    ],
  },
};
