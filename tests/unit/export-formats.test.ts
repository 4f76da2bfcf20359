import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { MemberColumnId } from '../../shared/club/columns';
import { parseImportFile } from '../../shared/import/parse';
import type { MemberRow } from '../../shared/schemas/club';
import type { Contact } from '../../shared/schemas/contact';
import { excelCsv, standardCsv } from '../../electron/services/export-formats/csv';
import { memberVcards } from '../../electron/services/export-formats/vcard';
import { memberWorkbook } from '../../electron/services/export-formats/xlsx';

let made = 0;
/** A member as memberRows answers her, made by hand: the formats are pure functions of these rows. */
function member(contact: Partial<Contact> & Pick<Contact, 'firstName' | 'lastName'>, row: Partial<Omit<MemberRow, 'contact'>> = {}): MemberRow {
  return {
    contact: { id: `member-${String(++made).padStart(4, '0')}`, tags: [], consents: [], createdAt: '2025-01-01T10:00:00.000Z', updatedAt: '2025-01-01T10:00:00.000Z', ...contact },
    memberNumber: 'KC-00001',
    joinedOn: '2024-02-01',
    status: 'active',
    source: 'contact',
    points: 0,
    spend12mCents: 0,
    totalSpendCents: 0,
    ...row,
  };
}

const juergen = member(
  {
    id: 'juergen-0001',
    firstName: 'Jürgen',
    lastName: 'Müller-Lüdenscheidt',
    email: 'juergen@example.de',
    phone: '0351 1234567',
    mobile: '+49 171 2345678',
    street: 'Königsbrücker Straße 12',
    postalCode: '01067',
    city: 'Dresden',
    country: 'Deutschland',
    birthday: '1985-03-14',
    tags: ['Stammkundin', 'Kochen'],
    consents: [{ id: 'consent-0001', channel: 'email', purpose: 'club', granted: true, source: 'form', wording: 'Ja, per E-Mail', at: '2025-01-01T10:00:00.000Z' }],
  },
  { memberNumber: 'KC-00042', tier: 'Gold', points: 1234, spend12mCents: 123450, totalSpendCents: 98765432, joinedOn: '2024-02-01', lastPurchaseOn: '2026-10-30', source: 'door' },
);
const grete = member(
  { id: 'grete-000001', firstName: 'Grete', lastName: 'Öztürk', street: 'Am Markt 3, "Hinterhaus"', postalCode: '80331', city: 'München', birthday: '--12-24' },
  { memberNumber: 'KC-00043', points: -20, status: 'paused' },
);

const columns: MemberColumnId[] = ['lastName', 'firstName', 'postalCode', 'phone', 'memberNumber', 'birthday', 'joinedOn', 'spend12m', 'totalSpend', 'points', 'status', 'source', 'consentEmail', 'street'];

async function openWorkbook(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
const parseCsv = (text: string, delimiter: string) => Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true }).data;

describe('XLSX export', () => {
  it('writes a frozen, filtered header and typed cells in the view’s columns and order', async () => {
    const workbook = await openWorkbook(await memberWorkbook([juergen, grete], columns, { locale: 'de', currency: 'EUR', clubName: 'Club: Schöne Dinge [Dresden] und Umgebung', now: new Date() }));
    expect(workbook.creator).toBe('Kundenkreis');
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.worksheets[0]!;
    // Excel refuses ":" and "[ ]" in sheet names and more than 31 characters.
    expect(sheet.name).toBe('Club Schöne Dinge Dresden und U');

    const header = sheet.getRow(1);
    expect(header.values).toEqual([undefined, 'Nachname', 'Vorname', 'PLZ', 'Telefon', 'Mitgliedsnummer', 'Geburtstag', 'Mitglied seit', 'Umsatz 12 Monate', 'Umsatz gesamt', 'Punkte', 'Status', 'Beigetreten über', 'Einwilligung E-Mail', 'Straße']);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:N3');
    expect(sheet.rowCount).toBe(3);

    const cell = (row: number, column: MemberColumnId) => sheet.getRow(row).getCell(columns.indexOf(column) + 1);
    // Leading zeros survive: text cells, formatted as text so that Excel keeps them text when edited.
    expect(cell(2, 'postalCode')).toMatchObject({ type: ExcelJS.ValueType.String, value: '01067', numFmt: '@' });
    expect(cell(2, 'phone')).toMatchObject({ type: ExcelJS.ValueType.String, value: '0351 1234567', numFmt: '@' });
    expect(cell(2, 'memberNumber')).toMatchObject({ type: ExcelJS.ValueType.String, value: 'KC-00042', numFmt: '@' });
    // Real dates that sort and filter as dates, shown TT.MM.JJJJ.
    expect(cell(2, 'birthday')).toMatchObject({ type: ExcelJS.ValueType.Date, value: new Date('1985-03-14T00:00:00Z'), numFmt: 'DD.MM.YYYY' });
    expect(cell(2, 'joinedOn')).toMatchObject({ type: ExcelJS.ValueType.Date, value: new Date('2024-02-01T00:00:00Z'), numFmt: 'DD.MM.YYYY' });
    // A birthday without year is no date: day and month as text.
    expect(cell(3, 'birthday')).toMatchObject({ type: ExcelJS.ValueType.String, value: '24.12.' });
    // Money in euros as numbers Excel can sum.
    expect(cell(2, 'spend12m')).toMatchObject({ type: ExcelJS.ValueType.Number, value: 1234.5, numFmt: '#,##0.00 "€"' });
    expect(cell(2, 'totalSpend').value).toBe(987654.32);
    expect(cell(2, 'points')).toMatchObject({ type: ExcelJS.ValueType.Number, value: 1234 });
    expect(cell(3, 'points').value).toBe(-20);
    expect([cell(2, 'status').value, cell(3, 'status').value, cell(2, 'source').value, cell(2, 'consentEmail').value, cell(3, 'consentEmail').value]).toEqual(['aktiv', 'pausiert', 'Einlass', 'ja', 'nein']);
    expect(cell(2, 'lastName').value).toBe('Müller-Lüdenscheidt');
    expect(sheet.getColumn(columns.indexOf('street') + 1).width).toBeGreaterThanOrEqual('Königsbrücker Straße 12'.length);
  });

  it('stores text that looks like a formula as a plain string', async () => {
    const evil = member({ firstName: '=HYPERLINK("http://evil","x")', lastName: '+SUM(1,2)' });
    const sheet = (await openWorkbook(await memberWorkbook([evil], ['firstName', 'lastName'], { locale: 'de', currency: 'EUR', clubName: 'Kundenclub', now: new Date() }))).worksheets[0]!;
    for (const [column, text] of [[1, '=HYPERLINK("http://evil","x")'], [2, '+SUM(1,2)']] as const) {
      const cell = sheet.getRow(2).getCell(column);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeUndefined();
    }
  });

  it('writes English headers and values, and a franc format, when the app is set so', async () => {
    const sheet = (await openWorkbook(await memberWorkbook([juergen], ['lastName', 'status', 'consentEmail', 'spend12m'], { locale: 'en', currency: 'CHF', clubName: '', now: new Date() }))).worksheets[0]!;
    expect(sheet.name).toBe('Members');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Last name', 'Status', 'E-mail consent', 'Spend 12 months']);
    expect(sheet.getRow(2).values).toEqual([undefined, 'Müller-Lüdenscheidt', 'active', 'yes', 1234.5]);
    expect(sheet.getRow(2).getCell(4).numFmt).toBe('#,##0.00 "CHF"');
  });
});

describe('CSV export', () => {
  it('“Excel (Deutsch)”: BOM, semicolons, CRLF, German headers, dates and decimal commas', () => {
    const bytes = excelCsv([juergen, grete], columns, 'de');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = decode(bytes).slice(1);
    expect(text.startsWith('Nachname;Vorname;PLZ;')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).not.toMatch(/^sep=/);

    const [header, first, second] = parseCsv(text, ';');
    expect(header).toEqual(['Nachname', 'Vorname', 'PLZ', 'Telefon', 'Mitgliedsnummer', 'Geburtstag', 'Mitglied seit', 'Umsatz 12 Monate', 'Umsatz gesamt', 'Punkte', 'Status', 'Beigetreten über', 'Einwilligung E-Mail', 'Straße']);
    expect(first).toEqual(['Müller-Lüdenscheidt', 'Jürgen', '01067', '0351 1234567', 'KC-00042', '14.03.1985', '01.02.2024', '1234,50', '987654,32', '1234', 'aktiv', 'Einlass', 'ja', 'Königsbrücker Straße 12']);
    // Our own negative number stays a number; the year-less birthday is day and month.
    expect(second).toEqual(['Öztürk', 'Grete', '80331', '', 'KC-00043', '24.12.', '01.02.2024', '0,00', '0,00', '-20', 'pausiert', 'Kontakt', 'nein', 'Am Markt 3, "Hinterhaus"']);
  });

  it('standard: RFC 4180 without BOM, column ids, ISO dates, decimal dots, codes', () => {
    const text = decode(standardCsv([juergen, grete], columns));
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.split('\r\n')[0]).toBe(columns.join(','));
    // Quotes doubled inside a quoted field that holds the delimiter.
    expect(text).toContain(',"Am Markt 3, ""Hinterhaus"""\r\n');
    const [, first, second] = parseCsv(text, ',');
    expect(first).toEqual(['Müller-Lüdenscheidt', 'Jürgen', '01067', '0351 1234567', 'KC-00042', '1985-03-14', '2024-02-01', '1234.50', '987654.32', '1234', 'active', 'door', 'true', 'Königsbrücker Straße 12']);
    expect(second).toEqual(['Öztürk', 'Grete', '80331', '', 'KC-00043', '--12-24', '2024-02-01', '0.00', '0.00', '-20', 'paused', 'contact', 'false', 'Am Markt 3, "Hinterhaus"']);
  });

  it('neutralises formulas in the Excel CSV and keeps the data verbatim in the standard CSV', () => {
    const names = ['=HYPERLINK("http://evil","x")', '+SUM(1,2)', '@cmd', '-2+3', '\tEva', '\rEva'];
    const rows = names.map((firstName) => member({ firstName, lastName: 'Muster', phone: '+49 351 1234567' }, { points: -5 }));
    const excel = parseCsv(decode(excelCsv(rows, ['firstName', 'phone', 'points'], 'de')).slice(1), ';').slice(1);
    expect(excel).toEqual(names.map((name) => [`'${name}`, "'+49 351 1234567", '-5']));
    const standard = parseCsv(decode(standardCsv(rows, ['firstName', 'phone', 'points'])), ',').slice(1);
    expect(standard).toEqual(names.map((name) => [name, '+49 351 1234567', '-5']));
  });
});

describe('vCard export', () => {
  const longStreet = member(
    { id: 'anneliese-01', firstName: 'Anneliese', lastName: 'Weißgärber', street: 'Große Straße der Ökumenischen Gärtnerinnen und Gärtner 117', postalCode: '04109', city: 'Leipzig', birthday: '--02-29' },
    { memberNumber: 'KC-00044' },
  );

  for (const version of [3, 4] as const) {
    it(`vCard ${version}.0 reads back through our importer and through ical.js`, () => {
      const text = memberVcards([juergen, longStreet], version, 'de');
      const bytes = new TextEncoder().encode(text);
      expect(text.endsWith('END:VCARD\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      // Folded at 75 octets, never inside an umlaut's bytes.
      for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(text).toMatch(/\r\n [^\r\n]/);

      const parsed = parseImportFile('mitglieder.vcf', bytes);
      expect(parsed.errors).toEqual([]);
      expect(parsed.rows.map((row) => row.fields)).toEqual([
        {
          firstName: 'Jürgen',
          lastName: 'Müller-Lüdenscheidt',
          email: 'juergen@example.de',
          phone: '0351 1234567',
          mobile: '+49 171 2345678',
          street: 'Königsbrücker Straße 12',
          postalCode: '01067',
          city: 'Dresden',
          country: 'Deutschland',
          birthday: '1985-03-14',
          tags: ['Stammkundin', 'Kochen', 'Gold'],
          notes: 'Mitgliedsnummer: KC-00042',
        },
        {
          firstName: 'Anneliese',
          lastName: 'Weißgärber',
          street: 'Große Straße der Ökumenischen Gärtnerinnen und Gärtner 117',
          postalCode: '04109',
          city: 'Leipzig',
          // vCard 3.0 has no birthday without year.
          ...(version === 4 && { birthday: '--02-29' }),
          notes: 'Mitgliedsnummer: KC-00044',
        },
      ]);

      const cards = ICAL.parse(text) as unknown[];
      const [first] = cards.map((card) => new ICAL.Component(card as unknown[]));
      expect(first!.getFirstPropertyValue('version')).toBe(`${version}.0`);
      expect(first!.getFirstPropertyValue('uid')).toBe('juergen-0001');
      expect(first!.getFirstPropertyValue('fn')).toBe('Jürgen Müller-Lüdenscheidt');
      expect(first!.getAllProperties('tel').map((tel) => [tel.getParameter('type'), tel.getFirstValue()])).toEqual([
        [version === 3 ? 'VOICE' : 'voice', '0351 1234567'],
        [version === 3 ? 'CELL' : 'cell', '+49 171 2345678'],
      ]);
      expect(String(first!.getFirstPropertyValue('bday'))).toBe('1985-03-14');
    });
  }
});
