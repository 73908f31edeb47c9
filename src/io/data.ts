/** Chooses the data set (--data, LADDER_DATA, the bundled data/) and loads it. */
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, sep } from 'node:path';
import { readFileSync } from 'node:fs';
import { buildDataSet, loadFile, locateFindings, type LoadedDataSet, type LoadedFile } from '../core/load.js';
import { compareFindings, type Finding } from '../core/findings.js';
import { LineIndex, Locator } from '../core/source.js';
import { findYamlFiles, readFiles } from './files.js';
import { loadSchemaSupport } from './schemas.js';
import { fromSnapshot, type Snapshot } from '../core/snapshot.js';
import type { SchemaSupport } from '../core/schema-errors.js';

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

/** A file that could not be read, as a loaded file with one finding. */
function unreadable(file: string, message: string): LoadedFile {
  return {
    file,
    value: null,
    locator: new Locator(null, new WeakMap(), new LineIndex('')),
    syntax: [],
    kind: null,
    valid: false,
    findings: [{ ruleId: 'yaml-syntax', message, file, path: [] }],
  };
}

export interface LoadResult {
  ds: LoadedDataSet;
  files: LoadedFile[];
  /** yaml-syntax and schema findings, positioned and sorted. */
  findings: Finding[];
  /** Directory-walk problems (broken links, unreadable directories): reported on stderr. */
  problems: string[];
}

/** Loads every YAML file under `paths`. Throws DataError only for a path that does not exist. */
export async function loadPaths(paths: string[], cwd: string): Promise<LoadResult> {
  const { files: found, problems } = await findYamlFiles(paths, cwd);
  const read = await readFiles(found);
  // The schemas are loaded only for files that are not answered by the build-time snapshot.
  let schemas: SchemaSupport | undefined;
  const files: LoadedFile[] = [];
  for (let i = 0; i < read.length; i++) {
    const r = read[i];
    if (r.error !== undefined) {
      files.push(unreadable(r.file, r.error));
      continue;
    }
    const snap = snapshotFor(found[i].abs, r.bytes!);
    if (snap) files.push(fromSnapshot(r.file, snap));
    else files.push(loadFile({ file: r.file, bytes: r.bytes }, (schemas ??= await loadSchemaSupport())));
  }
  const findings: Finding[] = [];
  for (const f of files) findings.push(...locateFindings(f, f.findings));
  findings.sort(compareFindings);
  // Profiles are passed with --profile and are not part of a data set.
  const ds = buildDataSet(files.filter((f) => f.kind !== 'profile'));
  return { ds, files, findings, problems };
}
