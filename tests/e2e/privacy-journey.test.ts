import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { root, useBrowserMode } from './harness';

/**
 * The DSGVO journey in Chromium against browser mode (issue 7, "Done when"):
 * a person asks what is stored about her (Art. 15: JSON download and print
 * view), then to be erased (Art. 17); afterwards she is gone from the search
 * and from exports, and the figures of the party she bought at are unchanged.
 */
const app = useBrowserMode('kk-privacy-');

const wording = 'Ja, ich möchte Neuigkeiten vom Kundenclub per E-Mail erhalten.';

async function arrange() {
  const product = await app.api<{ id: string }>('catalog.create', { sku: 'K-100', name: 'Kräuterbalsam', priceCents: 2490 });
  const person = await app.api<{ id: string }>('contacts.create', {
    firstName: 'Annegret',
    lastName: 'Quastenberg',
    email: 'annegret.q@example.de',
    phone: '0351 7654321',
    city: 'Dresden',
    consents: [{ channel: 'email', purpose: 'club', granted: true, source: 'form', wording }],
  });
  const bernd = await app.api<{ id: string }>('contacts.create', { firstName: 'Bernd', lastName: 'Berger', city: 'Meißen' });
  const party = await app.api<{ id: string }>('events.create', { kind: 'party', title: 'Herbstparty', startsAt: '2026-10-01T19:00:00+02:00', hostId: bernd.id });
  await app.api('invitations.add', { eventId: party.id, contactIds: [person.id, bernd.id] });
  await app.api('checkin.checkIn', { eventId: party.id, contactId: person.id });
  await app.api('checkin.checkIn', { eventId: party.id, contactId: bernd.id });
  const order = await app.api<{ id: string }>('orders.create', { eventId: party.id, contactId: person.id, lines: [{ productId: product.id, quantity: 3 }] });
  await app.api('orders.addPayment', { orderId: order.id, method: 'cash', amountCents: 5000 });
  await app.api('orders.create', { eventId: party.id, contactId: bernd.id, lines: [{ productId: product.id, quantity: 2 }] });
  await app.api('club.join', { contactId: person.id });
  await app.api('club.join', { contactId: bernd.id });
  const exported = await app.api<{ fileName: string }>('exports.create', { format: 'csv', view: { columns: ['firstName', 'lastName'] } });
  return { person, party, order, exported };
}

/** Every figure of the event's report: label and value as shown. */
async function reportFigures(page: Page, eventId: string): Promise<string[][]> {
  await page.goto(`${app.url()}/#/planning/${eventId}/report`);
  await page.getByRole('heading', { name: 'Auswertung: Herbstparty' }).waitFor();
  const labels = page.locator('dt');
  await labels.first().waitFor();
  await page.locator('dt', { hasText: /^Umsatz$/ }).waitFor();
  return page.locator('dl').evaluateAll((lists) =>
    lists.flatMap((list) => [...list.querySelectorAll('dt')].map((term) => [term.textContent ?? '', term.nextElementSibling?.textContent ?? ''])),
  );
}

/** The club's member export as the standard CSV, downloaded through the export dialog. */
async function clubExport(page: Page): Promise<string[][]> {
  await page.goto(`${app.url()}/#/club`);
  await page.getByRole('button', { name: 'Exportieren' }).click();
  const dialog = page.getByRole('dialog', { name: 'Exportieren oder drucken' });
  await dialog.getByRole('textbox', { name: 'Format' }).or(dialog.getByRole('combobox', { name: 'Format' })).first().click();
  await page.getByRole('option', { name: 'CSV Standard (UTF-8, Komma)' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Exportieren' }).click()]);
  const text = await readFile(await download.path(), 'utf8');
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

describe('privacy journey in browser mode', () => {
  it('exports her data (Art. 15), anonymises her (Art. 17); then she is gone from search and exports and the event totals stay', async () => {
    const { person, party, order, exported } = await arrange();
    const page = await app.newPage();
    const figuresBefore = await reportFigures(page, party.id);
    expect(figuresBefore).toEqual(expect.arrayContaining([['Umsatz', expect.stringMatching(/124,50\s€/)]]));
    expect((await clubExport(page)).map((row) => row.join(' '))).toEqual(expect.arrayContaining([expect.stringContaining('Quastenberg')]));

    // Art. 15: the JSON file holds her name, her order and the export she was in.
    await page.goto(`${app.url()}/#/contacts/${person.id}`);
    await page.getByRole('heading', { level: 1, name: 'Annegret Quastenberg' }).waitFor();
    await page.getByRole('button', { name: 'Auskunft nach Art. 15 DSGVO über Annegret Quastenberg' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Als JSON-Datei herunterladen' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^auskunft-quastenberg-annegret-\d{4}-\d{2}-\d{2}\.json$/);
    const report = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(report.contact).toMatchObject({ firstName: 'Annegret', lastName: 'Quastenberg', email: 'annegret.q@example.de' });
    expect(report.contact.consents[0].wording).toBe(wording);
    expect(report.orders.map((entry: { id: string }) => entry.id)).toEqual([order.id]);
    expect(report.invitations[0].invitation.checkins).toHaveLength(1);
    expect(report.club.member.memberNumber).toBeTruthy();
    expect(report.exports.map((entry: { fileName: string }) => entry.fileName)).toEqual(expect.arrayContaining([exported.fileName]));

    // …and the print view shows the same.
    await page.getByRole('button', { name: /Auskunft nach Art\. 15/ }).click();
    await page.getByRole('menuitem', { name: 'Druckansicht öffnen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Auskunft nach Art. 15 DSGVO' }).waitFor();
    await page.getByText('Über: Annegret Quastenberg').waitFor();
    const orders = page.getByRole('region', { name: 'Bestellungen und Zahlungen' });
    await orders.getByText(/Summe 74,70\s€, bezahlt 50,00\s€, offen 24,70\s€/).waitFor();
    await page.getByRole('region', { name: 'Einladungen und Check-ins' }).getByText('Herbstparty').waitFor();
    await mkdir(join(root, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(root, 'test-results/privacy-print-de.png'), fullPage: true });
    await page.getByRole('link', { name: 'Zurück' }).click();

    // Art. 17: through the confirmation, which wants her last name.
    await page.getByRole('button', { name: 'Anonymisieren (Art. 17)' }).click();
    const modal = page.getByRole('dialog', { name: 'Annegret Quastenberg anonymisieren' });
    const submit = modal.getByRole('button', { name: 'Endgültig anonymisieren' });
    await expect.poll(() => submit.isDisabled()).toBe(true);
    const confirm = modal.getByRole('textbox', { name: /Nachnamen „Quastenberg“/ });
    await expect.poll(() => confirm.evaluate((element) => element === document.activeElement)).toBe(true);
    await confirm.pressSequentially('Quastenberg');
    await modal.getByRole('textbox', { name: /Grund/ }).fill('Löschwunsch per E-Mail');
    await expect.poll(() => modal.evaluate((element) => getComputedStyle(element.closest('.mantine-Modal-content') ?? element).opacity)).toBe('1');
    await page.screenshot({ path: join(root, 'test-results/privacy-erase-de.png') });
    await submit.click();
    await page.getByText(/Annegret Quastenberg wurde anonymisiert\. Bestellungen erscheinen jetzt unter „Gelöscht [A-Z2-9]{4}“\./).waitFor();
    await expect.poll(() => page.url()).toMatch(/#\/contacts$/);

    // Gone from the search box…
    await page.getByRole('searchbox', { name: 'Kontakte suchen' }).fill('Quastenberg');
    await page.getByText('Kein Kontakt passt zu „Quastenberg“.').waitFor();
    await page.getByRole('searchbox', { name: 'Kontakte suchen' }).fill('Berger');
    await page.getByText('1 Kontakt', { exact: true }).waitFor();
    // …from the club's export…
    const rows = await clubExport(page);
    expect(rows.map((row) => row.join(' ')).join('\n')).not.toMatch(/Quastenberg|Annegret/);
    expect(rows.map((row) => row.join(' ')).join('\n')).toMatch(/Berger/);
    // …and the party's figures are the same.
    expect(await reportFigures(page, party.id)).toEqual(figuresBefore);

    // The privacy page: the erasure log holds the pseudonym, no name.
    await page.goto(`${app.url()}/#/privacy`);
    // A fresh page: the notifications of the journey would cover the log in the screenshot.
    await page.reload();
    const log = page.getByRole('region', { name: 'Protokoll der Anonymisierungen' });
    await log.getByText(/^Gelöscht [A-Z2-9]{4}$/).waitFor();
    await log.getByText('Löschwunsch per E-Mail').waitFor();
    await log.getByText('1 Bestellung, 1 Einladung').waitFor();
    expect(await log.textContent()).not.toMatch(/Quastenberg|Annegret/);
    await page.screenshot({ path: join(root, 'test-results/privacy-de.png'), fullPage: true });
    await page.close();
  });
});
