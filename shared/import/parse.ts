import type { ImportInput } from '../schemas/import';
import { parseCsv } from './csv';
import { decodeText } from './decode';
import { resolveColumns, type Column } from './presets';
import { recordFromCells, toImportRow, type ImportRow } from './rows';
import { parseVcards } from './vcard';

export interface ParsedFile {
  format: 'csv' | 'vcard';
  encoding: string;
  delimiter?: string;
  preset?: string;
  columns: Column[];
  rows: ImportRow[];
  /** Lines that are not a row at all (broken quotes, wrong column count, stray vCard lines). */
  errors: { line: number; reason: string }[];
}

const isVcard = (fileName: string, text: string) => /\.(vcf|vcard)$/i.test(fileName) || /^\s*BEGIN:VCARD/i.test(text);

/** A contact file's bytes to checked rows; pure, so the renderer could run it too. */
export function parseImportFile(fileName: string, bytes: Uint8Array, mapping?: ImportInput['mapping']): ParsedFile {
  const { text, encoding } = decodeText(bytes);
  if (isVcard(fileName, text)) {
    const { records, errors } = parseVcards(text);
    // vCard dates are ISO; "dmy" only matters for slashed dates, which vCards do not write.
    return { format: 'vcard', encoding, columns: [], rows: records.map((record) => toImportRow(record, { fileName, dateOrder: 'dmy' })), errors };
  }
  const table = parseCsv(text);
  const { preset, dateOrder, columns } = resolveColumns(table.header, mapping);
  const rows = table.rows.map((row) => toImportRow(recordFromCells(columns, row.line, row.cells), { fileName, dateOrder }));
  return { format: 'csv', encoding, delimiter: table.delimiter, preset, columns, rows, errors: table.errors };
}
