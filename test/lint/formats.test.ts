/** Unit tests of the report formatters: escaping, unique names, fingerprints. */
import { describe, expect, test } from '@jest/globals';
import type { Finding } from '../../src/core/findings.js';
import { RULES } from '../../src/core/lint/registry.js';
import { github } from '../../src/lint-formats/github.js';
import { gitlab } from '../../src/lint-formats/gitlab.js';
import { junit } from '../../src/lint-formats/junit.js';
import { stylish } from '../../src/lint-formats/stylish.js';
import { json } from '../../src/lint-formats/json.js';
import { sarif } from '../../src/lint-formats/sarif.js';
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
  subject: 'a roles.a.extends',
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
  const names = (out: string) => [...out.matchAll(/<testcase [^>]*name="([^"]*)"/g)].map((m) => m[1]);

  test('test names are the rule and what the finding is about, no line:column; ties are numbered', () => {
    const out = junit([finding(), finding({ message: 'another', line: 8, endLine: 8 })], ctx(['data/a.yaml']));
    expect(names(out)).toEqual(['unresolved-reference a roles.a.extends', 'unresolved-reference a roles.a.extends (2)']);
    expect(out).not.toMatch(/name="[^"]*\d+:\d+/);
  });

  test('the name does not change when the finding moves; the line is an attribute and in the failure text', () => {
    const moved = junit([finding({ line: 30, endLine: 30 })], ctx(['data/a.yaml']));
    expect(names(moved)).toEqual(names(junit([finding()], ctx(['data/a.yaml']))));
    expect(moved).toContain('file="data/a.yaml" line="30">');
    expect(moved).toContain('>data/a.yaml:30:5: error ');
  });

  test('YAML syntax findings (no subject) are told apart by their message', () => {
    const syntax = (message: string, line: number) => finding({ ruleId: 'yaml-syntax', pointer: '', subject: '', message, line, endLine: line });
    const out = junit([syntax('tab used for indentation', 2), syntax('tab used for indentation', 3), syntax('duplicate key `a`', 4)], ctx(['data/a.yaml']));
    expect(names(out)).toEqual([
      'yaml-syntax (file) tab used for indentation',
      'yaml-syntax (file) tab used for indentation (2)',
      'yaml-syntax (file) duplicate key `a`',
    ]);
  });

  test('escapes XML; control characters are shown as escapes; CR, LF and tab in attributes are character references', () => {
    const out = junit([finding({ message: 'a <b> & "c" \u0001\u001b\r\n\tend' })], ctx(['data/a.yaml', 'data/clean.yaml']));
    expect(out).toContain('message="a &lt;b&gt; &amp; &quot;c&quot; \\u0001\\u001b&#13;&#10;&#9;end"');
    expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    // No raw CR, LF or tab inside any attribute value.
    for (const m of out.matchAll(/="([^"]*)"/g)) expect(m[1]).not.toMatch(/[\r\n\t]/);
    expect(out).toContain('<testcase classname="data/clean.yaml" name="ladder lint" file="data/clean.yaml"/>');
    expect(out).toContain('<testsuites name="ladder lint" tests="2" failures="1" errors="0">');
  });
});

describe('gitlab', () => {
  const parse = (s: string) => JSON.parse(s) as { fingerprint: string; location: { lines: { begin: number } } }[];

  test('the fingerprint does not change when lines above the finding move', () => {
    const before = parse(gitlab([finding()], ctx()));
    const after = parse(gitlab([finding({ line: 30, endLine: 30, pointer: '/roles/a/extends' })], ctx()));
    expect(after[0].location.lines.begin).toBe(30);
    expect(after[0].fingerprint).toBe(before[0].fingerprint);
  });

  test('the fingerprint follows the subject, not the pointer (an index that moves) nor the wording', () => {
    const base = parse(gitlab([finding({ pointer: '/roles/a/requirements/5', subject: 'a roles.a.requirements[git]' })], ctx()))[0].fingerprint;
    expect(
      parse(gitlab([finding({ pointer: '/roles/a/requirements/6', subject: 'a roles.a.requirements[git]', message: 'reworded' })], ctx()))[0].fingerprint,
    ).toBe(base);
    for (const over of [{ file: 'data/b.yaml' }, { ruleId: 'duplicate-id' }, { subject: 'a roles.a.requirements[svn]' }]) {
      expect(parse(gitlab([finding({ subject: 'a roles.a.requirements[git]', ...over })], ctx()))[0].fingerprint).not.toBe(base);
    }
  });

  test('every finding is an entry: equal ones get distinct fingerprints; a clean run is []', () => {
    const tab = (line: number) => finding({ ruleId: 'yaml-syntax', pointer: '', subject: '', message: 'tab used for indentation', line, endLine: line });
    const out = parse(gitlab([tab(2), tab(3), finding(), finding({ line: 9 })], ctx()));
    expect(out).toHaveLength(4);
    expect(new Set(out.map((e) => e.fingerprint)).size).toBe(4);
    expect(gitlab([], ctx())).toBe('[]\n');
  });

  test('the output is the same JSON as one JSON.stringify of the array', () => {
    const text = gitlab([finding(), finding({ message: 'line\nbreak "quoted"' })], ctx());
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
  });
});

describe('control characters from the data', () => {
  const hostile = finding({ file: 'data/\u001b[31mred\u0007.yaml', message: 'unknown key `\u001b]0;title\u0007x\u0001`' });

  test('stylish escapes ESC, BEL and other control characters in file names and messages, colour off', () => {
    const out = stylish([hostile], ctx());
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain('data/\\u001b[31mred\\u0007.yaml');
    expect(out).toContain('unknown key `\\u001b]0;title\\u0007x\\u0001`');
  });

  test('github escapes them too, keeping its own %0A for line breaks', () => {
    const out = github([{ ...hostile, message: hostile.message + '\nsecond line' }], ctx());
    expect(out.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(out).toContain('file=data/\\u001b[31mred\\u0007.yaml,');
    expect(out).toContain('%0Asecond line\n');
  });
});

describe('large reports', () => {
  const many = Array.from({ length: 200_000 }, (_, i) => finding({ line: i + 1, endLine: i + 1, subject: `a roles.r${i}.extends` }));

  test('stylish, gitlab, junit, sarif and github handle 200,000 findings in one file', () => {
    expect(stylish(many, ctx())).toMatch(/✖ 200000 problems \(200000 errors, 0 warnings\)\n$/);
    expect(parse(gitlab(many, ctx()))).toHaveLength(200_000);
    expect(junit(many, ctx(['data/a.yaml'])).match(/<testcase /g)).toHaveLength(200_000);
    expect(JSON.parse(sarif(many, ctx())).runs[0].results).toHaveLength(200_000);
    expect(github(many, ctx()).split('\n')).toHaveLength(200_001);
  });
  const parse = (s: string) => JSON.parse(s) as unknown[];
});

describe('sarif', () => {
  const log = (findings: Finding[], over: Partial<FormatContext> = {}) => JSON.parse(sarif(findings, { ...ctx(), cwd: '/home/me/repo', ...over }));
  const uri = (file: string) => log([finding({ file })]).runs[0].results[0].locations[0].physicalLocation.artifactLocation;

  test('files under the working directory: each segment percent-encoded, against %SRCROOT%', () => {
    expect(uri('data/a b/#1?x.yaml')).toEqual({ uri: 'data/a%20b/%231%3Fx.yaml', uriBaseId: '%SRCROOT%' });
    expect(uri('c:d/100%/é.yaml')).toEqual({ uri: 'c%3Ad/100%25/%C3%A9.yaml', uriBaseId: '%SRCROOT%' });
    expect(log([finding()]).runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///home/me/repo/' } });
  });

  test('files outside it: absolute file: URIs', () => {
    expect(uri('../other/a#b.yaml')).toEqual({ uri: 'file:///home/me/other/a%23b.yaml' });
    expect(uri('/srv/ladder data/x.yaml')).toEqual({ uri: 'file:///srv/ladder%20data/x.yaml' });
  });

  test('helpUri per rule page and informationUri from the repository; none without one', () => {
    const driver = log([], { repository: 'git+https://github.com/acme/ladder.git' }).runs[0].tool.driver;
    expect(driver.informationUri).toBe('https://github.com/acme/ladder');
    expect(driver.rules.find((r: { id: string }) => r.id === 'redundant-item').helpUri).toBe(
      'https://github.com/acme/ladder/blob/HEAD/docs/rules/redundant-item.md',
    );
    const gitlabHosted = log([], { repository: 'https://gitlab.com/acme/ladder' }).runs[0].tool.driver;
    expect(gitlabHosted.rules[0].helpUri).toBe('https://gitlab.com/acme/ladder/-/blob/HEAD/docs/rules/yaml-syntax.md');
    const none = log([]).runs[0].tool.driver;
    expect(none.informationUri).toBeUndefined();
    expect(none.rules.every((r: { helpUri?: string }) => r.helpUri === undefined)).toBe(true);
    expect(JSON.stringify(none)).not.toContain('npmjs');
  });

  test('partialFingerprints equal GitLab fingerprints: one identity for both', () => {
    const fs = [finding(), finding({ line: 9 })];
    const fps = log(fs).runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => Object.values(r.partialFingerprints)[0]);
    expect(fps).toEqual((JSON.parse(gitlab(fs, ctx())) as { fingerprint: string }[]).map((e) => e.fingerprint));
  });
});

describe('stylish and json', () => {
  test('stylish lines up rule ids after short messages, without padding them to a long one', () => {
    const long = 'x'.repeat(300);
    const out = stylish(
      [finding({ message: 'short message', line: 1 }), finding({ message: 'a bit longer message', line: 2 }), finding({ message: long, line: 3 })],
      ctx(),
    );
    const lines = out.split('\n').filter((l) => /^ {2}\d/.test(l));
    expect(lines.map((l) => l.length)).toEqual([lines[1].length, lines[1].length, expect.any(Number)]);
    expect(lines[0].length).toBeLessThan(80);
    expect(lines[2]).toContain(`${long}  `);
  });
  test('stylish prints nothing for a clean run and counts problems otherwise', () => {
    expect(stylish([], ctx())).toBe('');
    expect(stylish([finding(), finding({ level: 'warning', line: 4 })], ctx())).toMatch(/✖ 2 problems \(1 error, 1 warning\)\n$/);
  });

  test('json has exactly the documented keys', () => {
    expect(Object.keys(JSON.parse(json([finding()], ctx()))[0])).toEqual([
      'file',
      'line',
      'column',
      'endLine',
      'endColumn',
      'severity',
      'ruleId',
      'messageId',
      'message',
    ]);
  });
});
