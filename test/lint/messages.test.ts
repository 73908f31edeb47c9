/** Finding messages people read: every duplicate key, named keys, no raw validator wording, syntax hints. */
import { beforeAll, expect, test } from '@jest/globals';
import { buildDataSet, loadFile } from '../../src/core/load.js';
import { runLint } from '../../src/core/lint/engine.js';
import type { SchemaSupport } from '../../src/core/schema-errors.js';
import { loadSchemaSupport } from '../../src/io/schemas.js';

let schemas: SchemaSupport;
beforeAll(async () => {
  schemas = await loadSchemaSupport();
});

const lint = (text: string) => {
  const file = loadFile({ file: 'f.yaml', text }, schemas);
  return runLint([file], buildDataSet([file])).map((f) => `${f.line}:${f.column} ${f.ruleId}/${f.messageId} ${f.message}`);
};
const family = (roles: string, top = '') => `kind: family\nid: demo\ntitle: Demo\n${top}responsibilities: [Ship work]\nroles:\n${roles}`;

test('every duplicate key of a file is reported, each by name', () => {
  const found = lint(family('  a:\n    title: A\n    grade: 6\n    title: A again\n  b:\n    title: B\n    grade: 6\n    grade: 7\n', 'title: Twice\n'));
  expect(found).toEqual([
    '4:1 yaml-syntax/duplicateKey duplicate key `title`: a key may appear only once in a mapping',
    '10:5 yaml-syntax/duplicateKey duplicate key `title`: a key may appear only once in a mapping',
    '14:5 yaml-syntax/duplicateKey duplicate key `grade`: a key may appear only once in a mapping',
  ]);
});

test('a role key that is not kebab-case is named, at the key', () => {
  expect(lint(family('  Bad_Role:\n    title: Bad\n    grade: 6\n'))).toEqual([
    '6:3 schema/keyNotKebab key `Bad_Role` must be a kebab-case id (lowercase letters, digits and single dashes)',
  ]);
});

test('no raw validator wording: `any` and `all` together', () => {
  const found = lint(family('  a:\n    title: A\n    grade: 6\n    requirements:\n      - text: Cloud\n        skills: {any: [gcp], all: [aws]}\n'));
  expect(found).toEqual(['11:17 schema/skillsBoth `skills` takes `any` or `all`, not both']);
  expect(found.join('\n')).not.toMatch(/must NOT|properties/);
});

test('`grade: .nan` and `.inf` say what is wrong', () => {
  expect(lint(family('  a:\n    title: A\n    grade: .nan\n  b:\n    title: B\n    grade: -.inf\n'))).toEqual([
    '8:12 schema/notFinite `grade` must be a finite number, not `.nan`',
    '11:12 schema/notFinite `grade` must be a finite number, not `-.inf`',
  ]);
});

test('a value with ": " in it: quote the value', () => {
  expect(lint(family('  a:\n    title: Eng: the best\n    grade: 6\n'))).toEqual([
    '7:12 yaml-syntax/colonInValue the value of `title` contains ": ", which YAML reads as another key; put the value in quotes',
  ]);
});

test('an unterminated quote is reported at its opening quote', () => {
  const found = lint(family('  a:\n    title: "Engineer\n    grade: 6\n  b:\n    title: B\n    grade: 6\n'));
  expect(found).toEqual([
    '7:12 yaml-syntax/unterminatedQuote this " quote is never closed; close it on the same value, or put the whole value in the other kind of quotes',
  ]);
});
