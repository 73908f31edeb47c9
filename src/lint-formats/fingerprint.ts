import { createHash } from 'node:crypto';
import type { Finding } from '../core/findings.js';

/**
 * A finding's identity for CI tools that track findings across runs: path, rule, JSON pointer and
 * message, but not the line, so a finding keeps its fingerprint when lines above it move.
 */
export function fingerprint(f: Finding): string {
  return createHash('md5').update(`${f.file}\0${f.ruleId}\0${f.pointer}\0${f.message}`).digest('hex');
}
