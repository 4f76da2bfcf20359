import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/schemas/contact';
import type { ImportInput, ImportResult } from '../../shared/schemas/import';
import { filesOf, useTestBackend } from '../helpers/api';

const { ok, dataDir } = useTestBackend();

const sample = (name: string) => readFileSync(new URL(`../fixtures/samples/contacts/${name}`, import.meta.url)).toString('base64');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url)).toString('base64');
const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const importFile = (fileName: string, contentBase64: string, more: Partial<ImportInput> = {}) =>
  ok<ImportResult>('contacts.import', { fileName, contentBase64, ...more });
const everybody = async () => (await ok<{ items: Contact[] }>('contacts.list', { limit: 1000 })).items;
async function named(firstName: string, lastName: string): Promise<Contact> {
  const found = (await everybody()).find((contact) => contact.firstName === firstName && contact.lastName === lastName);
  if (!found) throw new Error(`${firstName} ${lastName} was not imported`);
  return found;
}

describe('contacts.import writes what the samples hold', () => {
  it('Google Contacts: ten people with umlauts, leading zeros and birthdays intact, no consent invented', async () => {
    expect(await importFile('google-contacts.csv', sample('google-contacts.csv'))).toEqual({ created: 10, updated: 0, skipped: 0, errors: [] });
    const people = await everybody();
    expect(people).toHaveLength(10);
    expect(people.every((person) => person.consents.length === 0)).toBe(true);
    expect(await named('Jürgen', 'Schröder')).toMatchObject({ postalCode: '01662', city: 'Meißen', birthday: '--08-23' });
    expect(await named('Sabine', 'Meier')).toMatchObject({ postalCode: '01067', birthday: '1979-04-12', tags: ['Kundenclub'] });
  });

  it('Outlook (English) and the German Outlook fixture: empty dates stay empty', async () => {
    expect(await importFile('outlook-en.csv', sample('outlook-en.csv'))).toMatchObject({ created: 4, errors: [] });
    expect((await named('Markus', 'Weber')).birthday).toBeUndefined();
    expect(await named('Ingrid', 'Kühn')).toMatchObject({ birthday: '1961-11-05', postalCode: '03046' });

    expect(await importFile('Kontakte.CSV', fixture('outlook-de.csv'))).toMatchObject({ created: 3, errors: [] });
    const baerbel = await named('Bärbel', 'Weiß');
    expect(baerbel.birthday).toBeUndefined();
    expect(baerbel.referredBy).toBe((await named('Hans-Jürgen', 'Müller')).id);
  });

  it('vCards 2.1, 3.0 and 4.0', async () => {
    expect(await importFile('contacts-3.0.vcf', sample('contacts-3.0.vcf'))).toMatchObject({ created: 4, errors: [] });
    expect(await importFile('contacts-2.1.vcf', fixture('contacts-2.1.vcf'))).toMatchObject({ created: 2, errors: [] });
    expect(await importFile('contacts-4.0.vcf', fixture('contacts-4.0.vcf'))).toMatchObject({ created: 2, errors: [] });
    expect(await named('Gertrud', 'Schäfer')).toMatchObject({ birthday: '1950-03-03', postalCode: '39104' });
    expect(await named('Jürgen', 'Müller')).toMatchObject({ street: 'Große Meisner Straße 15', postalCode: '01097', birthday: '1964-02-29' });
    expect((await named('Ännchen', 'von Thür')).birthday).toBe('--04-12');
    expect(await named('Nadine', '–')).toMatchObject({ email: 'nadine@example.de' });
  });

  it('the Excel list: recommenders linked within the file and to the store, the unknown one kept in the notes, consent only from "Newsletter"', async () => {
    await ok('settings.update', { operatorName: 'Sabine Vertrieb' });
    expect(await importFile('excel-liste-semikolon.csv', sample('excel-liste-semikolon.csv'))).toMatchObject({ created: 6, errors: [] });
    const brigitte = await named('Brigitte', 'Lehmann');
    expect(brigitte.referredBy).toBeUndefined();
    expect(brigitte.notes).toBe('Kundenclub seit: 15.01.2019\nEmpfohlen von: Sabine Meier');
    expect(brigitte.consents).toEqual([
      {
        id: expect.any(String), at: expect.any(String), recordedBy: 'Sabine Vertrieb',
        channel: 'email', purpose: 'marketing', granted: true, source: 'import',
        wording: 'Import: Spalte „Newsletter“ = „ja“', sourceDetail: 'excel-liste-semikolon.csv',
      },
    ]);
    const monika = await named('Monika', 'Krüger');
    expect(monika).toMatchObject({ referredBy: brigitte.id, postalCode: '04103', consents: [{ granted: false }] });
    expect((await named('Renate', 'Fischer'))).toMatchObject({ referredBy: monika.id, consents: [] });
    expect((await named('Jana', 'Wagner')).referredBy).toBe((await named('Stefanie', 'Schulz')).id);
  });

  it('links a recommender already in the store, whatever the case and accents', async () => {
    await ok('contacts.create', { firstName: 'Sabine', lastName: 'Meier' });
    const file = 'Vorname;Nachname;Empfohlen von\nLena;Ost;sabine MEIER\nTim;Nord;Zoe Weiss\n';
    await importFile('liste.csv', csv(file));
    expect((await named('Lena', 'Ost')).referredBy).toBe((await named('Sabine', 'Meier')).id);
    expect((await named('Tim', 'Nord')).notes).toBe('Empfohlen von: Zoe Weiss');
  });

  it('records consent only from a column mapped to consent', async () => {
    const file = 'Vorname;Nachname;Newsletter;SMS ok\nLena;Ost;ja;x\n';
    const result = await importFile('liste.csv', csv(file), { mapping: { Newsletter: 'ignore', 'SMS ok': 'consent:sms' } });
    expect(result.errors).toEqual([]);
    expect((await named('Lena', 'Ost')).consents).toEqual([expect.objectContaining({ channel: 'sms', granted: true, wording: 'Import: Spalte „SMS ok“ = „x“' })]);
  });
});

describe('contacts.import is all or nothing', () => {
  it('refuses broken.csv with a reason per bad line and writes nothing', async () => {
    const before = await filesOf(dataDir());
    const result = await importFile('broken.csv', sample('broken.csv'));
    expect(result).toEqual({
      created: 0, updated: 0, skipped: 0,
      errors: [
        { line: 3, reason: 'Anführungszeichen nicht geschlossen' },
        { line: 4, reason: 'Datum 31.02.1990 gibt es nicht' },
        { line: 4, reason: 'E-Mail-Adresse „gisela-at-example.de“ ist ungültig' },
        { line: 5, reason: 'Zu viele Spalten (6 statt 4)' },
        { line: 8, reason: 'Zu wenige Spalten (2 statt 4)' },
      ],
    });
    expect(await filesOf(dataDir())).toEqual(before);
    expect(await everybody()).toEqual([]);
  });

  it('a dry run writes nothing and previews the rows as they will be stored', async () => {
    const before = await filesOf(dataDir());
    const result = await importFile('excel-liste-semikolon.csv', sample('excel-liste-semikolon.csv'), { dryRun: true });
    expect(await filesOf(dataDir())).toEqual(before);
    expect(result).toMatchObject({ created: 6, updated: 0, skipped: 0, errors: [] });
    expect(result.preview).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';', preset: 'excel-de', total: 6 });
    expect(result.preview?.columns).toContainEqual({ header: 'Kundenclub seit', field: 'notes', recognised: false });
    expect(result.preview?.rows[1]).toEqual({
      line: 3, action: 'create', warnings: [],
      values: {
        firstName: 'Monika', lastName: 'Krüger', phone: '0341 998877', street: 'Goethestr. 2', postalCode: '04103', city: 'Leipzig',
        birthday: '1970-10-17', referredBy: 'Brigitte Lehmann', 'consent:email': 'false',
      },
    });
    expect(result.preview?.rows[0]?.values.notes).toBe('Kundenclub seit: 15.01.2019\nEmpfohlen von: Sabine Meier');
  });

  it('a dry run of a broken file answers its errors with the preview', async () => {
    const result = await importFile('broken.csv', sample('broken.csv'), { dryRun: true });
    expect(result.errors).toHaveLength(5);
    expect(result.preview?.rows.map((row) => [row.line, row.action, row.duplicateOf])).toEqual([
      [2, 'create', undefined],
      [7, 'skip', { line: 2, reason: 'email' }],
    ]);
  });
});

describe('contacts.import finds likely duplicates', () => {
  const file = [
    'Vorname;Nachname;E-Mail;Handy;PLZ;Kategorie',
    'Sabine;Meier;SABINE.MEIER@example.de;0170 1111111;;VIP', // same e-mail as in the store
    'Jürgen;Schröder;;+49 (171) 9876543;;', // same number, written differently
    'Petra;Schmitt;;;09111;', // same name and postcode
    'Eva;Ost;eva@example.de;;;',
    'Eva;Ost;eva@example.de;0160 2222222;;Kundenclub', // the row above again
  ].join('\n');

  it('skips them by default and says what each one duplicates', async () => {
    await importFile('google-contacts.csv', sample('google-contacts.csv'));
    const [sabine, juergen, petra] = [await named('Sabine', 'Meier'), await named('Jürgen', 'Schröder'), await named('Petra', 'Schmitt')];
    const preview = (await importFile('neu.csv', csv(file), { dryRun: true })).preview!;
    expect(preview.rows.map(({ line, action, duplicateOf }) => ({ line, action, duplicateOf }))).toEqual([
      { line: 2, action: 'skip', duplicateOf: { contactId: sabine.id, reason: 'email' } },
      { line: 3, action: 'skip', duplicateOf: { contactId: juergen.id, reason: 'phone' } },
      { line: 4, action: 'skip', duplicateOf: { contactId: petra.id, reason: 'namePostcode' } },
      { line: 5, action: 'create', duplicateOf: undefined },
      { line: 6, action: 'skip', duplicateOf: { line: 5, reason: 'email' } },
    ]);
    expect(await importFile('neu.csv', csv(file))).toEqual({ created: 1, updated: 0, skipped: 4, errors: [] });
    expect(await everybody()).toHaveLength(11);
    expect(await ok('contacts.get', { id: sabine.id })).toEqual(sabine);
  });

  it('updates or creates where chosen: non-empty values win, tags and numbers are merged', async () => {
    await importFile('google-contacts.csv', sample('google-contacts.csv'));
    const sabine = await named('Sabine', 'Meier');
    const result = await importFile('neu.csv', csv(file), { duplicates: { 2: 'update', 3: 'create', 6: 'update' } });
    expect(result).toEqual({ created: 2, updated: 2, skipped: 1, errors: [] });
    const updated = await ok<Contact>('contacts.get', { id: sabine.id });
    expect(updated).toMatchObject({
      email: 'sabine.meier@example.de', mobile: '0170 1111111', extraPhones: ['+49 170 2345678'], tags: ['Kundenclub', 'VIP'],
      street: 'Lindenstraße 4', postalCode: '01067', birthday: '1979-04-12', createdAt: sabine.createdAt,
    });
    expect(updated.updatedAt > sabine.updatedAt).toBe(true);
    expect((await everybody()).filter((contact) => contact.lastName === 'Schröder')).toHaveLength(2);
    expect(await named('Eva', 'Ost')).toMatchObject({ email: 'eva@example.de', mobile: '0160 2222222', tags: ['Kundenclub'] });
  });
});
