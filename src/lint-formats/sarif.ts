/**
 * SARIF 2.1.0 (OASIS): https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 * One run; the driver lists every rule so `ruleIndex` is stable; columns are UTF-16 code units and
 * end columns exclusive, as the spec's region object defines them. Files under the working directory
 * are relative URI references against `%SRCROOT%` (§3.4.4), each path segment percent-encoded so `#`,
 * `?`, `%` and a `:` in the first segment stay part of the path; files outside it are absolute `file:`
 * URIs. `partialFingerprints` carry the finding's identity (identity.ts), not its line.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Related } from '../core/findings.js';
import { identify } from './identity.js';
import { escapeText, placeholders } from '../core/messages.js';
import type { Formatter } from './types.js';

/** The base every relative artifact URI is resolved against. */
export const SRCROOT = '%SRCROOT%';

/** A display path (relative, `/` separators) as a URI reference: every segment percent-encoded. */
export function relativeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

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

const isOutside = (file: string) => file === '..' || file.startsWith('../') || isAbsolute(file);

/** `https://host/owner/repo` from a package.json `repository` (string or `{url}`); undefined if none. */
export function repositoryUrl(repository: string | undefined): string | undefined {
  if (!repository) return undefined;
  let url = repository
    .trim()
    .replace(/^git\+/, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  const short = /^(github|gitlab):([\w.-]+\/[\w.-]+)$/.exec(url) ?? (/^([\w.-]+\/[\w.-]+)$/.test(url) ? [url, 'github', url] : null);
  if (short) url = `https://${short[1]}.com/${short[2]}`;
  const ssh = /^(?:ssh:\/\/)?git@([^:/]+)[:/](.+)$/.exec(url);
  if (ssh) url = `https://${ssh[1]}/${ssh[2]}`;
  return /^https?:\/\/[^\s]+$/.test(url) ? url : undefined;
}

/** A rule's documentation page (docs/rules/<id>.md) in the repository, on its default branch. */
export function ruleDocUrl(repository: string, id: string): string {
  const blob = /^https?:\/\/(www\.)?github\.com\//.test(repository) ? '/blob/HEAD/' : '/-/blob/HEAD/';
  return `${repository}${blob}docs/rules/${encodeURIComponent(id)}.md`;
}

export const sarif: Formatter = (findings, { rules, version, cwd, repository }) => {
  const root = cwd ?? '/';
  const artifact = (file: string) => (isOutside(file) ? { uri: pathToFileURL(resolve(root, file)).href } : { uri: relativeUri(file), uriBaseId: SRCROOT });
  const region = (r: Finding | Related) => ({ startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn });
  const location = (r: Finding | Related) => ({ physicalLocation: { artifactLocation: artifact(r.file), region: region(r) } });
  const repo = repositoryUrl(repository);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const byId = new Map(rules.map((r) => [r.id, r]));
  const ids = identify(findings);
  const results = new Array<object>(findings.length);
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    const result: Record<string, unknown> = {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId) ?? -1,
      level: f.level,
      message: messageOf(f, byId.get(f.ruleId)?.meta?.messages[f.messageId]),
      locations: [location(f)],
      partialFingerprints: { 'ladderIdentity/v2': ids[i].fingerprint },
    };
    if (f.related?.length) result.relatedLocations = f.related.map((r, j) => ({ id: j + 1, ...location(r), message: { text: r.message } }));
    results[i] = result;
  }
  const rootUri = pathToFileURL(root).href;
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ladder',
            version,
            ...(repo ? { informationUri: repo } : {}),
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.summary },
              fullDescription: { text: r.description },
              help: { text: r.description },
              ...(repo ? { helpUri: ruleDocUrl(repo, r.id) } : {}),
              defaultConfiguration: { level: r.defaultSeverity === 'warn' ? 'warning' : r.defaultSeverity === 'off' ? 'none' : 'error' },
              ...(r.meta
                ? { messageStrings: Object.fromEntries(Object.entries(r.meta.messages).map(([id, text]) => [id, { text: sarifTemplate(text) }])) }
                : {}),
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri.endsWith('/') ? rootUri : rootUri + '/' } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
