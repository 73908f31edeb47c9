/**
 * The values-only path of YAML loading, for `lint`: js-yaml 4 with a listener that only looks at the
 * first character of each node (a tag, an anchor, an alias) and at multi-line quoted scalars and flow
 * collections (no positions are kept). Plain scalars are read as strings (js-yaml's failsafe schema)
 * and resolved in the listener with the YAML 1.2 core schema, as the fast path resolves them
 * (./fast.ts `plainNonString`). Where each value was written is found later, and only for a
 * file that has a finding (parse.ts, `positions: 'later'`): most files of a data set that lints clean
 * never need their positions.
 *
 * It takes a text only where the fast path would take it, or where both give the same values: a
 * text with a node that starts with a tag, an anchor or an alias (`! & *`, seen by the listener), a `?`
 * where a node may start (an explicit key), a keep-chomping block scalar header, a document marker (`---`, `...`) at the start of a
 * line, a key over 100 characters on a line over 1,000, or anything the fast path refuses before
 * parsing (a tab, CR, BOM or directive), a quoted scalar or flow collection continued on a line indented
 * no further than its first (as the fast path) returns `undefined`, as does any js-yaml error and a document that is not a
 * mapping; the caller then takes the fast path or the full pipeline, which explains the error.
 * test/core/yaml-fast.test.ts and `npm run fuzz` check that the values are the full pipeline's.
 */
import { continuesUnindented, plainNonString, refusedBeforeParsing, skipSeparation, STRING } from './fast.js';
import { closeCode } from './outline.js';
import { doubled } from '../arrays.js';

type JsYaml = typeof import('js-yaml');

const LONG_LINE = 1000;
/** Thrown from the listener to leave this path. */
const UNINDENTED = new Error('a quoted scalar or flow collection continued unindented');
/** Thrown from the listener to leave this path. */
const PROPERTIES = new Error('a tag, an anchor or an alias');
/** Characters after which (and spaces) a node may start: line break, `:`, `-`, `[`, `{`, `,`, `?`. */
const NODE_START = new Set([0x0a, 0x3a, 0x2d, 0x5b, 0x7b, 0x2c, 0x3f]);

/**
 * Whether the text has a character outside what this path takes (see the file comment): true; or
 * 'long' when it has a line over 1,000 characters, which may hold a key past the 1,024 characters
 * `yaml` allows an implicit key (its keys are checked once parsed).
 */
function outside(text: string): boolean | 'long' {
  if (refusedBeforeParsing(text) || text.indexOf('\n---') !== -1 || text.indexOf('\n...') !== -1) return true;
  // `?` starts an explicit key only where a node starts: at the start of a line or after `:`, `-`,
  // `[`, `{`, `,` or `?` (and spaces). Inside a scalar ("Why?") it is text. (An anchor, an alias or
  // a tag is found by the listener, at the node it starts.)
  for (let i = text.indexOf('?'); i !== -1; i = text.indexOf('?', i + 1)) {
    let j = i - 1;
    while (j >= 0 && text.charCodeAt(j) === 0x20) j--;
    if (j < 0 || NODE_START.has(text.charCodeAt(j))) return true;
  }
  if (text.startsWith('---') || text.startsWith('...')) return true;
  // A block scalar header that keeps its trailing lines: `|+`, `>2+`, `|+2`.
  for (const h of ['|', '>']) {
    for (let i = text.indexOf(h); i !== -1; i = text.indexOf(h, i + 1)) {
      const a = text.charCodeAt(i + 1);
      const b = text.charCodeAt(i + 2);
      if (a === 0x2b || (b === 0x2b && ((a >= 0x30 && a <= 0x39) || a === 0x2d))) return true;
    }
  }
  let from = 0;
  for (let nl = text.indexOf('\n'); ; nl = text.indexOf('\n', from)) {
    const end = nl === -1 ? text.length : nl;
    if (end - from > LONG_LINE) return 'long';
    if (nl === -1) return false;
    from = nl + 1;
  }
}

/**
 * Whether a mapping anywhere in `value` has a key longer than 100 characters: a key written over
 * 1,024 characters is at least a tenth as long once read (`\U00000041` is ten characters for one).
 */
function hasLongKey(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object' || depth > 200) return false;
  if (Array.isArray(value)) return value.some((v) => hasLongKey(v, depth + 1));
  for (const k of Object.keys(value)) if (k.length > 100 || hasLongKey((value as Record<string, unknown>)[k], depth + 1)) return true;
  return false;
}

/**
 * The values of `text` (a mapping), or `undefined` when the fast path or the full pipeline must read it.
 * `keep.text` is then set to js-yaml's own copy of the text (it parses `text` with a NUL added, a
 * new string), which the values' longer strings are slices of: a caller that keeps that copy rather
 * than `text` keeps one copy of each file, not two. And `keep.log` to the log of its nodes' opens
 * and closes (./outline.ts `closeCode`), from which `Outline.of` works their positions out without
 * parsing the text again: three numbers per node.
 */
export function parseValues(jsyaml: JsYaml, text: string, maxDepth: number, keep?: { text?: string; log?: Int32Array }): Record<string, unknown> | undefined {
  const out = outside(text);
  if (out === true) return undefined;
  let value: unknown;
  // Where each open node started: a quoted scalar or a flow collection continued on a line indented
  // no further than its first is refused by `yaml` and accepted by js-yaml, so it is left to the fast
  // path's check (and the full pipeline), as there.
  const opens = new Int32Array(maxDepth + 4);
  let depth = 0;
  let input: string | undefined;
  let log = logScratch;
  let n = 0;
  const listener = (event: string, state: { position: number; kind: string | null; result: unknown; input: string }) => {
    if (n + 2 >= log.length) log = logScratch = doubled(log);
    if (event === 'open') {
      if (depth === 0) input ??= state.input;
      opens[depth++] = state.position;
      log[n++] = -1 - state.position;
      return;
    }
    log[n++] = state.position;
    log[n++] = closeCode(state.kind, state.result);
    const open = opens[--depth];
    const start = skipSeparation(text, open);
    const c = text.charCodeAt(start);
    // A node that starts with `!`, `&` or `*` has a tag or an anchor, or is an alias: the fast path's
    // (as there). js-yaml reads a node's properties first, right where it opens.
    if (c === 0x21 || c === 0x26 || c === 0x2a) throw PROPERTIES;
    const kind = state.kind;
    if (kind === null) return;
    if (c === 0x22 || c === 0x27 || c === 0x7b || c === 0x5b) {
      if (continuesUnindented(text, start, state.position)) throw UNINDENTED;
    } else if (kind === 'scalar' && c !== 0x7c && c !== 0x3e && typeof state.result === 'string') {
      // A plain scalar, read as a string (the failsafe schema): resolved here as the core schema
      // reads it, before js-yaml stores it (a key too: `1: one` is the key "1", as for `yaml`). A
      // list entry (`- 12`) closes twice: as the would-be key js-yaml tried, then as the entry, with
      // the value already resolved.
      const v = plainNonString(state.result);
      if (v !== STRING) state.result = v;
    }
  };
  try {
    // js-yaml counts depth as the fast path's listener does, one node later: past maxDepth + 1 it
    // throws exactly where the fast path reports "nested too deep".
    value = jsyaml.load(text, { schema: jsyaml.FAILSAFE_SCHEMA, maxDepth: maxDepth + 1, listener } as never);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  if (out === 'long' && hasLongKey(value)) return undefined;
  // js-yaml's copy is the text, with a line break added if it had none and the NUL.
  if (keep && input !== undefined) keep.text = input.slice(0, text.length);
  if (keep) keep.log = log.slice(0, n);
  return value as Record<string, unknown>;
}

/** The log being written, reused from one text to the next (it only grows). */
let logScratch = new Int32Array(4096);
