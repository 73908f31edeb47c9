/**
 * Where the values of a text were written, from the log of its nodes that the values-only path kept
 * (./values.ts, `keep.log`), without parsing the text again: `lint` locates its findings this way.
 *
 * The log holds, in the order js-yaml's listener saw them, each node's open (`-1 - position`) and
 * close (`position, code`, see `closeCode`). `Outline.of` rebuilds the tree of nodes from it in one
 * pass over typed arrays; a node's start and end are then worked out when a path is located, with the
 * fast path's own rules (./fast.ts), and a scalar's value is read from its slice of the text only
 * where a finding's subject needs it. So the offsets are the fast path's: `Outline.of` refuses what
 * the fast path would refuse (an empty value or entry, a pair in a flow sequence, a key without a value, a key
 * that is no scalar or is written over 1,000 characters, a document the fast path would hand on), and
 * a path whose key or subject it cannot read for sure (a plain scalar over several lines, a block
 * scalar with an indentation indicator) is answered `undefined`: the caller then parses the text
 * again (./parse.ts `positionsOf`). test/core/yaml-outline.test.ts compares every path of real,
 * generated, fuzzed and edge-case files with the fast path's positions.
 */
import type { Path } from '../model.js';
import { blockScalarEnd, commentLinesEnd, lineEnd, mayStartNonString, plainNonString, plainScalarEnd, skipSeparation, STRING } from './fast.js';
import { setOwn } from './positions.js';
import { doubled } from '../arrays.js';

type JsYaml = typeof import('js-yaml');

const SCALAR = 0;
const MAP = 1;
const SEQ = 2;
const EMPTY = 3;
const LF = 0x0a;

/**
 * How the values-only path logs a node's close: its kind in the two low bits (an empty node, which
 * js-yaml gives no kind, is 3), and a sequence's length above them (a pair in a flow sequence makes
 * one entry of two nodes, which the fast path refuses).
 */
export function closeCode(kind: string | null, result: unknown): number {
  if (kind === 'scalar') return SCALAR;
  if (kind === 'mapping') return MAP;
  if (kind === 'sequence') return SEQ | ((result as unknown[]).length << 2);
  return EMPTY;
}

/** What a scalar reads as when the outline cannot be sure (the caller parses the text again). */
const UNSURE: unique symbol = Symbol('unsure');

export class Outline {
  private constructor(
    private readonly text: string,
    private readonly jsyaml: JsYaml,
    /** Per node: where the parser stood when it opened and closed, and its kind. */
    private readonly opens: Int32Array,
    private readonly closes: Int32Array,
    private readonly kinds: Uint8Array,
    /** Per collection: its children (for a mapping: key, value, key, …) at kids[at[n] .. at[n] + len[n]]. */
    private readonly at: Int32Array,
    private readonly len: Int32Array,
    private readonly kids: Int32Array,
    private readonly root: number,
  ) {}

  /** Per large mapping: null once looked up, then its key names' indices (see `entry`). */
  private readonly indexes = new Map<number, Map<string, number> | null>();

  /** The outline of `text` from its log, or `undefined` where the fast path would not take the text. */
  static of(jsyaml: JsYaml, text: string, log: Int32Array): Outline | undefined {
    const size = Math.floor(log.length / 3); // per node, one number for its open and two for its close
    const opens = new Int32Array(size);
    const closes = new Int32Array(size);
    const kinds = new Uint8Array(size);
    const at = new Int32Array(size);
    const len = new Int32Array(size);
    const kids = new Int32Array(size);
    // Open nodes (their ids, and how many finished nodes were waiting when they opened) and finished
    // nodes whose parent is still open, as the fast path's Builder keeps them.
    let stack = new Int32Array(64);
    let marks = new Int32Array(64);
    const done = new Int32Array(size);
    let id = 0;
    let depth = 0;
    let top = 0;
    let used = 0;
    for (let i = 0; i < log.length;) {
      const v = log[i++];
      if (v < 0) {
        if (depth === stack.length) {
          stack = doubled(stack);
          marks = doubled(marks);
        }
        opens[id] = -1 - v;
        stack[depth] = id++;
        marks[depth++] = top;
        continue;
      }
      const code = log[i++];
      const node = stack[--depth];
      const mark = marks[depth];
      const kind = code & 3;
      closes[node] = v;
      kinds[node] = kind;
      let children = top - mark;
      if (kind === EMPTY) {
        // An empty value is refused below; js-yaml also makes an empty node where it tries a would-be
        // key before a block scalar list entry (`- |`), which that entry drops (as the fast path does).
        if (children !== 0) return undefined;
        done[top++] = node;
        continue;
      }
      if (kind === SCALAR) {
        if (children === 1 && kinds[done[mark]] === EMPTY) {
          const c = text.charCodeAt(skipSeparation(text, opens[node]));
          if (c !== 0x7c && c !== 0x3e) return undefined;
          top = mark;
          children = 0;
        }
        // js-yaml read a would-be key that no `:` followed: its one child is the node.
        if (children === 1) continue;
        if (children !== 0) return undefined;
        done[top++] = node;
        continue;
      }
      // So does a list entry that is a flow collection (`- [x]`): it closes again around the same collection.
      if (children === 1 && kinds[done[mark]] === kind && skipSeparation(text, opens[done[mark]]) === skipSeparation(text, opens[node])) continue;
      if (kind === MAP ? (children & 1) !== 0 : code >>> 2 !== children) return undefined;
      at[node] = used;
      len[node] = children;
      for (let j = 0; j < children; j++) {
        const k = done[mark + j];
        if (kinds[k] === EMPTY || (kind === MAP && (j & 1) === 0 && kinds[k] !== SCALAR)) return undefined;
        kids[used++] = k;
      }
      top = mark;
      done[top++] = node;
    }
    if (top !== 1 || kinds[done[0]] !== MAP) return undefined;
    const o = new Outline(text, jsyaml, opens, closes, kinds, at, len, kids, done[0]);
    // The fast path's checks on keys and on the whole document (./fast.ts Builder.close, parseFast).
    for (let n = 0; n < id; n++) {
      if (kinds[n] !== MAP) continue;
      for (let j = 0; j < len[n]; j += 2) {
        const k = kids[at[n] + j];
        // `yaml` wants the `:` of an implicit key at most 1024 characters after the key's start (a
        // key's open and close are at least as far apart as its start and end).
        if (closes[k] - opens[k] > 1000 && o.valueEnd(k) - o.start(k) > 1000) return undefined;
      }
    }
    const start = o.start(o.root);
    if (text.slice(text.lastIndexOf('\n', start - 1) + 1, start).trim() !== '') return undefined;
    if (skipSeparation(text, o.valueEnd(o.root)) < text.length) return undefined;
    return o;
  }

  /** Where a node starts: after the spaces, line breaks and comments before it. */
  private start(n: number): number {
    return skipSeparation(this.text, this.opens[n]);
  }

  /** Where a node's value ends (as the fast path's `valueEnds`). */
  private valueEnd(n: number): number {
    const text = this.text;
    const start = this.start(n);
    const c = text.charCodeAt(start);
    const kind = this.kinds[n];
    const end = this.closes[n];
    if (kind !== SCALAR) {
      // [ {
      if (c === 0x5b || c === 0x7b) return Math.min(end, text.length);
      return this.nodeEnd(this.kids[this.at[n] + this.len[n] - 1]);
    }
    if (c === 0x22 || c === 0x27) return end;
    if (c === 0x7c || c === 0x3e) return blockScalarEnd(text, start, end);
    return plainScalarEnd(text, start, end);
  }

  /** Where a node ends, after a trailing comment and line break (as the fast path's `nodeEnds`). */
  private nodeEnd(n: number): number {
    const text = this.text;
    const start = this.start(n);
    const c = text.charCodeAt(start);
    const valueEnd = this.valueEnd(n);
    let end: number;
    if (this.kinds[n] === SCALAR) end = c === 0x7c || c === 0x3e ? valueEnd : lineEnd(text, valueEnd);
    else if (c === 0x5b || c === 0x7b) end = lineEnd(text, valueEnd);
    else end = commentLinesEnd(text, valueEnd, start - (text.lastIndexOf('\n', start - 1) + 1));
    return Math.min(end, text.length);
  }

  /** A scalar node's value, as the values-only path read it, or UNSURE. */
  private scalar(n: number): unknown {
    const text = this.text;
    const start = this.start(n);
    const c = text.charCodeAt(start);
    if (c === 0x22 || c === 0x27) {
      const end = this.closes[n];
      // With no escape, no doubled quote and no line break, it is the text between the quotes.
      const inner = text.slice(start + 1, end - 1);
      if (text.charCodeAt(end - 1) === c && inner.indexOf('\n') === -1 && inner.indexOf(c === 0x22 ? '\\' : "'") === -1) return inner;
      return this.load(start, end);
    }
    if (c === 0x7c || c === 0x3e) {
      // Read alone, an indentation indicator would count from column 0, not from the parent's indentation.
      for (let i = start + 1; i < text.length; i++) {
        const h = text.charCodeAt(i);
        if (h >= 0x30 && h <= 0x39) return UNSURE;
        if (h !== 0x2d && h !== 0x2b) break;
      }
      return this.load(start, this.closes[n]);
    }
    const end = this.valueEnd(n);
    // A plain scalar over several lines is folded: left to js-yaml, reading the whole text.
    if (hasLineBreak(text, start, end)) return UNSURE;
    const s = text.slice(start, end);
    const v = plainNonString(s);
    return v === STRING ? s : v;
  }

  /** A quoted or block scalar read alone by js-yaml (its escapes, folding and chomping depend on its own lines only). */
  private load(start: number, end: number): unknown {
    try {
      const v = this.jsyaml.load(this.text.slice(start, end), { schema: this.jsyaml.FAILSAFE_SCHEMA });
      return typeof v === 'string' ? v : UNSURE;
    } catch {
      return UNSURE;
    }
  }

  /** The value child of mapping `n` under key `name`, as [key node, value node]; null: no such key; UNSURE. */
  private entry(n: number, name: string): [number, number] | null | typeof UNSURE {
    const { kids, at } = this;
    const len = this.len[n];
    // A large mapping (a family's `roles`) is looked up by name from its second look-up on.
    if (len > 16) {
      let index = this.indexes.get(n);
      if (index === undefined) this.indexes.set(n, null);
      else {
        if (index === null) {
          index = new Map();
          for (let j = 0; j < len; j += 2) {
            const key = this.scalar(kids[at[n] + j]);
            if (key === UNSURE) return UNSURE;
            index.set(String(key), j);
          }
          this.indexes.set(n, index);
        }
        const j = index.get(name);
        return j === undefined ? null : [kids[at[n] + j], kids[at[n] + j + 1]];
      }
    }
    for (let j = 0; j < len; j += 2) {
      const k = kids[at[n] + j];
      // Most keys are plain words that read as themselves: compared in place.
      const start = this.start(k);
      const c = this.text.charCodeAt(start);
      if (plainString(c)) {
        const end = this.valueEnd(k);
        if (end - start === name.length && this.text.startsWith(name, start)) return [k, kids[at[n] + j + 1]];
        // A key on one line reads as written (a line break is looked for in the key only: searching
        // to the end of the line would be quadratic on one line of many keys).
        if (!hasLineBreak(this.text, start, end)) continue;
      }
      const key = this.scalar(k);
      if (key === UNSURE) return UNSURE;
      // js-yaml stores a key that is no string by its String() (`1: one` is the key "1").
      if (String(key) === name) return [k, kids[at[n] + j + 1]];
    }
    return null;
  }

  /** The child of `node` at path segment `seg`, as [its key node (-1 in a list), its node]; null: none there. */
  private step(node: number, seg: Path[number]): [number, number] | null | typeof UNSURE {
    const kind = this.kinds[node];
    if (kind === MAP) return this.entry(node, String(seg));
    if (kind === SEQ && typeof seg === 'number' && seg < this.len[node]) return [-1, this.kids[this.at[node] + seg]];
    return null;
  }

  /**
   * The offsets of `path` (its key or its value), falling back to the nearest ancestor that exists,
   * as `Locator.offsetsOf` finds them; `undefined` when a key on the way cannot be read for sure.
   */
  offsetsOf(path: Path, at: 'key' | 'value' = 'value'): [number, number] | undefined {
    let node = this.root;
    // The node whose offsets are the answer (-1: the document's start), worked out once found.
    let found = -1;
    for (let i = 0; i < path.length; i++) {
      const e = this.step(node, path[i]);
      if (e === UNSURE) return undefined;
      if (e === null) break;
      found = i === path.length - 1 && at === 'key' && e[0] !== -1 ? e[0] : e[1];
      node = e[1];
    }
    if (found === -1) {
      const s = this.start(this.root);
      return [s, s];
    }
    return [this.start(found), this.valueEnd(found)];
  }

  /**
   * What `subjectOf` (../subject.ts) reads of the values along `path`, and nothing more: the
   * document's `id` and `kind`, each collection on the path with its child on the path, and each
   * list entry on it whole if a scalar, else with its `id` and `text`. `undefined` when one of those
   * cannot be read for sure.
   */
  spine(path: Path): unknown {
    const root = this.partial(this.root, ['id', 'kind']);
    if (root === UNSURE) return undefined;
    let node = this.root;
    let value = root as Record<string, unknown> | unknown[];
    for (const seg of path) {
      const inList = this.kinds[node] === SEQ;
      const e = this.step(node, seg);
      if (e === UNSURE) return undefined;
      if (e === null) break;
      const child = e[1];
      const v = this.partial(child, inList ? ['id', 'text'] : []);
      if (v === UNSURE) return undefined;
      if (inList) (value as unknown[])[seg as number] = v;
      else setOwn(value as Record<string, unknown>, String(seg), v);
      if (v === null || typeof v !== 'object') break;
      node = child;
      value = v as Record<string, unknown> | unknown[];
    }
    return root;
  }

  /** A node as a value with only the scalar entries named in `keys` read (a scalar: itself). */
  private partial(n: number, keys: string[]): unknown {
    const kind = this.kinds[n];
    if (kind === SCALAR) return this.scalar(n);
    if (kind === SEQ) return [];
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const e = this.entry(n, key);
      if (e === UNSURE) return UNSURE;
      if (e === null || this.kinds[e[1]] !== SCALAR) continue;
      const v = this.scalar(e[1]);
      if (v === UNSURE) return UNSURE;
      setOwn(out, key, v);
    }
    return out;
  }
}

/** Whether `text` has a line break from `start` to `end` (a loop over those characters only). */
function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === LF) return true;
  return false;
}

/**
 * Whether a plain scalar starting with `c` is read as the string it is written as on one line: not a
 * quote or a block scalar, and not a character a null, a boolean or a number starts with
 * (./fast.ts `mayStartNonString`).
 */
function plainString(c: number): boolean {
  return c !== 0x22 && c !== 0x27 && c !== 0x7c && c !== 0x3e && !mayStartNonString(c);
}
