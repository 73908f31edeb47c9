/** Reads and validates a `--profile` file (SPEC §1.3). */
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { DataError } from '../core/errors.js';
import { loadFile, locateFindings, locateOne, type LoadedFile } from '../core/load.js';
import type { Finding, RawFinding } from '../core/findings.js';
import { PROFILE_MESSAGES, profileFromValue, type Profile } from '../core/gap/profile.js';
import { displayPath, MAX_FILE_BYTES } from './files.js';
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
    const st = await fs.stat(abs);
    if (st.isDirectory()) throw new DataError(`${path}: is a directory; --profile takes a YAML file with \`kind: profile\``);
    // A FIFO or a device would block or never end: only regular files are read.
    if (!st.isFile()) throw new DataError(`${path}: not a regular file (a FIFO, device or socket?); --profile takes a YAML file with \`kind: profile\``);
    if (st.size > MAX_FILE_BYTES) throw new DataError(`${path}: file is over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit for a profile`);
    bytes = await fs.readFile(abs);
  } catch (e) {
    if (e instanceof DataError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataError(code === 'ENOENT' ? `${path}: no such file; --profile takes a YAML file with \`kind: profile\`` : `${path}: cannot read the profile (${code ?? (e as Error).message})`);
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
