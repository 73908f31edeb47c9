/**
 * JUnit XML, as read by GitLab (https://docs.gitlab.com/ci/testing/unit_test_reports/) and most CI
 * servers: one testsuite per file, one failing testcase per finding, one passing testcase for a clean
 * file. GitLab matches test cases between pipelines by suite, class name and name, so the name is the
 * finding's identity (rule and what it is about, identity.ts): stable when lines move, unique in its
 * file. The position goes in the `line` attribute and the failure text.
 */
import type { Finding } from '../core/findings.js';
import { identify } from './identity.js';
import type { Formatter } from './types.js';
import { unicodeEscape } from '../core/escape-text.js';

// XML 1.0 forbids most control characters even when escaped: they are shown as `\uXXXX` instead.
// Attribute values also get quotes, and CR, LF and tab as character references, since an XML parser
// normalises literal ones in attributes to spaces (XML 1.0 §3.3.3). One pass per string.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' };
const escape = (c: string) => ENTITIES[c] ?? unicodeEscape(c);

// C1 controls (U+009B is CSI) and bidi controls too: allowed by XML, but a terminal or viewer acts on them.
const TEXT = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g;

const ATTR = /[&<>"'\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g;
/** Element text: markup characters escaped; CR, LF and tab are kept as they are. */
const text = (s: string) => s.replace(TEXT, escape);
/** Attribute values. */
const attr = (s: string) => s.replace(ATTR, escape);

export const junit: Formatter = (findings, { files }) => {
  const ids = identify(findings);
  const byFile = new Map<string, number[]>(files.map((f) => [f, []]));
  for (let i = 0; i < findings.length; i++) {
    const list = byFile.get(findings[i].file);
    if (list) list.push(i);
    else byFile.set(findings[i].file, [i]);
  }
  const names = [...byFile.keys()].sort();
  let tests = 0;
  const body: string[] = [];
  for (const file of names) {
    const list = byFile.get(file)!;
    const fileAttr = attr(file);
    const cases: string[] = [];
    if (list.length === 0) {
      cases.push(`    <testcase classname="${fileAttr}" name="ladder lint" file="${fileAttr}"/>\n`);
    } else {
      for (const i of list) {
        const f: Finding = findings[i];
        cases.push(
          `    <testcase classname="${fileAttr}" name="${attr(ids[i].name)}" file="${fileAttr}" line="${f.line}">\n` +
            `      <failure message="${attr(f.message)}" type="${f.level}">${text(`${file}:${f.line}:${f.column}: ${f.level} ${f.message} (${f.ruleId})`)}</failure>\n` +
            `    </testcase>\n`,
        );
      }
    }
    const count = Math.max(list.length, 1);
    tests += count;
    body.push(`  <testsuite name="${fileAttr}" tests="${count}" failures="${list.length}" errors="0">\n${cases.join('')}  </testsuite>\n`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ladder lint" tests="${tests}" failures="${findings.length}" errors="0">\n${body.join('')}</testsuites>\n`;
};
