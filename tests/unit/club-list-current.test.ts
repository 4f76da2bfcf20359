import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../shared/contract';
import type { MemberDetail } from '../../shared/schemas/club';
import type { Contact } from '../../shared/schemas/contact';
import type { Event } from '../../shared/schemas/event';
import { useTestBackend } from '../helpers/api';

/*
 * The member list keeps its computed rows and the order of recent views
 * between calls (electron/services/club.ts, MemberRows). After every kind of
 * change that touches a member, the list asked again shows it at once, and is
 * the same list a freshly opened folder (nothing kept) computes.
 */

const { ok, reopen } = useTestBackend();

type Page = OutputOf<'club.members'>;
const allStatuses = { statuses: ['active', 'paused', 'left'] };
const views = [
  { filters: allStatuses, sort: [] },
  { filters: allStatuses, sort: [{ column: 'points', direction: 'desc' }] },
  { filters: allStatuses, sort: [{ column: 'spend12m', direction: 'desc' }] },
  { filters: { statuses: ['active'], query: 'a' }, sort: [{ column: 'lastName', direction: 'asc' }] },
];

/** Every view's rows (and two pages of the first), as the list shows them now. */
async function lists() {
  const shown = [];
  for (const view of views) shown.push(await ok<Page>('club.members', { ...view, limit: 1000 }));
  shown.push(await ok<Page>('club.members', { ...views[0], limit: 2, offset: 1 }));
  shown.push(await ok('club.memberIds', views[1]));
  shown.push(await ok('club.tiers', {}));
  return shown;
}

/** The lists now (kept rows in use) equal those after a restart (everything computed afresh). */
async function expectCurrent() {
  const kept = await lists();
  await reopen();
  expect(kept).toEqual(await lists());
  return kept[0] as Page;
}

const byName = (page: Page, lastName: string) => page.items.find((row) => row.contact.lastName === lastName);

async function club() {
  const person = (firstName: string, lastName: string, more: Record<string, unknown> = {}) => ok<Contact>('contacts.create', { firstName, lastName, ...more });
  const anna = await person('Anna', 'Adler', { email: 'anna@adler.de', street: 'Am Markt 1', postalCode: '01067', city: 'Dresden' });
  const berta = await person('Berta', 'Bauer', { email: 'berta@bauer.de' });
  const clara = await person('Clara', 'Conrad');
  for (const { id } of [anna, berta, clara]) await ok<MemberDetail>('club.join', { contactId: id, source: 'contact' });
  const product = await ok<{ id: string }>('catalog.create', { sku: 'GS-1', name: 'Gutschein', priceCents: 10_000 });
  const event = await ok<Event>('events.create', { title: 'Homeparty', kind: 'party', startsAt: new Date(Date.now() - 86_400_000).toISOString() });
  // Filled: every later call is answered from what is kept, unless the change is seen.
  await lists();
  return { anna, berta, clara, product, event };
}

describe('the member list after changes (kept rows and views)', () => {
  it('shows a join, a pause, a departure and manual points at once', async () => {
    const { anna, berta } = await club();
    const dora = await ok<Contact>('contacts.create', { firstName: 'Dora', lastName: 'Dietz' });
    await ok('club.join', { contactId: dora.id, source: 'contact' });
    expect(byName(await expectCurrent(), 'Dietz')).toMatchObject({ status: 'active', memberNumber: 'KC-00004' });

    await ok('club.setStatus', { contactId: anna.id, status: 'paused' });
    await ok('club.leave', { contactId: berta.id });
    await ok('club.addPoints', { contactId: dora.id, kind: 'adjustment', points: 40, reason: 'Bonus' });
    const page = await expectCurrent();
    expect(byName(page, 'Adler')).toMatchObject({ status: 'paused' });
    expect(byName(page, 'Bauer')).toMatchObject({ status: 'left' });
    expect(byName(page, 'Dietz')).toMatchObject({ points: 40 });
    expect((await ok<Page>('club.members', views[1]!)).items[0]!.contact.id).toBe(dora.id);
  });

  it('shows orders at events and reorders, their changes and cancellations', async () => {
    const { anna, berta, product, event } = await club();
    await ok('orders.create', { eventId: event.id, contactId: anna.id, lines: [{ productId: product.id, quantity: 3 }] });
    const reorder = await ok<{ id: string }>('orders.create', { contactId: berta.id, lines: [{ productId: product.id, quantity: 1 }] });
    let page = await expectCurrent();
    expect(byName(page, 'Adler')).toMatchObject({ spend12mCents: 30_000, points: 300, tier: 'Silber' });
    expect(byName(page, 'Bauer')).toMatchObject({ spend12mCents: 10_000, points: 100 });

    await ok('orders.update', { id: reorder.id, lines: [{ productId: product.id, quantity: 6 }] });
    page = await expectCurrent();
    expect(byName(page, 'Bauer')).toMatchObject({ spend12mCents: 60_000, tier: 'Gold' });
    expect((await ok<Page>('club.members', views[2]!)).items.map((row) => row.contact.lastName)).toEqual(['Bauer', 'Adler', 'Conrad']);

    await ok('orders.setStatus', { id: reorder.id, status: 'cancelled' });
    expect(byName(await expectCurrent(), 'Bauer')).toMatchObject({ spend12mCents: 0, points: 0, tier: 'Bronze' });
  });

  it('shows a contact edit in the rows, the order by name and the search', async () => {
    const { clara } = await club();
    await ok('contacts.update', { id: clara.id, lastName: 'Abel', city: 'Leipzig' });
    const page = await expectCurrent();
    expect(page.items.map((row) => row.contact.lastName)).toEqual(['Abel', 'Adler', 'Bauer']);
    expect(byName(page, 'Abel')!.contact.city).toBe('Leipzig');
    expect((await ok<Page>('club.members', { filters: { query: 'abel' }, sort: [] })).items.map((row) => row.contact.id)).toEqual([clara.id]);
  });

  it('shows a merge (one member left, with both histories) and an erasure (the member gone)', async () => {
    const { anna, berta, product } = await club();
    const twin = await ok<Contact>('contacts.create', { firstName: 'Anna', lastName: 'Adler', phone: '0351 123456' });
    await ok('orders.create', { contactId: twin.id, lines: [{ productId: product.id, quantity: 2 }] });
    await lists();
    await ok('contacts.merge', { keepId: anna.id, mergeIds: [twin.id] });
    let page = await expectCurrent();
    expect(page.items.filter((row) => row.contact.lastName === 'Adler')).toHaveLength(1);
    expect(byName(page, 'Adler')).toMatchObject({ spend12mCents: 20_000, contact: { id: anna.id, phone: '0351 123456' } });

    await ok('privacy.erase', { contactId: berta.id, confirm: true });
    page = await expectCurrent();
    expect(page.items.map((row) => row.contact.id)).not.toContain(berta.id);
    expect(page.total).toBe(2);
  });

  it('shows the members an import adds, and new club rules', async () => {
    await club();
    const file = Buffer.from(['Vorname;Nachname;E-Mail', 'Emil;Ebert;emil@ebert.de', 'Anna;Adler;anna@adler.de'].join('\n'), 'utf8').toString('base64');
    await ok('contacts.import', { fileName: 'liste.csv', contentBase64: file, joinClub: true, duplicates: { 3: 'update' } });
    let page = await expectCurrent();
    expect(page.items.map((row) => row.contact.lastName)).toEqual(['Adler', 'Bauer', 'Conrad', 'Ebert']);

    const settings = await ok<Record<string, unknown>>('club.settings.get', {});
    await ok('club.settings.update', { ...settings, tiers: [{ name: 'Alle', threshold: 0 }] });
    page = await expectCurrent();
    expect(new Set(page.items.map((row) => row.tier))).toEqual(new Set(['Alle']));
  });
});
