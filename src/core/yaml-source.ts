/**
 * YAML text -> plain data + source offsets + `yaml-syntax` findings. Never throws on user input.
 *
 * The document is converted by our own walk (not `toJS`) so that every container remembers where its
 * keys and entries were written, keys such as `__proto__` stay plain own properties (no prototype
 * pollution), and aliases are bounded by the total size they expand to (no "billion laughs").
 */
import { createRequire } from 'node:module';
import type { Document, Node as YamlNode } from 'yaml';
import { LineIndex, Locator, namesToKeep, setOwn, type ContainerOffsets } from './source.js';
import { parseLean } from './yaml-lean.js';
import type { RawFinding } from './findings.js';

// yaml is loaded on first parse, not at import: a command answered from the bundled data's build-time
// snapshot (src/core/snapshot.ts) never needs it, and it is a third of the start-up time.
let yamlLib: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
const isAlias = (n: unknown) => yaml().isAlias(n);
const isMap = (n: unknown) => yaml().isMap(n);
const isScalar = (n: unknown) => yaml().isScalar(n);
const isSeq = (n: unknown) => yaml().isSeq(n);

/** Nodes that aliases may expand to, in all, before a file is refused. */
export const MAX_ALIAS_EXPANSION = 10_000;
/** Deepest nesting of mappings and sequences accepted. */
export const MAX_DEPTH = 64;

export interface ParsedSource {
  file: string;
  value: unknown;
  locator: Locator;
  findings: RawFinding[];
  /** Syntax problems found at offsets rather than paths: [start, end, message]. */
  syntax: { start: number; end: number; message: string }[];
  /**
   * `# ladder-disable-next-line <rule>[, <rule>…]` comments: suppressed 1-based line -> rule ids
   * (an empty list suppresses every rule on that line).
   */
  disabled?: Map<number, string[]>;
}

/** Decodes bytes as UTF-8; a NUL byte or an invalid sequence is reported, not thrown. */
export function decodeText(bytes: Uint8Array): { text: string } | { error: string; offset: number; prefix?: string } {
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { error: 'binary file (contains a NUL byte); expected YAML text', offset: 0 };
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
    return { error: 'invalid UTF-8 byte sequence; save the file as UTF-8', offset: text.length, prefix: text };
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
    const ids = rest.split('--')[0].split(',').map((s) => s.trim()).filter(Boolean);
    out ??= new Map();
    out.set(line + 1, [...(out.get(line + 1) ?? []), ...ids]);
  }
  return out;
}

/**
 * Parses one YAML file. `text` may start with a BOM. Files in the plain subset ladder files are
 * written in take the fast path (./yaml-lean.ts); the rest, and `{ lean: false }`, are composed by
 * `yaml`'s full pipeline and walked below. Both give the same result.
 */
export function parseYaml(file: string, text: string, options: { lean?: boolean } = {}): ParsedSource {
  const lines = new LineIndex(text);
  const disabled = scanDisableComments(text, lines);
  if (options.lean !== false) {
    const lean = parseLean(yaml(), text, MAX_DEPTH);
    if (lean) return { file, value: lean.value, locator: new Locator(lean.value, lean.offsets, lines, lean.pool), findings: [], syntax: [], disabled };
  }
  const offsets = new WeakMap<object, ContainerOffsets>();
  const syntax: ParsedSource['syntax'] = [];
  let value: unknown = null;
  let pool: Int32Array | undefined;

  let docs: Document.Parsed[];
  try {
    // uniqueKeys is off: yaml checks each key against all earlier ones (quadratic on a 10,000-role map);
    // the walk below detects duplicates with a Map instead.
    const parsed = yaml().parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false, resolveKnownTags: false });
    docs = Array.isArray(parsed) ? parsed : [];
  } catch (e) {
    // The parser recursed too deep (10,000 nested flow collections) or similar.
    syntax.push({ start: 0, end: 0, message: e instanceof RangeError ? TOO_DEEP : `cannot parse: ${(e as Error).message}` });
    return { file, value: null, locator: new Locator(null, offsets, lines), findings: [], syntax, disabled };
  }

  if (docs.length > 1) {
    const start = docs[1].range[0];
    syntax.push({ start, end: start, message: 'more than one YAML document in the file; put each family in its own file' });
  }
  const doc = docs[0];
  if (doc) {
    for (const err of [...doc.errors, ...doc.warnings]) {
      syntax.push({ start: err.pos[0], end: err.pos[1], message: describeYamlError(err.code, err.message) });
    }
    if (doc.errors.length === 0) {
      const walker = new Walker(doc, offsets);
      try {
        value = walker.convert(doc.contents as YamlNode | null, 0);
        pool = Int32Array.from(walker.pool);
      } catch (e) {
        if (!(e instanceof WalkError)) throw e;
        syntax.push({ start: e.start, end: e.start, message: e.message });
        value = null;
      }
    }
  }
  return { file, value, locator: new Locator(value, offsets, lines, pool), findings: [], syntax, disabled };
}

/** What the parser's stack overflow on 10,000 nested brackets means to a user. */
const TOO_DEEP = `nesting too deep to parse (ladder files nest at most ${MAX_DEPTH} levels)`;

function describeYamlError(code: string, message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (/Maximum call stack size exceeded/.test(first)) return TOO_DEEP;
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'duplicate key: a key may appear only once in a mapping';
    case 'TAB_AS_INDENT':
      return 'tab used for indentation; YAML indents with spaces';
    case 'TAG_RESOLVE_FAILED':
      return `${first} (custom tags are not supported)`;
    default:
      return first;
  }
}

class WalkError extends Error {
  constructor(
    message: string,
    readonly start: number,
  ) {
    super(message);
  }
}

class Walker {
  private readonly done = new Map<YamlNode, unknown>();
  private readonly sizes = new Map<YamlNode, number>();
  private expanded = 0;
  /** Offsets of every container's children, in walk order (see ContainerOffsets). */
  readonly pool: number[] = [];

  constructor(
    private readonly doc: Document.Parsed,
    private readonly offsets: WeakMap<object, ContainerOffsets>,
  ) {}

  convert(node: YamlNode | null, depth: number): unknown {
    if (node === null || node === undefined) return null;
    if (depth > MAX_DEPTH) throw new WalkError(`nesting deeper than ${MAX_DEPTH} levels`, node.range?.[0] ?? 0);
    let out: unknown;
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target) throw new WalkError(`unknown alias *${node.source}`, node.range?.[0] ?? 0);
      this.expanded += this.sizeOf(target);
      if (this.expanded > MAX_ALIAS_EXPANSION) {
        throw new WalkError(`aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes (a "billion laughs" file?)`, node.range?.[0] ?? 0);
      }
      return this.done.has(target) ? this.done.get(target) : null;
    } else if (isScalar(node)) {
      const v = node.value;
      out = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(v);
    } else if (isMap(node)) {
      const obj: Record<string, unknown> = {};
      const names: string[] = new Array<string>(node.items.length);
      const pool = this.pool;
      const at = pool.length;
      for (let i = 0; i < 4 * node.items.length; i++) pool.push(-1);
      let n = 0;
      const [start, , end] = node.range ?? [0, 0, 0];
      const info: ContainerOffsets = { start, end, names, at, len: node.items.length };
      this.offsets.set(obj, info);
      for (const pair of node.items) {
        const k = pair.key as YamlNode | null;
        const keyValue = k === null ? null : isScalar(k) ? k.value : undefined;
        if (keyValue !== null && typeof keyValue === 'object') {
          throw new WalkError('a mapping key must be a plain string', k?.range?.[0] ?? start);
        }
        if (keyValue === undefined) throw new WalkError('a mapping key must be a plain string', k?.range?.[0] ?? start);
        const key = String(keyValue);
        if (Object.prototype.hasOwnProperty.call(obj, key)) {
          throw new WalkError(`duplicate key \`${key}\`: a key may appear only once in a mapping`, k?.range?.[0] ?? start);
        }
        const v = pair.value as YamlNode | null;
        const kr = k?.range ?? [start, start, start];
        const vr = v?.range;
        names[n] = key;
        pool[at + 4 * n] = kr[0];
        pool[at + 4 * n + 1] = kr[1];
        pool[at + 4 * n + 2] = vr ? vr[0] : -1;
        pool[at + 4 * n + 3] = vr ? vr[1] : -1;
        n++;
        setOwn(obj, key, this.convert(v, depth + 1));
      }
      info.names = namesToKeep(names);
      out = obj;
    } else if (isSeq(node)) {
      const arr: unknown[] = [];
      const pool = this.pool;
      const at = pool.length;
      for (let i = 0; i < 2 * node.items.length; i++) pool.push(-1);
      const [start, , end] = node.range ?? [0, 0, 0];
      this.offsets.set(arr, { start, end, at, len: node.items.length });
      for (const item of node.items) {
        const n = item as YamlNode | null;
        const r = n?.range ?? [start, start, start];
        pool[at + arr.length * 2] = r[0];
        pool[at + arr.length * 2 + 1] = r[1];
        arr.push(this.convert(n, depth + 1));
      }
      out = arr;
    } else {
      out = null;
    }
    // Only anchored nodes can be the target of an alias; remembering every node cost memory for nothing.
    if ((node as { anchor?: string }).anchor !== undefined) this.done.set(node, out);
    return out;
  }

  /** Number of nodes a subtree expands to (aliases counted by what they stand for), memoised. */
  private sizeOf(node: YamlNode): number {
    const known = this.sizes.get(node);
    if (known !== undefined) return known;
    this.sizes.set(node, Infinity); // an alias to an ancestor would expand forever
    let size = 1;
    if (isAlias(node)) {
      const t = node.resolve(this.doc);
      size = t ? this.sizeOf(t) : 1;
    } else if (isMap(node)) {
      for (const p of node.items) size += 1 + (p.value ? this.sizeOf(p.value as YamlNode) : 0);
    } else if (isSeq(node)) {
      for (const i of node.items) size += this.sizeOf(i as YamlNode);
    }
    this.sizes.set(node, size);
    return size;
  }
}
