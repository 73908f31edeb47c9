import type { Rule } from '../types.js';

/** Reported by the loader (core/schema-errors.ts); the module carries the docs, severity and examples. */
export const rule: Rule = {
  id: 'schema',
  defaultSeverity: 'error',
  summary: 'JSON Schema violations (unknown key → "did you mean"; wrong type; missing `grade`)',
  description:
    'Every file is checked against the JSON Schema of its `kind` (schemas/family.schema.json, skills.schema.json, profile.schema.json). Reported: a missing or unknown `kind`, unknown keys (with the closest known key: `tittle` → `title`), values of the wrong type, ids that are not kebab-case, and missing required keys such as a role\'s `grade`. The other rules skip a file with schema errors, since its content cannot be trusted.',
  examples: {
    valid: ['kind: family\nid: demo\ntitle: Demo\nresponsibilities: [Ship work]\nroles:\n  engineer:\n    title: Engineer\n    grade: 6\n'],
    invalid: [
      { yaml: 'kind: family\nid: demo\ntitle: Demo\nroles:\n  engineer:\n    tittle: Engineer\n    grade: 6\n', line: 6, column: 5 },
      { yaml: 'kind: family\nid: demo\ntitle: Demo\nroles:\n  engineer:\n    title: Engineer\n', line: 5, column: 3 },
    ],
  },
  check: () => [],
};
