/**
 * The worksheet as CSV (RFC 4180: fields quoted when needed, CRLF line ends, UTF-8 with a BOM so
 * spreadsheets read the accents right). Control characters other than line breaks are shown as
 * escapes (`\u001b`), as everywhere ladder prints data. A cell a spreadsheet would evaluate as a formula gets a
 * leading apostrophe (see prefixFormula) and is quoted. Pure: rows in, text out.
 */
import { stringify } from 'csv-stringify/sync';
import { WORKSHEET_COLUMNS, prefixFormula, type WorksheetRow } from '../core/worksheet.js';
import { printable } from './table.js';

export function worksheetCsv(rows: readonly WorksheetRow[]): string {
  const records = [[...WORKSHEET_COLUMNS], ...rows.map((r) => WORKSHEET_COLUMNS.map((c) => prefixFormula(printable(r[c]))))];
  return stringify(records, { bom: true, record_delimiter: 'windows', quoted_match: /^'|[\r\n]/ });
}
