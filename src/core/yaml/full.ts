/**
 * The full YAML pipeline: `yaml`'s `parseAllDocuments`, then our own walk of the document (not
 * `toJS`), so that every container remembers where its keys and entries were written, keys such as
 * `__proto__` stay plain own properties (no prototype pollution), aliases are bounded by the total
 * size they expand to (no "billion laughs"), and every duplicate key is reported. Used for whatever
 * the fast path (./fast.ts) leaves, and it explains every syntax error.
 */
import type { Document, Node as YamlNode } from 'yaml';
import { namesToKeep, setOwn, type ContainerOffsets } from './positions.js';
import type { SyntaxProblem } from './parse.js';

type Yaml = typeof import('yaml');

/** Nodes that aliases may expand to, in all, before a file is refused. */
export const MAX_ALIAS_EXPANSION = 10_000;
/** Deepest nesting of mappings and sequences accepted. */
export const MAX_DEPTH = 64;

export interface FullResult {
  value: unknown;
  offsets: Map<object, ContainerOffsets>;
  pool: Int32Array | undefined;
  syntax: SyntaxProblem[];
}

export function parseFull(yaml: Yaml, text: string): FullResult {
  const offsets = new Map<object, ContainerOffsets>();
  const syntax: SyntaxProblem[] = [];
  let value: unknown = null;
  let pool: Int32Array | undefined;
  let docs: Document.Parsed[];
  try {
    // uniqueKeys is off: yaml checks each key against all earlier ones (quadratic on a 10,000-role map);
    // the walk below detects duplicates with a hash lookup instead.
    const parsed = yaml.parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false, resolveKnownTags: false });
    docs = Array.isArray(parsed) ? parsed : [];
  } catch (e) {
    // The parser recursed too deep (10,000 nested flow collections) or similar.
    syntax.push(
      e instanceof RangeError
        ? { start: 0, end: 0, messageId: 'tooDeep', data: { max: MAX_DEPTH } }
        : { start: 0, end: 0, messageId: 'cannotParse', data: { detail: (e as Error).message } },
    );
    return { value, offsets, pool, syntax };
  }
  if (docs.length > 1) {
    const start = docs[1].range[0];
    syntax.push({ start, end: start, messageId: 'multipleDocuments' });
  }
  const doc = docs[0];
  if (doc) {
    for (const err of [...doc.errors, ...doc.warnings]) syntax.push(describeYamlError(yaml, text, err.code, err.message, err.pos));
    if (doc.errors.length === 0) {
      const walker = new Walker(yaml, doc, offsets, syntax);
      try {
        value = walker.convert(doc.contents, 0);
        pool = Int32Array.from(walker.pool);
      } catch (e) {
        if (!(e instanceof WalkError)) throw e;
        syntax.push({ start: e.start, end: e.start, messageId: e.messageId, data: e.data });
        value = null;
      }
    }
  }
  return { value, offsets, pool, syntax };
}

/** yaml's error, as one of our messages, with a hint where the usual cause is known. */
function describeYamlError(yaml: Yaml, text: string, code: string, message: string, pos: [number, number]): SyntaxProblem {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const [start, end] = pos;
  if (/Maximum call stack size exceeded/.test(first)) return { start, end, messageId: 'tooDeep', data: { max: MAX_DEPTH } };
  switch (code) {
    case 'DUPLICATE_KEY':
      return { start, end, messageId: 'duplicateKeyAnonymous' };
    case 'TAB_AS_INDENT':
      return { start, end, messageId: 'tab' };
    case 'TAG_RESOLVE_FAILED':
      return { start, end, messageId: 'customTag', data: { detail: first } };
    case 'BLOCK_AS_IMPLICIT_KEY': {
      // `title: Eng: the best`: a plain value with `: ` in it reads as a second key.
      const lineStart = text.lastIndexOf('\n', start - 1) + 1;
      const m = /^( *(?:- +)?)([^\s:#][^:]*?): +(\S.*)$/.exec(
        text.slice(lineStart, text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start)),
      );
      if (m && m[3].includes(': ')) return { start: lineStart + m[1].length + m[2].length + 2, end, messageId: 'colonInValue', data: { key: m[2] } };
      break;
    }
    case 'MISSING_CHAR':
      if (/quote/.test(first)) {
        const open = unclosedQuote(yaml, text);
        if (open !== -1) return { start: open, end: open + 1, messageId: 'unterminatedQuote', data: { quote: text[open] } };
      }
      break;
  }
  return { start, end, messageId: 'parser', data: { detail: first } };
}

/** The offset of the opening quote of a quoted scalar that is never closed, or -1. */
function unclosedQuote(yaml: Yaml, text: string): number {
  let offset = 0;
  for (const lexeme of new yaml.Lexer().lex(text)) {
    const c = lexeme.charCodeAt(0);
    if (lexeme.length === 1 && (c === 0x02 || c === 0x18 || c === 0x1f)) continue; // control tokens take no text
    if ((c === 0x22 || c === 0x27) && !closes(lexeme)) return offset;
    offset += lexeme.length;
  }
  return -1;
}

function closes(quoted: string): boolean {
  const q = quoted[0];
  if (quoted.length < 2 || quoted[quoted.length - 1] !== q) return false;
  if (q === "'") return true;
  let backslashes = 0;
  for (let i = quoted.length - 2; i > 0 && quoted[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

class WalkError extends Error {
  constructor(
    readonly messageId: string,
    readonly start: number,
    readonly data?: Record<string, string | number>,
  ) {
    super(messageId);
  }
}

class Walker {
  private readonly done = new Map<YamlNode, unknown>();
  private readonly sizes = new Map<YamlNode, number>();
  private expanded = 0;
  /**
   * Offsets of every container's children, written when the container is done (children before
   * their parent, as the fast path writes them; see ContainerOffsets).
   */
  readonly pool: number[] = [];

  constructor(
    private readonly yaml: Yaml,
    private readonly doc: Document.Parsed,
    private readonly offsets: Map<object, ContainerOffsets>,
    private readonly syntax: SyntaxProblem[],
  ) {}

  convert(node: YamlNode | null, depth: number): unknown {
    if (node === null || node === undefined) return null;
    const y = this.yaml;
    if (depth > MAX_DEPTH) throw new WalkError('nestingDeeper', node.range?.[0] ?? 0, { max: MAX_DEPTH });
    let out: unknown;
    if (y.isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target) throw new WalkError('unknownAlias', node.range?.[0] ?? 0, { alias: node.source });
      this.expanded += this.sizeOf(target);
      if (this.expanded > MAX_ALIAS_EXPANSION) throw new WalkError('aliasExpansion', node.range?.[0] ?? 0, { max: MAX_ALIAS_EXPANSION });
      return this.done.has(target) ? this.done.get(target) : null;
    } else if (y.isScalar(node)) {
      const v = node.value;
      out = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(v);
    } else if (y.isMap(node)) {
      const obj: Record<string, unknown> = {};
      const names: string[] = [];
      const kids: number[] = [];
      const [start] = node.range ?? [0, 0, 0];
      for (const pair of node.items) {
        const k = pair.key as YamlNode | null;
        const keyValue = k === null ? null : y.isScalar(k) ? k.value : undefined;
        if (keyValue === undefined || (keyValue !== null && typeof keyValue === 'object')) throw new WalkError('keyNotString', k?.range?.[0] ?? start);
        const key = String(keyValue);
        const kr = k?.range ?? [start, start, start];
        if (Object.prototype.hasOwnProperty.call(obj, key)) {
          // Every repeated key is reported; the first one stays.
          this.syntax.push({ start: kr[0], end: kr[1], messageId: 'duplicateKey', data: { key } });
          continue;
        }
        const v = pair.value as YamlNode | null;
        const vr = v?.range;
        names.push(key);
        kids.push(kr[0], kr[1], vr ? vr[0] : -1, vr ? vr[1] : -1);
        setOwn(obj, key, this.convert(v, depth + 1));
      }
      this.offsets.set(obj, { start, at: this.write(kids), len: names.length, names: namesToKeep(names) });
      out = obj;
    } else if (y.isSeq(node)) {
      const arr: unknown[] = [];
      const kids: number[] = [];
      const [start] = node.range ?? [0, 0, 0];
      for (const item of node.items) {
        const n = item as YamlNode | null;
        const r = n?.range ?? [start, start, start];
        kids.push(r[0], r[1]);
        arr.push(this.convert(n, depth + 1));
      }
      this.offsets.set(arr, { start, at: this.write(kids), len: arr.length });
      out = arr;
    } else {
      out = null;
    }
    // Only anchored nodes can be the target of an alias; remembering every node cost memory for nothing.
    if ((node as { anchor?: string }).anchor !== undefined) this.done.set(node, out);
    return out;
  }

  private write(kids: number[]): number {
    const at = this.pool.length;
    for (let i = 0; i < kids.length; i++) this.pool.push(kids[i]);
    return at;
  }

  /** Number of nodes a subtree expands to (aliases counted by what they stand for), memoised. */
  private sizeOf(node: YamlNode): number {
    const known = this.sizes.get(node);
    if (known !== undefined) return known;
    const y = this.yaml;
    this.sizes.set(node, Infinity); // an alias to an ancestor would expand forever
    let size = 1;
    if (y.isAlias(node)) {
      const t = node.resolve(this.doc);
      size = t ? this.sizeOf(t) : 1;
    } else if (y.isMap(node)) {
      for (const p of node.items) size += 1 + (p.value ? this.sizeOf(p.value as YamlNode) : 0);
    } else if (y.isSeq(node)) {
      for (const i of node.items) size += this.sizeOf(i as YamlNode);
    }
    this.sizes.set(node, size);
    return size;
  }
}
