/** Chooses the data set (--data, LADDER_DATA, the bundled data/) and loads it. */
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, sep } from 'node:path';
import { readFileSync } from 'node:fs';
import {
  addToDataSet,
  emptyDataSet,
  loadFile,
  unreadableFile,
  locateFindings,
  releaseSource,
  releaseValues,
  type LoadedDataSet,
  type LoadedFile,
} from '../core/load.js';
import { compareFindings, type Finding } from '../core/findings.js';
import { findYamlFiles, readFiles } from './files.js';
import { loadSchemaSupport } from './schemas.js';
import { fromSnapshot, type Snapshot } from '../core/snapshot.js';
import type { SchemaSupport } from '../core/schema-errors.js';
import { pushAll } from '../core/arrays.js';

export const BUNDLED_DATA = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');
/** Written by `npm run build` (scripts/build-data-snapshot.js): the bundled data, parsed and checked. */
export const SNAPSHOT_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'data-snapshot.json');

let snapshots: Map<string, Snapshot> | null | undefined;
/** Snapshots of the bundled files by path relative to data/, or null when there are none (sources). */
function bundledSnapshots(): Map<string, Snapshot> | null {
  if (snapshots === undefined) {
    try {
      snapshots = new Map(Object.entries(JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as Record<string, Snapshot>));
    } catch {
      snapshots = null;
    }
  }
  return snapshots;
}

/** The snapshot of a bundled file whose text has not changed since the build, if any. */
function snapshotFor(abs: string, bytes: Uint8Array): Snapshot | undefined {
  const rel = relative(BUNDLED_DATA, abs);
  if (rel.startsWith('..') || !bundledSnapshots()) return undefined;
  const snap = bundledSnapshots()!.get(rel.split(sep).join('/'));
  if (!snap) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  return text === snap.text ? snap : undefined;
}

export function chooseDataDir(flag: string | undefined, env: Record<string, string | undefined>): string {
  return flag ?? (env.LADDER_DATA ? env.LADDER_DATA : BUNDLED_DATA);
}

export interface LoadResult {
  ds: LoadedDataSet;
  files: LoadedFile[];
  /** yaml-syntax and schema findings, positioned and sorted. */
  findings: Finding[];
  /** Directory-walk problems (broken links, unreadable directories): reported on stderr. */
  problems: string[];
}

/**
 * Loads every YAML file under `paths`. Throws DataError only for a path that does not exist.
 * `keepSources: false` releases each file's parsed values and positions as soon as it is in the data
 * set, for commands that only read the data set (`lint` keeps them, to locate its findings): at
 * 50,000 roles the peak memory of `show` drops by a fifth. `positions: 'later'` works out where
 * things were written only for files where something is located (see core/load.ts LoadOptions),
 * and lets go of each file's values once it is in the data set (core/load.ts `releaseValues`).
 */
export async function loadPaths(paths: string[], cwd: string, options: { keepSources?: boolean; positions?: 'now' | 'later' } = {}): Promise<LoadResult> {
  const { files: found, problems } = await findYamlFiles(paths, cwd);
  const read = readFiles(found);
  // The schemas are loaded only for files that are not answered by the build-time snapshot.
  let schemas: SchemaSupport | undefined;
  const files: LoadedFile[] = [];
  const findings: Finding[] = [];
  const ds = emptyDataSet();
  for (let i = 0; i < read.length; i++) {
    const r = read[i];
    let f: LoadedFile;
    if (r.error !== undefined) f = unreadableFile(r.file, r.error);
    else {
      const snap = snapshotFor(found[i].abs, r.bytes!);
      f = snap
        ? fromSnapshot(r.file, snap)
        : loadFile({ file: r.file, bytes: r.bytes }, (schemas ??= await loadSchemaSupport()), undefined, { positions: options.positions });
      r.bytes = undefined; // decoded: the bytes are not needed any more
    }
    files.push(f);
    pushAll(findings, locateFindings(f, f.findings));
    // Profiles are passed with --profile and are not part of a data set.
    if (f.kind !== 'profile') addToDataSet(ds, f);
    if (options.keepSources === false) releaseSource(f);
    else if (options.positions === 'later') releaseValues(f);
  }
  findings.sort(compareFindings);
  return { ds, files, findings, problems };
}
