/**
 * GitLab Code Quality report: https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
 * A JSON array (`[]` when clean), one entry per finding. The fingerprint is the finding's identity
 * (identity.ts), not its line, so a merge request that adds lines or items above a finding shows it
 * as the same finding; it is unique per finding, as GitLab collapses entries with equal fingerprints.
 */
import { identify } from './identity.js';
import type { Formatter } from './types.js';

export const gitlab: Formatter = (findings) => {
  const ids = identify(findings);
  const out = new Array<object>(findings.length);
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    out[i] = {
      description: f.message,
      check_name: f.ruleId,
      fingerprint: ids[i].fingerprint,
      severity: f.level === 'error' ? 'major' : 'minor',
      location: { path: f.file, lines: { begin: f.line } },
    };
  }
  return JSON.stringify(out, null, 2) + '\n';
};
