import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contactShardOf, paths } from '../../electron/store/documents';
import type { Contact } from '../../shared/schemas/contact';
import { tempDir } from '../helpers/backend';
import { callServer, startServer, useBrowserMode, type RunningServer } from './harness';

/**
 * The page "Datensicherung" and the recovery screen in Chromium against
 * browser mode: back up, restore after confirming, move the data to a second
 * computer through the archive file, and restore broken files at start.
 */
const app = useBrowserMode('kk-backups-');

let laptop: { server: RunningServer; dataDir: string } | undefined;
afterAll(async () => {
  await laptop?.server.stop();
  if (laptop) await rm(laptop.dataDir, { recursive: true, force: true });
});

const lastNames = async (call: (operation: string, input: unknown) => Promise<{ items: Contact[] }>) =>
  (await call('contacts.list', {})).items.map((contact) => contact.lastName).sort();

describe('backups and moving in browser mode', () => {
  it('backs up, restores after confirming, and moves the data to another computer through the archive file', async () => {
    await app.api('contacts.create', { firstName: 'Anna', lastName: 'Adler' });
    const page = await app.newPage();
    await page.goto(`${app.url()}/#/data`);
    await page.getByRole('heading', { level: 1, name: 'Datensicherung' }).waitFor();
    await page.getByRole('button', { name: 'Jetzt sichern' }).click();
    await page.getByRole('cell', { name: 'Von Hand' }).waitFor();

    await app.api('contacts.create', { firstName: 'Berta', lastName: 'Bauer' });
    await page.getByRole('button', { name: /^Sicherung vom .* wiederherstellen$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Sicherung wiederherstellen?' });
    await dialog.getByText('Der aktuelle Stand wird vorher gesichert', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Wiederherstellen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Planung' }).waitFor();
    expect(await lastNames((operation, input) => app.api(operation, input))).toEqual(['Adler']);

    // Browser mode has no file manager to open: the page says where the backups are.
    await page.getByRole('link', { name: 'Datensicherung' }).click();
    await page.getByRole('button', { name: 'Ordner öffnen' }).click();
    const { folder } = await app.api<{ folder: string }>('backups.list', {});
    await page.getByText(folder).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Daten exportieren (Umzug)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^kundenkreis-daten-\d{4}-\d{2}-\d{2}\.json\.gz$/);
    const dataDir = await tempDir('kk-backups-laptop-');
    laptop = { server: await startServer(dataDir), dataDir };

    const other = await app.newPage();
    await other.goto(`${laptop.server.url}/#/data`);
    await other.getByLabel('Archivdatei auswählen (.json.gz)').setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/gzip',
      buffer: await readFile(await download.path()),
    });
    await other.getByRole('button', { name: 'Daten importieren' }).click();
    await other.getByText('Daten übernommen (Kontakte: 1, Veranstaltungen: 0).').waitFor();
    const onLaptop = laptop.server;
    expect(await lastNames((operation, input) => callServer(onLaptop, operation, input))).toEqual(['Adler']);
    await page.close();
    await other.close();
  });

  it('restores broken files from the recovery screen and opens the app with the data', async () => {
    const anna = await app.api<Contact>('contacts.create', { firstName: 'Clara', lastName: 'Christ' });
    await app.api('backups.create', {});
    const { dataDir } = await app.api<{ dataDir: string }>('app.status', {});
    await writeFile(join(dataDir, paths.contactShard(contactShardOf(anna.id))), '{"schemaVersion":2,"contacts":{');
    await app.restart();

    const page = await app.newPage();
    await page.goto(`${app.url()}/#/contacts`);
    await page.getByRole('heading', { level: 1, name: 'Datendateien lassen sich nicht lesen' }).waitFor();
    await page.getByRole('button', { name: 'Diese Kopien wiederherstellen' }).click();
    await page.getByRole('navigation').first().waitFor();
    await page.getByText('Christ', { exact: false }).first().waitFor();
    expect(await app.api('app.status', {})).toMatchObject({ state: 'ready' });
    await page.close();
  });
});
