import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, useBrowserMode } from './harness';

/**
 * Planning in Chromium against browser mode: import the Google sample, create
 * an event with a host, invite everybody tagged Kundenclub, record replies,
 * and open the printable guest list.
 */
const googleSample = join(root, 'tests/fixtures/samples/contacts/google-contacts.csv');
const app = useBrowserMode('kk-planning-');

describe('planning journey in browser mode', () => {
  it('imports contacts, invites the club to a party and keeps track of the replies', async () => {
    const page = await app.newPage();
    await page.goto(`${app.url()}/#/contacts/import`);

    await page.getByLabel('Datei auswählen (CSV, TXT oder vCard)').setInputFiles(googleSample);
    await page.getByText('Vorlage: Google Kontakte').waitFor();
    await page.getByRole('button', { name: /^\d+ Kontakte importieren$/ }).click();
    await page.getByText('Import abgeschlossen').waitFor();
    await page.getByRole('button', { name: 'Zur Kontaktliste' }).click();

    // Phonetic search: "meyer" finds Meier, Mayer and Maier.
    await page.getByLabel('Kontakte suchen').fill('meyer');
    for (const name of ['Meier', 'Mayer', 'Maier']) await page.getByRole('link', { name: new RegExp(name) }).first().waitFor();

    await page.goto(`${app.url()}/#/planning/new`);
    const form = page.getByRole('dialog');
    await form.getByLabel('Titel').fill('Herbstparty bei Özlem');
    await form.getByLabel('Datum').fill('04.12.2030');
    await form.getByLabel('Beginn').fill('19:00');
    await form.getByRole('combobox', { name: 'Gastgeberin' }).fill('Yılmaz');
    await page.getByRole('option', { name: /^Özlem Yılmaz/ }).click();
    await expect.poll(() => form.getByLabel('Ort').inputValue()).toContain('Leipzig');
    await form.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => form.isVisible()).toBe(false);
    await page.getByRole('link', { name: 'Herbstparty bei Özlem' }).click();

    await page.getByRole('button', { name: 'Gäste hinzufügen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Tags' }).first().click();
    await page.getByRole('option', { name: 'Kundenclub (5)' }).click();
    await dialog.getByText('5 Kontakte passen').waitFor();
    await dialog.getByRole('button', { name: 'Alle 5 einladen' }).click();
    await page.getByText('5 Gäste eingeladen.').waitFor();

    await page.getByRole('radiogroup', { name: 'Antwort von Sabine Meier' }).getByText('zugesagt', { exact: true }).click();
    await page.getByRole('radiogroup', { name: 'Antwort von Petra Schmitt' }).getByText('abgesagt', { exact: true }).click();
    const counts = page.getByRole('status', { name: 'Antworten' });
    await expect.poll(() => counts.textContent()).toMatch(/zugesagt: 1/);
    await expect.poll(() => counts.textContent()).toMatch(/abgesagt: 1/);
    await expect.poll(() => counts.textContent()).toMatch(/offen: 3/);

    await page.getByRole('link', { name: 'Gästeliste drucken' }).click();
    await page.getByRole('heading', { name: 'Gästeliste: Herbstparty bei Özlem' }).waitFor();
    for (const guest of ['Meier, Sabine', 'Schmitt, Petra', 'Yılmaz, Özlem', 'Groß, Anna-Lena', 'von Bülow, Klaus-Dieter']) {
      await page.getByRole('cell', { name: guest }).first().waitFor();
    }
    await mkdir(join(root, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(root, 'test-results/guest-list-de.png'), fullPage: true });
    await page.close();
  });
});
