/** A family object → YAML text, stable and readable: no line folding, block scalars for prose. */
import { Document, Scalar, isScalar, visit } from 'yaml';
import type { FamilyObject } from './build-families.js';
import { escapeText, RAW_UNSAFE_CLASS, unicodeEscape } from '../core/escape-text.js';

/**
 * Renders a family. `schemaPath` becomes the `# yaml-language-server: $schema=…` first line, so
 * editors validate the file; `header` lines follow it as comments.
 */
const UNPRINTABLE = new RegExp(`[${RAW_UNSAFE_CLASS}]`);
const UNPRINTABLE_ALL = new RegExp(`[${RAW_UNSAFE_CLASS}]`, 'g');

export function familyYaml(family: FamilyObject, schemaPath: string | null, header: string[] = []): string {
  const doc = new Document(toPlain(family));
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return;
      // A text with C1 or bidi controls is double-quoted, where they become `\uXXXX` below.
      if (UNPRINTABLE.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
      else if (node.value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
    },
    Seq(_key, node) {
      // Short id lists (`next`) read best inline, as in the bundled data.
      if (
        node.items.length > 0 &&
        node.items.length <= 8 &&
        node.items.every((i) => isScalar(i) && typeof i.value === 'string' && /^[a-z0-9-]+$/.test(i.value))
      )
        node.flow = true;
    },
  });
  // yaml escapes C0 controls in double quotes but writes C1 controls (U+009B is CSI), separators and
  // bidi controls raw; they are only in double-quoted scalars (above), so escaping them here is exact.
  const body = doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true }).replace(UNPRINTABLE_ALL, unicodeEscape);
  // A header line (a page's path) is one comment line whatever it holds: a newline in a file name
  // must not end the comment and start YAML.
  const head = [...(schemaPath ? [`# yaml-language-server: $schema=${escapeText(schemaPath)}`] : []), ...header.map((h) => (h ? `# ${escapeText(h)}` : '#'))];
  return (head.length ? head.join('\n') + '\n' : '') + body;
}

/** Null-prototype maps (built that way against `__proto__` keys) as ordinary objects, keys in order. */
function toPlain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(toPlain);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v))
      Object.defineProperty(out, k, { value: toPlain((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}
