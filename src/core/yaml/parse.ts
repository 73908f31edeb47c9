/**
 * The one way YAML text becomes data here: `parse(text, file)` returns the values, the positions
 * (a Locator over the offsets of every key, value and entry) and the syntax problems. A file in the
 * plain subset ladder files are written in takes the fast path (./fast.ts, js-yaml with a listener);
 * anything else, and `{ fast: false }`, goes through `yaml`'s full pipeline (./full.ts). Both give the
 * same result on what the fast path accepts. Never throws on user input.
 */
import { createRequire } from 'node:module';
import { parseFast } from './fast.js';
import { Outline } from './outline.js';
import { MAX_DEPTH, parseFull } from './full.js';
import { LineIndex, Locator, type Positions } from './positions.js';
import { parseValues } from './values.js';
import type { RawFinding } from '../findings.js';

export { MAX_ALIAS_EXPANSION, MAX_DEPTH } from './full.js';

// The parsers are loaded on first parse, not at import: a command answered from the bundled data's
// build-time snapshot (src/core/snapshot.ts) never needs them, and they are a third of the start-up.
// Written this way, the bundle carries them and still loads them on first use (scripts/build-bundle.js).
const require = createRequire(import.meta.url);
let yamlLib: typeof import('yaml') | undefined;
let jsYamlLib: typeof import('js-yaml') | undefined;
export const yaml = (): typeof import('yaml') => (yamlLib ??= require('yaml') as typeof import('yaml'));
export const jsYaml = (): typeof import('js-yaml') => (jsYamlLib ??= require('js-yaml') as typeof import('js-yaml'));

/** A syntax problem, found at offsets rather than a path; its words are the `yaml-syntax` rule's. */
export interface SyntaxProblem {
  start: number;
  end: number;
  messageId: string;
  data?: Record<string, string | number>;
}

export interface ParsedSource {
  file: string;
  value: unknown;
  locator: Locator;
  findings: RawFinding[];
  syntax: SyntaxProblem[];
  /**
   * `# ladder-disable-next-line <rule>[, <rule>…]` comments: suppressed 1-based line -> rule ids
   * (an empty list suppresses every rule on that line).
   */
  disabled?: Map<number, string[]>;
}

export interface ParseOptions {
  /** false: the full pipeline only (tests compare the paths). */
  fast?: boolean;
  /**
   * 'later': where values were written is worked out only when a path is located (from the log of
   * the file's nodes, ./outline.ts, or, where that is not sure, by parsing the text again with
   * positions), for files that are checked rather than shown (`lint`). Values and findings are the
   * same either way.
   */
  positions?: 'now' | 'later';
}

/** Parses one YAML file. `text` may start with a BOM. */
export function parse(text: string, file: string, options: ParseOptions = {}): ParsedSource {
  const lines = new LineIndex(text);
  const disabled = scanDisableComments(text, lines);
  if (options.fast !== false && options.positions === 'later') {
    const kept: { text?: string; log?: Int32Array } = {};
    const value = parseValues(jsYaml(), text, MAX_DEPTH, kept);
    if (value !== undefined) {
      // js-yaml's copy of the text, which the values' strings keep anyway, rather than a second one.
      const same = kept.text ?? text;
      const log = kept.log;
      const outline = log && (() => Outline.of(jsYaml(), same, log));
      return { file, value, locator: Locator.later(new LineIndex(same), () => positionsOf(same), outline), findings: [], syntax: [], disabled };
    }
  }
  if (options.fast !== false) {
    const fast = parseFast(jsYaml(), text, MAX_DEPTH);
    if (fast && 'tooDeep' in fast) {
      const at = fast.tooDeep;
      return {
        file,
        value: null,
        locator: new Locator(null, new Map(), lines),
        findings: [],
        syntax: [{ start: at, end: at, messageId: 'nestingDeeper', data: { max: MAX_DEPTH } }],
        disabled,
      };
    }
    if (fast) return { file, value: fast.value, locator: new Locator(fast.value, fast.offsets, lines, fast.pool), findings: [], syntax: [], disabled };
  }
  const full = parseFull(yaml(), text);
  return { file, value: full.value, locator: new Locator(full.value, full.offsets, lines, full.pool), findings: [], syntax: full.syntax, disabled };
}

/** The positions of a text the values-only path read (so the fast path or the full pipeline reads it without error). */
function positionsOf(text: string): Positions {
  // No copies of the strings: these values live as long as the text the locator keeps anyway.
  const fast = parseFast(jsYaml(), text, MAX_DEPTH, false);
  if (fast && !('tooDeep' in fast)) return { root: fast.value, offsets: fast.offsets, pool: fast.pool };
  const full = parseFull(yaml(), text);
  return { root: full.value, offsets: full.offsets, pool: full.pool ?? new Int32Array(0) };
}

export type DecodedText = { text: string } | { messageId: 'binary' | 'invalidUtf8'; offset: number; prefix?: string };

/** Decodes bytes as UTF-8; a NUL byte or an invalid sequence is reported, not thrown. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { messageId: 'binary', offset: 0 };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    // Find the first invalid byte to point at it.
    let good = 0;
    for (let len = bytes.length; len > 0; len >>= 1) {
      while (good + len <= bytes.length) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, good + len));
          good += len;
        } catch {
          break;
        }
      }
    }
    const text = new TextDecoder('utf-8').decode(bytes.subarray(0, good));
    // `prefix` (the valid text before it) lets the finding point at the line and column of the bad byte.
    return { messageId: 'invalidUtf8', offset: text.length, prefix: text };
  }
}

const DISABLE = 'ladder-disable-next-line';

/**
 * Finds disable comments with a plain substring scan (no YAML needed), so files without any pay one
 * `indexOf`. Only a comment that is alone on its line counts, as in ESLint.
 */
export function scanDisableComments(text: string, lines: LineIndex): Map<number, string[]> | undefined {
  let out: Map<number, string[]> | undefined;
  for (let i = text.indexOf(DISABLE); i !== -1; i = text.indexOf(DISABLE, i + DISABLE.length)) {
    const { line } = lines.position(i);
    const lineStart = text.lastIndexOf('\n', i - 1) + 1;
    if (!/^\s*#\s*$/.test(text.slice(lineStart, i))) continue;
    const lineEnd = text.indexOf('\n', i);
    const rest = text.slice(i + DISABLE.length, lineEnd === -1 ? text.length : lineEnd);
    // `-- reason` after the rule list is a comment for humans, as in ESLint.
    const ids = rest
      .split('--')[0]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    out ??= new Map();
    out.set(line + 1, [...(out.get(line + 1) ?? []), ...ids]);
  }
  return out;
}
