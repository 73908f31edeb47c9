/** A data set directory on disk as one version for `changes`: the same walk and reads as every command. */
import type { VersionFile } from '../core/changes/load-version.js';
import { findYamlFiles, readFiles } from './files.js';

export async function readDirectoryVersion(dir: string, cwd: string): Promise<{ files: VersionFile[]; problems: string[] }> {
  const { files: found, problems } = await findYamlFiles([dir], cwd);
  const read = readFiles(found);
  return { files: read.map((r) => (r.error !== undefined ? { file: r.file, error: r.error } : { file: r.file, bytes: r.bytes })), problems };
}
