/**
 * SARIF 2.1.0 (OASIS): https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 * One run; the driver lists every rule so `ruleIndex` is stable; columns are UTF-16 code units and
 * end columns exclusive, as the spec's region object defines them.
 */
import type { Finding, Related } from '../core/findings.js';
import { fingerprint } from './fingerprint.js';
import type { Formatter } from './types.js';

export const INFORMATION_URI = 'https://www.npmjs.com/package/ladder';

const region = (r: Finding | Related) => ({ startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn });
const location = (r: Finding | Related) => ({ physicalLocation: { artifactLocation: { uri: encodeURI(r.file) }, region: region(r) } });

export const sarif: Formatter = (findings, { rules, version }) => {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ladder',
            version,
            informationUri: INFORMATION_URI,
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.summary },
              fullDescription: { text: r.description },
              help: { text: r.description },
              defaultConfiguration: { level: r.defaultSeverity === 'warn' ? 'warning' : r.defaultSeverity === 'off' ? 'none' : 'error' },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => {
          const result: Record<string, unknown> = {
            ruleId: f.ruleId,
            ruleIndex: index.get(f.ruleId) ?? -1,
            level: f.level,
            message: { text: f.message },
            locations: [location(f)],
            partialFingerprints: { 'ladderFingerprint/v1': fingerprint(f) },
          };
          if (f.related?.length) result.relatedLocations = f.related.map((r, i) => ({ id: i + 1, ...location(r), message: { text: r.message } }));
          return result;
        }),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
