/** Reads standard input for `-` (`lint -`, `gap --profile -`), with the same size limit as a file. */
import { DataError } from '../core/errors.js';
import { MAX_FILE_BYTES } from './files.js';

/** The name findings and messages give to standard input. */
export const STDIN_NAME = '<stdin>';

export async function readStream(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += b.length;
    if (size > MAX_FILE_BYTES) throw new DataError(`${STDIN_NAME}: over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit for one ladder file`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}
