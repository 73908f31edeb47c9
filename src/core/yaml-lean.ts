/**
 * The fast path of YAML loading: one pass over `yaml`'s CST (its `Parser` tokens) straight to plain
 * data and source offsets, without composing a `Document` of node objects that would be thrown away.
 *
 * It accepts only the plain subset that ladder files are written in (block mappings with one-line
 * scalar keys, block sequences, one-line flow sequences and mappings of scalars, plain/quoted/block
 * scalars, comments) and only when the text is free of errors. Anything else (a tab, a CR, a BOM,
 * anchors, aliases, tags, explicit keys, empty values, several documents, a duplicate key, any error)
 * returns `undefined`, and the caller composes the file with `yaml`'s full pipeline, which
 * also explains the error. On what it accepts, it produces exactly what that pipeline produces: the
 * same values (scalars are decoded by `yaml`'s own `CST.resolveAsScalar` and core-schema tags), the
 * same offsets and the same order of the offset pool; test/core/yaml-lean.test.ts checks this
 * against the full pipeline on the bundled data, generated data sets, the imported corpus and fuzzed
 * variants.
 */
import { namesToKeep, setOwn, type ContainerOffsets } from './source.js';

type Yaml = typeof import('yaml');

/** A CST token, as much of it as this pass reads. */
interface Token {
  type: string;
  offset: number;
  indent: number;
  source: string;
  end?: Token[];
}
interface CollItem {
  start: Token[];
  explicitKey?: true;
  key?: Token | null;
  sep?: Token[];
  value?: Token;
}
interface CollToken extends Token {
  items: CollItem[];
  start: Token;
  end: Token[];
}
interface DocToken extends Token {
  start: Token[];
  value?: Token;
  end?: Token[];
}
interface ScalarTag {
  default?: boolean | 'key';
  test?: RegExp;
  resolve: (value: string, onError: (msg: string) => void, options: object) => unknown;
}

export interface LeanResult {
  value: unknown;
  offsets: WeakMap<object, ContainerOffsets>;
  pool: Int32Array;
}

/** Thrown (once per unsupported file, never per node) to leave the fast path. */
const BAIL = new Error('not in the subset of the fast path');

interface Tags {
  values: ScalarTag[];
  keys: ScalarTag[];
  options: object;
}
/** The core schema's scalar tags, per instance of the `yaml` module (tests load its ESM build too). */
const tagsOf = new WeakMap<Yaml, Tags>();

/** Parses `text` with `yaml`'s CST parser and composes it; `undefined` when the full pipeline must. */
export function parseLean(yaml: Yaml, text: string, maxDepth: number): LeanResult | undefined {
  if (text.indexOf('\t') !== -1 || text.indexOf('\r') !== -1 || text.charCodeAt(0) === 0xfeff) return undefined;
  let tags = tagsOf.get(yaml);
  if (!tags) {
    // The same schema the composer builds for a document (core schema, our parse options).
    const doc = new yaml.Document(undefined, { uniqueKeys: false, resolveKnownTags: false });
    const scalars = (doc.schema as unknown as { tags: ScalarTag[] }).tags.filter((t) => t.test && (t as { collection?: string }).collection === undefined);
    tags = { values: scalars.filter((t) => t.default === true), keys: scalars.filter((t) => t.default === true || t.default === 'key'), options: doc.options };
    tagsOf.set(yaml, tags);
  }
  try {
    let doc: DocToken | undefined;
    for (const token of new yaml.Parser().parse(text) as Iterable<Token>) {
      switch (token.type) {
        case 'document':
          if (doc) return undefined;
          doc = token as DocToken;
          break;
        case 'comment':
        case 'newline':
        case 'space':
          break;
        default:
          return undefined;
      }
    }
    if (!doc || doc.value?.type !== 'block-map') return undefined;
    return new LeanComposer(yaml, tags, maxDepth).document(doc);
  } catch (e) {
    if (e === BAIL || e instanceof RangeError) return undefined;
    throw e;
  }
}

class LeanComposer {
  readonly offsets = new WeakMap<object, ContainerOffsets>();
  private pool = new Int32Array(256);
  private used = 0;
  /** Range of the node composed last: [start, value end, node end (after trailing comments)]. */
  private r0 = 0;
  private r1 = 0;
  private r2 = 0;
  /** Result of `props()`: where the tokens end, the indicator found, whether a newline was seen. */
  private propsEnd = 0;
  private propsFound: Token | null = null;
  private propsNewline = false;

  constructor(
    private readonly yaml: Yaml,
    private readonly tags: Tags,
    private readonly maxDepth: number,
  ) {}

  document(doc: DocToken): LeanResult {
    this.props(doc.start, 'doc-start', true, doc.offset);
    const marker = this.propsFound;
    // `--- key: value` (a block collection on the marker's line) is an error: leave it to the full pipeline.
    if (marker && !doc.start.some((t) => t.type === 'newline' && t.offset > marker.offset)) throw BAIL;
    const value = this.node(doc.value!, 0);
    this.end(doc.end, this.r2, false); // only checks what follows the document's content
    return { value, offsets: this.offsets, pool: this.pool.slice(0, this.used) };
  }

  private reserve(n: number): number {
    const at = this.used;
    if (at + n > this.pool.length) {
      const grown = new Int32Array(Math.max(this.pool.length * 2, at + n));
      grown.set(this.pool);
      this.pool = grown;
    }
    this.pool.fill(-1, at, at + n);
    this.used = at + n;
    return at;
  }

  private node(token: Token, depth: number): unknown {
    if (depth > this.maxDepth) throw BAIL;
    switch (token.type) {
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        return this.scalar(token, false);
      case 'block-map':
        return this.blockMap(token as CollToken, depth);
      case 'block-seq':
        return this.blockSeq(token as CollToken, depth);
      case 'flow-collection':
        return this.flow(token as CollToken, depth);
      default:
        throw BAIL; // alias, error
    }
  }

  private scalar(token: Token, atKey: boolean): unknown {
    const fail = () => {
      throw BAIL;
    };
    const res = this.yaml.CST.resolveAsScalar(token as never, true, fail);
    if (!res) throw BAIL;
    [this.r0, this.r1, this.r2] = res.range;
    if (token.type !== 'scalar') return own(res.value); // quoted and block scalars are strings
    for (const tag of atKey ? this.tags.keys : this.tags.values) {
      if (tag.test!.test(res.value)) {
        let v = tag.resolve(res.value, fail, this.tags.options);
        if (this.yaml.isScalar(v)) v = v.value; // floats come back wrapped
        return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(v);
      }
    }
    return own(res.value);
  }

  /**
   * What yaml's `resolveProps` makes of the tokens before a node, for tokens without anchors or tags:
   * sets propsEnd/propsFound/propsNewline, and leaves the fast path wherever it would report an error.
   */
  private props(tokens: Token[], indicator: string, startOnNewline: boolean, offset: number): void {
    let hasSpace = startOnNewline;
    let found: Token | null = null;
    let newline = false;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      switch (t.type) {
        case 'space':
          hasSpace = true;
          break;
        case 'comment':
          if (!hasSpace) throw BAIL;
          break;
        case 'newline':
          newline = true;
          hasSpace = true;
          break;
        default:
          if (t.type !== indicator || found) throw BAIL;
          found = t;
          hasSpace = false;
      }
    }
    const last = tokens.length ? tokens[tokens.length - 1] : undefined;
    this.propsEnd = last ? last.offset + last.source.length : offset;
    this.propsFound = found;
    this.propsNewline = newline;
  }

  /** yaml's `resolveEnd`: the offset after the trailing spaces, comments and newlines of a node. */
  private end(tokens: Token[] | undefined, offset: number, reqSpace: boolean): number {
    if (!tokens) return offset;
    let hasSpace = false;
    for (const t of tokens) {
      if (t.type === 'space' || t.type === 'newline') hasSpace = true;
      else if (t.type !== 'comment' || (reqSpace && !hasSpace)) throw BAIL;
      offset += t.source.length;
    }
    return offset;
  }

  private blockMap(bm: CollToken, depth: number): Record<string, unknown> {
    const items = bm.items;
    let count = 0;
    for (let i = 0; i < items.length; i++) if (items[i].sep) count++;
    const obj: Record<string, unknown> = {};
    const names = new Array<string>(count);
    const at = this.reserve(4 * count);
    const info: ContainerOffsets = { start: bm.offset, end: 0, names, at, len: count };
    this.offsets.set(obj, info);
    let offset = bm.offset;
    let commentEnd: number | null = null;
    let n = 0;
    for (let i = 0; i < items.length; i++) {
      const { start, key, sep, value } = items[i];
      if (items[i].explicitKey) throw BAIL;
      this.props(start, 'explicit-key-ind', true, offset);
      const keyPropsEnd = this.propsEnd;
      if (!sep) {
        if (key) throw BAIL;
        commentEnd = keyPropsEnd; // comment lines after the last entry
        continue;
      }
      if (!key || !value || key.indent !== bm.indent) throw BAIL;
      if (!isFlowScalar(key) || hasNewline(key)) throw BAIL;
      const name = String(this.scalar(key, true));
      const k0 = this.r0;
      const k1 = this.r1;
      this.props(sep, 'map-value-ind', false, this.r2);
      const found = this.propsFound;
      if (!found || keyPropsEnd < found.offset - 1024) throw BAIL;
      if ((value.type === 'block-map' || value.type === 'block-seq') && !this.propsNewline) throw BAIL;
      if (Object.prototype.hasOwnProperty.call(obj, name)) throw BAIL; // the full pipeline names the duplicate
      const p = this.pool;
      names[n] = name;
      p[at + 4 * n] = k0;
      p[at + 4 * n + 1] = k1;
      const converted = this.node(value, depth + 1);
      // The pool may have grown (and been replaced) while composing the value.
      this.pool[at + 4 * n + 2] = this.r0;
      this.pool[at + 4 * n + 3] = this.r1;
      n++;
      offset = this.r2;
      setOwn(obj, name, converted);
    }
    if (commentEnd && commentEnd < offset) throw BAIL;
    info.names = namesToKeep(names);
    info.end = commentEnd ?? offset;
    this.r0 = bm.offset;
    this.r1 = offset;
    this.r2 = info.end;
    return obj;
  }

  private blockSeq(bs: CollToken, depth: number): unknown[] {
    const items = bs.items;
    let count = 0;
    for (let i = 0; i < items.length; i++) if (items[i].value) count++;
    const arr: unknown[] = [];
    const at = this.reserve(2 * count);
    const info: ContainerOffsets = { start: bs.offset, end: 0, at, len: count };
    this.offsets.set(arr, info);
    let offset = bs.offset;
    let commentEnd: number | null = null;
    for (let i = 0; i < items.length; i++) {
      const { start, value } = items[i];
      this.props(start, 'seq-item-ind', true, offset);
      if (!this.propsFound) {
        if (value) throw BAIL;
        commentEnd = this.propsEnd;
        continue;
      }
      if (!value) throw BAIL;
      const converted = this.node(value, depth + 1);
      this.pool[at + 2 * arr.length] = this.r0;
      this.pool[at + 2 * arr.length + 1] = this.r1;
      arr.push(converted);
      offset = this.r2;
    }
    info.end = commentEnd ?? offset;
    this.r0 = bs.offset;
    this.r1 = offset;
    this.r2 = info.end;
    return arr;
  }

  /** A flow collection on one line (`[a, "b"]`, `{all: [x, y]}`) of scalars and flow collections. */
  private flow(fc: CollToken, depth: number): unknown {
    const isMap = fc.start.source === '{';
    const items = fc.items;
    const out: Record<string, unknown> | unknown[] = isMap ? {} : [];
    const names = isMap ? new Array<string>(items.length) : undefined;
    const at = this.reserve((isMap ? 4 : 2) * items.length);
    const info: ContainerOffsets = { start: fc.offset, end: 0, names, at, len: items.length };
    this.offsets.set(out, info);
    for (let i = 0; i < items.length; i++) {
      const { start, key, sep, value } = items[i];
      let commas = 0;
      for (const t of start) {
        if (t.type === 'comma') commas++;
        else if (t.type !== 'space') throw BAIL;
      }
      if (commas !== (i === 0 ? 0 : 1) || !value) throw BAIL;
      if (!isMap) {
        if (key !== undefined || sep) throw BAIL;
        const converted = this.flowValue(value, depth + 1);
        this.pool[at + 2 * i] = this.r0;
        this.pool[at + 2 * i + 1] = this.r1;
        (out as unknown[]).push(converted);
        continue;
      }
      if (!key || !sep || !isFlowScalar(key) || hasNewline(key)) throw BAIL;
      const name = String(this.scalar(key, true));
      const k0 = this.r0;
      const k1 = this.r1;
      for (const t of sep) if (t.type === 'newline' || t.type === 'comment') throw BAIL;
      this.props(sep, 'map-value-ind', false, this.r2);
      if (!this.propsFound || Object.prototype.hasOwnProperty.call(out, name)) throw BAIL;
      names![i] = name;
      this.pool[at + 4 * i] = k0;
      this.pool[at + 4 * i + 1] = k1;
      const converted = this.flowValue(value, depth + 1);
      this.pool[at + 4 * i + 2] = this.r0;
      this.pool[at + 4 * i + 3] = this.r1;
      setOwn(out as Record<string, unknown>, name, converted);
    }
    if (names) info.names = namesToKeep(names);
    const [close, ...rest] = fc.end;
    if (close?.source !== (isMap ? '}' : ']')) throw BAIL;
    const closed = close.offset + 1;
    info.end = rest.length ? this.end(rest, closed, true) : closed;
    this.r0 = fc.offset;
    this.r1 = closed;
    this.r2 = info.end;
    return out;
  }

  private flowValue(value: Token, depth: number): unknown {
    if (depth > this.maxDepth) throw BAIL;
    if (value.type === 'flow-collection') return this.flow(value as CollToken, depth);
    if (!isFlowScalar(value) || hasNewline(value)) throw BAIL;
    return this.scalar(value, false);
  }
}

/**
 * A scalar's value is often a slice of the file's text (plain scalars, block scalars), and V8 keeps the
 * whole text alive for as long as any slice of it lives: a 9 KB file for one summary. Quoted scalars
 * are decoded a character at a time into chains of concatenations (about 20x their length until V8
 * flattens them). A flat copy owns its characters, so the texts can be freed once loaded (60 MB at
 * 50,000 roles).
 */
function own(s: string): string {
  if (s.length <= 12) return s; // V8 copies short substrings anyway
  const copy = s[0] + s.slice(1);
  copy.charCodeAt(0); // reading a character makes V8 store the concatenation as one flat copy
  return copy;
}

const isFlowScalar = (t: Token) => t.type === 'scalar' || t.type === 'single-quoted-scalar' || t.type === 'double-quoted-scalar';
/** A scalar written over several lines, or followed by a line break inside its collection. */
const hasNewline = (t: Token) => t.source.includes('\n') || t.end?.some((e) => e.type === 'newline') === true;
