/** Reads a worksheet CSV (`gap --profile sheet.csv`): size-limited, UTF-8 with or without a BOM, RFC 4180. */
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DataError } from '../core/errors.js';
import type { WorksheetRecord } from '../core/worksheet.js';
import { displayPath, MAX_FILE_BYTES, writeFileAtomic } from './files.js';
import { refuseEmptyPath } from './atomic.js';

export const isWorksheetPath = (path: string) => /\.csv$/i.test(path);

/** The records of a CSV file with the line each starts on; unreadable files and CSV errors are a DataError. */
export async function readWorksheet(path: string, cwd: string): Promise<{ file: string; records: WorksheetRecord[] }> {
  const abs = resolve(cwd, path);
  let bytes: Buffer;
  try {
    const st = await fs.stat(abs);
    if (!st.isFile()) throw new DataError(`${path}: not a regular file; --profile takes a profile YAML or a worksheet CSV`);
    if (st.size > MAX_FILE_BYTES) throw new DataError(`${path}: file is over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit for a worksheet`);
    bytes = await fs.readFile(abs);
  } catch (e) {
    if (e instanceof DataError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataError(
      code === 'ENOENT'
        ? `${path}: no such file; write a worksheet with \`ladder worksheet <role> --out ${path}\``
        : `${path}: cannot read the worksheet (${code ?? (e as Error).message})`,
    );
  }
  const file = displayPath(abs, cwd);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DataError(`${file}: not UTF-8 text; save the worksheet as "CSV UTF-8"`);
  }
  let parsed: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    // Spreadsheets in locales with a decimal comma save CSV with semicolons: the header row tells.
    const header = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0];
    const delimiter = header.includes(';') && !header.includes(',') ? ';' : ',';
    parsed = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, delimiter }) as never;
  } catch (e) {
    const err = e as { message: string; lines?: number };
    throw new DataError(`${file}${err.lines ? `:${err.lines}` : ''}: not a readable CSV file (${err.message.replace(/^Invalid [^:]*: /, '')})`);
  }
  // csv-parse tells the line a record ends on; it starts after the previous one and any empty lines.
  const records: WorksheetRecord[] = [];
  let end = 0;
  let empty = 0;
  for (const p of parsed) {
    records.push({ cells: p.record, line: end + 1 + (p.info.empty_lines - empty) });
    end = p.info.lines;
    empty = p.info.empty_lines;
  }
  return { file, records };
}

/**
 * Writes a generated document (worksheet, packet) atomically. An existing file is kept unless
 * `force`: a filled-in worksheet must never be replaced by an empty one by accident.
 */
export async function writeOutput(path: string, text: string, cwd: string, force: boolean): Promise<void> {
  refuseEmptyPath(path);
  const abs = resolve(cwd, path);
  if (!force) {
    const there = await fs.lstat(abs).then(
      () => true,
      () => false,
    );
    if (there) throw new DataError(`${path}: already exists; pass --force to overwrite it (or choose another --out)`);
  }
  await writeFileAtomic(path, text, cwd);
}
