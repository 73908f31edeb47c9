/**
 * Loads the two versions `changes` compares. Each version's files go through the same loader as a
 * data set read from disk (`loadFile`), under the names they are shown with (`HEAD~1:data/x.yaml`),
 * so findings are positioned in that version. A file whose text is the same in both versions is
 * parsed and schema-checked once: most files of a data set do not change between two versions.
 */
import { addToDataSet, emptyDataSet, loadFile, unreadableFile, locateFindings, releaseSource, type LoadedDataSet, type LoadedFile } from '../load.js';
import { compareFindings, type Finding } from '../findings.js';
import type { SchemaSupport } from '../schema-errors.js';
import { pushAll } from '../arrays.js';

/** One file of a version: its shown name and its text, or why it could not be read. */
export interface VersionFile {
  file: string;
  bytes?: Uint8Array;
  /** Set when the file could not be read (size limit, permissions, a symbolic link in a revision). */
  error?: string;
}

export interface LoadedVersion {
  ds: LoadedDataSet;
  /** yaml-syntax and schema findings of this version, positioned and sorted. */
  findings: Finding[];
  /**
   * Set on the newer version: its files whose bytes are those of a file of the older version (name
   * here → name there). `computeChanges` takes it as `sameFiles` to skip roles that cannot have changed.
   */
  unchanged?: Map<string, string>;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** Loads both versions; a file unchanged between them is parsed once and shown under each name. */
export function loadVersions(from: VersionFile[], to: VersionFile[], schemas: SchemaSupport): [LoadedVersion, LoadedVersion] {
  // Files of the first version by content length: a cheap first filter before comparing bytes.
  const parsed = new Map<number, { bytes: Uint8Array; loaded: LoadedFile }[]>();
  const unchanged = new Map<string, string>();
  const load = (f: VersionFile, share: boolean): LoadedFile => {
    if (f.error !== undefined || !f.bytes) return unreadableFile(f.file, f.error ?? 'cannot read the file');
    const bytes = f.bytes;
    if (share) {
      const hit = parsed.get(bytes.length)?.find((p) => sameBytes(p.bytes, bytes));
      // Only a clean file is shared: its findings (none) cannot name the other version.
      if (hit && hit.loaded.valid && hit.loaded.findings.length === 0 && hit.loaded.syntax.length === 0) {
        unchanged.set(f.file, hit.loaded.file);
        return { ...hit.loaded, file: f.file };
      }
      return loadFile({ file: f.file, bytes }, schemas);
    }
    const loaded = loadFile({ file: f.file, bytes }, schemas);
    const list = parsed.get(bytes.length);
    if (list) list.push({ bytes, loaded });
    else parsed.set(bytes.length, [{ bytes, loaded }]);
    return loaded;
  };
  const build = (files: VersionFile[], share: boolean): { version: LoadedVersion; loaded: LoadedFile[] } => {
    const ds = emptyDataSet();
    const findings: Finding[] = [];
    const loaded: LoadedFile[] = [];
    for (const f of files) {
      const l = load(f, share);
      loaded.push(l);
      pushAll(findings, locateFindings(l, l.findings));
      // Profiles are passed with --profile and are not part of a data set.
      if (l.kind !== 'profile') addToDataSet(ds, l);
    }
    findings.sort(compareFindings);
    return { version: { ds, findings }, loaded };
  };
  const a = build(from, false);
  const b = build(to, true);
  // The data sets keep their own copy of everything; the parsed trees can go.
  for (const l of [...a.loaded, ...b.loaded]) releaseSource(l);
  return [a.version, { ...b.version, unchanged }];
}
