import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestBackend } from '../helpers/api';
import { folderSnapshot, installFaultyDisk, type FaultCode, type Syscall } from '../helpers/faults';

/**
 * A full disk (ENOSPC) and a read-only folder (EROFS, EACCES) while the real
 * store writes through the real dispatcher: the caller gets a STORAGE error,
 * the folder stays byte for byte as it was (no temp file, no half backup), the
 * store answers the old data, and once the fault is gone the next write
 * succeeds. The faults are injected at the file-system calls the store makes
 * (see tests/helpers/faults.ts), so they run as root too.
 */
let disk: Awaited<ReturnType<typeof installFaultyDisk>>;
beforeAll(async () => {
  disk = await installFaultyDisk();
  // The dispatcher logs every storage failure; here they are on purpose.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => disk.reset());
afterAll(() => disk.uninstall());

const backend = useTestBackend();
const { ok, call } = backend;

interface Contact {
  id: string;
  firstName: string;
  lastName: string;
  city?: string;
}

/** Runs `operation` while the fault is on; it must answer STORAGE naming the fault, hit the fault, and change no byte of the folder. */
async function failsCleanly(operation: string, input: unknown, code: FaultCode): Promise<void> {
  const before = await folderSnapshot(backend.dataDir());
  const answer = await call(operation, input);
  expect(answer).toEqual({ ok: false, error: { code: 'STORAGE', message: code === 'ENOSPC' ? 'errors.diskFull' : 'errors.readOnly' } });
  expect(disk.failures().length).toBeGreaterThan(0);
  expect(await folderSnapshot(backend.dataDir())).toEqual(before);
}

/** A full disk fails while writing (after part of the data), a read-only folder when the file is opened for writing. */
const faults: { name: string; code: FaultCode; syscalls: Syscall[] }[] = [
  { name: 'a full disk', code: 'ENOSPC', syscalls: ['write'] },
  { name: 'a full disk at fsync', code: 'ENOSPC', syscalls: ['fsync'] },
  { name: 'a read-only folder', code: 'EROFS', syscalls: ['open', 'mkdir', 'rename'] },
  { name: 'a folder without write permission', code: 'EACCES', syscalls: ['open', 'mkdir', 'rename'] },
];

describe.each(faults)('$name ($code)', ({ code, syscalls }) => {
  it('refuses a contact edit, keeps the old contact on disk and in memory, and takes the edit once the fault is gone', async () => {
    const anna = await ok<Contact>('contacts.create', { firstName: 'Anna', lastName: 'Berger', city: 'Köln' });
    disk.fail(code, syscalls);
    await failsCleanly('contacts.update', { id: anna.id, city: 'Bonn' }, code);
    expect(await ok<Contact>('contacts.get', { id: anna.id })).toMatchObject({ city: 'Köln' });

    disk.heal();
    expect(await ok<Contact>('contacts.update', { id: anna.id, city: 'Bonn' })).toMatchObject({ city: 'Bonn' });
    await backend.reopen();
    expect(await ok<Contact>('contacts.get', { id: anna.id })).toMatchObject({ city: 'Bonn' });
  });

  it('refuses an order with its payment and keeps the event as it was', async () => {
    const customer = await ok<Contact>('contacts.create', { firstName: 'Beate', lastName: 'Kurz' });
    await ok('catalog.create', { sku: 'HC-1', name: 'Handcreme', priceCents: 1290 });
    const event = await ok<{ id: string }>('events.create', { title: 'Herbstabend', kind: 'party', startsAt: '2026-12-10T19:00:00+01:00' });
    const order = await ok<{ id: string }>('orders.create', { eventId: event.id, contactId: customer.id, lines: [{ sku: 'HC-1', quantity: 2 }] });
    disk.fail(code, syscalls);
    await failsCleanly('orders.create', { eventId: event.id, contactId: customer.id, lines: [{ sku: 'HC-1', quantity: 1 }] }, code);
    await failsCleanly('orders.addPayment', { orderId: order.id, method: 'cash', amountCents: 2580 }, code);
    expect(await ok<{ id: string; payments: unknown[] }[]>('orders.list', { eventId: event.id })).toEqual([expect.objectContaining({ id: order.id, payments: [] })]);

    disk.heal();
    await ok('orders.addPayment', { orderId: order.id, method: 'cash', amountCents: 2580 });
    await backend.reopen();
    expect(await ok('orders.list', { eventId: event.id })).toEqual([expect.objectContaining({ id: order.id, openCents: 0 })]);
  });

  it('refuses an export, logs nothing and answers the old export log', async () => {
    await ok('club.join', { contactId: (await ok<Contact>('contacts.create', { firstName: 'Clara', lastName: 'Dorn' })).id });
    await ok('exports.create', { format: 'csv', note: 'Erste Liste' });
    disk.fail(code, syscalls);
    await failsCleanly('exports.create', { format: 'csv', note: 'Zweite Liste' }, code);
    expect(await ok('exports.log', {})).toEqual([expect.objectContaining({ note: 'Erste Liste' })]);

    disk.heal();
    await ok('exports.create', { format: 'csv', note: 'Zweite Liste' });
    await backend.reopen();
    expect(await ok('exports.log', {})).toHaveLength(2);
  });
});

describe('a walk-in at the door: contact, check-in and club membership in one journaled change', () => {
  async function door() {
    const event = await ok<{ id: string }>('events.create', { title: 'Clubabend', kind: 'club', startsAt: '2026-12-10T19:00:00+01:00' });
    const walkIn = (lastName: string) => ({ eventId: event.id, contact: { firstName: 'Dora', lastName }, joinClub: true });
    const state = async () => ({
      contacts: (await ok<{ total: number }>('contacts.list', {})).total,
      guests: (await ok<{ guests: unknown[] }>('checkin.state', { eventId: event.id })).guests.length,
      members: (await ok<{ ids: string[] }>('club.memberIds', {})).ids.length,
    });
    await ok('checkin.walkIn', walkIn('Erste'));
    return { walkIn, state, eventId: event.id };
  }

  it.each(['ENOSPC', 'EROFS'] as const)('is refused whole when the journal cannot be written (%s)', async (code) => {
    const { walkIn, state } = await door();
    const before = await state();
    disk.fail(code, code === 'ENOSPC' ? ['write'] : ['open'], (path) => path.includes('journal.json'));
    await failsCleanly('checkin.walkIn', walkIn('Zweite'), code);
    expect(await state()).toEqual(before);

    disk.heal();
    await ok('checkin.walkIn', walkIn('Zweite'));
    await backend.reopen();
    expect(await state()).toEqual({ contacts: before.contacts + 1, guests: before.guests + 1, members: before.members + 1 });
  });

  it('is undone when a document fails after the journal was written: the contact written first is taken back', async () => {
    const { walkIn, state } = await door();
    const before = await state();
    // The contact's shard is written first, the event's document second.
    disk.fail('ENOSPC', ['write'], (path) => /events[/\\]/.test(path));
    await failsCleanly('checkin.walkIn', walkIn('Zweite'), 'ENOSPC');
    expect(await state()).toEqual(before);
    expect(await ok<Contact[]>('contacts.search', { query: 'Zweite' })).toEqual([]);

    disk.heal();
    await backend.reopen();
    expect(await state()).toEqual(before);
    await ok('checkin.walkIn', walkIn('Zweite'));
    await backend.reopen();
    expect(await state()).toEqual({ contacts: before.contacts + 1, guests: before.guests + 1, members: before.members + 1 });
  });

  it('when not even the undo can be written, the journal completes the change at the next start, and what it covers waits for that', async () => {
    const { walkIn, state, eventId } = await door();
    const before = await state();
    const anna = await ok<Contact>('contacts.create', { firstName: 'Anna', lastName: 'Berger' });
    // The contact's shard is written, the event's document fails, and so does the undo of the shard.
    disk.fail('ENOSPC', ['write'], (path) => /contacts[/\\]/.test(path), 1);
    disk.fail('ENOSPC', ['write'], (path) => /events[/\\]/.test(path));
    const answer = await call('checkin.walkIn', walkIn('Zweite'));
    expect(answer).toEqual({ ok: false, error: { code: 'STORAGE', message: 'errors.diskFull' } });
    expect(existsSync(join(backend.dataDir(), 'journal.json'))).toBe(true);

    // The disk has room again, but the next start will write the journal's documents: a change to one of them
    // now would be acknowledged and then overwritten, so it is refused; other documents are written as usual.
    disk.heal();
    expect(await call('checkin.checkIn', { eventId, contactId: anna.id })).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
    expect(await call('club.join', { contactId: anna.id })).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
    await ok('catalog.create', { sku: 'HC-1', name: 'Handcreme', priceCents: 1290 });

    await backend.reopen();
    expect(existsSync(join(backend.dataDir(), 'journal.json'))).toBe(false);
    expect(await state()).toEqual({ contacts: before.contacts + 2, guests: before.guests + 1, members: before.members + 1 });
    expect(await ok<Contact[]>('contacts.search', { query: 'Zweite' })).toHaveLength(1);
    expect(await ok('catalog.list', {})).toHaveLength(1);
    await ok('checkin.checkIn', { eventId, contactId: anna.id });
    expect(await state()).toEqual({ contacts: before.contacts + 2, guests: before.guests + 2, members: before.members + 1 });
  });
});

describe('a backup on a full disk or a read-only folder', () => {
  it.each([
    ['ENOSPC', ['copy']],
    ['EROFS', ['mkdir', 'open', 'copy']],
  ] as const)('is refused (%s) and leaves no half copy behind', async (code, syscalls) => {
    await ok('contacts.create', { firstName: 'Anna', lastName: 'Berger' });
    await ok('backups.create', {});
    disk.fail(code, [...syscalls]);
    await failsCleanly('backups.create', {}, code);
    expect((await ok<{ backups: unknown[] }>('backups.list', {})).backups).toHaveLength(1);

    disk.heal();
    await ok('backups.create', {});
    expect((await ok<{ backups: unknown[] }>('backups.list', {})).backups).toHaveLength(2);
  });
});
