/** Chooses the data set (--data, LADDER_DATA, the bundled data/) and loads it. */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { buildDataSet, loadFile, locateFindings, type LoadedDataSet, type LoadedFile } from '../core/load.js';
import { compareFindings, type Finding } from '../core/findings.js';
import { LineIndex, Locator } from '../core/source.js';
import { findYamlFiles, readFiles } from './files.js';
import { loadSchemaSupport } from './schemas.js';

export const BUNDLED_DATA = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');

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
  const [{ files: found, problems }, schemas] = await Promise.all([findYamlFiles(paths, cwd), loadSchemaSupport()]);
  const read = await readFiles(found);
  const files = read.map((r) => (r.error !== undefined ? unreadable(r.file, r.error) : loadFile({ file: r.file, bytes: r.bytes }, schemas)));
  const findings: Finding[] = [];
  for (const f of files) findings.push(...locateFindings(f, f.findings));
  findings.sort(compareFindings);
  // Profiles are passed with --profile and are not part of a data set.
  const ds = buildDataSet(files.filter((f) => f.kind !== 'profile'));
  return { ds, files, findings, problems };
}
