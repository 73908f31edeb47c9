/**
 * Snapshots of loaded files: the parsed value and the source offsets of every container, as JSON.
 * The bundled data set is snapshotted at build time; a command that reads it unchanged (its text is
 * compared in full) skips loading the YAML parser, parsing and schema validation.
 */
import { declarationsOf, type LoadedFile, type Kind } from './load.js';
import { LineIndex, Locator, isObject, scanDisableComments, type ContainerOffsets } from './yaml/index.js';

export interface Snapshot {
  text: string;
  kind: Kind;
  value: unknown;
  /** Offsets of every container, in the order `containers` visits them, and their shared pool. */
  offsets: Omit<ContainerOffsets, 'index'>[];
  pool: number[];
}

/** Containers of a value in pre-order: the node, then its children in key or index order. */
function containers(root: unknown, visit: (node: object) => void): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (!isObject(node)) continue;
    visit(node);
    const children = Array.isArray(node) ? node : Object.keys(node).map((k) => (node as Record<string, unknown>)[k]);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/** A snapshot of a file that loaded cleanly, or null when it cannot be one (findings, shared nodes). */
export function takeSnapshot(file: LoadedFile, text: string): Snapshot | null {
  if (!file.valid || file.kind === null || file.findings.length || file.syntax.length) return null;
  const offsets: Snapshot['offsets'] = [];
  const seen = new Set<object>();
  let ok = true;
  containers(file.value, (node) => {
    const info = file.locator.offsets.get(node);
    if (!info || seen.has(node)) ok = false; // aliases share nodes: not worth snapshotting
    seen.add(node);
    if (info) offsets.push({ start: info.start, names: info.names, at: info.at, len: info.len });
  });
  return ok ? { text, kind: file.kind, value: file.value, offsets, pool: Array.from(file.locator.pool) } : null;
}

/** The loaded file a snapshot stands for. The caller has checked that the text is unchanged. */
export function fromSnapshot(name: string, snap: Snapshot): LoadedFile {
  const map = new Map<object, ContainerOffsets>();
  let i = 0;
  containers(snap.value, (node) => {
    const o = snap.offsets[i++];
    if (o) map.set(node, { ...o });
  });
  const lines = new LineIndex(snap.text);
  // The fields in the order of every other loaded file (core/load.ts `loadedFile`): one shape for all.
  return {
    file: name,
    value: snap.value,
    locator: new Locator(snap.value, map, lines, Int32Array.from(snap.pool)),
    syntax: [],
    disabled: scanDisableComments(snap.text, lines),
    kind: snap.kind,
    declares: snap.kind === 'family' ? declarationsOf(snap.value) : null,
    valid: true,
    findings: [],
  };
}
