import { spawnSync } from 'node:child_process';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup, listBackups } from '../../electron/store/backup';
import { contactShardOf, newEventDocument, paths } from '../../electron/store/documents';
import { CorruptDocumentError, DurableJsonFile, writeFileDurably } from '../../electron/store/durable-file';
import { DataFolderLockedError } from '../../electron/store/lock';
import { Store } from '../../electron/store/store';
import { openBackend } from '../../electron/backend';
import type { Contact } from '../../shared/schemas/contact';
import { tempDir } from '../helpers/backend';

const folders: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close().catch(() => undefined);
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function freshDir(): Promise<string> {
  const dir = await tempDir();
  folders.push(dir);
  return dir;
}

async function open(dataDir: string, options: Partial<Parameters<typeof Store.open>[0]> = {}): Promise<Store> {
  const store = await Store.open({ dataDir, holder: 'test', appVersion: '1.0.0', ...options });
  stores.push(store);
  return store;
}

async function closeAll(): Promise<void> {
  for (const store of stores.splice(0)) await store.close();
}

const now = '2026-11-27T10:00:00.000Z';
const person = (id: string, firstName = 'Anna'): Contact => ({ id, firstName, lastName: 'Schmidt', tags: [], consents: [], createdAt: now, updatedAt: now });

/** Every file of a folder with its bytes, to prove that nothing changed. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(path, (await readFile(path)).toString('base64'));
    }
  }
  return files;
}

describe('durable adapter', () => {
  it('writes and reads back JSON and leaves no temp file behind', async () => {
    const dir = await freshDir();
    const file = new DurableJsonFile<{ a: number }>('settings', join(dir, 'doc.json'));
    expect(await file.read()).toBeNull();
    await file.write({ a: 1 });
    await file.write({ a: 2 });
    expect(await file.read()).toEqual({ a: 2 });
    expect(await readdir(dir)).toEqual(['doc.json']);
  });

  it('keeps the old content when the new one cannot be written', async () => {
    const dir = await freshDir();
    const target = join(dir, 'doc.json');
    await writeFileDurably(target, '{"old":true}');
    // A directory where the temp file would be renamed to makes the rename fail.
    await expect(writeFileDurably(join(dir, 'missing-folder', 'doc.json'), '{}')).rejects.toThrow();
    await mkdir(join(dir, 'blocked.json'));
    await expect(writeFileDurably(join(dir, 'blocked.json'), '{"new":true}')).rejects.toThrow();
    expect(await readFile(target, 'utf8')).toBe('{"old":true}');
    expect((await readdir(dir)).sort()).toEqual(['blocked.json', 'doc.json']);
  });

  it('reports a file that is not JSON, naming it', async () => {
    const dir = await freshDir();
    await writeFile(join(dir, 'broken.json'), '{"half": ');
    await expect(new DurableJsonFile('settings', join(dir, 'broken.json'), 'broken.json').read()).rejects.toThrow(CorruptDocumentError);
  });
});

describe('partitioned store', () => {
  it('creates meta and settings in a new folder and finds records again after reopening', async () => {
    const dir = await freshDir();
    const store = await open(dir);
    await store.saveContact('contact-0001', () => person('contact-0001'));
    await store.saveEvent('event-00001', () => ({
      id: 'event-00001', title: 'Homeparty', kind: 'party', startsAt: '2026-12-01T19:00:00+01:00', status: 'planned', createdAt: now, updatedAt: now,
    }));
    const meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8'));
    expect(meta).toMatchObject({ schemaVersion: 1, appVersion: '1.0.0' });
    await closeAll();

    const reopened = await open(dir);
    expect(reopened.contact('contact-0001')?.firstName).toBe('Anna');
    expect(reopened.event('event-00001')?.title).toBe('Homeparty');
    expect(reopened.meta.data.installationId).toBe(meta.installationId);
  });

  it('rewrites only the shard of the changed contact and only the changed event file', async () => {
    const dir = await freshDir();
    const store = await open(dir);
    const ids = Array.from({ length: 200 }, (_, i) => `contact-${String(i).padStart(4, '0')}`);
    for (const id of ids) await store.saveContact(id, () => person(id));
    await store.saveEvent('event-00001', () => ({
      id: 'event-00001', title: 'A', kind: 'club', startsAt: '2026-12-01T19:00:00+01:00', status: 'planned', createdAt: now, updatedAt: now,
    }));
    const shardFiles = await readdir(join(dir, 'contacts'));
    expect(shardFiles.length).toBeGreaterThan(20);

    const before = await snapshot(dir);
    const target = ids[17]!;
    await store.saveContact(target, (current) => ({ ...current!, firstName: 'Berta' }));
    const after = await snapshot(dir);
    const changed = [...after.keys()].filter((file) => after.get(file) !== before.get(file));
    expect(changed).toEqual([join(dir, paths.contactShard(contactShardOf(target)))]);
  });

  it('writes nothing when a change is refused', async () => {
    const dir = await freshDir();
    const store = await open(dir);
    await store.saveContact('contact-0001', () => person('contact-0001'));
    const before = await snapshot(dir);
    await expect(
      store.saveContact('contact-0001', () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await snapshot(dir)).toEqual(before);
    expect(store.contact('contact-0001')?.firstName).toBe('Anna');
  });

  it('applies concurrent changes to one shard one after another, losing none', async () => {
    const dir = await freshDir();
    const store = await open(dir);
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.saveContact(`same-shard-${i}`, () => person(`same-shard-${i}`))));
    await closeAll();
    const reopened = await open(dir);
    expect([...reopened.contacts()]).toHaveLength(50);
  });
});

describe('changes across documents', () => {
  const event = (id: string) =>
    newEventDocument({ id, title: 'Clubabend', kind: 'club', startsAt: '2026-12-01T19:00:00+01:00', status: 'planned', createdAt: now, updatedAt: now });

  it('writes contacts in many shards and an event in one step, and tells listeners', async () => {
    const dir = await freshDir();
    const store = await open(dir);
    await store.saveEventDocument('event-00001', () => event('event-00001'));
    const seen: string[] = [];
    store.onContactChange((next, previous) => seen.push(`${next?.id ?? previous?.id}:${previous ? 'changed' : 'new'}`));
    const ids = Array.from({ length: 40 }, (_, i) => `batch-${String(i).padStart(4, '0')}`);
    const result = await store.transact({ contactIds: ids, eventIds: ['event-00001'] }, () => ({
      contacts: ids.map((id) => person(id)),
      eventDocuments: [{ ...event('event-00001'), event: { ...event('event-00001').event, title: 'Umbenannt' } }],
      result: 'done',
    }));
    expect(result).toBe('done');
    expect(seen).toHaveLength(40);
    expect(await readdir(dir)).not.toContain('journal.json');
    await closeAll();
    const reopened = await open(dir);
    expect([...reopened.contacts()]).toHaveLength(40);
    expect(reopened.event('event-00001')?.title).toBe('Umbenannt');
  });

  it('creates a new event together with a change to another, in one step', async () => {
    const dir = await freshDir();
    const store = await open(dir);
    await store.saveEventDocument('event-00001', () => event('event-00001'));
    const created: string[] = [];
    store.onEventChange((next, previous) => previous === undefined && created.push(next.event.id));
    await store.transact({ eventIds: ['event-00001'], newEventIds: ['event-00002'] }, () => ({
      eventDocuments: [event('event-00002'), { ...event('event-00001'), event: { ...event('event-00001').event, notes: 'Buchung' } }],
      result: undefined,
    }));
    expect(created).toEqual(['event-00002']);
    expect(store.event('event-00002')?.title).toBe('Clubabend');
    await expect(store.transact({ newEventIds: ['event-00002'] }, () => ({ result: undefined }))).rejects.toThrow(/exists already/);
    await closeAll();
    const reopened = await open(dir);
    expect(reopened.event('event-00002')).toBeDefined();
    expect(reopened.event('event-00001')?.notes).toBe('Buchung');
  });

  it('writes nothing when the change is refused or reaches outside its scope', async () => {
    const dir = await freshDir();
    const store = await open(dir);
    await store.saveContact('contact-0001', () => person('contact-0001'));
    const before = await snapshot(dir);
    await expect(
      store.transact({ contactIds: ['contact-0001'] }, () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await expect(
      store.transact({ contactIds: ['contact-0001'] }, () => ({ contacts: [person('someone-else-9')], result: undefined })),
    ).rejects.toThrow(/outside the scope/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('completes a change whose journal was written before a crash', async () => {
    const dir = await freshDir();
    const store = await open(dir);
    await store.saveContact('contact-0001', () => person('contact-0001'));
    await closeAll();
    // What a crash right after writing the journal leaves: the journal, and documents not yet changed.
    const shard = paths.contactShard(contactShardOf('contact-0002'));
    const journal = { documents: { [shard]: { schemaVersion: 2, contacts: { 'contact-0002': person('contact-0002', 'Berta') } } } };
    await writeFile(join(dir, 'journal.json'), JSON.stringify(journal));
    const reopened = await open(dir);
    expect(reopened.contact('contact-0002')?.firstName).toBe('Berta');
    expect(await readdir(dir)).not.toContain('journal.json');
  });

  it('refuses a journal that names a file outside the data documents', async () => {
    const dir = await freshDir();
    await writeFile(join(dir, 'journal.json'), JSON.stringify({ documents: { '../evil.json': {} } }));
    await expect(open(dir)).rejects.toThrow(/journal.json: names an unexpected file/);
  });
});

describe('migration', () => {
  it('migrates a version-1 folder after backing it up, keeping every contact', async () => {
    const dir = await freshDir();
    await cp(join(import.meta.dirname, '../fixtures/data-v1'), dir, { recursive: true });
    const store = await open(dir);
    expect(store.contact('c2JoergMueller02')).toMatchObject({ firstName: 'Jörg', postalCode: '04109', birthday: '--07-21' });
    expect([...store.contacts()].map((c) => c.lastName).sort()).toEqual(['Meier', 'Müller', 'Schmidt']);
    expect(store.event('e1Herbstparty01')?.hostId).toBe('c1AnnaSchmidt01');

    const shard = JSON.parse(await readFile(join(dir, paths.contactShard(contactShardOf('c1AnnaSchmidt01'))), 'utf8'));
    expect(shard.schemaVersion).toBe(2);
    expect(shard.contacts.c1AnnaSchmidt01.city).toBe('Dresden');

    const [backup] = await listBackups(dir);
    expect(backup).toMatch(/before-migration$/);
    const saved = JSON.parse(await readFile(join(dir, 'backups', backup!, paths.contactShard(contactShardOf('c1AnnaSchmidt01'))), 'utf8'));
    expect(saved.schemaVersion).toBe(1);
    expect(Array.isArray(saved.contacts)).toBe(true);
  });

  it('refuses a document written by a newer version and leaves it untouched', async () => {
    const dir = await freshDir();
    await cp(join(import.meta.dirname, '../fixtures/data-v1'), dir, { recursive: true });
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 99, settings: {} }));
    const before = await snapshot(dir);
    await expect(open(dir)).rejects.toThrow(/settings.json: was written by a newer version/);
    expect(await snapshot(dir)).toEqual(before);
  });
});

describe('lock', () => {
  it('refuses a second opener of the same folder and says who holds it', async () => {
    const dir = await freshDir();
    await open(dir, { holder: 'desktop' });
    const second = Store.open({ dataDir: dir, holder: 'web', appVersion: '1.0.0' });
    await expect(second).rejects.toThrow(DataFolderLockedError);
    await expect(second).rejects.toThrow(new RegExp(`desktop, process ${process.pid}`));
  });

  it('opens again after the holder closed the folder', async () => {
    const dir = await freshDir();
    await open(dir);
    await closeAll();
    await expect(open(dir)).resolves.toBeInstanceOf(Store);
  });

  it('takes over at once a lock left by a process that died on this machine', async () => {
    const dir = await freshDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await mkdir(join(dir, '.lock'));
    await writeFile(join(dir, '.lock-holder.json'), JSON.stringify({ pid: Number(dead.stdout), host: hostname(), holder: 'web', since: now }));
    await expect(open(dir)).resolves.toBeInstanceOf(Store);
  });
});

describe('corruption', () => {
  it('refuses to open a folder with a broken document, names it, and changes no byte', async () => {
    const dir = await freshDir();
    const store = await open(dir);
    await store.saveContact('contact-0001', () => person('contact-0001'));
    await closeAll();
    const shardFile = paths.contactShard(contactShardOf('contact-0001'));
    await writeFile(join(dir, shardFile), '{"schemaVersion":2,"contacts":{"contact-0001":{"firstName":""}}}');
    const before = await snapshot(dir);
    await expect(open(dir)).rejects.toThrow(new RegExp(shardFile.replace('.', '\\.')));
    expect(await snapshot(dir)).toEqual(before);
  });

  it('opens the backend in recovery mode, offering the newest backup with a good copy', async () => {
    const dir = await freshDir();
    const store = await open(dir);
    await store.saveEvent('event-00001', () => ({
      id: 'event-00001', title: 'A', kind: 'club', startsAt: '2026-12-01T19:00:00+01:00', status: 'planned', createdAt: now, updatedAt: now,
    }));
    await closeAll();
    const good = await createBackup(dir, { keep: 10, now: new Date('2026-11-01T00:00:00Z') });
    await writeFile(join(dir, 'events/event-00001.json'), 'not json at all');
    const broken = await createBackup(dir, { keep: 10, now: new Date('2026-11-02T00:00:00Z') });
    expect(broken > good).toBe(true);

    const backend = await openBackend({ dataDir: dir, holder: 'web', version: 'test' });
    expect(backend.status).toMatchObject({ state: 'recovery', broken: [{ file: 'events/event-00001.json', backup: `backups/${good}` }] });
    const refused = await backend.dispatch('contacts.list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
    expect(await readFile(join(dir, 'events/event-00001.json'), 'utf8')).toBe('not json at all');
  });
});

describe('backups', () => {
  it('keeps the newest ten and leaves out the lock and older backups', async () => {
    const dir = await freshDir();
    await open(dir);
    const names: string[] = [];
    for (let day = 1; day <= 12; day++) {
      names.push(await createBackup(dir, { keep: 10, now: new Date(Date.UTC(2026, 10, day)) }));
    }
    const kept = await listBackups(dir);
    expect(kept).toEqual(names.slice(2).reverse());
    const inside = await readdir(join(dir, 'backups', kept[0]!));
    expect(inside.sort()).toEqual(['catalog.json', 'club.json', 'contacts', 'events', 'meta.json', 'orders', 'privacy.json', 'settings.json', 'tasks.json']);
  });

  it('backs an existing folder up at start at most once per interval', async () => {
    const dir = await freshDir();
    await open(dir);
    await closeAll();
    expect(await listBackups(dir)).toHaveLength(0); // a new, empty folder has nothing to save
    await open(dir);
    await closeAll();
    expect(await listBackups(dir)).toHaveLength(1);
    await open(dir);
    await closeAll();
    expect(await listBackups(dir)).toHaveLength(1);
    // Made while the store already answers: done by the time it closes.
    await open(dir, { backupIntervalMs: 0 });
    await closeAll();
    expect(await listBackups(dir)).toHaveLength(2);
  });

  it('makes the daily backup after start, while writes go on: a whole state, with every write acknowledged before it, and every write stays in the folder', async () => {
    const dir = await freshDir();
    const first = await open(dir);
    await first.saveContact('c1Anna0000', () => person('c1Anna0000'));
    await first.saveEvent('e1Party0000', () => ({ id: 'e1Party0000', title: 'Party', kind: 'party', startsAt: now, status: 'planned', createdAt: now, updatedAt: now }));
    await closeAll();

    const store = await open(dir, { backupIntervalMs: 0 });
    expect(await listBackups(dir)).toEqual([]); // opening does not wait for it
    // Under way when the backup starts: it waits for them, and they do not wait for the copy.
    const writes = Promise.all([
      store.saveContact('c2Berta0000', () => person('c2Berta0000', 'Berta')),
      store.saveContact('c1Anna0000', (current) => ({ ...current!, city: 'Dresden' })),
      store.transact({ contactIds: ['c3Clara0000'], newEventIds: ['e2Party0000'] }, () => ({
        contacts: [person('c3Clara0000', 'Clara')],
        eventDocuments: [newEventDocument({ id: 'e2Party0000', title: 'Zweite', kind: 'party', startsAt: now, status: 'planned', createdAt: now, updatedAt: now })],
        result: undefined,
      })),
    ]);
    await Promise.all([writes, store.backupDone()]);
    await store.saveContact('c4Dora0000', () => person('c4Dora0000', 'Dora'));
    await closeAll();

    const [backup] = await listBackups(dir);
    const copy = await freshDir();
    await cp(join(dir, 'backups', backup!), copy, { recursive: true });
    const saved = await open(copy);
    const cities = (folder: Store) => [...folder.contacts()].map((contact) => [contact.id, contact.city]).sort();
    expect(cities(saved)).toEqual([
      ['c1Anna0000', 'Dresden'],
      ['c2Berta0000', undefined],
      ['c3Clara0000', undefined],
    ]);
    expect([...saved.events()].map((event) => event.id).sort()).toEqual(['e1Party0000', 'e2Party0000']);
    const reopened = await open(dir);
    expect(cities(reopened)).toEqual([...cities(saved), ['c4Dora0000', undefined]]);
    expect([...reopened.events()].map((event) => event.id).sort()).toEqual(['e1Party0000', 'e2Party0000']);
  });
});
