import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Handlers } from '../../electron/dispatcher';
import { operationNames } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { filesOf } from '../helpers/api';
import { startTestBackend } from '../helpers/backend';

type TestBackend = Awaited<ReturnType<typeof startTestBackend>>;
let backend: TestBackend;
const call = (operation: string, input: unknown) => backend.bridge.call(operation, input);
async function ok<T = Record<string, unknown>>(operation: string, input: unknown): Promise<T> {
  const envelope = await call(operation, input);
  if (!envelope.ok) throw new Error(`${operation} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}

beforeEach(async () => {
  backend = await startTestBackend();
});
afterEach(async () => {
  await backend.close();
});

describe('dispatcher', () => {
  const handlers = () => Object.fromEntries(operationNames.map((name) => [name, vi.fn()])) as unknown as Handlers;

  it('answers an unknown operation with NOT_FOUND', async () => {
    expect(await createDispatcher(handlers())('events.explode', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await createDispatcher(handlers())('__proto__', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('never runs a handler with invalid input', async () => {
    const all = handlers();
    const result = await createDispatcher(all)('events.create', { title: '', kind: 'party', startsAt: 'tomorrow' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(all['events.create']).not.toHaveBeenCalled();
  });

  it('hides internal errors behind INTERNAL, logs them, and maps file-system failures to STORAGE', async () => {
    const all = handlers();
    const logger = { error: vi.fn() };
    vi.mocked(all['events.list']).mockRejectedValue(new Error('secret detail at /home/user'));
    const internal = await createDispatcher(all, logger)('events.list', {});
    expect(internal).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.not.stringContaining('secret') } });
    expect(JSON.stringify(internal)).not.toMatch(/at .*\.ts|secret/);
    expect(logger.error).toHaveBeenCalled();

    vi.mocked(all['events.list']).mockRejectedValue(Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC', syscall: 'write' }));
    expect(await createDispatcher(all, logger)('events.list', {})).toMatchObject({ ok: false, error: { code: 'STORAGE' } });

    vi.mocked(all['events.list']).mockRejectedValue(new AppError('CONFLICT', 'busy'));
    expect(await createDispatcher(all, logger)('events.list', {})).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'busy' } });
  });
});

describe('events', () => {
  const party = { title: 'Homeparty bei Anna', kind: 'party', startsAt: '2026-12-04T19:00:00+01:00' };

  it('creates, lists, reads and updates an event', async () => {
    const created = await ok<{ id: string; status: string }>('events.create', { ...party, place: '  Lindenstraße 4 ', capacity: 12 });
    expect(created).toMatchObject({ title: 'Homeparty bei Anna', place: 'Lindenstraße 4', status: 'planned' });
    expect(created.id).toMatch(/^[\w-]{8,}$/);
    const later = await ok('events.create', { ...party, title: 'Clubabend', kind: 'club', startsAt: '2027-01-15T19:00:00+01:00' });
    expect((await ok<Array<{ id: string }>>('events.list', {})).map((e) => e.id)).toEqual([created.id, later.id]);
    expect(await ok('events.get', { id: created.id })).toMatchObject({ title: 'Homeparty bei Anna' });
    const updated = await ok('events.update', { id: created.id, title: 'Adventsparty', place: '' });
    expect(updated).toMatchObject({ title: 'Adventsparty', capacity: 12 });
    expect(updated.place).toBeUndefined();
    const cleared = await ok('events.update', { id: created.id, capacity: null, endsAt: null });
    expect(cleared).toMatchObject({ title: 'Adventsparty' });
    expect(cleared).not.toHaveProperty('capacity');
    expect(await ok('events.get', { id: created.id })).not.toHaveProperty('capacity');
  });

  it('rejects an empty title and an impossible date with VALIDATION and writes nothing', async () => {
    await ok('events.create', party);
    const before = await filesOf(backend.dataDir);
    const result = await call('events.create', { title: '  ', kind: 'party', startsAt: '2026-02-30T19:00:00+01:00' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const issues = result.ok ? [] : result.error.issues ?? [];
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'title', message: 'validation.required' },
        { path: 'startsAt', message: 'validation.dateTime' },
      ]),
    );
    expect(await filesOf(backend.dataDir)).toEqual(before);
  });

  it('rejects unknown kinds, unknown fields, ends before starts and unknown hosts', async () => {
    expect(await call('events.create', { ...party, kind: 'rave' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('events.create', { ...party, status: 'held' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('events.create', { ...party, endsAt: '2026-12-04T18:00:00+01:00' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'endsAt', message: 'validation.endsBeforeStart' }] },
    });
    expect(await call('events.create', { ...party, hostId: 'nobody-known' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'hostId', message: 'validation.hostUnknown' }] },
    });
    const created = await ok<{ id: string }>('events.create', { ...party, endsAt: '2026-12-04T22:00:00+01:00' });
    expect(await call('events.update', { id: created.id, startsAt: '2026-12-04T23:00:00+01:00' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect((await ok('events.get', { id: created.id })).startsAt).toBe(party.startsAt);
  });

  it('cancels once; a cancelled event cannot be cancelled again or changed', async () => {
    const { id } = await ok<{ id: string }>('events.create', party);
    expect(await ok('events.cancel', { id, reason: 'Gastgeberin krank' })).toMatchObject({ status: 'cancelled', cancelReason: 'Gastgeberin krank' });
    expect(await call('events.cancel', { id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call('events.update', { id, title: 'Neu' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call('events.get', { id: 'does-not-exist' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('events.cancel', { id: 'does-not-exist' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('contacts', () => {
  it('creates with normalised fields, finds by name without accents, by phone digits and city', async () => {
    const anna = await ok<{ id: string; tags: string[] }>('contacts.create', {
      firstName: ' Anna ', lastName: 'Müller', email: 'Anna.Mueller@Web.DE', phone: '0171 / 234 56 78', postalCode: '01067', city: 'Dresden',
    });
    expect(anna).toMatchObject({ firstName: 'Anna', email: 'anna.mueller@web.de', postalCode: '01067', tags: [] });
    await ok('contacts.create', { firstName: 'Jörg', lastName: 'Weiß', city: 'Leipzig' });
    const names = async (query: string) => (await ok<{ items: Array<{ lastName: string }> }>('contacts.list', { query })).items.map((c) => c.lastName);
    expect(await names('muller')).toEqual(['Müller']);
    expect(await names('JORG weiss')).toEqual(['Weiß']);
    expect(await names('2345678')).toEqual(['Müller']);
    expect(await names('leipzig')).toEqual(['Weiß']);
    expect(await names('')).toEqual(['Müller', 'Weiß']);
  });

  it('updates only the given fields and keeps tags', async () => {
    const { id } = await ok<{ id: string }>('contacts.create', { firstName: 'Anna', lastName: 'Schmidt', tags: ['Gastgeberin'], birthday: '--03-14' });
    const updated = await ok('contacts.update', { id, city: 'Jena' });
    expect(updated).toMatchObject({ firstName: 'Anna', city: 'Jena', tags: ['Gastgeberin'], birthday: '--03-14' });
    expect(await call('contacts.update', { id: 'missing-id-1', city: 'Jena' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('rejects bad e-mail, phone, postcode and birthday', async () => {
    const result = await call('contacts.create', { firstName: 'A', lastName: 'B', email: 'nope', phone: 'abc', postalCode: '1', birthday: '2026-02-30' });
    expect(result.ok ? [] : result.error.issues?.map((issue) => issue.path).sort()).toEqual(['birthday', 'email', 'phone', 'postalCode']);
    for (const birthday of ['--02-30', '--13-01', '--00-10', '14.03.1980']) {
      expect(await call('contacts.create', { firstName: 'A', lastName: 'B', birthday })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await ok('contacts.create', { firstName: 'A', lastName: 'B', birthday: '--02-29' })).toMatchObject({ birthday: '--02-29' });
  });
});

describe('settings, status and demo data', () => {
  it('remembers the language', async () => {
    expect(await ok('settings.get', {})).toMatchObject({ locale: 'de', currency: 'EUR' });
    await ok('settings.update', { locale: 'en' });
    expect(await ok('settings.get', {})).toMatchObject({ locale: 'en' });
    expect(await call('settings.update', { locale: 'fr' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('changes only the settings a change names: the language stays when the operator name is set', async () => {
    await ok('settings.update', { locale: 'en', currency: 'CHF' });
    await ok('settings.update', { operatorName: 'Sabine' });
    expect(await ok('settings.get', {})).toMatchObject({ locale: 'en', currency: 'CHF', operatorName: 'Sabine' });
  });

  it('fills an empty folder with a German dataset once', async () => {
    expect(await ok('app.status', {})).toMatchObject({ state: 'ready', empty: true });
    const loaded = await ok<{ contacts: number; events: number }>('demo.load', {});
    // The rep's circle of 150, and the walk-ins registered at the doors of past events.
    expect(loaded).toEqual({ contacts: expect.any(Number), events: 12 });
    expect(loaded.contacts).toBeGreaterThan(150);
    expect(loaded.contacts).toBeLessThanOrEqual(150 + 2 * 12);
    expect(await ok('app.status', {})).toMatchObject({ empty: false });
    const { items, total } = await ok<{ items: Array<{ postalCode?: string; lastName: string }>; total: number }>('contacts.list', { limit: 1000 });
    expect(total).toBe(loaded.contacts);
    expect(items.some((c) => c.postalCode?.startsWith('0'))).toBe(true);
    expect(items.some((c) => /[äöüß]/.test(c.lastName))).toBe(true);
    const events = await ok<Array<{ startsAt: string; status: string }>>('events.list', {});
    expect(events.filter((e) => Date.parse(e.startsAt) < Date.now()).length).toBeGreaterThan(2);
    expect(events.filter((e) => Date.parse(e.startsAt) > Date.now()).length).toBeGreaterThan(2);
    expect(await call('demo.load', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
