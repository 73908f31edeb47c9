/**
 * Source positions, and the one place where a path or an offset becomes a 1-based line and column
 * (`Locator.locate`, `LineIndex.range`). A loaded file keeps the offsets of every mapping key and value and of every
 * sequence entry, attached to the plain JS containers they produced; a path into the data is turned
 * into a 1-based line and column only when something needs it (a finding, an item's provenance).
 */
import type { Range } from '../findings.js';
import type { Path } from '../model.js';
import { lastAtOrBefore } from '../arrays.js';

/**
 * Offsets of one container's children, stored in the file's shared `pool` (one Int32Array per file:
 * per-container arrays of boxed numbers took twice the memory). For a map: [keyStart, keyEnd,
 * valueStart, valueEnd] of its i-th key in source order at pool[at + 4i..]. For a sequence: [start,
 * end] of entry i at pool[at + 2i..], `len` entries.
 */
export interface ContainerOffsets {
  /** Where the container starts (its first key, `-`, `[` or `{`). */
  start: number;
  /**
   * A map's key names in source order, kept only when the object's own key order differs from it
   * (JavaScript lists keys that look like array indices first); otherwise the object's keys are that
   * order, and an array of names per map cost 35 MB at 50,000 roles.
   */
  names?: string[];
  at: number;
  len: number;
  /** name -> index, built on first lookup in a large map (a family's `roles`). */
  index?: Map<string, number>;
}

function keyIndex(map: object, info: ContainerOffsets, name: string): number {
  if (info.len > 16) {
    if (!info.index) info.index = new Map((info.names ?? Object.keys(map)).slice(0, info.len).map((n, i) => [n, i]));
    return info.index.get(name) ?? -1;
  }
  if (info.names) return info.names.indexOf(name);
  let i = 0;
  for (const key in map) {
    if (i === info.len) break;
    if (key === name) return i;
    i++;
  }
  return -1;
}

const INDEX_LIKE = /^(?:0|[1-9][0-9]{0,9})$/;
/** Whether JavaScript would list this key before the others of its object (an array-index-like key). */
function keyMovesFirst(name: string): boolean {
  const c = name.charCodeAt(0);
  return c >= 48 && c <= 57 && INDEX_LIKE.test(name) && Number(name) < 4294967295;
}

/** What a map keeps of its key names (see ContainerOffsets.names): them only if JavaScript reorders them. */
export function namesToKeep(names: string[]): string[] | undefined {
  return names.some(keyMovesFirst) ? names : undefined;
}

/** Sets a parsed key as an ordinary own property: `__proto__` too, without touching the prototype. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty only there: it would slow every other object down.
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** Maps offsets to 1-based line/column. Built from the line starts of the text, once per file. */
export class LineIndex {
  /**
   * Offset of each line's first character (an Int32Array: half the memory of an array of numbers),
   * counted on first use: `lint` never asks for most files' lines.
   */
  #starts: Int32Array | undefined;
  #text: string | undefined;
  constructor(text: string) {
    this.#text = text;
  }
  private get starts(): Int32Array {
    if (this.#starts) return this.#starts;
    const text = this.#text!;
    let n = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
    const starts = new Int32Array(n);
    n = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1;
    this.#text = undefined;
    return (this.#starts = starts);
  }
  get lineCount(): number {
    return this.starts.length;
  }
  position(offset: number): { line: number; column: number } {
    const starts = this.starts;
    const line = lastAtOrBefore(starts, offset);
    return { line: line + 1, column: offset - starts[line] + 1 };
  }
  range(start: number, end: number): Range {
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}

/** What a Locator looks paths up in: a parsed tree and the offsets of its containers. */
export interface Positions {
  root: unknown;
  offsets: Map<object, ContainerOffsets>;
  pool: Int32Array;
}

/**
 * What a Locator whose positions are still to be worked out can answer from (./outline.ts): a path's
 * offsets, and the values `subjectOf` reads along it; `undefined` where it is not sure.
 */
export interface PathOutline {
  offsetsOf(path: Path, at: 'key' | 'value'): [number, number] | undefined;
  spine(path: Path): unknown;
}

/** Finds where a path of a loaded document was written. */
export class Locator {
  #root: unknown;
  #offsets: Map<object, ContainerOffsets>;
  #pool: Int32Array;
  #later: (() => Positions) | undefined;
  /** Made on first use; null once it could not be made. */
  #outline: (() => PathOutline | undefined) | PathOutline | null = null;

  constructor(
    root: unknown,
    offsets: Map<object, ContainerOffsets>,
    readonly lines: LineIndex,
    pool: Int32Array = new Int32Array(0),
  ) {
    this.#root = root;
    this.#offsets = offsets;
    this.#pool = pool;
  }

  /**
   * A Locator whose positions are worked out on first use (by parsing the text again, with positions):
   * for files whose paths are seldom located. With an `outline`, paths are located from it, and the
   * text is parsed again only for a path it is not sure of. It looks paths up in its own tree, so
   * `entryLine`, which takes a container of the loaded value, finds nothing in it; use `line` with a path.
   */
  static later(lines: LineIndex, positions: () => Positions, outline?: () => PathOutline | undefined): Locator {
    const l = new Locator(null, new Map(), lines);
    l.#later = positions;
    if (outline) l.#outline = outline;
    return l;
  }

  /** The outline, while the positions are still to be worked out and one can be made. */
  #outlined(): PathOutline | null {
    if (this.#later === undefined) return null;
    if (typeof this.#outline === 'function') this.#outline = this.#outline() ?? null;
    return this.#outline;
  }

  /**
   * The parsed values, for `subjectOf` (../subject.ts) to read along `path`: while the positions are
   * still to be worked out, only what it reads there, from the outline, where it can be read for sure.
   */
  valuesAlong(path: Path): unknown {
    const spine = this.#outlined()?.spine(path);
    return spine !== undefined ? spine : this.root;
  }

  /** Whether the positions are still to be worked out (see `later`). */
  get pending(): boolean {
    return this.#later !== undefined;
  }

  #resolve(): void {
    const later = this.#later;
    if (later === undefined) return;
    this.#later = undefined;
    const p = later();
    this.#root = p.root;
    this.#offsets = p.offsets;
    this.#pool = p.pool;
  }

  get root(): unknown {
    this.#resolve();
    return this.#root;
  }
  get offsets(): Map<object, ContainerOffsets> {
    this.#resolve();
    return this.#offsets;
  }
  get pool(): Int32Array {
    this.#resolve();
    return this.#pool;
  }

  /** Offsets of `path` (its key or its value); falls back to the nearest ancestor that exists. */
  offsetsOf(path: Path, at: 'key' | 'value' = 'value'): [number, number] {
    const outlined = this.#outlined()?.offsetsOf(path, at);
    if (outlined) return outlined;
    let node: unknown = this.root;
    let best: [number, number] = [0, 0];
    const rootOffsets = isObject(node) ? this.offsets.get(node) : undefined;
    if (rootOffsets) best = [rootOffsets.start, rootOffsets.start];
    for (let i = 0; i < path.length; i++) {
      if (!isObject(node)) break;
      const info = this.offsets.get(node);
      if (!info) break;
      const seg = path[i];
      const last = i === path.length - 1;
      const pool = this.pool;
      if (!Array.isArray(node)) {
        const ki = keyIndex(node, info, String(seg));
        if (ki === -1) break;
        const o = info.at + 4 * ki;
        best = last && at === 'key' ? [pool[o], pool[o + 1]] : pool[o + 2] === -1 ? [pool[o], pool[o + 1]] : [pool[o + 2], pool[o + 3]];
      } else if (typeof seg === 'number' && seg < info.len) {
        best = [pool[info.at + 2 * seg], pool[info.at + 2 * seg + 1]];
      } else break;
      node = (node as Record<string, unknown>)[seg as string];
    }
    return best;
  }

  locate(path: Path, at: 'key' | 'value' = 'value'): Range {
    const [start, end] = this.offsetsOf(path, at);
    const r = this.lines.range(start, end);
    // A block value (a folded summary, a list) ends where the next line starts: end the range after the
    // last character of the value's own last line instead, which editors and CI annotations show better.
    if (r.endColumn !== 1 || r.endLine <= r.line) return r;
    const last = this.lines.position(end - 1);
    return { ...r, endLine: last.line, endColumn: last.column };
  }

  /** The 1-based line of entry `i` of a loaded sequence (without walking a path to it), if located. */
  entryLine(seq: readonly unknown[], i: number): number | undefined {
    const info = this.offsets.get(seq);
    return info && i < info.len ? this.lines.position(this.pool[info.at + 2 * i]).line : undefined;
  }

  line(path: Path, at: 'key' | 'value' = 'value'): number {
    return this.lines.position(this.offsetsOf(path, at)[0]).line;
  }
}

export function isObject(v: unknown): v is object {
  return typeof v === 'object' && v !== null;
}
