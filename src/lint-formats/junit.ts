/**
 * JUnit XML, as read by GitLab (https://docs.gitlab.com/ci/testing/unit_test_reports/) and most CI
 * servers: one testsuite per file, one failing testcase per finding, one passing testcase for a clean
 * file. GitLab keeps only the first of equal test names, so names are made unique.
 */
import type { Finding } from '../core/findings.js';
import type { Formatter } from './types.js';

// XML 1.0 forbids most control characters even when escaped.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const xml = (s: string) => s.replace(CONTROL, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export const junit: Formatter = (findings, { files }) => {
  const byFile = new Map<string, Finding[]>(files.map((f) => [f, []]));
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const names = [...byFile.keys()].sort();
  const suites: string[] = [];
  let tests = 0;
  for (const file of names) {
    const list = byFile.get(file)!;
    const cases: string[] = [];
    if (list.length === 0) {
      cases.push(`    <testcase classname="${xml(file)}" name="ladder lint" file="${xml(file)}"/>`);
    } else {
      const used = new Map<string, number>();
      for (const f of list) {
        let name = `${f.ruleId} ${f.pointer || '/'} ${f.line}:${f.column}`;
        const n = (used.get(name) ?? 0) + 1;
        used.set(name, n);
        if (n > 1) name += ` (${n})`;
        cases.push(
          `    <testcase classname="${xml(file)}" name="${xml(name)}" file="${xml(file)}">\n` +
            `      <failure message="${xml(f.message)}" type="${f.level}">${xml(`${file}:${f.line}:${f.column}: ${f.level} ${f.message} (${f.ruleId})`)}</failure>\n` +
            `    </testcase>`,
        );
      }
    }
    tests += cases.length;
    suites.push(`  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${list.length}" errors="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ladder lint" tests="${tests}" failures="${findings.length}" errors="0">\n` +
    (suites.length ? suites.join('\n') + '\n' : '') +
    `</testsuites>\n`
  );
};
