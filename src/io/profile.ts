/** Reads and validates a `--profile` file (SPEC §1.3). */
import { resolve } from 'node:path';
import { DataError } from '../core/errors.js';
import { loadFile, locateFindings, locateOne, type LoadedFile } from '../core/load.js';
import type { Finding, RawFinding } from '../core/findings.js';
import { PROFILE_MESSAGES, profileFromValue, type Profile } from '../core/gap/profile.js';
import { displayPath } from './display.js';
import { MAX_FILE_BYTES, ReadError, readRegularFile } from './read.js';
import { loadSchemaSupport } from './schemas.js';

export interface ProfileFile {
  profile: Profile;
  loaded: LoadedFile;
}

/**
 * Reads a profile. A missing or unreadable file, YAML errors, a wrong `kind` or schema violations
 * (e.g. a misspelt key) are a DataError carrying the positioned findings (exit 2).
 */
export async function readProfile(path: string, cwd: string): Promise<ProfileFile> {
  const abs = resolve(cwd, path);
  let bytes: Uint8Array;
  try {
    bytes = await readRegularFile(abs, MAX_FILE_BYTES);
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    const what = '--profile takes a YAML file with `kind: profile`';
    if (e.reason === 'missing') throw new DataError(`${path}: no such file; ${what}`);
    if (e.reason === 'directory') throw new DataError(`${path}: is a directory; ${what}`);
    if (e.reason === 'not-regular') throw new DataError(`${path}: not a regular file (a FIFO, device or socket?); ${what}`);
    if (e.reason === 'too-large') throw new DataError(`${path}: file is over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit for a profile`);
    throw new DataError(`${path}: ${e.message}; ${what}`);
  }
  const file = displayPath(abs, cwd);
  const schemas = await loadSchemaSupport();
  const loaded = loadFile({ file, bytes }, schemas, 'profile');
  if (!loaded.valid) {
    const findings = locateFindings(loaded, loaded.findings);
    throw new DataError(`${file}: not a valid profile; fix the error${findings.length === 1 ? '' : 's'} above`, findings);
  }
  return { profile: profileFromValue(file, loaded.value), loaded };
}

/** Positions warnings reported as paths into the profile. */
export function locateProfileWarnings(p: ProfileFile, raw: RawFinding[]): Finding[] {
  return raw.map((r) => locateOne(p.loaded, r, 'warning', undefined, (rule, id) => PROFILE_MESSAGES[rule]?.[id]));
}
