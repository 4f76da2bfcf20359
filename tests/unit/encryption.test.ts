import { readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend';
import { createBackup, listBackups } from '../../electron/store/backup';
import { plainCodec } from '../../electron/store/codec';
import { commitRekey, createKey, openKey, plainKey, prepareRekey, readKeyFile, type FolderKey } from '../../electron/store/encryption';
import { readDocument } from '../../electron/store/store';
import type { AppStatus } from '../../shared/contract';
import type { Contact } from '../../shared/schemas/contact';
import { api } from '../helpers/api';
import { tempDir } from '../helpers/backend';
import { folderSnapshot } from '../helpers/folder';

/**
 * Encryption at rest against the real backend and store on a temp folder:
 * with a passphrase set no personal data is readable anywhere in the folder
 * (backups and export log included), a wrong passphrase opens and writes
 * nothing, and turning encryption on, changing it and turning it off survive
 * a restart, and a crash at any step.
 */

const passphrase = 'Lindenblüte im Mai 2026';
const nextPassphrase = 'Kastanienallee 17, Hinterhaus';

let dataDir: string;
let backend: Backend | undefined;
const { call, ok } = api(() => backend!.dispatch);

const open = async () => {
  backend = await openBackend({ dataDir, holder: 'web', version: 'test' });
};
const close = async () => {
  await backend?.close();
  backend = undefined;
};
const restart = async () => {
  await close();
  await open();
};

beforeEach(async () => {
  dataDir = await tempDir('kk-encryption-');
  await open();
});
afterEach(async () => {
  await close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Someone whose data is easy to spot: every needle is long enough not to turn up in random bytes by chance. */
const wilhelmine = {
  firstName: 'Wilhelmine',
  lastName: 'Schwarzenbeck',
  email: 'wilhelmine.schwarzenbeck@example.de',
  street: 'Fliederweg 12',
  postalCode: '15711',
  city: 'Königs Wusterhausen',
};

/** The demo data (events, invitations, orders, club members, tasks) plus Wilhelmine with an order, club membership and an export. */
async function arrange(): Promise<void> {
  await ok('demo.load', {});
  const contact = await ok<Contact>('contacts.create', wilhelmine);
  const [product] = await ok<Array<{ id: string }>>('catalog.list', {});
  await ok('orders.create', { contactId: contact.id, lines: [{ productId: product!.id, quantity: 2 }], note: 'Bringt Fliederweg-Rezepte mit' });
  await ok('club.join', { contactId: contact.id });
  await ok('exports.create', { format: 'csv', note: 'Weihnachtsbrief Schwarzenbeck' });
}

const contactsNow = async () => {
  const { items } = await ok<{ items: Contact[] }>('contacts.list', { limit: 1000 });
  return items.sort((a, b) => a.id.localeCompare(b.id));
};

/** Names, e-mail addresses and cities of every contact, as JSON would write them; short ones left out, as they may occur in ciphertext by chance. */
function needlesOf(contacts: Contact[]): string[] {
  const texts = contacts.flatMap((contact) => [contact.firstName, contact.lastName, contact.email, contact.city, contact.street]);
  return [...new Set(texts.filter((text): text is string => typeof text === 'string' && Buffer.byteLength(text) >= 6))];
}

/** Every file of the folder (backups, export log and all) that holds one of the needles, with the needle. */
async function plaintextFinds(needles: string[]): Promise<string[]> {
  const finds: string[] = [];
  for (const entry of await readdir(dataDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const bytes = await readFile(join(entry.parentPath, entry.name));
    for (const needle of needles) if (bytes.indexOf(Buffer.from(needle, 'utf8')) >= 0) finds.push(`${join(entry.parentPath, entry.name)}: ${needle}`);
  }
  return finds;
}

const status = () => ok<AppStatus>('app.status', {});

async function backupDirs(): Promise<string[]> {
  return (await listBackups(dataDir)).map((name) => join(dataDir, 'backups', name));
}

async function leftovers(): Promise<string[]> {
  const names = await readdir(dataDir, { recursive: true });
  return names.filter((name) => name.endsWith('.rekey') || name.endsWith('rekey.json'));
}

// Every turn on, change or unlock derives a key with scrypt (about a quarter second each, by design).
describe('encryption at rest', { timeout: 30_000 }, () => {
  it('leaves no contact name, e-mail address, street or city in the data folder, its backups or the export log', async () => {
    await arrange();
    const contacts = await contactsNow();
    const needles = needlesOf(contacts);
    expect(needles.length).toBeGreaterThan(100);
    // A backup taken before encryption holds plaintext, as every file of the folder does now.
    await createBackup(dataDir, { keep: 10, label: 'manual' });
    // A broken document kept beside its restored copy (recovery.restore) holds names too.
    const shards = await readdir(join(dataDir, 'contacts'));
    for (const shard of shards) await writeFile(join(dataDir, 'contacts', `${shard}.broken-2026-11-27T10-00-00-000Z`), await readFile(join(dataDir, 'contacts', shard)));
    expect(await plaintextFinds([wilhelmine.lastName])).not.toEqual([]);
    expect((await readdir(join(dataDir, 'log/exports'))).length).toBe(1);

    await ok('encryption.enable', { passphrase });
    expect(await ok('encryption.status', {})).toEqual({ enabled: true });
    // Written after enabling: a new contact, an export, a backup.
    await ok('contacts.create', { firstName: 'Leopoldine', lastName: 'Habermehl', city: 'Wolfenbüttel' });
    await ok('exports.create', { format: 'csv', note: 'Adventsgruß Habermehl' });
    await createBackup(dataDir, { keep: 10, label: 'manual' });
    await restart();

    expect(await status()).toMatchObject({ state: 'locked' });
    expect(await plaintextFinds([...needles, 'Leopoldine', 'Habermehl', 'Wolfenbüttel', 'Weihnachtsbrief', 'Adventsgruß', 'Fliederweg-Rezepte'])).toEqual([]);
    expect((await backupDirs()).length).toBeGreaterThanOrEqual(2);

    await ok('app.unlock', { passphrase });
    expect(await status()).toMatchObject({ state: 'ready' });
    const after = await contactsNow();
    expect(after.filter((contact) => contact.lastName !== 'Habermehl')).toEqual(contacts);
    expect(await ok<unknown[]>('exports.log', {})).toHaveLength(2);
  });

  it('answers nothing but the unlock while locked, and a wrong passphrase opens and writes nothing', async () => {
    await ok('contacts.create', wilhelmine);
    await ok('encryption.enable', { passphrase });
    await restart();
    const before = await folderSnapshot(dataDir);

    expect(await call('contacts.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'errors.locked' } });
    expect(await call('app.unlock', { passphrase: 'Lindenblüte im Juni 2026' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'errors.wrongPassphrase' } });
    expect(await status()).toMatchObject({ state: 'locked' });
    expect(await call('contacts.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'errors.locked' } });
    expect(await folderSnapshot(dataDir)).toEqual(before);

    // Composed differently (as macOS types Umlaute), the same passphrase opens the folder.
    await ok('app.unlock', { passphrase: passphrase.normalize('NFD') });
    expect(await contactsNow()).toEqual([expect.objectContaining({ lastName: 'Schwarzenbeck' })]);
  });

  it('refuses to change or turn off encryption with a wrong current passphrase, and writes nothing', async () => {
    await ok('contacts.create', wilhelmine);
    await ok('encryption.enable', { passphrase });
    const before = await folderSnapshot(dataDir);
    expect(await call('encryption.change', { current: nextPassphrase, next: 'noch ein anderes Passwort' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'errors.wrongPassphrase' },
    });
    expect(await call('encryption.disable', { current: nextPassphrase })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'errors.wrongPassphrase' } });
    expect(await folderSnapshot(dataDir)).toEqual(before);
    expect(await ok('encryption.status', {})).toEqual({ enabled: true });
  });

  it('refuses a short passphrase, a second enable and a change while off', async () => {
    const before = await folderSnapshot(dataDir);
    expect(await call('encryption.enable', { passphrase: 'kurz' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'passphrase', message: 'validation.passphraseTooShort' }] },
    });
    expect(await call('encryption.change', { current: passphrase, next: nextPassphrase })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'errors.encryptionOff' } });
    expect(await call('encryption.disable', { current: passphrase })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'errors.encryptionOff' } });
    expect(await folderSnapshot(dataDir)).toEqual(before);
    await ok('encryption.enable', { passphrase });
    expect(await call('encryption.enable', { passphrase: nextPassphrase })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'errors.encryptionOn' } });
  });

  it('changes the passphrase: the old one is refused, the new one opens everything, backups included', async () => {
    await arrange();
    const contacts = await contactsNow();
    await createBackup(dataDir, { keep: 10 });
    await ok('encryption.enable', { passphrase });
    await createBackup(dataDir, { keep: 10, label: 'manual' });

    await ok('encryption.change', { current: passphrase, next: nextPassphrase });
    expect(await contactsNow()).toEqual(contacts);
    await restart();
    expect(await call('app.unlock', { passphrase })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'errors.wrongPassphrase' } });
    await ok('app.unlock', { passphrase: nextPassphrase });
    expect(await contactsNow()).toEqual(contacts);
    expect(await plaintextFinds(needlesOf(contacts))).toEqual([]);

    // Every backup now carries the folder's key file and opens with the new passphrase (restored or moved, it stays readable).
    const { codec } = await openKey((await readKeyFile(dataDir))!, nextPassphrase);
    const backups = await backupDirs();
    expect(backups.length).toBeGreaterThanOrEqual(2);
    for (const dir of backups) {
      expect(await readKeyFile(dir)).toEqual(await readKeyFile(dataDir));
      expect(await readDocument(dir, 'meta.json', 'meta', codec)).toBeDefined();
    }
  });

  it('turns encryption off: plain JSON again everywhere, data intact, no passphrase asked', async () => {
    await arrange();
    const contacts = await contactsNow();
    await createBackup(dataDir, { keep: 10 });
    await ok('encryption.enable', { passphrase });
    await createBackup(dataDir, { keep: 10, label: 'manual' });

    await ok('encryption.disable', { current: passphrase });
    await restart();
    expect(await status()).toMatchObject({ state: 'ready' });
    expect(await ok('encryption.status', {})).toEqual({ enabled: false });
    expect(await contactsNow()).toEqual(contacts);
    expect(await ok<unknown[]>('exports.log', {})).toHaveLength(1);
    expect((await readdir(dataDir, { recursive: true })).filter((name) => name.endsWith('encryption.json'))).toEqual([]);
    for (const dir of [dataDir, ...(await backupDirs())]) {
      expect(JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8'))).toMatchObject({ schemaVersion: 1 });
      expect(await readDocument(dir, 'settings.json', 'settings', plainCodec)).toBeDefined();
    }
    expect(await plaintextFinds([wilhelmine.lastName])).not.toEqual([]);
  });

  it('refuses a change it cannot finish (a damaged export log entry) and keeps the folder open with the old passphrase', async () => {
    await ok('contacts.create', wilhelmine);
    await ok('encryption.enable', { passphrase });
    await ok('exports.create', { format: 'csv' });
    const [entry] = await readdir(join(dataDir, 'log/exports'));
    await writeFile(join(dataDir, 'log/exports', entry!), 'not what was written');

    expect(await call('encryption.change', { current: passphrase, next: nextPassphrase })).toMatchObject({
      ok: false,
      error: { code: 'STORAGE', message: expect.stringContaining(`log/exports/${entry}`) },
    });
    expect(await status()).toMatchObject({ state: 'ready' });
    expect(await contactsNow()).toEqual([expect.objectContaining({ lastName: 'Schwarzenbeck' })]);
    expect(await leftovers()).toEqual([]);
    await restart();
    expect(await call('app.unlock', { passphrase: nextPassphrase })).toMatchObject({ ok: false, error: { message: 'errors.wrongPassphrase' } });
    await ok('app.unlock', { passphrase });
    expect(await contactsNow()).toEqual([expect.objectContaining({ lastName: 'Schwarzenbeck' })]);
  });

  it('opens a damaged encrypted document in recovery, not as a wrong passphrase', async () => {
    await ok('contacts.create', wilhelmine);
    await ok('encryption.enable', { passphrase });
    await close();
    const shard = (await readdir(join(dataDir, 'contacts')))[0]!;
    const bytes = await readFile(join(dataDir, 'contacts', shard));
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 20) ^ 0xff, bytes.length - 20);
    await writeFile(join(dataDir, 'contacts', shard), bytes);
    await open();

    await ok('app.unlock', { passphrase });
    expect(await status()).toMatchObject({ state: 'recovery', broken: [expect.objectContaining({ file: `contacts/${shard}` })] });
  });
});

/**
 * A crash during a change of the key: prepareRekey (every file re-encoded
 * beside the original), commitRekey (the key file replaced) and the
 * completion at the next opening. Each case stops after a step, as a killed
 * process would, and opens the folder again.
 */
describe('an interrupted change of the key', { timeout: 30_000 }, () => {
  type Case = { name: string; from: () => Promise<FolderKey>; to: () => Promise<FolderKey>; oldPassphrase?: string; newPassphrase?: string };
  const cases: Case[] = [
    { name: 'turning encryption on', from: async () => plainKey, to: () => createKey(passphrase), newPassphrase: passphrase },
    {
      name: 'changing the passphrase',
      from: async () => openKey((await readKeyFile(dataDir))!, passphrase),
      to: () => createKey(nextPassphrase),
      oldPassphrase: passphrase,
      newPassphrase: nextPassphrase,
    },
    { name: 'turning encryption off', from: async () => openKey((await readKeyFile(dataDir))!, passphrase), to: async () => plainKey, oldPassphrase: passphrase },
  ];

  /** Arranges a folder with a backup, stored with the case's old key; answers its contacts. Leaves the folder closed. */
  async function arrangeClosed(oldPassphrase: string | undefined): Promise<Contact[]> {
    await ok('contacts.create', wilhelmine);
    await ok('contacts.create', { firstName: 'Leopoldine', lastName: 'Habermehl', city: 'Wolfenbüttel' });
    await createBackup(dataDir, { keep: 10 });
    if (oldPassphrase) await ok('encryption.enable', { passphrase: oldPassphrase });
    const contacts = await contactsNow();
    await close();
    return contacts;
  }

  /** Opens the folder as a restart would: with `expected`'s passphrase (none: plain) it opens, with the other it does not. */
  async function expectOpensWith(expected: string | undefined, other: string | undefined, contacts: Contact[]) {
    await open();
    if (expected) {
      expect(await status()).toMatchObject({ state: 'locked' });
      if (other) expect(await call('app.unlock', { passphrase: other })).toMatchObject({ ok: false, error: { message: 'errors.wrongPassphrase' } });
      await ok('app.unlock', { passphrase: expected });
    }
    expect(await status()).toMatchObject({ state: 'ready' });
    expect(await contactsNow()).toEqual(contacts);
    expect(await leftovers()).toEqual([]);
    // The backups went the same way as the folder.
    const codec = expected ? (await openKey((await readKeyFile(dataDir))!, expected)).codec : plainCodec;
    for (const dir of await backupDirs()) expect(await readDocument(dir, 'meta.json', 'meta', codec)).toBeDefined();
  }

  for (const { name, from, to, oldPassphrase, newPassphrase } of cases) {
    it(`${name}: stopped before the commit, the folder opens as before`, async () => {
      const contacts = await arrangeClosed(oldPassphrase);
      await prepareRekey(dataDir, await from(), await to());
      expect(await leftovers()).not.toEqual([]);
      await expectOpensWith(oldPassphrase, newPassphrase, contacts);
    });

    it(`${name}: stopped after the commit, half the files in place, the folder opens as after`, async () => {
      const contacts = await arrangeClosed(oldPassphrase);
      const target = await to();
      await prepareRekey(dataDir, await from(), target);
      await commitRekey(dataDir, target);
      // The completion had renamed every other re-encoded file into place when the process died.
      const pending = (await leftovers()).filter((file) => file.endsWith('.rekey'));
      for (const file of pending.filter((_, index) => index % 2 === 0)) await rename(join(dataDir, file), join(dataDir, file.slice(0, -'.rekey'.length)));
      await expectOpensWith(newPassphrase, oldPassphrase, contacts);
    });
  }
});
