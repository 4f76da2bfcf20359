import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/import/csv';
import { parseDate } from '../../shared/import/dates';
import { decodeText } from '../../shared/import/decode';
import { parseImportFile } from '../../shared/import/parse';
import { resolveColumns } from '../../shared/import/presets';
import { emptyRecord, splitFullName, toImportRow } from '../../shared/import/rows';
import { parseVcards } from '../../shared/import/vcard';

const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const utf8 = (text: string) => new TextEncoder().encode(text);
const context = { fileName: 'liste.csv', dateOrder: 'dmy' as const };

describe('decoding', () => {
  it('reads UTF-8 with and without BOM, Windows-1252 and UTF-16 with BOM', () => {
    expect(decodeText(utf8('\uFEFFMüller'))).toEqual({ text: 'Müller', encoding: 'utf-8' });
    expect(decodeText(utf8('Müller'))).toEqual({ text: 'Müller', encoding: 'utf-8' });
    expect(decodeText(latin1('M\xfcller Stra\xdfe \x80'))).toEqual({ text: 'Müller Straße €', encoding: 'windows-1252' });
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x4d, 0, 0xfc, 0]))).toEqual({ text: 'Mü', encoding: 'utf-16le' });
  });
});

describe('CSV', () => {
  it('detects comma, semicolon and tab from the header line', () => {
    for (const delimiter of [',', ';', '\t']) {
      const table = parseCsv(['Vorname', 'Nachname', 'Notiz'].join(delimiter) + '\r\n' + ['Eva', 'Ost', '"a, b; c"'].join(delimiter));
      expect(table.delimiter).toBe(delimiter);
      expect(table.rows).toEqual([{ line: 2, cells: ['Eva', 'Ost', 'a, b; c'] }]);
    }
  });

  it('counts physical lines across quoted line breaks and skips blank rows silently', () => {
    const table = parseCsv('a;b\n"x\ny";1\n;\n\nz;2\n');
    expect(table.rows.map((row) => row.line)).toEqual([2, 6]);
    expect(table.errors).toEqual([]);
  });

  it('reports an unclosed quote on its line and goes on with the next line', () => {
    const table = parseCsv('a;b;c\n1;"zwei;3\n4;5;6\n7;"acht";9\n');
    expect(table.errors).toEqual([{ line: 2, reason: 'Anführungszeichen nicht geschlossen' }]);
    expect(table.rows.map((row) => row.line)).toEqual([3, 4]);
  });

  it('reports rows with too many or too few columns, but not empty padding', () => {
    const table = parseCsv('a;b;c\n1;2;3;;\n1;2;3;4\n1;2\n');
    expect(table.rows.map((row) => row.line)).toEqual([2]);
    expect(table.errors).toEqual([
      { line: 3, reason: 'Zu viele Spalten (4 statt 3)' },
      { line: 4, reason: 'Zu wenige Spalten (2 statt 3)' },
    ]);
  });
});

describe('dates', () => {
  it.each([
    ['24.12.1980', 'dmy', '1980-12-24'],
    ['8.7.1992', 'dmy', '1992-07-08'],
    ['29.02.1988', 'dmy', '1988-02-29'],
    ['1992-07-08', 'dmy', '1992-07-08'],
    ['--08-23', 'dmy', '--08-23'],
    ['--0412', 'dmy', '--04-12'],
    ['19640229', 'dmy', '1964-02-29'],
    ['12.04.', 'dmy', '--04-12'],
    ['29.2.', 'dmy', '--02-29'],
    ['3/14/1982', 'mdy', '1982-03-14'],
    ['14/3/1982', 'dmy', '1982-03-14'],
    ['3.4.61', 'dmy', '1961-04-03'],
    ['0/0/00', 'mdy', undefined],
    ['0.0.00', 'dmy', undefined],
    ['', 'dmy', undefined],
  ] as const)('%s (%s) is %s', (input, order, value) => {
    expect(parseDate(input, order)).toEqual({ value });
  });

  it('refuses days that do not exist and text that is no date', () => {
    expect(parseDate('31.02.1990')).toEqual({ error: 'Datum 31.02.1990 gibt es nicht' });
    expect(parseDate('29.02.1990')).toEqual({ error: 'Datum 29.02.1990 gibt es nicht' });
    expect(parseDate('3/14/1982', 'dmy')).toEqual({ error: 'Datum 3/14/1982 gibt es nicht' });
    expect(parseDate('Weihnachten')).toMatchObject({ error: expect.stringContaining('„Weihnachten“ nicht erkannt') });
  });
});

describe('presets', () => {
  it('recognises a home-made German list with its many spellings and keeps unknown columns in the notes', () => {
    const { preset, columns } = resolveColumns(['Vorname', 'Name', 'Str.', 'PLZ', 'Wohnort', 'Handy', 'Mobil', 'Geb.-Datum', 'Bemerkung', 'Lieblingsduft']);
    expect(preset).toBe('excel-de');
    expect(columns.map((column) => column.field)).toEqual([
      'firstName', 'lastName', 'street', 'postalCode', 'city', 'mobile', 'mobile', 'birthday', 'notes', 'notes',
    ]);
    expect(columns.at(-1)).toMatchObject({ label: 'Lieblingsduft', recognised: false });
  });

  it('lets the mapping override a column and leave one out', () => {
    const { columns } = resolveColumns(['Vorname', 'Nachname', 'Lieblingsduft', 'Kundennummer'], { Lieblingsduft: 'tags', Kundennummer: 'ignore' });
    expect(columns.map((column) => column.field)).toEqual(['firstName', 'lastName', 'tags', 'ignore']);
  });

  it('takes a whole address from home before business columns', () => {
    const header = ['First Name', 'Last Name', 'Business Street', 'Business City', 'Home Street', 'Home Postal Code', 'Home City'];
    const home = utf8(`${header.join(',')}\nEva,Ost,Werkstr. 1,Jena,Am Anger 2,07743,Jena\nTim,Nord,Werkstr. 1,Jena,,,\n`);
    const [eva, tim] = parseImportFile('x.csv', home).rows;
    expect(eva?.fields).toMatchObject({ street: 'Am Anger 2', postalCode: '07743', city: 'Jena' });
    expect(tim?.fields).toMatchObject({ street: 'Werkstr. 1', city: 'Jena' });
    expect(tim?.fields.postalCode).toBeUndefined();
  });
});

describe('rows', () => {
  it('splits one name column', () => {
    expect(splitFullName('Sabine Meier')).toEqual({ firstName: 'Sabine', lastName: 'Meier' });
    expect(splitFullName('Meier, Sabine')).toEqual({ firstName: 'Sabine', lastName: 'Meier' });
    expect(splitFullName('Klaus-Dieter von Bülow')).toEqual({ firstName: 'Klaus-Dieter', lastName: 'von Bülow' });
  });

  it('records consent only from consent columns, with the column and value as wording', () => {
    const record = { ...emptyRecord(3), texts: { firstName: 'Eva', lastName: 'Ost' } };
    const yes = toImportRow({ ...record, consents: [{ channel: 'email', header: 'Newsletter', value: 'x' }] }, context);
    expect(yes.fields.consents).toEqual([
      { channel: 'email', purpose: 'marketing', granted: true, source: 'import', wording: 'Import: Spalte „Newsletter“ = „x“', sourceDetail: 'liste.csv' },
    ]);
    expect(toImportRow({ ...record, consents: [{ channel: 'post', header: 'Post', value: 'Nein' }] }, context).fields.consents?.[0]?.granted).toBe(false);
    expect(toImportRow(record, context).fields.consents).toBeUndefined();
    expect(toImportRow({ ...record, consents: [{ channel: 'email', header: 'Newsletter', value: 'vielleicht' }] }, context).errors).toEqual([
      'Einwilligung „vielleicht“ in Spalte „Newsletter“ ist weder ja noch nein',
    ]);
  });

  it('gives German reasons naming the value', () => {
    const row = toImportRow({ ...emptyRecord(4), texts: { postalCode: '0106!' }, emails: ['a@b.de', 'kaputt'], phones: ['ruf an'] }, context);
    expect(row.errors).toEqual([
      'Vor- und Nachname fehlen',
      'Telefonnummer „ruf an“ ist ungültig',
      'E-Mail-Adresse „kaputt“ ist ungültig',
      'Postleitzahl „0106!“ ist ungültig',
    ]);
  });
});

describe('vCard', () => {
  it('unfolds lines, joins quoted-printable soft breaks and decodes each CHARSET', () => {
    const text =
      'BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen\r\n' +
      'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Gr=C3=BC=C3=9Fe an=\r\n die Gastgeberin\r\n' +
      'ADR;HOME:;;Lange\r\n  Straße 1;Jena;;07743;\r\nEND:VCARD\r\n';
    const { records, errors } = parseVcards(text);
    expect(errors).toEqual([]);
    expect(records[0]).toMatchObject({ line: 1, texts: { firstName: 'Jürgen', lastName: 'Müller', street: 'Lange Straße 1', postalCode: '07743' }, notes: ['Grüße an die Gastgeberin'] });
  });

  it('sorts e-mails and numbers by TYPE, ignores group prefixes and resolves escapes', () => {
    const text = [
      'BEGIN:VCARD', 'VERSION:3.0', 'N:Ost;Eva;;;', 'item1.EMAIL;type=INTERNET:eva@example.de', 'EMAIL;TYPE=INTERNET,pref:ost@example.de',
      'TEL;TYPE=HOME:0351 1', 'TEL;TYPE=CELL:0171 2', 'TEL;TYPE=CELL:0171 3', 'CATEGORIES:Kundenclub,A\\,B', 'NOTE:a\\;b\\\\c\\nd', 'END:VCARD',
    ].join('\n');
    const [record] = parseVcards(text).records;
    expect(record).toMatchObject({ emails: ['ost@example.de', 'eva@example.de'], phones: ['0351 1'], mobiles: ['0171 2', '0171 3'], tags: ['Kundenclub', 'A,B'], notes: ['a;b\\c\nd'] });
  });

  it('reports the BEGIN:VCARD line of a card without END and stray lines', () => {
    const { errors } = parseVcards('Hallo\nBEGIN:VCARD\nN:Ost;Eva\nBEGIN:VCARD\nN:Nord;Tim\nEND:VCARD\n');
    expect(errors).toEqual([
      { line: 1, reason: 'Zeile gehört zu keiner vCard (BEGIN:VCARD fehlt)' },
      { line: 2, reason: 'END:VCARD fehlt' },
    ]);
  });
});
