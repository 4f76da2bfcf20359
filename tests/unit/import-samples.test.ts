import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../shared/import/parse';

const samples = new URL('../fixtures/samples/contacts/', import.meta.url);
const fixtures = new URL('../fixtures/imports/', import.meta.url);
const parse = (folder: URL, name: string) => parseImportFile(name, readFileSync(new URL(name, folder)));
const byName = (parsed: ReturnType<typeof parse>) => new Map(parsed.rows.map((row) => [`${row.fields.firstName} ${row.fields.lastName}`, row]));

describe('the real-world samples parse as a user expects', () => {
  it('Google Contacts: labels as tags, US and year-less birthdays, mobile by label, leading zeros', () => {
    const parsed = parse(samples, 'google-contacts.csv');
    expect(parsed).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', preset: 'google', errors: [] });
    expect(parsed.rows).toHaveLength(10);
    const rows = byName(parsed);
    expect(rows.get('Sabine Meier')?.fields).toMatchObject({
      email: 'sabine.meier@example.de', mobile: '+49 170 2345678', street: 'Lindenstraße 4', postalCode: '01067', city: 'Dresden',
      birthday: '1979-04-12', tags: ['Kundenclub'], notes: 'Mag Duftkerzen, kommt immer mit Schwester',
    });
    expect(rows.get('Jürgen Schröder')?.fields).toMatchObject({
      birthday: '--08-23', email: 'j.schroeder@example.com', extraEmails: ['juergen.s@example.org'], mobile: '0171 9876543', phone: '0351 445566', city: 'Meißen', postalCode: '01662',
    });
    expect(rows.get('Özlem Yılmaz')?.fields).toMatchObject({ tags: ['Gastgeberinnen', 'Kundenclub'], postalCode: '04109' });
    expect(rows.get('Klaus-Dieter von Bülow')?.fields.street).toBe('Kurfürstendamm 200');
    expect(rows.get('Zoë Weiß')?.fields.notes).toBe('Studentin; lieber per WhatsApp');
    expect(parsed.rows.every((row) => row.fields.consents === undefined)).toBe(true);
  });

  it('Outlook (English): m/d/yyyy birthdays, 0/0/00 empty, business address when there is no home one', () => {
    const parsed = parse(samples, 'outlook-en.csv');
    expect(parsed).toMatchObject({ preset: 'outlook-en', errors: [] });
    const rows = byName(parsed);
    expect(rows.get('Claudia Hoffmann')?.fields).toMatchObject({ birthday: '1982-03-14', tags: ['Kundenclub', 'VIP'], street: 'Gartenstraße 8', postalCode: '14467' });
    expect(rows.get('Markus Weber')?.fields).toMatchObject({ street: 'Bahnhofstr. 5, Hinterhaus', phone: '03381 123456' });
    expect(rows.get('Markus Weber')?.fields.birthday).toBeUndefined();
    expect(rows.get('Ingrid Kühn')?.fields).toMatchObject({
      birthday: '1961-11-05', street: 'Marktplatz 2', postalCode: '03046', city: 'Cottbus', email: 'praxis@kuehn.example.de', extraEmails: ['ingrid.kuehn@example.de'],
      notes: 'Firma: Praxis Dr. Kühn\nHatte im März eine Party, "Frühlingsabend", 11 Gäste',
    });
    expect(rows.get('Sven Meyer')?.fields).toEqual({ firstName: 'Sven', lastName: 'Meyer', mobile: '01522 3456789' });
  });

  it('a German Excel list: BOM, semicolons, a quoted semicolon, 29 February, recommenders and a newsletter column', () => {
    const parsed = parse(samples, 'excel-liste-semikolon.csv');
    expect(parsed).toMatchObject({ encoding: 'utf-8', delimiter: ';', preset: 'excel-de', errors: [] });
    expect(parsed.columns.find((column) => column.header === 'Vorname')).toMatchObject({ field: 'firstName' });
    expect(parsed.columns.find((column) => column.header === 'Kundenclub seit')).toMatchObject({ field: 'notes', recognised: false });
    const rows = byName(parsed);
    expect(rows.get('Stefanie Schulz')?.fields).toMatchObject({ street: 'Am Anger 9; 2. OG', postalCode: '07743', birthday: '1988-02-29' });
    expect(rows.get('Jana Wagner')?.fields).toMatchObject({ birthday: '1992-07-08', notes: 'Kundenclub seit: 2.2.2025' });
    expect(rows.get('Monika Krüger')).toMatchObject({ referredByName: 'Brigitte Lehmann', fields: { postalCode: '04103' } });
    expect(rows.get('Daniela Becker')?.fields.city).toBe('Görlitz');
    expect(rows.get('Renate Fischer')?.fields.consents).toBeUndefined();
    expect(rows.get('Monika Krüger')?.fields.consents).toEqual([
      expect.objectContaining({ channel: 'email', granted: false, source: 'import', sourceDetail: 'excel-liste-semikolon.csv', wording: 'Import: Spalte „Newsletter“ = „nein“' }),
    ]);
  });

  it('vCard 3.0: folded note, grouped properties, year-less birthday, one-name card', () => {
    const parsed = parse(samples, 'contacts-3.0.vcf');
    expect(parsed).toMatchObject({ format: 'vcard', errors: [] });
    expect(parsed.rows.map((row) => row.line)).toEqual([1, 16, 24, 34]);
    const rows = byName(parsed);
    expect(rows.get('Andrea Wolf')?.fields).toMatchObject({
      email: 'andrea.wolf@example.de', mobile: '+49 160 1112223', phone: '0391 556677', street: 'Breiter Weg 10', postalCode: '39104',
      birthday: '1983-09-09', tags: ['Kundenclub', 'Gastgeberinnen'],
      notes: 'Hat ihre Nachbarin Frau Schäfer empfohlen, möchte im Herbst eine Party geben. Lieblingsduft: Vanille.',
    });
    expect(rows.get('Gertrud Schäfer')?.fields.birthday).toBe('1950-03-03');
    expect(rows.get('Lukas Koch')?.fields).toMatchObject({ birthday: '--12-01', extraEmails: ['l.koch@firma.example.com'], notes: 'Firma: Koch & Söhne GmbH' });
    expect(rows.get('Nadine –')).toMatchObject({ errors: [], warnings: ['Nachname fehlt, wird als „–“ gespeichert'] });
  });

  it('broken.csv: a reason for every bad line', () => {
    const parsed = parse(samples, 'broken.csv');
    expect([...parsed.errors, ...parsed.rows.flatMap((row) => row.errors.map((reason) => ({ line: row.line, reason })))].sort((a, b) => a.line - b.line)).toEqual([
      { line: 3, reason: 'Anführungszeichen nicht geschlossen' },
      { line: 4, reason: 'Datum 31.02.1990 gibt es nicht' },
      { line: 4, reason: 'E-Mail-Adresse „gisela-at-example.de“ ist ungültig' },
      { line: 5, reason: 'Zu viele Spalten (6 statt 4)' },
      { line: 8, reason: 'Zu wenige Spalten (2 statt 4)' },
    ]);
  });
});

describe('our own fixtures', () => {
  it('Outlook (German), Windows-1252, comma-separated: umlauts, 0.0.00 empty, d.m.yyyy, business columns ignored when home is set', () => {
    const parsed = parse(fixtures, 'outlook-de.csv');
    expect(parsed).toMatchObject({ encoding: 'windows-1252', delimiter: ',', preset: 'outlook-de', errors: [] });
    const rows = byName(parsed);
    expect(rows.get('Hans-Jürgen Müller')?.fields).toMatchObject({
      street: 'Königstraße 12', postalCode: '02826', city: 'Görlitz', birthday: '1961-04-03', mobile: '0160 5554433', phone: '03581 123456',
      extraEmails: ['hans-juergen@example.org'], tags: ['Kundenclub', 'Gastgeberinnen'], notes: 'Kommt mit Ehefrau Jördis.\nMag Zitrusdüfte.',
    });
    expect(rows.get('Bärbel Weiß')).toMatchObject({ referredByName: 'Hans-Jürgen Müller', fields: { street: 'Äußere Weberstraße 3, Hinterhaus', postalCode: '02763' } });
    expect(rows.get('Bärbel Weiß')?.fields.birthday).toBeUndefined();
    expect(rows.get('Gülsen Öztürk')?.fields).toMatchObject({ street: 'Marktstraße 1', postalCode: '02625', city: 'Bautzen', birthday: '1975-12-24', notes: 'Firma: Blumen Öztürk' });
  });

  it('vCard 2.1: QUOTED-PRINTABLE with soft breaks, ISO-8859-1 and UTF-8 charsets, basic-format birthday', () => {
    const parsed = parse(fixtures, 'contacts-2.1.vcf');
    expect(parsed.errors).toEqual([]);
    const rows = byName(parsed);
    expect(rows.get('Jürgen Müller')?.fields).toMatchObject({
      street: 'Große Meisner Straße 15', postalCode: '01097', country: 'Deutschland', birthday: '1964-02-29', mobile: '+49 171 2223334', phone: '0351 8889990',
      extraPhones: ['0351 8889991'], notes: 'Möchte zur nächsten Party seine Schwester mitbringen\nGrüße an die Gastgeberin',
    });
    expect(rows.get('Jörg Schönfeld')?.fields).toMatchObject({
      street: 'Lindenallee 7', postalCode: '24105', mobile: '0176 11223344', extraPhones: ['0176 99887766'], extraEmails: ['js@example.org'],
      notes: 'Weitere Anschrift: Am Hafen 2, 24103 Kiel\nRufnummer gilt auch für WhatsApp',
    });
  });

  it('vCard 4.0: BDAY:--0412, tel: URIs, PREF=1', () => {
    const rows = byName(parse(fixtures, 'contacts-4.0.vcf'));
    expect(rows.get('Ännchen von Thür')?.fields).toMatchObject({
      birthday: '--04-12', mobile: '+49-160-7778889', email: 'a.vonthuer@example.com', extraEmails: ['aennchen@example.de'], postalCode: '04109',
      tags: ['Kundenclub', 'Neukundin'], notes: 'Allergie: Nüsse, Lavendel\nBevorzugt Termine ab 18 Uhr',
    });
    expect(rows.get('Lars Østergaard')?.fields).toMatchObject({ birthday: '1979-11-30', phone: '+45 33 12 34 56' });
  });
});
