import { readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../electron/store/backup';
import { readDataFiles } from '../../electron/store/data-files';
import { contactShardOf, paths } from '../../electron/store/documents';
import { stageDataFiles } from '../../electron/store/replace';
import type { BackupInfo } from '../../shared/schemas/data';
import type { Contact } from '../../shared/schemas/contact';
import type { Event } from '../../shared/schemas/event';
import { useTestBackend } from '../helpers/api';
import { folderSnapshot } from '../helpers/folder';

const { ok, call, dataDir, reopen } = useTestBackend();

type List = { folder: string; keep: number; backups: BackupInfo[] };
const lastNames = async () => (await ok<{ items: Contact[] }>('contacts.list', {})).items.map((contact) => contact.lastName).sort();
const person = (lastName: string) => ok<Contact>('contacts.create', { firstName: 'Anna', lastName });

describe('backups page', () => {
  it('lists backups newest first with time, label and the size of their files', async () => {
    await person('Adler');
    const first = await ok<BackupInfo>('backups.create', {});
    const second = await ok<BackupInfo>('backups.create', {});
    const list = await ok<List>('backups.list', {});
    expect(list).toMatchObject({ folder: join(dataDir(), 'backups'), keep: 10 });
    expect(list.backups.map((backup) => backup.name)).toEqual([second.name, first.name]);
    expect(first).toMatchObject({ label: 'manual' });
    expect(Date.parse(first.createdAt)).toBeGreaterThan(Date.now() - 60_000);

    const dir = join(dataDir(), 'backups', first.name);
    let size = 0;
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) size += (await stat(join(entry.parentPath, entry.name))).size;
    }
    expect(size).toBeGreaterThan(0);
    expect(list.backups[1]!.sizeBytes).toBe(size);
  });

  it('keeps as many backups as the setting says, the newest', async () => {
    await ok('settings.update', { backupsKept: 3 });
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await ok<BackupInfo>('backups.create', {})).name);
    const list = await ok<List>('backups.list', {});
    expect(list.keep).toBe(3);
    expect(list.backups.map((backup) => backup.name)).toEqual(made.slice(2).reverse());
  });

  it('restores an earlier state and backs up the state before, which can be restored in turn', async () => {
    const anna = await person('Adler');
    const earlier = await ok<BackupInfo>('backups.create', {});
    await person('Bauer');
    await ok('contacts.update', { id: anna.id, lastName: 'Adler-Weiß' });
    await ok<Event>('events.create', { title: 'Clubabend', kind: 'club', startsAt: '2026-12-10T19:00:00+01:00' });

    const restored = await ok<{ restored: string; safetyBackup: string }>('backups.restore', { name: earlier.name, confirm: true });
    expect(restored.restored).toBe(earlier.name);
    expect(restored.safetyBackup).toMatch(/before-restore$/);
    expect(await lastNames()).toEqual(['Adler']);
    expect(await ok('events.list', {})).toEqual([]);
    await reopen();
    expect(await lastNames()).toEqual(['Adler']);

    await ok('backups.restore', { name: restored.safetyBackup, confirm: true });
    expect(await lastNames()).toEqual(['Adler-Weiß', 'Bauer']);
    expect(await ok('events.list', {})).toHaveLength(1);
  });

  it('never removes the safety backup it just made, even when only one is kept', async () => {
    await ok('settings.update', { backupsKept: 1 });
    await person('Adler');
    const only = await ok<BackupInfo>('backups.create', {});
    await person('Bauer');
    const { safetyBackup } = await ok<{ safetyBackup: string }>('backups.restore', { name: only.name, confirm: true });
    expect(await lastNames()).toEqual(['Adler']);
    expect((await ok<List>('backups.list', {})).backups.map((backup) => backup.name)).toEqual([safetyBackup]);
  });

  it('refuses an unknown backup, a restore without confirmation and a damaged backup, changing nothing', async () => {
    const anna = await person('Adler');
    const backup = await ok<BackupInfo>('backups.create', {});
    await person('Bauer');
    const shard = paths.contactShard(contactShardOf(anna.id));
    await writeFile(join(dataDir(), 'backups', backup.name, shard), '{"schemaVersion":2,"contacts":');
    const before = await folderSnapshot(dataDir());

    expect(await call('backups.restore', { name: '2020-01-01T00-00-00-000Z', confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'errors.backupNotFound' },
    });
    expect(await call('backups.restore', { name: backup.name })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('backups.restore', { name: '../../etc', confirm: true })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('backups.restore', { name: backup.name, confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'errors.backupDamaged', issues: [{ path: shard }] },
    });
    expect(await folderSnapshot(dataDir())).toEqual(before);
    expect(await lastNames()).toEqual(['Adler', 'Bauer']);
  });

  it('answers where the backups are when there is no file manager to open them in', async () => {
    expect(await ok('backups.openFolder', {})).toEqual({ opened: false, folder: join(dataDir(), 'backups') });
  });

  it('finishes at the next start a restore that a crash cut short after it was committed', async () => {
    await person('Adler');
    const earlier = await ok<BackupInfo>('backups.create', {});
    await person('Bauer');
    await ok<Event>('events.create', { title: 'Clubabend', kind: 'club', startsAt: '2026-12-10T19:00:00+01:00' });
    const wanted = await readDataFiles(join(dataDir(), 'backups', earlier.name));

    // What a kill half-way through the swap leaves: the staged files, the commit mark, meta.json already moved.
    await stageDataFiles(dataDir(), wanted, undefined);
    await writeFile(join(dataDir(), '.incoming.json'), JSON.stringify({ files: [...wanted.keys()] }));
    await rename(join(dataDir(), '.incoming', 'meta.json'), join(dataDir(), 'meta.json'));
    await reopen();

    expect(await lastNames()).toEqual(['Adler']);
    expect(await ok('events.list', {})).toEqual([]);
    expect(await readDataFiles(dataDir())).toEqual(wanted);
  });

  it('throws away at the next start a restore that a crash cut short before it was committed', async () => {
    await person('Adler');
    const earlier = await ok<BackupInfo>('backups.create', {});
    await person('Bauer');
    const current = await readDataFiles(dataDir());
    await stageDataFiles(dataDir(), await readDataFiles(join(dataDir(), 'backups', earlier.name)), undefined);
    await reopen();
    expect(await lastNames()).toEqual(['Adler', 'Bauer']);
    expect(await readDataFiles(dataDir())).toEqual(current);
    expect(await readdir(dataDir())).not.toContain('.incoming');
  });
});

describe('recovery', () => {
  /** A folder whose contact shard and event file broke at different times, with backups from before and in between. */
  async function brokenFolder() {
    const anna = await person('Adler');
    const event = await ok<Event>('events.create', { title: 'Clubabend', kind: 'club', startsAt: '2026-12-10T19:00:00+01:00' });
    const shard = paths.contactShard(contactShardOf(anna.id));
    const eventFile = paths.event(event.id);
    const goodShard = await readFile(join(dataDir(), shard), 'utf8');
    const goodEvent = await readFile(join(dataDir(), eventFile), 'utf8');
    const dir = dataDir();
    const at = (day: number) => ({ keep: 10, now: new Date(Date.UTC(2026, 10, day)) });
    const bothGood = await createBackup(dir, at(1));
    await writeFile(join(dir, shard), '{"schemaVersion":2,"contacts":{"x":');
    const eventGood = await createBackup(dir, at(2));
    await writeFile(join(dir, eventFile), 'not json at all');
    await createBackup(dir, at(3)); // both broken: offers nothing
    return { shard, eventFile, goodShard, goodEvent, bothGood, eventGood };
  }

  it('names every broken file with the newest backup that holds a good copy of it', async () => {
    const { shard, eventFile, bothGood, eventGood } = await brokenFolder();
    await reopen();
    const status = (await ok('app.status', {})) as { state: string; broken: unknown[] };
    expect(status.state).toBe('recovery');
    expect(status.broken).toEqual(
      expect.arrayContaining([
        { file: shard, reason: expect.stringContaining('not valid JSON'), backup: `backups/${bothGood}` },
        { file: eventFile, reason: expect.stringContaining('not valid JSON'), backup: `backups/${eventGood}` },
      ]),
    );
    expect(status.broken).toHaveLength(2);
  });

  it('restores the good copies, keeps the broken files beside them, and opens the folder', async () => {
    const { shard, eventFile, goodShard, goodEvent } = await brokenFolder();
    await reopen();
    expect(await ok('app.status', {})).toMatchObject({ state: 'recovery' });

    const status = await ok('recovery.restore', {});
    expect(status).toMatchObject({ state: 'ready', empty: false });
    expect(await lastNames()).toEqual(['Adler']);
    expect(await ok('events.list', {})).toHaveLength(1);
    expect(await readFile(join(dataDir(), shard), 'utf8')).toBe(goodShard);
    expect(await readFile(join(dataDir(), eventFile), 'utf8')).toBe(goodEvent);
    const kept = (await readdir(join(dataDir(), 'events'))).filter((name) => name.includes('.broken-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dataDir(), 'events', kept[0]!), 'utf8')).toBe('not json at all');
  });

  it('also restores a document that reads well alone but not in the folder (a contact filed under the wrong key)', async () => {
    const anna = await person('Adler');
    await ok('backups.create', {});
    const shard = paths.contactShard(contactShardOf(anna.id));
    const document = JSON.parse(await readFile(join(dataDir(), shard), 'utf8'));
    await writeFile(join(dataDir(), shard), JSON.stringify({ ...document, contacts: { 'someone-else': document.contacts[anna.id] } }));
    await reopen();
    expect(await ok('app.status', {})).toMatchObject({ state: 'recovery', broken: [{ file: shard, backup: expect.any(String) }] });

    expect(await ok('recovery.restore', {})).toMatchObject({ state: 'ready' });
    expect(await lastNames()).toEqual(['Adler']);
  });

  it('refuses to restore when a broken file has no good copy, and changes nothing', async () => {
    const { eventFile } = await brokenFolder();
    // The only backup with a good copy of the event is gone.
    for (const name of await readdir(join(dataDir(), 'backups'))) await writeFile(join(dataDir(), 'backups', name, eventFile), 'broken too');
    await reopen();
    const before = await folderSnapshot(dataDir());
    expect(await call('recovery.restore', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'errors.recoveryNoGoodCopy', issues: [{ path: eventFile }] },
    });
    expect(await folderSnapshot(dataDir())).toEqual(before);
    expect(await ok('app.status', {})).toMatchObject({ state: 'recovery' });
  });
});
