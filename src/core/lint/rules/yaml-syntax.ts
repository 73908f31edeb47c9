import { yaml } from '../example.js';
import type { Rule } from '../types.js';

/** Reported by the loader (core/yaml/); the module carries the docs, severity and examples. */
export const rule: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  summary: 'unparsable YAML, duplicate keys, tabs, aliases over a limit',
  description:
    'The file must be one well-formed YAML document in UTF-8. Reported: syntax errors, a key repeated in one mapping (YAML parsers silently keep one of them), tabs used for indentation, more than one document in a file, aliases that expand to more than 10,000 nodes (a "billion laughs" file), nesting deeper than 64 levels, binary or non-UTF-8 files and files that cannot be read. Nothing else is checked in a file with a syntax error, so fix these first.',
  meta: {
    messages: {
      parser: '{{detail}}',
      duplicateKey: 'duplicate key `{{key}}`: a key may appear only once in a mapping',
      duplicateKeyAnonymous: 'duplicate key: a key may appear only once in a mapping',
      tab: 'tab used for indentation; YAML indents with spaces',
      customTag: '{{detail}} (custom tags are not supported)',
      colonInValue: 'the value of `{{key}}` contains ": ", which YAML reads as another key; put the value in quotes',
      unterminatedQuote: 'this {{quote}} quote is never closed; close it on the same value, or put the whole value in the other kind of quotes',
      multipleDocuments: 'more than one YAML document in the file; put each family in its own file',
      tooDeep: 'nesting too deep to parse (ladder files nest at most {{max}} levels)',
      nestingDeeper: 'nesting deeper than {{max}} levels',
      cannotParse: 'cannot parse: {{detail}}',
      unknownAlias: 'unknown alias *{{alias}}',
      aliasExpansion: 'aliases expand to more than {{max}} nodes (a "billion laughs" file?)',
      keyNotString: 'a mapping key must be a plain string',
      binary: 'binary file (contains a NUL byte); expected YAML text',
      invalidUtf8: 'invalid UTF-8 byte sequence; save the file as UTF-8',
      unreadable: '{{reason}}',
    },
  },
  examples: {
    valid: [
      yaml`
        kind: skills
        skills:
          git: {title: Git}
      `,
    ],
    invalid: [
      {
        yaml: yaml`
        kind: skills
        skills:
          git: {title: Git}
          git: {title: GitLab}
      `,
        errors: [{ messageId: 'duplicateKey', line: 4, column: 3 }],
      },
      {
        yaml: yaml`
        kind: skills
        skills: [git
      `,
        errors: [{ messageId: 'parser', line: 3, column: 1 }],
      },
      {
        yaml: yaml`
          kind: skills
          skills:
            git: {title: Git}
          title: Git: the tool
        `,
        errors: [{ messageId: 'colonInValue', line: 4, column: 8 }],
      },
      {
        yaml: yaml`
          kind: skills
          title: "Git
          skills:
            git: {title: Git}
        `,
        errors: [{ messageId: 'unterminatedQuote', line: 2, column: 8 }],
      },
    ],
  },
};
