import { rm } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend';
import { MAX_ARCHIVE_UNPACKED_BYTES } from '../../electron/store/archive';
import { checksummedJson } from '../../electron/store/checksum';
import { listBackups } from '../../electron/store/backup';
import { readDataFiles } from '../../electron/store/data-files';
import { createHttpApp, hostsFor } from '../../electron/transport/http';
import { archiveBase64 } from '../../shared/schemas/data';
import type { Contact } from '../../shared/schemas/contact';
import { api, useTestBackend } from '../helpers/api';
import { tempDir } from '../helpers/backend';
import { folderSnapshot } from '../helpers/folder';
import { heldParty } from '../helpers/followup';

const source = useTestBackend();

/** A second computer: a backend on its own empty folder. */
const others: Array<{ backend: Backend; dataDir: string }> = [];
async function otherComputer() {
  const dataDir = await tempDir();
  const open = () => openBackend({ dataDir, holder: 'web', version: 'test' });
  const entry = { backend: await open(), dataDir };
  others.push(entry);
  return {
    ...api(() => entry.backend.dispatch),
    dataDir,
    restart: async () => {
      await entry.backend.close();
      entry.backend = await open();
    },
  };
}
afterEach(async () => {
  for (const { backend, dataDir } of others.splice(0)) {
    await backend.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

type Archive = { fileName: string; contentBase64: string; sizeBytes: number };

/** Everything a user would see of the data, in a comparable order. */
async function visibleData(ok: ReturnType<typeof api>['ok']) {
  return {
    contacts: await ok('contacts.list', { limit: 1000 }),
    events: await ok('events.list', {}),
    orders: await ok('orders.list', {}),
    catalog: await ok('catalog.list', {}),
    members: await ok('club.members', {}),
  };
}

/** An archive as another program (or an attacker) might write it; `files` is JSON text, to hold keys such as __proto__. */
function handMadeArchive(files: string): string {
  const json = `{"format":"kundenkreis-archive","version":1,"createdAt":"2026-11-27T10:00:00.000Z","appVersion":"test","files":${files}}`;
  return gzipSync(json).toString('base64');
}
const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('moving to a new laptop (data archive)', () => {
  it('takes the whole folder to an empty one, which holds the same data after a restart', async () => {
    const { anna, clara, order } = await heldParty(source.ok);
    await order(anna, [{ sku: 'K-100', quantity: 2 }]);
    await order(clara, [{ sku: 'D-200', quantity: 1 }], null);
    await source.ok('club.join', { contactId: anna.id, source: 'contact' });
    await source.ok('backups.create', {});
    const before = await visibleData(source.ok);
    expect(before.members).toMatchObject({ total: 1 });

    const archive = await source.ok<Archive>('data.exportArchive', {});
    expect(archive.fileName).toMatch(/^kundenkreis-daten-\d{4}-\d{2}-\d{2}\.json\.gz$/);
    expect(archive.sizeBytes).toBe(Buffer.from(archive.contentBase64, 'base64').length);

    const laptop = await otherComputer();
    const imported = await laptop.ok('data.importArchive', { fileName: archive.fileName, contentBase64: archive.contentBase64 });
    expect(imported).toMatchObject({ contacts: 6, events: 1, status: { state: 'ready', empty: false } });
    await laptop.restart();
    expect(await visibleData(laptop.ok)).toEqual(before);
    // Byte for byte the same documents; the backups stay behind.
    expect(await readDataFiles(laptop.dataDir)).toEqual(await readDataFiles(source.dataDir()));
    expect(await listBackups(laptop.dataDir)).toEqual([expect.stringMatching(/before-import$/)]);
  });

  it('refuses to replace existing data without confirmation and changes no byte', async () => {
    await source.ok('contacts.create', { firstName: 'Anna', lastName: 'Adler' });
    const archive = await source.ok<Archive>('data.exportArchive', {});
    const laptop = await otherComputer();
    await laptop.ok('contacts.create', { firstName: 'Berta', lastName: 'Bauer' });
    const before = await folderSnapshot(laptop.dataDir);

    const refused = await laptop.call('data.importArchive', { fileName: archive.fileName, contentBase64: archive.contentBase64 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'errors.archiveWouldReplace' } });
    expect(await folderSnapshot(laptop.dataDir)).toEqual(before);
  });

  it('replaces existing data when confirmed, after backing it up', async () => {
    await source.ok('contacts.create', { firstName: 'Anna', lastName: 'Adler' });
    const archive = await source.ok<Archive>('data.exportArchive', {});
    const laptop = await otherComputer();
    await laptop.ok('contacts.create', { firstName: 'Berta', lastName: 'Bauer' });

    const imported = await laptop.ok<{ safetyBackup: string }>('data.importArchive', { fileName: archive.fileName, contentBase64: archive.contentBase64, replaceExisting: true });
    const names = (await laptop.ok<{ items: Contact[] }>('contacts.list', {})).items.map((contact) => contact.lastName);
    expect(names).toEqual(['Adler']);
    expect(imported.safetyBackup).toMatch(/before-import$/);

    // The data before is in the safety backup, and a restore brings it back.
    await laptop.ok('backups.restore', { name: imported.safetyBackup, confirm: true });
    expect((await laptop.ok<{ items: Contact[] }>('contacts.list', {})).items.map((contact) => contact.lastName)).toEqual(['Bauer']);
  });

  it('carries an encrypted folder over encrypted: the new folder opens locked until the passphrase is given', async () => {
    await source.ok('contacts.create', { firstName: 'Anna', lastName: 'Adler' });
    await source.ok('encryption.enable', { passphrase: 'Sonnenblume am Fenster' });
    const archive = await source.ok<Archive>('data.exportArchive', {});
    expect(gunzipSync(Buffer.from(archive.contentBase64, 'base64')).toString('utf8')).toContain('encryption.json');

    const laptop = await otherComputer();
    const imported = await laptop.ok('data.importArchive', { fileName: archive.fileName, contentBase64: archive.contentBase64 });
    expect(imported).toEqual({ safetyBackup: expect.stringMatching(/before-import$/), status: expect.objectContaining({ state: 'locked' }) });
    for (const bytes of (await readDataFiles(laptop.dataDir)).values()) expect(bytes.toString('latin1')).not.toContain('Adler');

    await laptop.ok('app.unlock', { passphrase: 'Sonnenblume am Fenster' });
    expect((await laptop.ok<{ items: Contact[] }>('contacts.list', {})).items.map((contact) => contact.lastName)).toEqual(['Adler']);
  });

  const exported = () => source.ok<Archive>('data.exportArchive', {});

  it.each([
    ['not gzip at all', async () => base64('just some text'), 'errors.archiveUnreadable'],
    ['a cut-off file', async () => (await exported()).contentBase64.slice(0, 400), 'errors.archiveUnreadable'],
    ['gzip of something else', async () => gzipSync('{"hello":"world"}').toString('base64'), 'errors.archiveNotKundenkreis'],
    ['a file outside the folder (../)', async () => handMadeArchive('{"../evil.json":"e30="}'), 'errors.archiveUnknownFile'],
    ['a hidden way out (contacts/../../x)', async () => handMadeArchive('{"contacts/../../x.json":"e30="}'), 'errors.archiveUnknownFile'],
    ['an absolute path', async () => handMadeArchive('{"/etc/passwd":"e30="}'), 'errors.archiveUnknownFile'],
    ['an unknown file', async () => handMadeArchive('{"notes.txt":"e30="}'), 'errors.archiveUnknownFile'],
    ['a __proto__ entry', async () => handMadeArchive('{"__proto__":"e30="}'), 'errors.archiveUnknownFile'],
    ['a file that is not base64', async () => handMadeArchive('{"meta.json":"not base64!"}'), 'errors.archiveNotKundenkreis'],
    ['a broken document', async () => handMadeArchive(`{"meta.json":"${base64('{"schemaVersion":1}')}"}`), 'errors.archiveDamaged'],
    // A checksum proves nothing about a file from elsewhere: an archive's documents are validated in full.
    ['a broken document with a matching checksum', async () => handMadeArchive(`{"meta.json":"${checksummedJson('meta', { schemaVersion: 1 }).toString('base64')}"}`), 'errors.archiveDamaged'],
    ['no meta.json', async () => handMadeArchive('{}'), 'errors.archiveDamaged'],
    ['a zip bomb', async () => gzipSync(Buffer.alloc(MAX_ARCHIVE_UNPACKED_BYTES + 1, 32)).toString('base64'), 'errors.archiveTooLarge'],
  ])('refuses an archive with %s and changes nothing', async (_case, make, message) => {
    await source.ok('contacts.create', { firstName: 'Anna', lastName: 'Adler' });
    const contentBase64 = await make();
    const before = await folderSnapshot(source.dataDir());
    const refused = await source.call('data.importArchive', { fileName: 'kundenkreis-daten.json.gz', contentBase64, replaceExisting: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message } });
    expect(await folderSnapshot(source.dataDir())).toEqual(before);
    expect(await source.ok('app.status', {})).toMatchObject({ state: 'ready' });
  });

  it('refuses input that is no base64 before reading it', async () => {
    const refused = await source.call('data.importArchive', { fileName: 'x.json.gz', contentBase64: 'ü%$', replaceExisting: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'contentBase64', message: 'validation.base64' }] } });
  });

  it('accepts in browser mode every archive the schema accepts (the body limit is larger)', async () => {
    const app = createHttpApp({ dispatch: (operation, input) => source.call(operation, input), version: 'test', allowedHosts: new Set(hostsFor('127.0.0.1', 4317)) });
    const largest = 'A'.repeat(archiveBase64.maxLength!);
    const response = await app.request('/api/data.importArchive', {
      method: 'POST',
      body: JSON.stringify({ fileName: 'kundenkreis-daten-2026-11-27.json.gz', contentBase64: largest, replaceExisting: false }),
      headers: { host: '127.0.0.1:4317', 'content-type': 'application/json' },
    });
    // Past the body limit and the schema: the archive itself is what is refused.
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'errors.archiveUnreadable' } });
  });
});
