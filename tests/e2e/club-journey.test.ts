import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { root, useBrowserMode } from './harness';

/**
 * The club manager's monthly export in Chromium against browser mode: filter
 * the member list by tier and postcode prefix, pick columns, export XLSX and
 * the Excel CSV, and check the files hold exactly the filtered members; then an
 * e-mail export that leaves out a member without e-mail consent and says so.
 */
const app = useBrowserMode('kk-club-');

interface Person {
  firstName: string;
  lastName: string;
  postalCode: string;
  city: string;
  points: number;
  emailConsent?: boolean;
}

const people: Person[] = [
  { firstName: 'Anna', lastName: 'Becker', postalCode: '01067', city: 'Dresden', points: 600, emailConsent: true },
  { firstName: 'Jürgen', lastName: 'Ährlich', postalCode: '01309', city: 'Dresden', points: 800 },
  { firstName: 'Bernd', lastName: 'Adler', postalCode: '01307', city: 'Dresden', points: 50, emailConsent: true },
  { firstName: 'Clara', lastName: 'Zander', postalCode: '34117', city: 'Kassel', points: 700, emailConsent: true },
  { firstName: 'Dora', lastName: 'Ober', postalCode: '10115', city: 'Berlin', points: 900 },
];

async function arrange() {
  await app.api('club.settings.update', {
    tierBasis: 'points',
    tiers: [
      { name: 'Bronze', threshold: 0 },
      { name: 'Gold', threshold: 500 },
    ],
  });
  for (const { points, emailConsent, ...person } of people) {
    const email = `${person.firstName.toLowerCase().replace('ü', 'ue')}@example.de`;
    const contact = await app.api<{ id: string }>('contacts.create', {
      ...person,
      email,
      street: 'Hauptstraße 1',
      birthday: '1980-05-17',
      consents: emailConsent ? [{ channel: 'email', purpose: 'marketing', granted: true, source: 'form', wording: 'Ja, per E-Mail.' }] : [],
    });
    await app.api('club.join', { contactId: contact.id });
    await app.api('club.addPoints', { contactId: contact.id, kind: 'adjustment', points, reason: 'Startguthaben' });
  }
}

/** Clicks "Exportieren" in the dialog and answers the downloaded file's name and bytes. */
async function exportFile(page: Page, format: string): Promise<{ name: string; bytes: Buffer }> {
  const dialog = page.getByRole('dialog', { name: 'Exportieren oder drucken' });
  await dialog.getByRole('textbox', { name: 'Format' }).or(dialog.getByRole('combobox', { name: 'Format' })).first().click();
  await page.getByRole('option', { name: format }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Exportieren' }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

describe('club journey in browser mode', () => {
  it('exports exactly the filtered members with the chosen columns, and leaves out those without consent for an e-mail export', async () => {
    await arrange();
    const page = await app.newPage();
    await page.goto(`${app.url()}/#/club`);
    await page.getByText('5 Mitglieder').waitFor();

    // Tier Gold and postcodes starting with 01: Jürgen Ährlich and Anna Becker (Bernd is Bronze, the others elsewhere).
    // The field's box lies over the (empty) input, as a user's click lands on it.
    await page.getByRole('combobox', { name: 'Stufe' }).click({ force: true });
    await page.getByRole('option', { name: 'Gold (4)' }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('Ort oder PLZ', { exact: true }).fill('01');
    await page.getByText('2 Mitglieder').waitFor();

    // Columns: take out Telefon and Geburtstag, add Status at the end.
    await page.getByRole('button', { name: 'Spalten' }).click();
    const chooser = page.getByRole('group', { name: 'Spalten' });
    await chooser.getByRole('checkbox', { name: 'Telefon', exact: true }).uncheck();
    await chooser.getByRole('checkbox', { name: 'Geburtstag', exact: true }).uncheck();
    await chooser.getByRole('checkbox', { name: 'Status', exact: true }).check();
    await page.keyboard.press('Escape');
    const columns = ['Mitgliedsnummer', 'Vorname', 'Nachname', 'Straße', 'PLZ', 'Ort', 'E-Mail', 'Stufe', 'Punkte', 'Mitglied seit', 'Status'];
    await expect.poll(async () => (await page.getByRole('columnheader').allTextContents()).filter((text) => text !== '')).toEqual(columns);

    await page.getByRole('button', { name: 'Exportieren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exportieren oder drucken' });
    await dialog.getByText('Enthält 2 Mitglieder.').waitFor();
    // The screenshot waits for the dialog's fade-in to end.
    await expect.poll(() => dialog.evaluate((element) => getComputedStyle(element.closest('.mantine-Modal-content') ?? element).opacity)).toBe('1');
    await mkdir(join(root, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(root, 'test-results/club-export-de.png') });

    const xlsx = await exportFile(page, 'XLSX (Excel)');
    expect(xlsx.name).toMatch(/^Kundenclub-Mitglieder-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual(columns);
    expect(sheet.rowCount).toBe(3);
    expect(values(2).slice(1, 6)).toEqual(['Jürgen', 'Ährlich', 'Hauptstraße 1', '01309', 'Dresden']);
    expect(values(3).slice(1, 6)).toEqual(['Anna', 'Becker', 'Hauptstraße 1', '01067', 'Dresden']);
    expect(sheet.getCell('E3').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('J3').value).toBeInstanceOf(Date);
    expect(sheet.getCell('J3').numFmt).toBe('DD.MM.YYYY');

    await page.getByRole('button', { name: 'Exportieren' }).click();
    const csv = await exportFile(page, 'CSV für Excel (Deutsch)');
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true });
    expect(parsed.data[0]).toEqual(columns);
    expect(parsed.data.slice(1).map((row) => [row[1], row[2], row[4], row[7], row[10]])).toEqual([
      ['Jürgen', 'Ährlich', '01309', 'Gold', 'aktiv'],
      ['Anna', 'Becker', '01067', 'Gold', 'aktiv'],
    ]);
    expect(parsed.data[2]![9]).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);

    // An e-mail mailing: Jürgen never consented to e-mail, so he is left out, and the dialog says so first.
    await page.getByRole('button', { name: 'Exportieren' }).click();
    await dialog.getByRole('radio', { name: 'E-Mail-Aussendung' }).check();
    await dialog.getByText('1 Mitglied ohne Einwilligung für E-Mail wird weggelassen.').waitFor();
    await dialog.getByText('Enthält 1 Mitglied.').waitFor();
    const mailing = await exportFile(page, 'CSV für Excel (Deutsch)');
    const mailingRows = Papa.parse<string[]>(mailing.bytes.toString('utf8').slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(mailingRows.slice(1).map((row) => row[2])).toEqual(['Becker']);
    await page.getByText('1 Mitglied exportiert, 1 ohne Einwilligung weggelassen.').waitFor();

    const log = await app.api<Array<{ format: string; purpose: string; count: number; leftOutForConsent: number }>>('exports.log', {});
    expect(log.map(({ format, purpose, count, leftOutForConsent }) => [format, purpose, count, leftOutForConsent])).toEqual([
      ['csv-excel-de', 'email', 1, 1],
      ['csv-excel-de', 'list', 2, 0],
      ['xlsx', 'list', 2, 0],
    ]);
    await page.close();
  });
});
