/**
 * GitLab Code Quality report: https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
 * A JSON array (`[]` when clean). The fingerprint ignores the line so a finding stays the same
 * finding when lines above it move; entries with equal fingerprints are collapsed, as GitLab expects.
 */
import { fingerprint } from './fingerprint.js';
import type { Formatter } from './types.js';

export const gitlab: Formatter = (findings) => {
  const seen = new Set<string>();
  const out: object[] = [];
  for (const f of findings) {
    const fp = fingerprint(f);
    if (seen.has(fp)) continue;
    seen.add(fp);
    out.push({
      description: f.message,
      check_name: f.ruleId,
      fingerprint: fp,
      severity: f.level === 'error' ? 'major' : 'minor',
      location: { path: f.file, lines: { begin: f.line } },
    });
  }
  return JSON.stringify(out, null, 2) + '\n';
};
