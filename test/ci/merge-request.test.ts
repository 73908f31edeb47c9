/**
 * A merge request played on a sample data set (test/fixtures/ci/merge-request, test/helpers/ci-sample.ts): lint with the GitLab,
 * SARIF and JUnit reports, edit the ladder as a merge request would, lint again and compare what CI
 * tools would track. Findings nobody touched keep their GitLab fingerprint, SARIF partial fingerprint
 * and JUnit test name; the one finding the edit introduces is the only new one.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyCiSample } from '../helpers/ci-sample.js';
import { runCli } from '../helpers/run-cli.js';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ladder-merge-request-'));
  copyCiSample(tmp);
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

interface Tracked {
  /** What a person would call the finding: rule and message (the same before and after for untouched ones). */
  what: string;
  line: number;
  gitlab: string;
  sarif: string;
  junit: string;
}

/** Lints the sample the way the GitLab template and the GitHub Action do, and reads the three reports. */
async function lintReports(): Promise<Tracked[]> {
  const r = await runCli(['lint', 'data', '--format', 'gitlab=gl.json', '--format', 'sarif=ladder.sarif', '--format', 'junit=junit.xml'], { cwd: tmp });
  expect(r.code).toBe(1);
  const gl = JSON.parse(readFileSync(join(tmp, 'gl.json'), 'utf8')) as { check_name: string; description: string; fingerprint: string; location: { lines: { begin: number } } }[];
  const sarif = JSON.parse(readFileSync(join(tmp, 'ladder.sarif'), 'utf8')).runs[0].results as { partialFingerprints: Record<string, string> }[];
  const xml = readFileSync(join(tmp, 'junit.xml'), 'utf8');
  // suite + classname + name: what GitLab matches test cases by.
  const cases = [...xml.matchAll(/<testsuite name="([^"]*)"[^>]*>([\s\S]*?)<\/testsuite>/g)].flatMap(([, suite, body]) =>
    [...body.matchAll(/<testcase classname="([^"]*)" name="([^"]*)"[^>]*line="(\d+)">/g)].map(([, cls, name]) => `${suite}|${cls}|${name}`),
  );
  expect(sarif).toHaveLength(gl.length);
  expect(cases).toHaveLength(gl.length);
  return gl.map((e, i) => ({ what: `${e.check_name}: ${e.description}`, line: e.location.lines.begin, gitlab: e.fingerprint, sarif: Object.values(sarif[i].partialFingerprints)[0], junit: cases[i] }));
}

function edit(file: string, change: (text: string) => string): void {
  const path = join(tmp, 'data', file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(path, after);
}

const THREE_BLANK_LINES = (text: string) => text.replace('\n  senior-platform-engineer:\n', '\n\n\n\n  senior-platform-engineer:\n');

function expectUnchanged(before: Tracked[], after: Tracked[], added: number): void {
  const key = (t: Tracked) => `${t.gitlab} ${t.sarif} ${t.junit}`;
  const kept = new Set(after.map(key));
  // Every finding from before is still there with all three identities unchanged…
  for (const b of before) expect({ finding: b.what, identities: kept.has(key(b)) }).toEqual({ finding: b.what, identities: true });
  // …although it moved (the test would prove nothing if lines stayed put).
  expect(after.filter((a) => before.some((b) => b.what === a.what && b.line !== a.line)).length).toBeGreaterThan(0);
  expect(after).toHaveLength(before.length + added);
  for (const ids of ['gitlab', 'sarif', 'junit'] as const) expect(new Set(after.map((a) => a[ids])).size).toBe(after.length);
}

describe('a merge request on the sample data set', () => {
  test('one requirement added at the top of a section and three blank lines above existing findings: the new finding is the only new one', async () => {
    const before = await lintReports();
    expect(before.length).toBeGreaterThanOrEqual(7);
    edit('platform.yaml', (t) =>
      THREE_BLANK_LINES(t).replace('    requirements:\n      - id: cloud-years\n        text: 3+', '    requirements:\n      - text: Helm charts in production\n        skills: {all: [helm]}\n      - id: cloud-years\n        text: 3+'),
    );
    const after = await lintReports();
    expectUnchanged(before, after, 1);
    const fresh = after.filter((a) => !before.some((b) => b.gitlab === a.gitlab));
    expect(fresh.map((f) => f.what)).toEqual(['unknown-skill: unknown skill `helm`; add it to the skills vocabulary or fix the id']);
    expect(fresh[0].junit).toContain('requirements[&quot;helm charts in production&quot;].skills.all[&quot;helm&quot;]');
  });

  test('an unrelated item deleted above findings, and blank lines: nothing new, nothing gone', async () => {
    const before = await lintReports();
    edit('platform.yaml', (t) => THREE_BLANK_LINES(t).replace('      - Mentor engineers\n      - Run the platform\n', '      - Run the platform\n'));
    expectUnchanged(before, await lintReports(), 0);
  });

  test('blank lines above two equal YAML syntax findings keep both, each with its identity', async () => {
    const before = await lintReports();
    edit('tabs.yaml', (t) => `\n\n\n${t}`);
    expectUnchanged(before, await lintReports(), 0);
  });
});
