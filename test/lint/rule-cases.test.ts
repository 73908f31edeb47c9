/** Cases beyond each rule's documented examples: the edges of what a rule reports and what it leaves alone. */
import { beforeAll, expect, test } from '@jest/globals';
import { RULES_BY_ID } from '../../src/core/lint/registry.js';
import type { SchemaSupport } from '../../src/core/schema-errors.js';
import { loadSchemaSupport } from '../../src/io/schemas.js';
import { lintExample } from './rule-tester.js';

let schemas: SchemaSupport;
beforeAll(async () => {
  schemas = await loadSchemaSupport();
});

const family = (roles: string, extra = '', id = 'demo') => `kind: family\nid: ${id}\ntitle: Demo\nresponsibilities: [Ship work]\nroles:\n${roles}${extra}`;
const role = (id: string, title: string, grade: number, more = '') => `  ${id}:\n    title: ${title}\n    grade: ${grade}\n${more}`;

const CASES: [string, string, string, (string | RegExp)[]][] = [
  ['reports-to-grade', 'reporting to oneself', family(role('lead', 'Lead', 8, '    reports_to: lead\n')), ['lead reports to itself']],
  [
    'reports-to-grade',
    'reporting to a family or an external role is not checked',
    family(role('a', 'A', 8, '    reports_to: demo\n  b:\n    title: B\n    grade: 8\n    reports_to: boss\n'), 'external:\n  boss: {title: Boss}\n'),
    [],
  ],
  ['unresolved-reference', 'extends naming a family', family(role('a', 'A', 6, '    extends: demo\n')), ['extends `demo` is a family; it must name a role']],
  ['unresolved-reference', 'reports_to and next may name a family', family(role('a', 'A', 6, '    reports_to: demo\n'), 'next: [demo]\n'), []],
  [
    'unresolved-reference',
    'an external of another file is pointed out',
    `${family(role('a', 'A', 6, '    reports_to: boss\n'))}---\n${family(role('b', 'B', 6), 'external:\n  boss: {title: Boss}\n', 'other')}`,
    [/^reports_to `boss` names no known role or family \(it is an `external` entry of example-2.yaml; declare it in this file's `external` too\)$/],
  ],
  [
    'unresolved-reference',
    'a specialty naming a role of another family',
    `${family(role('a', 'A', 6), 'specialties:\n  fed:\n    title: Federal\n    roles: [b]\n')}---\n${family(role('b', 'B', 6), '', 'other')}`,
    ['specialty role `b` is not a role of demo (it is a role of other)'],
  ],
  [
    'unresolved-reference',
    'a role of a file with schema errors is not reported again',
    `${family(role('a', 'A', 6, '    extends: b\n'))}---\nkind: family\nid: other\ntitle: Other\nroles:\n  b:\n    title: B\n`,
    [],
  ],
  [
    'duplicate-id',
    'an external equal to a role id',
    family(role('a', 'A', 6), 'external:\n  a: {title: A elsewhere}\n'),
    ['`external` entry `a` is defined in the data set as a role; delete the `external` entry'],
  ],
  [
    'unknown-skill',
    'an alias suggests its id; unknown areas too',
    `${family(role('a', 'A', 6, '    requirements:\n      - text: Cloud\n        skills: {any: [google-cloud]}\n        area: clouds\n        years: 2\n'))}---\nkind: skills\nskills:\n  gcp: {title: Google Cloud Platform, aliases: [Google Cloud]}\nareas:\n  cloud: {title: Cloud}\n`,
    [/^unknown skill `google-cloud` \(did you mean `gcp`\?\)/, /^unknown experience area `clouds` \(did you mean `cloud`\?\)/],
  ],
  [
    'unknown-skill',
    'silent without a vocabulary',
    family(role('a', 'A', 6, '    requirements:\n      - text: Cloud\n        skills: {any: [nothing-known]}\n')),
    [],
  ],
  [
    'near-duplicate-title',
    'level words, plurals and words of other titles are not typos',
    family(
      role('a', 'Senior Engineer', 7) +
        role('b', 'Junior Engineer', 5) +
        role('c', 'Curriculum Developer', 6, '    summary: Curriculum Developers work with Curriculum Development.\n') +
        role('d', 'Curriculum Development Lead', 8),
    ),
    [],
  ],
  [
    'near-duplicate-title',
    'two titles of the same length, reported once at the later role',
    family(role('a', 'Technical Instructor', 6) + role('b', 'Techincal Instructor', 6)),
    ['"Techincal Instructor" looks like a misspelling of the role title "Technical Instructor" (a)'],
  ],
  [
    'near-duplicate-title',
    'a title that fits two windows around one word: the leftmost is reported',
    family(role('a', 'Techincal Technical', 6, '    summary: Techincal Tecnical Technical\n') + role('b', 'Technical', 7)),
    ['"Techincal Tecnical" looks like a misspelling of the role title "Techincal Technical" (a)'],
  ],
  [
    'near-duplicate-title',
    'a title written with a Cyrillic look-alike letter',
    family(role('a', 'Senior Engineer', 6) + role('b', 'Senior \u0415ngineer', 7)),
    ['"Senior \u0415ngineer" looks like the role title "Senior Engineer" (a) but is written with other characters (a look-alike letter or an invisible one)'],
  ],
  [
    'near-duplicate-title',
    'a title with a zero-width space inside a word (shown escaped)',
    family(role('a', 'Technical Instructor', 6) + role('b', 'Technical Instr\u200buctor', 7)),
    [
      '"Technical Instr\\u200buctor" looks like the role title "Technical Instructor" (a) but is written with other characters (a look-alike letter or an invisible one)',
    ],
  ],
  [
    'near-duplicate-title',
    'a Greek look-alike in prose',
    family(role('a', 'Technical Instructor', 6, '    summary: The Technical Instruct\u03bfr teaches.\n')),
    [
      '"Technical Instruct\u03bfr" looks like the role title "Technical Instructor" (a) but is written with other characters (a look-alike letter or an invisible one)',
    ],
  ],
  ['grade-order', 'equal grades along a ladder are fine', family(role('a', 'A', 6) + role('b', 'B', 6), 'ladders:\n  l:\n    levels: [a, b]\n'), []],
  [
    'empty-role',
    'not reported when the chain ends at an external role',
    `kind: family\nid: demo\ntitle: Demo\nroles:\n${role('a', 'A', 6, '    extends: ext\n')}external:\n  ext: {title: Ext}\n`,
    [],
  ],
  [
    'unknown-remove',
    'a remove by text works; silent when the parent is external',
    family(
      role('a', 'A', 6, '    requirements: [Speak French]\n') +
        role('b', 'B', 7, '    extends: a\n    remove: [speak  french]\n') +
        role('c', 'C', 7, '    extends: ext\n    remove: [anything]\n'),
      'external:\n  ext: {title: Ext}\n',
    ),
    [],
  ],
  [
    'redundant-item',
    'restating a family item',
    family(role('a', 'A', 6, '    responsibilities: [Ship  work]\n')),
    ['repeats an item a already inherits from demo; delete it'],
  ],
  [
    'handbook-style',
    '"Ability to use GitLab" inherited from the family or a parent counts',
    family(role('a', 'A', 6, '    requirements: [Ability to use GitLab]\n') + role('b', 'B', 7, '    extends: a\n'), 'requirements: [Speak English]\n'),
    [],
  ],
  [
    'handbook-style',
    'location requirements are looked for in requirements only',
    family(role('a', 'A', 6, '    responsibilities: [Support customers in EMEA]\n    requirements: [Ability to use GitLab, Based in APAC]\n')),
    ['"Based in" is a location requirement; job families carry none (GitLab job-families guide)'],
  ],
];

test.each(CASES)('%s: %s', (ruleId, _name, yaml, expected) => {
  const found = lintExample(RULES_BY_ID.get(ruleId)!, yaml, schemas);
  expect(found.filter((f) => f.ruleId !== ruleId)).toEqual([]);
  const messages = found.map((f) => f.message);
  expect(messages).toHaveLength(expected.length);
  expected.forEach((e, i) => (typeof e === 'string' ? expect(messages[i]).toBe(e) : expect(messages[i]).toMatch(e)));
});
