import Papa from 'papaparse';
import { memberColumnLabels } from '../../../shared/club/column-labels';
import { memberCell, memberColumnKinds, type MemberColumnId } from '../../../shared/club/columns';
import type { MemberRow } from '../../../shared/schemas/club';
import type { Locale } from '../../../shared/schemas/settings';
import { germanDate, isLabelKind, valueLabel } from './values';

/**
 * The two CSV dialects of the member export. "Excel (Deutsch)" is what German
 * Excel opens with a double click: UTF-8 with BOM (else umlauts break),
 * semicolons, decimal commas, headers and values as people read them. The
 * standard dialect is RFC 4180 for other programs: column ids, ISO dates,
 * decimal dots, codes, the data unchanged.
 */

const BOM = '\uFEFF';
const encoder = new TextEncoder();

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, or a leading tab
 * or CR that it skips) gets a leading apostrophe. Only text the user typed:
 * numbers and dates we write ourselves stay as they are.
 */
const neutralised = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const euros = (cents: number) => (cents / 100).toFixed(2);

function excelValue(row: MemberRow, column: MemberColumnId, locale: Locale): string {
  const value = memberCell(row, column);
  const kind = memberColumnKinds[column];
  if (isLabelKind(kind)) return valueLabel(kind, value, locale);
  if (value === undefined) return '';
  switch (kind) {
    case 'date':
    case 'birthday':
      return germanDate(String(value));
    case 'money':
      return euros(Number(value)).replace('.', ',');
    case 'integer':
      return String(value);
    default:
      return neutralised(String(value));
  }
}

function standardValue(row: MemberRow, column: MemberColumnId): string {
  const value = memberCell(row, column);
  if (value === undefined) return '';
  return memberColumnKinds[column] === 'money' ? euros(Number(value)) : String(value);
}

function csv(fields: string[], data: string[][], delimiter: string): string {
  // Papa ends the last record without a line break; spreadsheets and line-based tools expect one.
  return `${Papa.unparse({ fields, data }, { delimiter, newline: '\r\n' })}\r\n`;
}

export function excelCsv(rows: readonly MemberRow[], columns: readonly MemberColumnId[], locale: Locale): Uint8Array {
  const header = columns.map((column) => memberColumnLabels[locale][column]);
  const data = rows.map((row) => columns.map((column) => excelValue(row, column, locale)));
  return encoder.encode(BOM + csv(header, data, ';'));
}

export function standardCsv(rows: readonly MemberRow[], columns: readonly MemberColumnId[]): Uint8Array {
  return encoder.encode(csv([...columns], rows.map((row) => columns.map((column) => standardValue(row, column))), ','));
}
