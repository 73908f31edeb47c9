/**
 * Finding identity for CI tools that track findings from one run to the next (GitLab Code Quality
 * fingerprints, SARIF `partialFingerprints`, JUnit test names): the file, the rule and the finding's
 * subject (document id, keys, item identities; see core/subject.ts), never its line, column or an array
 * index; a finding without a subject (a YAML syntax error) uses its message instead. Findings still equal after that are numbered in report order, the only thing that tells them
 * apart; the first keeps no number, so a finding's identity changes only when one equal to it is added
 * or removed before it.
 */
import { createRequire } from 'node:module';
import type { Finding } from '../core/findings.js';

// node:crypto is loaded when a report needs fingerprints, not with every lint (3–4 ms at start-up).
const require = createRequire(import.meta.url);

export interface Identity {
  /** What the finding is about, readable: its subject, or `(file) <message>` when it has none. */
  about: string;
  /** 1 for the first finding with this file, rule and subject, 2 for the next… */
  occurrence: number;
  /** Hex SHA-256 of file, rule, subject and occurrence. */
  fingerprint: string;
  /** A test name unique within its file: `<rule> <about>`, plus ` (n)` from the second occurrence on. */
  name: string;
}

/** Identities of `findings`, index for index. */
export function identify(findings: readonly Finding[]): Identity[] {
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const seen = new Map<string, number>();
  const out = new Array<Identity>(findings.length);
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    // A finding with no path into the document (YAML syntax) is told apart by what it says.
    const subject = f.subject ?? f.pointer;
    const about = subject || `(file) ${f.message}`;
    const key = `${f.file}\0${f.ruleId}\0${about}`;
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    out[i] = {
      about,
      occurrence,
      fingerprint: createHash('sha256').update(`${key}\0${occurrence}`).digest('hex'),
      name: `${f.ruleId} ${about}${occurrence > 1 ? ` (${occurrence})` : ''}`,
    };
  }
  return out;
}
