/**
 * Where the words of every finding are made: a rule's message template (`meta.messages`) filled with
 * the finding's data. Every value put into a message is escaped here, one way, so no text from a data
 * file reaches a terminal or a report raw: control characters (ESC, BEL, CR, LF, …), bidirectional
 * overrides and zero-width characters become JSON-style escapes (`\n`, `\u001b`, `\u202e`).
 */
import type { MessageData } from './findings.js';

/** C0 and C1 controls, DEL, zero-width and bidi formatting characters, line/paragraph separators. */

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** One UTF-16 unit as a JSON-style `\uXXXX` escape: how every writer here shows a character it must not write raw. */
export const unicodeEscape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * What `JSON.stringify` and `yaml`'s double quotes leave raw but a terminal or viewer acts on: C1
 * controls (U+009B is CSI), zero-width characters, line and paragraph separators, bidi controls and
 * the BOM. The body of a character class, for writers to add what else they escape.
 */
export const RAW_UNSAFE_CLASS = '\\u007f-\\u009f\\u200b-\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ufeff';

/** Free text made safe to print: unsafe characters as JSON-style escapes, backslashes as they are. */
export function escapeText(s: string): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(s)) return s;
  return s.replace(UNSAFE, (c) => SHORT[c] ?? unicodeEscape(c));
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** The distinct placeholder names of a template, in order of first use. */
export function placeholders(template: string): string[] {
  const names: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) if (!names.includes(m[1])) names.push(m[1]);
  return names;
}

/** Fills `{{name}}` placeholders with escaped data; an unknown placeholder is left as written. */
export function formatMessage(template: string, data: MessageData | undefined): string {
  if (!data) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const v = data[name];
    return v === undefined ? whole : typeof v === 'number' ? String(v) : escapeText(v);
  });
}

/** Looks a message template up by rule and message id. */
export type MessageLookup = (ruleId: string, messageId: string) => string | undefined;

/** The words of a finding; a message id the rule does not declare is a bug, shown as such. */
export function messageText(lookup: MessageLookup, ruleId: string, messageId: string, data: MessageData | undefined): string {
  const template = lookup(ruleId, messageId);
  return template === undefined ? `(unknown message ${ruleId}/${messageId})` : formatMessage(template, data);
}
