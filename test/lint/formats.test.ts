/** Unit tests of the report formatters: escaping, unique names, fingerprints. */
import { describe, expect, test } from '@jest/globals';
import type { Finding } from '../../src/core/findings.js';
import { RULES } from '../../src/core/lint/registry.js';
import { github } from '../../src/lint-formats/github.js';
import { gitlab } from '../../src/lint-formats/gitlab.js';
import { junit } from '../../src/lint-formats/junit.js';
import { stylish } from '../../src/lint-formats/stylish.js';
import { json } from '../../src/lint-formats/json.js';
import type { FormatContext } from '../../src/lint-formats/types.js';
import { plain } from '../../src/render/paint.js';

const ctx = (files: string[] = []): FormatContext => ({ paint: plain, version: '0.0.0', rules: RULES, files });
const finding = (over: Partial<Finding> = {}): Finding => ({
  file: 'data/a.yaml',
  line: 3,
  column: 5,
  endLine: 3,
  endColumn: 9,
  level: 'error',
  messageId: 'test',
  ruleId: 'unresolved-reference',
  message: 'extends `x` names no known role',
  pointer: '/roles/a/extends',
  ...over,
});

describe('github', () => {
  test('escapes % first, then CR and LF in the message, and also : and , in properties', () => {
    const out = github([finding({ file: 'dir,1/a:b.yaml', message: '50% done\r\nnext, line: two' })], ctx());
    expect(out).toBe('::error file=dir%2C1/a%3Ab.yaml,line=3,col=5,endLine=3,endColumn=9,title=ladder unresolved-reference::50%25 done%0D%0Anext, line: two\n');
  });

  test('warnings are ::warning, and a clean run prints nothing', () => {
    expect(github([finding({ level: 'warning' })], ctx())).toMatch(/^::warning /);
    expect(github([], ctx())).toBe('');
  });
});

describe('junit', () => {
  test('test names are unique even for equal rule, pointer and position', () => {
    const out = junit([finding(), finding({ message: 'another' })], ctx(['data/a.yaml']));
    const names = [...out.matchAll(/<testcase [^>]*name="([^"]*)"/g)].map((m) => m[1]);
    expect(names).toEqual(['unresolved-reference /roles/a/extends 3:5', 'unresolved-reference /roles/a/extends 3:5 (2)']);
  });

  test('escapes XML and strips control characters; a clean file is one passing test case', () => {
    const out = junit([finding({ message: 'a <b> & "c" \u0001\u001b' })], ctx(['data/a.yaml', 'data/clean.yaml']));
    expect(out).toContain('message="a &lt;b&gt; &amp; &quot;c&quot; "');
    expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(out).toContain('<testcase classname="data/clean.yaml" name="ladder lint" file="data/clean.yaml"/>');
    expect(out).toContain('<testsuites name="ladder lint" tests="2" failures="1" errors="0">');
  });
});

describe('gitlab', () => {
  const parse = (s: string) => JSON.parse(s) as { fingerprint: string; location: { lines: { begin: number } } }[];

  test('the fingerprint does not change when lines above the finding move', () => {
    const before = parse(gitlab([finding()], ctx()));
    const after = parse(gitlab([finding({ line: 30, endLine: 30 })], ctx()));
    expect(after[0].location.lines.begin).toBe(30);
    expect(after[0].fingerprint).toBe(before[0].fingerprint);
  });

  test('the fingerprint changes with the file, rule, pointer or message', () => {
    const base = parse(gitlab([finding()], ctx()))[0].fingerprint;
    for (const over of [{ file: 'data/b.yaml' }, { ruleId: 'duplicate-id' }, { pointer: '/roles/b/extends' }, { message: 'other' }]) {
      expect(parse(gitlab([finding(over)], ctx()))[0].fingerprint).not.toBe(base);
    }
  });

  test('identical fingerprints collapse into one entry; a clean run is []', () => {
    expect(parse(gitlab([finding(), finding({ line: 9 })], ctx()))).toHaveLength(1);
    expect(gitlab([], ctx())).toBe('[]\n');
  });
});

describe('stylish and json', () => {
  test('stylish prints nothing for a clean run and counts problems otherwise', () => {
    expect(stylish([], ctx())).toBe('');
    expect(stylish([finding(), finding({ level: 'warning', line: 4 })], ctx())).toMatch(/✖ 2 problems \(1 error, 1 warning\)\n$/);
  });

  test('json has exactly the documented keys', () => {
    expect(Object.keys(JSON.parse(json([finding()], ctx()))[0])).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'ruleId', 'messageId', 'message']);
  });
});
