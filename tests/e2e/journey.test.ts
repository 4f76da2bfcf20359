import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/backend';
import { launchBrowser, root, startServer, type RunningServer } from './harness';

/**
 * The rep's first evening with the app, in a real Chromium against browser
 * mode: create a contact and an event through the UI, trip over an
 * impossible date, restart the server, find both again.
 */
let browser: Browser;
let server: RunningServer | undefined;
let dataDir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  dataDir = await tempDir('kk-journey-');
});
afterAll(async () => {
  await server?.stop();
  await browser?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function openApp(): Promise<Page> {
  server = await startServer(dataDir);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  await page.goto(server.url);
  return page;
}

describe('first evening in browser mode', () => {
  it('creates a contact and an event, shows a German error for an impossible date, and keeps both over a restart', async () => {
    let page = await openApp();
    const nav = page.getByRole('navigation');

    await nav.getByRole('link', { name: 'Kontakte' }).click();
    await page.getByRole('button', { name: 'Kontakt anlegen' }).first().click();
    const contactForm = page.getByRole('dialog');
    await contactForm.getByLabel('Vorname').fill('Jörg');
    await contactForm.getByLabel('Nachname').fill('Weiß');
    await contactForm.getByLabel('E-Mail').fill('joerg.weiss@web.de');
    await contactForm.getByLabel('PLZ').fill('01067');
    await contactForm.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => contactForm.isVisible()).toBe(false);
    await page.getByText('joerg.weiss@web.de').waitFor();

    await nav.getByRole('link', { name: 'Planung' }).click();
    await page.getByRole('button', { name: 'Veranstaltung anlegen' }).first().click();
    const eventForm = page.getByRole('dialog');
    await eventForm.getByLabel('Titel').fill('Adventsparty bei Jörg Weiß');
    await eventForm.getByRole('combobox', { name: 'Art' }).click();
    await page.getByRole('option', { name: 'Home-Party' }).click();
    await eventForm.getByLabel('Datum').fill('30.02.2026');
    await eventForm.getByLabel('Beginn').fill('19:30');
    await eventForm.getByRole('button', { name: 'Speichern' }).click();
    await eventForm.getByText('Dieses Datum gibt es nicht').waitFor();

    await eventForm.getByLabel('Datum').fill('04.12.2026');
    await eventForm.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => eventForm.isVisible()).toBe(false);
    await page.getByText('Adventsparty bei Jörg Weiß').waitFor();

    await mkdir(join(root, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(root, 'test-results/events-de.png') });

    await page.close();
    await server!.stop();
    server = undefined;

    page = await openApp();
    await page.getByText('Adventsparty bei Jörg Weiß').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Kontakte' }).click();
    await page.getByText('joerg.weiss@web.de').waitFor();
    await page.close();
  });
});
