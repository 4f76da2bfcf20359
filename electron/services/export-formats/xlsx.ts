import ExcelJS from 'exceljs';
import { memberColumnLabels } from '../../../shared/club/column-labels';
import { memberCell, memberColumnKinds, type CellValue, type MemberColumnId, type MemberColumnKind } from '../../../shared/club/columns';
import type { MemberRow } from '../../../shared/schemas/club';
import type { Locale, Settings } from '../../../shared/schemas/settings';
import { germanDate, isLabelKind, valueLabel } from './values';

/**
 * The member list as an Excel workbook: one sheet, a bold header that stays
 * in view and carries filter buttons, and cells of the right type so that
 * Excel neither drops leading zeros (postcode 01067, 0351 …) nor reads dates
 * and amounts as text. Number formats are stored in Excel's invariant form;
 * German Excel shows DD.MM.YYYY as TT.MM.JJJJ.
 */

const DATE_FORMAT = 'DD.MM.YYYY';
const TEXT_FORMAT = '@';
const currencySymbol: Record<Settings['currency'], string> = { EUR: '€', CHF: 'CHF' };

export interface WorkbookOptions {
  locale: Locale;
  currency: Settings['currency'];
  /** The club's name; the sheet is named after it. */
  clubName: string;
  now: Date;
}

/** Excel refuses sheet names with []:*?/\, longer than 31 characters or starting or ending with an apostrophe. */
export function sheetName(clubName: string, fallback: string): string {
  const name = [...clubName.replace(/[[\]:*?/\\\x00-\x1f]+/g, ' ').replace(/\s+/g, ' ')].slice(0, 31).join('').replace(/^['\s]+|['\s]+$/g, '');
  return name || fallback;
}

/** A full ISO date as Excel's date: the day at UTC midnight, which exceljs writes as a whole serial number. */
const dateCell = (iso: string) => new Date(`${iso}T00:00:00Z`);

function cellValue(kind: MemberColumnKind, value: CellValue, locale: Locale): ExcelJS.CellValue {
  if (isLabelKind(kind)) return valueLabel(kind, value, locale);
  if (value === undefined) return null;
  switch (kind) {
    case 'date':
      return dateCell(String(value));
    case 'birthday':
      // Without a year there is no date to store: "14.03." as text.
      return String(value).startsWith('--') ? germanDate(String(value)) : dateCell(String(value));
    case 'money':
      return Number(value) / 100;
    case 'integer':
      return Number(value);
    default:
      // A string is a string cell: exceljs writes formulas only from { formula } objects.
      return String(value);
  }
}

function numberFormat(kind: MemberColumnKind, currency: Settings['currency']): string | undefined {
  switch (kind) {
    case 'code':
      return TEXT_FORMAT;
    case 'date':
    case 'birthday':
      return DATE_FORMAT;
    case 'money':
      return `#,##0.00 "${currencySymbol[currency]}"`;
    case 'integer':
      return '0';
    default:
      return undefined;
  }
}

/** Wide enough for the longest entry (by its shown form), within reason. */
function columnWidth(header: string, values: ExcelJS.CellValue[]): number {
  const lengths = values.map((value) => (value instanceof Date ? DATE_FORMAT.length : typeof value === 'number' ? value.toFixed(2).length + 3 : String(value ?? '').length));
  return Math.min(50, Math.max(8, header.length, ...lengths) + 2);
}

export async function memberWorkbook(rows: readonly MemberRow[], columns: readonly MemberColumnId[], options: WorkbookOptions): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kundenkreis';
  workbook.created = options.now;
  const sheet = workbook.addWorksheet(sheetName(options.clubName, options.locale === 'de' ? 'Mitglieder' : 'Members'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });

  const values = rows.map((row) => columns.map((column) => cellValue(memberColumnKinds[column], memberCell(row, column), options.locale)));
  sheet.columns = columns.map((column, index) => {
    const header = memberColumnLabels[options.locale][column];
    const numFmt = numberFormat(memberColumnKinds[column], options.currency);
    return { header, width: columnWidth(header, values.map((line) => line[index]!)), ...(numFmt && { style: { numFmt } }) };
  });
  sheet.getRow(1).font = { bold: true };
  for (const line of values) sheet.addRow(line);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
