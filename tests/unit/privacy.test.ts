import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutputOf } from '../../shared/contract';
import type { Contact } from '../../shared/schemas/contact';
import type { Event } from '../../shared/schemas/event';
import type { OrderView } from '../../shared/schemas/order';
import { filesOf, useTestBackend } from '../helpers/api';

const { call, ok, dataDir, reopen } = useTestBackend();

type Report = OutputOf<'privacy.access'>;
type Erasure = OutputOf<'privacy.erase'>;

const annegret = {
  firstName: 'Annegret',
  lastName: 'Quastenberg',
  email: 'annegret.q@example.de',
  phone: '0351 7654321',
  street: 'Holunderweg 17',
  postalCode: '01067',
  city: 'Dresden',
  notes: 'mag Lavendelseife',
};
/** What must not be left anywhere once she is erased. */
const herData = ['Annegret', 'Quastenberg', 'annegret.q@example.de', '7654321', 'Holunderweg', 'Lavendelseife', 'holt selbst ab'];

const wording = 'Ja, ich möchte Neuigkeiten vom Kundenclub per E-Mail erhalten.';

/** Annegret with everything the app can hold about a person, and Bernd, who recommended her and hosted the party she came to. */
async function seed() {
  const product = await ok<{ id: string }>('catalog.create', { sku: 'K-100', name: 'Kräuterbalsam', priceCents: 2490 });
  const bernd = await ok<Contact>('contacts.create', { firstName: 'Bernd', lastName: 'Berger', city: 'Meißen', street: 'Markt 1', postalCode: '01662' });
  const person = await ok<Contact>('contacts.create', { ...annegret, referredBy: bernd.id });
  const clara = await ok<Contact>('contacts.create', { firstName: 'Clara', lastName: 'Claus', referredBy: person.id });
  await ok('contacts.recordConsent', { contactId: person.id, channel: 'email', purpose: 'club', granted: true, source: 'form', wording });

  const party = await ok<Event>('events.create', { kind: 'party', title: 'Herbstparty', startsAt: '2026-10-01T19:00:00+02:00', hostId: bernd.id });
  await ok('invitations.add', { eventId: party.id, contactIds: [person.id, clara.id] });
  await ok('checkin.checkIn', { eventId: party.id, contactId: person.id });
  const order = await ok<OrderView>('orders.create', { eventId: party.id, contactId: person.id, lines: [{ productId: product.id, quantity: 3 }], note: 'Annegret holt selbst ab' });
  await ok('orders.addPayment', { orderId: order.id, method: 'cash', amountCents: 5000, note: 'Rest zahlt Annegret später' });
  await ok('orders.create', { eventId: party.id, contactId: clara.id, lines: [{ productId: product.id, quantity: 1 }] });
  // Marking it held writes thank-you tasks, whose titles carry the guests' names.
  await ok('events.setStatus', { id: party.id, status: 'held' });
  // A party at her home, booked in her name.
  const hosted = await ok<Event>('events.create', { kind: 'party', title: 'Home-Party bei Annegret Quastenberg', startsAt: '2026-12-05T19:00:00+01:00', place: 'Holunderweg 17, 01067 Dresden', hostId: person.id });
  const reorder = await ok<OrderView>('orders.create', { contactId: person.id, lines: [{ productId: product.id, quantity: 1 }] });

  await ok('club.join', { contactId: person.id });
  await ok('club.join', { contactId: bernd.id });
  await ok('club.addPoints', { contactId: person.id, kind: 'adjustment', points: 50, reason: 'Willkommensbonus' });
  const withHer = await ok<{ fileName: string }>('exports.create', { format: 'csv', view: { columns: ['firstName', 'lastName'] } });
  const withoutHer = await ok<{ fileName: string }>('exports.create', { format: 'csv', view: { filters: { query: 'Berger' }, columns: ['firstName'] } });
  return { person, bernd, clara, party, hosted, order, reorder, withHer, withoutHer };
}

const csvRows = async (input: Record<string, unknown>) => {
  const { contentBase64 } = await ok<{ contentBase64: string }>('exports.create', { format: 'csv', view: { columns: ['firstName', 'lastName', 'email'] }, ...input });
  return Papa.parse<string[]>(Buffer.from(contentBase64, 'base64').toString('utf8'), { skipEmptyLines: true }).data.slice(1);
};

/** Every file of the data folder as bytes, except backups/: copies taken before an erasure keep her until they age out (the newest N are kept). */
async function filesHolding(needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dataDir(), { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const name = relative(dataDir(), path);
    if (!entry.isFile() || name.startsWith('backups')) continue;
    if ((await readFile(path)).includes(Buffer.from(needle, 'utf8'))) found.push(name);
  }
  return found;
}

describe('privacy.access (Art. 15)', () => {
  it('answers everything stored about her, and only exports that included her', async () => {
    const { person, bernd, clara, party, order, reorder, withHer, withoutHer } = await seed();
    const report = await ok<Report>('privacy.access', { contactId: person.id });

    expect(report.contact).toMatchObject(annegret);
    expect(report.contact.consents).toEqual([expect.objectContaining({ channel: 'email', purpose: 'club', granted: true, source: 'form', wording })]);
    expect(report.invitations).toHaveLength(1);
    expect(report.invitations[0]!.event.id).toBe(party.id);
    expect(report.invitations[0]!.invitation.checkins).toEqual([expect.objectContaining({ kind: 'checkin' })]);
    expect(report.orders.map((entry) => entry.id).sort()).toEqual([order.id, reorder.id].sort());
    const atParty = report.orders.find((entry) => entry.id === order.id)!;
    expect(atParty).toMatchObject({ totalCents: 7470, paidCents: 5000, note: 'Annegret holt selbst ab' });
    expect(atParty.payments).toEqual([expect.objectContaining({ method: 'cash', amountCents: 5000 })]);
    expect(report.club?.member.memberNumber).toBeTruthy();
    expect(report.club?.ledger).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'adjustment', points: 50, reason: 'Willkommensbonus' })]));
    expect(report.exports.map((entry) => entry.fileName)).toEqual([withHer.fileName]);
    expect(report.exports[0]).not.toHaveProperty('contactIds');
    expect(withoutHer.fileName).toBeTruthy();
    expect(report.recommendedBy).toEqual({ id: bernd.id, firstName: 'Bernd', lastName: 'Berger' });
    expect(report.recommended).toEqual([{ id: clara.id, firstName: 'Clara', lastName: 'Claus' }]);
  });

  it('answers NOT_FOUND for someone unknown', async () => {
    expect(await call('privacy.access', { contactId: 'nobody-at-all' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('privacy.erase (Art. 17)', () => {
  it('removes her from every list, search and export, keeps the money under a pseudonym and leaves no trace of her in the folder', async () => {
    const { person, bernd, clara, party, hosted, order, reorder } = await seed();
    const figures = async () => ({
      report: await ok('events.report', { eventId: party.id }),
      hostedReport: await ok('events.report', { eventId: hosted.id }),
      reconciliation: await ok<OutputOf<'orders.reconciliation'>>('orders.reconciliation', { eventId: party.id }),
      dashboard: await ok<OutputOf<'reports.dashboard'>>('reports.dashboard', { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' }),
      state: (await ok<OutputOf<'checkin.state'>>('checkin.state', { eventId: party.id })).counts,
    });
    const before = await figures();
    expect((await csvRows({})).map((row) => row[1])).toContain('Quastenberg');
    for (const needle of herData) expect(await filesHolding(needle), needle).not.toEqual([]);

    const erased = await ok<Erasure>('privacy.erase', { contactId: person.id, confirm: true, reason: 'Bitte per E-Mail' });
    expect(erased).toMatchObject({ contactId: person.id, reason: 'Bitte per E-Mail', keptOrders: 2, keptInvitations: 1 });
    expect(erased.pseudonym).toMatch(/^Gelöscht [A-Z2-9]{4}$/);
    expect(await ok('privacy.erasures', {})).toEqual([erased]);

    const check = async () => {
      expect(await call('contacts.get', { id: person.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await call('privacy.access', { contactId: person.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await call('contacts.update', { id: person.id, city: 'Pirna' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await call('club.join', { contactId: person.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const list = await ok<OutputOf<'contacts.list'>>('contacts.list', {});
      expect(list.items.map((contact) => contact.id)).toEqual(expect.not.arrayContaining([person.id]));
      expect(list.total).toBe(2);
      expect(await ok('contacts.list', { query: 'Quastenberg' })).toMatchObject({ total: 0 });
      expect(await ok('contacts.search', { query: 'Annegret' })).toEqual([]);
      expect(await ok('contacts.search', { query: 'annegret.q@example.de' })).toEqual([]);
      expect((await ok<{ ids: string[] }>('contacts.ids', {})).ids).toEqual(expect.not.arrayContaining([person.id]));
      expect(await ok('checkin.search', { eventId: party.id, query: 'Quastenberg' })).toEqual([]);
      expect((await ok<OutputOf<'club.members'>>('club.members', {})).items.map((row) => row.contact.id)).toEqual([bernd.id]);
      expect(await csvRows({})).toEqual([['Bernd', 'Berger', '']]);
      expect(await csvRows({ purpose: 'letter', onePerHousehold: true, includeWithoutConsent: true })).toEqual([['Bernd', 'Berger', '']]);

      // The figures of her events stay as they were; her orders show under the pseudonym.
      expect(await figures()).toEqual({
        ...before,
        reconciliation: {
          ...before.reconciliation,
          guests: before.reconciliation.guests.map((guest) => (guest.contact.id === person.id ? { ...guest, contact: { id: person.id, firstName: '', lastName: erased.pseudonym } } : guest)),
        },
        dashboard: { ...before.dashboard, topHosts: expect.anything(), topReferrers: expect.anything() },
      });
      const hers = await ok<OrderView[]>('orders.list', { contactId: person.id });
      expect(hers.map((entry) => entry.id).sort()).toEqual([order.id, reorder.id].sort());
      for (const kept of hers) {
        expect(kept.contact).toEqual({ id: person.id, firstName: '', lastName: erased.pseudonym });
        expect(kept).not.toHaveProperty('note');
      }
      expect(hers.find((entry) => entry.id === order.id)).toMatchObject({ totalCents: 7470, paidCents: 5000, payments: [expect.not.objectContaining({ note: expect.anything() })] });
      const guests = await ok<OutputOf<'invitations.list'>>('invitations.list', { eventId: party.id });
      expect(guests.map((guest) => guest.contact.lastName).sort()).toEqual(['Claus', erased.pseudonym]);
      const hostedNow = await ok<Event>('events.get', { id: hosted.id });
      expect(hostedNow).toMatchObject({ hostId: person.id, title: `Home-Party bei ${erased.pseudonym}` });
      expect(hostedNow).not.toHaveProperty('place');
      const tasks = await ok<OutputOf<'tasks.list'>>('tasks.list', { status: 'all' });
      expect(tasks.map((task) => task.contactId)).toEqual(expect.not.arrayContaining([person.id]));
      expect(await ok<Contact>('contacts.get', { id: clara.id })).not.toHaveProperty('referredBy');

      for (const needle of herData) expect(await filesHolding(needle), needle).toEqual([]);
    };
    await check();
    await reopen();
    await check();
    // Editing the event she hosted (the form sends its host unchanged) still works.
    expect(await ok('events.update', { id: hosted.id, hostId: person.id, notes: 'Torte mitbringen' })).toMatchObject({ notes: 'Torte mitbringen' });
  });

  it('drops her from the duplicates', async () => {
    const person = await ok<Contact>('contacts.create', annegret);
    const twin = await ok<Contact>('contacts.create', { firstName: 'A.', lastName: 'Q.', email: annegret.email });
    expect(await ok('contacts.duplicates', {})).toHaveLength(1);
    await ok('privacy.erase', { contactId: person.id, confirm: true });
    expect(await ok('contacts.duplicates', {})).toEqual([]);
    expect(await ok<Contact>('contacts.get', { id: twin.id })).toMatchObject({ email: annegret.email });
  });

  it('refuses without confirm: true or for someone unknown, and changes nothing', async () => {
    const { person } = await seed();
    const files = await filesOf(dataDir());
    expect(await call('privacy.erase', { contactId: person.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('privacy.erase', { contactId: person.id, confirm: false })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('privacy.erase', { contactId: 'nobody-at-all', confirm: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await filesOf(dataDir())).toEqual(files);
    expect(await ok('contacts.get', { id: person.id })).toMatchObject(annegret);
  });
});

describe('consent withdrawal', () => {
  it('takes effect in the very next mailing export', async () => {
    const person = await ok<Contact>('contacts.create', annegret);
    await ok('club.join', { contactId: person.id });
    const consent = (granted: boolean) =>
      ok('contacts.recordConsent', { contactId: person.id, channel: 'email', purpose: 'marketing', granted, source: 'phone', wording });
    await consent(true);
    expect(await csvRows({ purpose: 'email' })).toEqual([['Annegret', 'Quastenberg', annegret.email]]);
    await consent(false);
    expect(await csvRows({ purpose: 'email' })).toEqual([]);
  });
});

describe('privacy.review', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A contact created, invited and ordering at a past moment (only Date is faked: the files are written for real). */
  async function createdAt(when: string, fields: Record<string, unknown>) {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(when));
    try {
      return await ok<Contact>('contacts.create', fields);
    } finally {
      vi.useRealTimers();
    }
  }

  it('lists contacts without activity for the period, oldest first; keep takes one off until another period passes', async () => {
    const olga = await createdAt('2019-03-01T10:00:00Z', { firstName: 'Olga', lastName: 'Alt', city: 'Görlitz' });
    const otto = await createdAt('2021-06-01T10:00:00Z', { firstName: 'Otto', lastName: 'Alt' });
    // Old, but bought something this year.
    const paula = await createdAt('2019-01-01T10:00:00Z', { firstName: 'Paula', lastName: 'Aktiv' });
    const product = await ok<{ id: string }>('catalog.create', { sku: 'K-1', name: 'Seife', priceCents: 500 });
    await ok('orders.create', { contactId: paula.id, lines: [{ productId: product.id, quantity: 1 }] });
    await ok('contacts.create', { firstName: 'Nora', lastName: 'Neu' });

    const review = await ok<OutputOf<'privacy.review'>>('privacy.review', {});
    expect(review.map((entry) => entry.contact)).toEqual([
      { id: olga.id, firstName: 'Olga', lastName: 'Alt', city: 'Görlitz' },
      { id: otto.id, firstName: 'Otto', lastName: 'Alt' },
    ]);
    expect(review[0]).toMatchObject({ createdAt: '2019-03-01T10:00:00.000Z', lastActivityAt: '2019-03-01T10:00:00.000Z' });
    // The period from the settings, or asked for.
    await ok('settings.update', { reviewAfterYears: 6 });
    expect((await ok<OutputOf<'privacy.review'>>('privacy.review', {})).map((entry) => entry.contact.id)).toEqual([olga.id]);
    expect((await ok<OutputOf<'privacy.review'>>('privacy.review', { years: 3 })).map((entry) => entry.contact.id)).toEqual([olga.id, otto.id]);

    const kept = await ok('privacy.keep', { contactId: otto.id, note: 'Stammkunde, kauft selten' });
    expect(kept).toMatchObject({ contactId: otto.id, note: 'Stammkunde, kauft selten' });
    expect((await ok<OutputOf<'privacy.review'>>('privacy.review', { years: 3 })).map((entry) => entry.contact.id)).toEqual([olga.id]);
    await reopen();
    expect((await ok<OutputOf<'privacy.review'>>('privacy.review', { years: 3 })).map((entry) => entry.contact.id)).toEqual([olga.id]);

    // A new consent record is activity too.
    await ok('contacts.recordConsent', { contactId: olga.id, channel: 'post', purpose: 'club', granted: false, source: 'phone', wording: 'Keine Post mehr.' });
    expect(await ok('privacy.review', { years: 3 })).toEqual([]);
    expect(await call('privacy.keep', { contactId: 'nobody-at-all' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('brings a kept contact back once the decision is older than the period', async () => {
    const olga = await createdAt('2019-03-01T10:00:00Z', { firstName: 'Olga', lastName: 'Alt' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2022-01-01T10:00:00Z'));
    try {
      await ok('privacy.keep', { contactId: olga.id });
    } finally {
      vi.useRealTimers();
    }
    expect(await ok('privacy.review', { years: 3 })).toEqual([expect.objectContaining({ contact: expect.objectContaining({ id: olga.id }), keptAt: '2022-01-01T10:00:00.000Z' })]);
    expect(await ok('privacy.review', { years: 5 })).toEqual([]);
  });
});
