import type { Rule } from '../types.js';

/** Reported by the loader (core/yaml-source.ts); the module carries the docs, severity and examples. */
export const rule: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  summary: 'unparsable YAML, duplicate keys, tabs, aliases over a limit',
  description:
    'The file must be one well-formed YAML document in UTF-8. Reported: syntax errors, a key repeated in one mapping (YAML parsers silently keep one of them), tabs used for indentation, more than one document in a file, aliases that expand to more than 10,000 nodes (a "billion laughs" file), nesting deeper than 64 levels, binary or non-UTF-8 files and files that cannot be read. Nothing else is checked in a file with a syntax error, so fix these first.',
  examples: {
    valid: ['kind: skills\nskills:\n  git: {title: Git}\n'],
    invalid: [
      { yaml: 'kind: skills\nskills:\n  git: {title: Git}\n  git: {title: GitLab}\n', line: 4, column: 3 },
      { yaml: 'kind: skills\nskills: [git\n', line: 3, column: 1 },
    ],
  },
  check: () => [],
};
