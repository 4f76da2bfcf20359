import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import type { OutputOf } from '../../shared/contract';
import type { Contact } from '../../shared/schemas/contact';
import type { ConsentChannel } from '../../shared/schemas/consent';
import { filesOf, useTestBackend } from '../helpers/api';
import { localDate } from '../../shared/days';

const { call, ok, dataDir, reopen } = useTestBackend();

type Created = OutputOf<'exports.create'>;
type Printed = OutputOf<'exports.print'>;

const consent = (contactId: string, channel: ConsentChannel, granted = true) =>
  ok('contacts.recordConsent', { contactId, channel, purpose: 'club', granted, source: 'form', wording: 'Ja, ich möchte vom Kundenclub hören.' });

/** A contact who joins the club, with consent granted for the given channels. */
async function member(firstName: string, lastName: string, fields: Record<string, unknown> = {}, channels: ConsentChannel[] = []): Promise<Contact> {
  const contact = await ok<Contact>('contacts.create', { firstName, lastName, ...fields });
  for (const channel of channels) await consent(contact.id, channel);
  await ok('club.join', { contactId: contact.id });
  return contact;
}

const lindenstrasse = { street: 'Lindenstraße 4', postalCode: '01067', city: 'Dresden' };

/** The standard CSV of an export, parsed: header and rows. */
async function csvExport(input: Record<string, unknown>) {
  const result = await ok<Created>('exports.create', { format: 'csv', ...input });
  const [header, ...rows] = Papa.parse<string[]>(Buffer.from(result.contentBase64, 'base64').toString('utf8'), { skipEmptyLines: true }).data;
  return { ...result, header, rows };
}

const firstNames = (rows: string[][]) => rows.map((row) => row[0]);
const view = (more: Record<string, unknown> = {}) => ({ columns: ['firstName'], sort: [{ column: 'firstName', direction: 'asc' }], ...more });

describe('exports.create', () => {
  it('writes exactly the view: its filters, its columns, its order', async () => {
    await member('Anna', 'Albers', { ...lindenstrasse, email: 'anna@example.de' });
    await member('Bernd', 'Berger', { street: 'Bautzner Straße 1', postalCode: '01099', city: 'Dresden' });
    await member('Clara', 'Claus', { street: 'Markt 1', postalCode: '04109', city: 'Leipzig' });
    // Not a member: never in a member export.
    await ok('contacts.create', { firstName: 'Dora', lastName: 'Dietz', ...lindenstrasse });

    const result = await csvExport({
      view: { filters: { place: '01' }, columns: ['postalCode', 'lastName', 'email'], sort: [{ column: 'lastName', direction: 'desc' }] },
    });
    expect(result.header).toEqual(['postalCode', 'lastName', 'email']);
    expect(result.rows).toEqual([
      ['01099', 'Berger', ''],
      ['01067', 'Albers', 'anna@example.de'],
    ]);
    expect(result).toMatchObject({ count: 2, leftOutForConsent: 0, fileName: `Kundenclub-Mitglieder-${localDate()}.csv` });
  });

  it('names the XLSX file and its sheet after the club', async () => {
    await ok('club.settings.update', { name: 'Club: Schöne Dinge / Dresden' });
    await member('Anna', 'Albers', lindenstrasse);
    const result = await ok<Created>('exports.create', { format: 'xlsx', view: { columns: ['lastName', 'postalCode'] } });
    expect(result.fileName).toBe(`Club-Schöne-Dinge-Dresden-Mitglieder-${localDate()}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(Buffer.from(result.contentBase64, 'base64')).buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Club Schöne Dinge Dresden');
    expect(sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1))).toEqual([
      ['Nachname', 'PLZ'],
      ['Albers', '01067'],
    ]);
  });

  it('leaves out, for an e-mail, members without e-mail consent and says how many; the override keeps them', async () => {
    await member('Anna', 'Albers', {}, ['email']);
    // Consent given and withdrawn later: the newest record decides.
    const bernd = await member('Bernd', 'Berger', {}, ['email']);
    await consent(bernd.id, 'email', false);
    // Consent for letters does not allow e-mail.
    await member('Clara', 'Claus', {}, ['post']);

    const mailing = { view: view(), purpose: 'email' };
    expect(await ok('exports.preview', mailing)).toEqual({ count: 1, leftOutForConsent: 2, withoutConsent: 2 });
    const without = await csvExport(mailing);
    expect(firstNames(without.rows)).toEqual(['Anna']);
    expect(without).toMatchObject({ count: 1, leftOutForConsent: 2 });

    // The dialog names the members without consent also while the override keeps them.
    expect(await ok('exports.preview', { ...mailing, includeWithoutConsent: true })).toEqual({ count: 3, leftOutForConsent: 0, withoutConsent: 2 });
    const overridden = await csvExport({ ...mailing, includeWithoutConsent: true });
    expect(firstNames(overridden.rows)).toEqual(['Anna', 'Bernd', 'Clara']);
    expect(overridden).toMatchObject({ count: 3, leftOutForConsent: 0 });

    const [newest, older] = await ok<OutputOf<'exports.log'>>('exports.log', {});
    expect(newest).toMatchObject({ purpose: 'email', includeWithoutConsent: true, count: 3, leftOutForConsent: 0 });
    expect(older).toMatchObject({ purpose: 'email', includeWithoutConsent: false, count: 1, leftOutForConsent: 2 });
  });

  it('keeps one member per household, the first in the view’s order; members without an address each count', async () => {
    await member('Anna', 'Albers', lindenstrasse);
    // The same address written differently.
    await member('Bernd', 'Albers', { street: 'Lindenstr. 4', postalCode: '01067', city: 'Dresden' });
    await member('Clara', 'Claus', { street: 'Lindenstraße 4', postalCode: '04109', city: 'Leipzig' });
    await member('Doris', 'Dietz');
    await member('Emma', 'Engel');

    const ascending = await csvExport({ view: view(), onePerHousehold: true });
    expect(firstNames(ascending.rows)).toEqual(['Anna', 'Clara', 'Doris', 'Emma']);
    const descending = await csvExport({ view: view({ sort: [{ column: 'firstName', direction: 'desc' }] }), onePerHousehold: true });
    expect(firstNames(descending.rows)).toEqual(['Emma', 'Doris', 'Clara', 'Bernd']);
  });

  it('asks for consent before it picks the household’s member', async () => {
    await member('Anna', 'Albers', lindenstrasse);
    await member('Bernd', 'Albers', lindenstrasse, ['post']);
    const letters = await csvExport({ view: view(), purpose: 'letter', onePerHousehold: true });
    expect(firstNames(letters.rows)).toEqual(['Bernd']);
    expect(letters.leftOutForConsent).toBe(1);
  });

  it('logs every export with everyone in it, durably; a refused request and a preview write nothing', async () => {
    await ok('settings.update', { operatorName: 'Sabine Sommer' });
    const anna = await member('Anna', 'Albers', {}, ['phone']);
    const bernd = await member('Bernd', 'Berger', {}, ['phone']);
    await member('Clara', 'Claus');

    const before = await filesOf(dataDir());
    expect(await call('exports.create', { format: 'pdf', view: view() })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('exports.create', { format: 'csv', view: view({ columns: ['shoeSize'] }) })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await ok('exports.preview', { view: view(), purpose: 'phone' })).toEqual({ count: 2, leftOutForConsent: 1, withoutConsent: 1 });
    expect(await filesOf(dataDir())).toEqual(before);

    const created = await ok<Created>('exports.create', { format: 'vcard3', view: view(), viewName: 'Telefonkette', purpose: 'phone', note: 'Adventsanrufe' });
    expect(created.fileName).toBe(`Kundenclub-Mitglieder-${localDate()}.vcf`);
    await reopen();

    const entry = {
      by: 'Sabine Sommer',
      format: 'vcard3',
      purpose: 'phone',
      viewName: 'Telefonkette',
      view: { filters: { statuses: ['active'] }, columns: ['firstName'], sort: [{ column: 'firstName', direction: 'asc' }] },
      onePerHousehold: false,
      includeWithoutConsent: false,
      note: 'Adventsanrufe',
      count: 2,
      leftOutForConsent: 1,
      fileName: created.fileName,
    };
    const [listed] = await ok<OutputOf<'exports.log'>>('exports.log', {});
    expect(listed).toEqual({ id: expect.any(String), at: expect.any(String), ...entry });
    // Who was in it stays on disk for a right of access, but is not in the list.
    const [file] = await readdir(join(dataDir(), 'log/exports'));
    const stored = JSON.parse(await readFile(join(dataDir(), 'log/exports', file!), 'utf8'));
    expect(stored.entry).toEqual({ ...listed, contactIds: [anna.id, bernd.id] });
  });
});

describe('exports.print', () => {
  it('answers the rows of a print by the same rules and logs it', async () => {
    await member('Anna', 'Albers', lindenstrasse, ['post']);
    await member('Bernd', 'Albers', lindenstrasse, ['post']);
    await member('Clara', 'Claus');
    // Consented, but a label needs a postal address.
    await member('Dora', 'Dietz', { city: 'Kassel' }, ['post']);

    const labels = await ok<Printed>('exports.print', { kind: 'labels-3x8', view: view({ columns: ['firstName', 'lastName', 'street'] }), purpose: 'letter', onePerHousehold: true });
    expect(labels).toMatchObject({ columns: ['firstName', 'lastName', 'street'], count: 1, leftOutForConsent: 1, leftOutWithoutAddress: 1, clubName: 'Kundenclub' });
    expect(labels.rows.map((row) => row.contact.firstName)).toEqual(['Anna']);
    const [logged] = await ok<OutputOf<'exports.log'>>('exports.log', {});
    expect(logged).toMatchObject({ format: 'print-labels-3x8', purpose: 'letter', onePerHousehold: true, count: 1, leftOutForConsent: 1 });
    expect(logged?.fileName).toBeUndefined();
  });

  it('lists birthdays by month and day, then name, whatever the view’s order; members without one are not on it', async () => {
    await member('Anna', 'Albers', { birthday: '1990-12-24' });
    await member('Bernd', 'Berger', { birthday: '--03-14' });
    await member('Clara', 'Claus', { birthday: '1950-03-14' });
    await member('Doris', 'Dietz');

    const printed = await ok<Printed>('exports.print', { kind: 'birthdays', view: view({ sort: [{ column: 'firstName', direction: 'desc' }] }) });
    expect(printed.rows.map((row) => row.contact.firstName)).toEqual(['Bernd', 'Clara', 'Anna']);
    expect(printed.count).toBe(3);
  });
});

describe('exports.log', () => {
  it('answers the newest first, as many as asked for', async () => {
    await member('Anna', 'Albers');
    for (const note of ['erste', 'zweite', 'dritte']) await ok('exports.create', { format: 'csv-excel-de', view: view(), note });
    const log = await ok<OutputOf<'exports.log'>>('exports.log', { limit: 2 });
    expect(log.map((entry) => entry.note)).toEqual(['dritte', 'zweite']);
    // An export after the log was read shows up too, once.
    await ok('exports.create', { format: 'csv', view: view(), note: 'vierte' });
    const notes = (await ok<OutputOf<'exports.log'>>('exports.log', {})).map((entry) => entry.note);
    expect(notes).toEqual(['vierte', 'dritte', 'zweite', 'erste']);
  });

  it('keeps the order of exports made within one millisecond, also when read back after a restart', async () => {
    await member('Anna', 'Albers');
    const notes = ['eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben'];
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T20:00:00.000Z') });
    try {
      for (const note of notes) await ok('exports.create', { format: 'csv', view: view(), note });
    } finally {
      vi.useRealTimers();
    }
    await reopen();
    const log = await ok<OutputOf<'exports.log'>>('exports.log', {});
    expect(log.map((entry) => entry.note)).toEqual(notes.toReversed());
  });
});
