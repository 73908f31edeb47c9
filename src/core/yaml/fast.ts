/**
 * The fast path of YAML loading, on js-yaml 4: `load(text, { listener })` reports the `open` and
 * `close` of every node with the parser's position, which is enough to recover where each key, value
 * and entry was written. Scalars are loaded as strings (js-yaml's failsafe schema) and plain ones are
 * resolved here with the YAML 1.2 core schema, as `yaml` resolves them.
 *
 * Only the plain subset ladder files are written in is accepted. A tab, a CR, a BOM, a directive,
 * an anchor, an alias, a tag, an explicit key (`? `), an empty value, a keep-chomping block scalar
 * (`|+`), a key over 1,000 characters, a quoted scalar or flow collection continued on a line indented no
 * further than its first, a block mapping on the `---` line, a document that is not a
 * mapping, content after the document, or any js-yaml error returns
 * `undefined`, and the caller composes the file with `yaml`'s full pipeline (./full.ts), which also
 * explains the error. On what it accepts it produces what that pipeline produces: the same values, the
 * same offsets and the same offset pool (test/core/yaml-fast.test.ts and `npm run fuzz` check this).
 */
import type { ContainerOffsets } from './positions.js';
import { namesToKeep } from './positions.js';
import { doubled } from '../arrays.js';

type JsYaml = typeof import('js-yaml');

export interface FastResult {
  value: unknown;
  offsets: Map<object, ContainerOffsets>;
  pool: Int32Array;
}

/** The text nests deeper than MAX_DEPTH: the offset of the first node too deep. */
export interface TooDeep {
  tooDeep: number;
}

/** Thrown from the listener at the first node nested too deep. */
class NestedTooDeep extends Error {
  constructor(readonly at: number) {
    super('nested too deep');
  }
}

/** Thrown from the listener (once per file) to leave the fast path. */
const BAIL = new Error('not in the subset of the fast path');

/** What the listener is shown of js-yaml's loader state. */
interface State {
  position: number;
  kind: string | null;
  result: unknown;
  anchor: string | null;
}

/** Nesting past which the full pipeline is not asked (it runs out of memory on tens of thousands). */
const FAR_TOO_DEEP = 1000;

const SPACE = 0x20;
const LF = 0x0a;
const HASH = 0x23;

/**
 * Parses `text` with js-yaml and records positions; `undefined` when the full pipeline must.
 * `copies: false` leaves the strings as js-yaml made them (slices that keep its copy of the text
 * alive, see `own`): for values that live no longer than the text they are read with, such as the
 * positions worked out for a finding (parse.ts `positionsOf`), where copying cost a fifth of the parse.
 */
export function parseFast(jsyaml: JsYaml, text: string, maxDepth: number, copies = true): FastResult | TooDeep | undefined {
  if (refusedBeforeParsing(text)) return undefined;
  const b = new Builder(text, maxDepth, copies ? own : same);
  let value: unknown;
  try {
    value = jsyaml.load(text, {
      schema: jsyaml.FAILSAFE_SCHEMA,
      maxDepth: FAR_TOO_DEEP + 2,
      listener: (event: string, state: State) => (event === 'open' ? b.open(state) : b.close(state)),
    } as never);
  } catch (e) {
    // Answered here, as the full pipeline's walk would: tens of thousands of nested collections make
    // `yaml` itself run out of memory.
    if (e instanceof NestedTooDeep) return { tooDeep: e.at };
    return undefined; // BAIL, a syntax error, a duplicate key, several documents: the full pipeline says
  }
  if (b.tooDeepAt !== -1 || value === null || typeof value !== 'object' || Array.isArray(value) || b.top !== 1 || b.kinds[0] !== MAP) return undefined;
  // A block mapping on the line of a `---` marker is an error for `yaml`.
  const start = b.starts[0];
  if (text.slice(text.lastIndexOf('\n', start - 1) + 1, start).trim() !== '') return undefined;
  // Nothing but comments after the document (`...` and the like are the full pipeline's).
  if (skipSeparation(text, b.valueEnds[0]) < text.length) return undefined;
  return { value, offsets: b.offsets, pool: b.pool.slice(0, b.used) };
}

/** What the fast path refuses before parsing (see the file comment): a tab, a CR, a BOM or a directive. */
export function refusedBeforeParsing(text: string): boolean {
  return text.indexOf('\t') !== -1 || text.indexOf('\r') !== -1 || text.charCodeAt(0) === 0xfeff || text.charCodeAt(0) === 0x25 || text.indexOf('\n%') !== -1;
}

/**
 * Whether a node written from `start` to `end` goes on to a line indented no further than the line it
 * starts on (blank lines aside). Linear in the node's length.
 */
export function continuesUnindented(text: string, start: number, end: number): boolean {
  const lf = nextLineBreak(text, start);
  if (lf === -1 || lf >= end) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let indent = 0;
  while (text.charCodeAt(lineStart + indent) === SPACE) indent++;
  for (let i = lf; i < end;) {
    // i is at a line break inside the node: look at the next line's indentation.
    let j = i + 1;
    while (j < end && text.charCodeAt(j) === SPACE) j++;
    if (j < end && text.charCodeAt(j) !== LF && j - i - 1 <= indent) return true;
    i = j;
    while (i < end && text.charCodeAt(i) !== LF) i++;
  }
  return false;
}

/**
 * The last line break found, and from where: a node on the same line as the previous one reuses it.
 * So the many quoted scalars of one long line (`[ "a", "b", … ]`) search it once, not once each
 * (which would be quadratic), and `indexOf` searches faster than a loop over the characters.
 */
const lastBreak = { text: '', from: 0, at: -1 };

/** The offset of the first line break at or after `from` (-1: none). */
function nextLineBreak(text: string, from: number): number {
  const b = lastBreak;
  if (b.text === text && b.from <= from && (from <= b.at || b.at === -1)) return b.at;
  b.text = text;
  b.from = from;
  b.at = text.indexOf('\n', from);
  return b.at;
}

const SCALAR = 0;
const MAP = 1;
const SEQ = 2;
/** An empty node, kept only until its parent closes (see Builder.close). */
const EMPTY = 3;

/**
 * Collects, for the nodes whose parent is still open (a stack of `top` entries), their kind, start,
 * value end, node end (after a trailing comment and line break) and scalar value; a container's
 * children are written to the pool when it closes (so children come before their parent in the pool,
 * as in ./full.ts).
 */
class Builder {
  readonly offsets = new Map<object, ContainerOffsets>();
  pool = new Int32Array(1024);
  used = 0;
  /** Open nodes: where the parser stood, and the stack height when they opened. */
  private opens = new Int32Array(64);
  private marks = new Int32Array(64);
  private depth = 0;
  /** Where nesting first went past the limit (-1: it did not). */
  tooDeepAt = -1;
  /** Finished nodes whose parent is still open. */
  top = 0;
  kinds = new Uint8Array(256);
  starts = new Int32Array(256);
  valueEnds = new Int32Array(256);
  nodeEnds = new Int32Array(256);
  readonly values: unknown[] = [];

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    /** What a scalar's string is kept as: `own` (a flat copy) or `same`. */
    private readonly keep: (s: string) => string,
  ) {}

  open(state: State): void {
    const d = this.depth++;
    if (d > this.maxDepth) {
      // The full pipeline says where, exactly; but past a thousand levels it runs out of memory, so that
      // is answered here (at the first node too deep, counting keys as js-yaml nests them).
      if (this.tooDeepAt === -1) this.tooDeepAt = skipSeparation(this.text, state.position);
      if (d > FAR_TOO_DEEP) throw new NestedTooDeep(this.tooDeepAt);
    }
    if (d === this.opens.length) {
      this.opens = doubled(this.opens);
      this.marks = doubled(this.marks);
    }
    this.opens[d] = state.position;
    this.marks[d] = this.top;
  }

  close(state: State): void {
    const text = this.text;
    const d = --this.depth;
    const open = this.opens[d];
    const mark = this.marks[d];
    const kind = state.kind;
    if (state.anchor !== null) throw BAIL; // an anchor
    if (kind === null) {
      // An empty node: an empty value is the full pipeline's, but js-yaml also makes one where it
      // tries a would-be key before a block scalar list entry (`- |`): its parent says which.
      if (mark !== this.top) throw BAIL;
      this.push(EMPTY, open, open, open, null);
      return;
    }
    const start = skipSeparation(text, open);
    const c = text.charCodeAt(start);
    if (c === 0x21 || c === 0x26 || c === 0x2a || (c === 0x3f && isBlank(text.charCodeAt(start + 1)))) throw BAIL; // ! & * ?
    let children = this.top - mark;
    if (kind === 'scalar') {
      // The empty would-be key before a block scalar list entry.
      if (children === 1 && this.kinds[mark] === EMPTY && (c === 0x7c || c === 0x3e)) {
        this.top = mark;
        children = 0;
      }
      // js-yaml read a would-be key that no `:` followed: that node is this one.
      if (children === 1 && this.kinds[mark] !== EMPTY) return;
      if (children !== 0) throw BAIL;
      let end = state.position;
      if (c === 0x22 || c === 0x27) {
        // A quoted scalar over several lines whose continuation line is not indented past its first
        // line is the full pipeline's: js-yaml accepts `title: "a` then `b"` at column 0, `yaml` refuses it.
        if (continuesUnindented(text, start, end)) throw BAIL;
        state.result = this.keep(state.result as string);
      } else if (c === 0x7c || c === 0x3e) {
        // A block scalar: keep chomping (`|+`) keeps trailing lines the two parsers count differently.
        for (let i = start + 1; i < text.length && text.charCodeAt(i) !== LF; i++) if (text.charCodeAt(i) === 0x2b) throw BAIL;
        end = blockScalarEnd(text, start, end);
        state.result = this.keep(state.result as string);
        this.push(SCALAR, start, end, end, state.result);
        return;
      } else {
        end = plainScalarEnd(text, start, end);
        const v = plainNonString(state.result as string);
        state.result = v === STRING ? this.keep(state.result as string) : v;
      }
      this.push(SCALAR, start, end, lineEnd(text, end), state.result);
      return;
    }
    const isMap = kind === 'mapping';
    // js-yaml read a would-be key that no `:` followed, as for a scalar above: a list entry that is a
    // flow collection (`- [x]`) closes again around the same collection, which is then this node.
    if (children === 1 && this.kinds[mark] === (isMap ? MAP : SEQ) && this.starts[mark] === start) return;
    // So is a flow collection over several lines (`{title: x` then `, aliases: [y]}` at column 0).
    if ((c === 0x7b || c === 0x5b) && continuesUnindented(text, start, state.position)) throw BAIL;
    const obj = state.result as object;
    const n = isMap ? children >> 1 : children;
    // A pair in a flow sequence (`[a: b]`) or a key without a value (`{a, b: c}`) leaves the counts apart.
    if (isMap ? (children & 1) !== 0 : (obj as unknown[]).length !== n) throw BAIL;
    const at = this.reserve(2 * children);
    const p = this.pool;
    const { starts, valueEnds } = this;
    let names: string[] | undefined;
    for (let i = 0; i < children; i++) {
      const k = mark + i;
      if (this.kinds[k] === EMPTY) throw BAIL; // an empty value or entry
      p[at + 2 * i] = starts[k];
      p[at + 2 * i + 1] = valueEnds[k];
      if (isMap && (i & 1) === 0) {
        if (this.kinds[k] !== SCALAR) throw BAIL;
        // `yaml` wants the `:` of an implicit key at most 1024 characters after the key's start.
        if (valueEnds[k] - starts[k] > 1000) throw BAIL;
        // An explicit key (`? key`) is the full pipeline's.
        let q = starts[k] - 1;
        while (q >= 0 && text.charCodeAt(q) === SPACE) q--;
        if (q >= 0 && text.charCodeAt(q) === 0x3f) throw BAIL;
        // Key names are kept only when JavaScript would list them in another order (see ContainerOffsets).
        const key = this.values[k];
        if (names === undefined && typeof key === 'string' && keyMovesFirstHere(key)) names = [];
      }
    }
    if (names !== undefined) {
      for (let i = 0; i < n; i++) names.push(String(this.values[mark + 2 * i]));
      names = namesToKeep(names);
    } else if (isMap) {
      // Keys that were no strings as written (numbers, booleans, null) may also look like indices.
      for (let i = 0; i < n; i++) {
        if (typeof this.values[mark + 2 * i] !== 'string') {
          names = namesToKeep(Array.from({ length: n }, (_, j) => String(this.values[mark + 2 * j])));
          break;
        }
      }
    }
    let valueEnd: number;
    let nodeEnd: number;
    if (c === 0x5b || c === 0x7b) {
      // [ {
      valueEnd = Math.min(state.position, text.length);
      nodeEnd = lineEnd(text, valueEnd);
    } else {
      valueEnd = this.nodeEnds[mark + children - 1];
      nodeEnd = commentLinesEnd(text, valueEnd, start - (text.lastIndexOf('\n', start - 1) + 1));
    }
    this.offsets.set(obj, names ? { start, at, len: n, names } : { start, at, len: n });
    this.top = mark;
    this.push(isMap ? MAP : SEQ, start, valueEnd, nodeEnd, null);
  }

  private push(kind: number, start: number, valueEnd: number, nodeEnd: number, value: unknown): void {
    const i = this.top++;
    if (i === this.kinds.length) {
      this.kinds = doubled(this.kinds);
      this.starts = doubled(this.starts);
      this.valueEnds = doubled(this.valueEnds);
      this.nodeEnds = doubled(this.nodeEnds);
    }
    this.kinds[i] = kind;
    this.starts[i] = start;
    this.valueEnds[i] = valueEnd;
    this.nodeEnds[i] = Math.min(nodeEnd, this.text.length);
    this.values[i] = value;
  }

  private reserve(n: number): number {
    const at = this.used;
    if (at + n > this.pool.length) {
      const grown = new Int32Array(Math.max(this.pool.length * 2, at + n));
      grown.set(this.pool);
      this.pool = grown;
    }
    this.used = at + n;
    return at;
  }
}

/** A key JavaScript lists before the others (an array-index-like key): a digit first is the cheap test. */
const keyMovesFirstHere = (key: string) => {
  const c = key.charCodeAt(0);
  return c >= 0x30 && c <= 0x39;
};

/** A space or a line break. */
export const isBlank = (c: number) => c === SPACE || c === LF;

/** Where a plain scalar from `start` ends, js-yaml having stopped at `end`: before the blanks it read past. */
export function plainScalarEnd(text: string, start: number, end: number): number {
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * Where a block scalar from `start` ends, js-yaml having stopped at `end`: after its last line with
 * content (trailing spaces and empty lines are not part of it for `yaml`).
 */
export function blockScalarEnd(text: string, start: number, end: number): number {
  end = Math.min(end, text.length);
  while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
  while (text.charCodeAt(end - 1) === LF) {
    const prev = text.lastIndexOf('\n', end - 2);
    if (prev < start || text.slice(prev + 1, end - 1).trim() !== '') break;
    end = prev + 1;
  }
  return end;
}

/** The offset after spaces, line breaks and comments from `i`. */
export function skipSeparation(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === LF) i++;
    else if (c === HASH) {
      const nl = text.indexOf('\n', i);
      if (nl === -1) return text.length;
      i = nl + 1;
    } else return Math.min(i, text.length);
  }
}

/** After a scalar's last character: the end of its line (after a trailing comment and the line break). */
export function lineEnd(text: string, i: number): number {
  while (text.charCodeAt(i) === SPACE) i++;
  if (text.charCodeAt(i) === HASH) {
    const nl = text.indexOf('\n', i);
    return nl === -1 ? text.length : nl + 1;
  }
  return text.charCodeAt(i) === LF ? i + 1 : i;
}

/** Comment lines (and blank lines between them) right after a block collection, indented at least as far. */
export function commentLinesEnd(text: string, i: number, indent: number): number {
  let end = i;
  let j = i;
  for (;;) {
    let k = j;
    while (text.charCodeAt(k) === SPACE) k++;
    const c = text.charCodeAt(k);
    if (c === LF) {
      j = k + 1;
      continue;
    }
    if (c !== HASH || k - j < indent) return end;
    const nl = text.indexOf('\n', k);
    end = j = nl === -1 ? text.length : nl + 1;
    if (nl === -1) return end;
  }
}

// The YAML 1.2 core schema (spec 10.3.2), for plain scalars.
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const INF_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** What `plainNonString` returns for a plain scalar that is a string. */
export const STRING: unique symbol = Symbol('string');

/** Whether a plain scalar starting with character `c` may be no string: a digit, a sign, a dot, n N ~ t T f F. */
export function mayStartNonString(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2b ||
    c === 0x2d ||
    c === 0x2e ||
    c === 0x6e ||
    c === 0x4e ||
    c === 0x7e ||
    c === 0x74 ||
    c === 0x54 ||
    c === 0x66 ||
    c === 0x46
  );
}

/** A plain scalar's value under the core schema when it is not a string (null, a boolean, a number); else STRING. */
export function plainNonString(s: string): unknown {
  const c = s.charCodeAt(0);
  if (!mayStartNonString(c)) return STRING;
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return c === 0x74 || c === 0x54;
  if (OCT.test(s)) return parseInt(s.slice(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (HEX.test(s)) return parseInt(s.slice(2), 16);
  if (INF_NAN.test(s)) return s.endsWith('nan') || s.endsWith('NaN') || s.endsWith('NAN') ? NaN : c === 0x2d ? -Infinity : Infinity;
  if (FLOAT.test(s)) return parseFloat(s);
  return STRING;
}

/**
 * A scalar's value is often a slice of the file's text, and V8 keeps the whole text alive for as long
 * as any slice of it lives: a 9 KB file for one summary. A flat copy owns its characters, so the texts
 * can be freed once loaded (60 MB at 50,000 roles).
 */
function own(s: string): string {
  if (s.length <= 12) return s; // V8 copies short substrings anyway
  const copy = s[0] + s.slice(1);
  copy.charCodeAt(0); // reading a character makes V8 store the concatenation as one flat copy
  return copy;
}

/** A scalar's string as js-yaml made it (see `parseFast`'s `copies`). */
const same = (s: string) => s;
