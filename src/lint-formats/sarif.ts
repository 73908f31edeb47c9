/**
 * SARIF 2.1.0 (OASIS): https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 * One run; the driver lists every rule so `ruleIndex` is stable; columns are UTF-16 code units and
 * end columns exclusive, as the spec's region object defines them.
 */
import type { Finding, Related } from '../core/findings.js';
import { fingerprint } from './fingerprint.js';
import { escapeText, placeholders } from '../core/messages.js';
import type { Formatter } from './types.js';

export const INFORMATION_URI = 'https://www.npmjs.com/package/ladder';

const region = (r: Finding | Related) => ({ startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn });
const location = (r: Finding | Related) => ({ physicalLocation: { artifactLocation: { uri: encodeURI(r.file) }, region: region(r) } });

/** A message template in SARIF's form (§3.11.5): `{{name}}` placeholders become `{0}`, `{1}`, … */
const sarifTemplate = (template: string) => {
  const names = placeholders(template);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => `{${names.indexOf(name)}}`);
};

/** The result's message: its id in the rule's `messageStrings`, the words, and the (escaped) arguments. */
function messageOf(f: Finding, template: string | undefined): Record<string, unknown> {
  const message: Record<string, unknown> = { id: f.messageId, text: f.message };
  const names = template ? placeholders(template) : [];
  if (names.length) message.arguments = names.map((n) => escapeText(String(f.data?.[n] ?? '')));
  return message;
}

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
              ...(r.meta ? { messageStrings: Object.fromEntries(Object.entries(r.meta.messages).map(([id, text]) => [id, { text: sarifTemplate(text) }])) } : {}),
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => {
          const result: Record<string, unknown> = {
            ruleId: f.ruleId,
            ruleIndex: index.get(f.ruleId) ?? -1,
            level: f.level,
            message: messageOf(f, rules.find((r) => r.id === f.ruleId)?.meta?.messages[f.messageId]),
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
