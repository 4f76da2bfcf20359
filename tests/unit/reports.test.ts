import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../shared/contract';
import type { Event } from '../../shared/schemas/event';
import type { InvitationView } from '../../shared/schemas/invitation';
import { useTestBackend } from '../helpers/api';
import { heldParty } from '../helpers/followup';
import { addDays, localDate } from '../../shared/days';

const { call, ok, dataDir, reopen } = useTestBackend();
type Report = OutputOf<'events.report'>;
type Dashboard = OutputOf<'reports.dashboard'>;

describe('events.report', () => {
  it('counts guests, sales (the host’s own order included), payments, top products, the host reward and the commission', async () => {
    const { event, host, anna, clara, eva, order } = await heldParty(ok);
    await ok('settings.update', { commissionPercent: 22 });
    const annas = await order(anna, [{ sku: 'K-100', quantity: 2 }]); // 49,80 €
    await ok('orders.addPayment', { orderId: annas.id, method: 'cash', amountCents: 2_000 });
    const claras = await order(clara, [{ sku: 'K-300', quantity: 1 }, { sku: 'D-200', quantity: 1, discountPercent: 10 }]); // 129,00 € + 17,91 €
    await ok('orders.addPayment', { orderId: claras.id, method: 'card', amountCents: 14_691 });
    await order(host, [{ sku: 'K-100', quantity: 1 }]); // 24,90 €
    const cancelled = await order(eva, [{ sku: 'K-300', quantity: 3 }]);
    await ok('orders.setStatus', { id: cancelled.id, status: 'cancelled' });

    const report = await ok<Report>('events.report', { eventId: event.id });
    expect(report).toMatchObject({
      invited: 4,
      accepted: 0,
      came: 3,
      walkIns: 1,
      buyingGuests: 3,
      salesCents: 22_161,
      averageOrderCents: 7_387,
      paidCents: 16_691,
      openCents: 5_470,
      commissionCents: 4_875,
      bookings: [],
      bookingChain: [],
    });
    expect(report.topProducts).toEqual([
      { productId: expect.any(String), name: 'Schmortopf', quantity: 1, salesCents: 12_900 },
      { productId: expect.any(String), name: 'Gewürzmühle', quantity: 3, salesCents: 7_470 },
      { productId: expect.any(String), name: 'Raumduft Lavendel', quantity: 1, salesCents: 1_791 },
    ]);
    // The default programme: 10 % and one half-price item from 150 €; 28,39 € more reach the next tier.
    expect(report.hostReward).toMatchObject({
      qualifies: true,
      creditCents: 2_216,
      halfPriceItems: 1,
      totalCreditCents: 2_216,
      nextTier: { fromSalesCents: 25_000, creditPercent: 10, halfPriceItems: 2, missingSalesCents: 2_839 },
    });

    await reopen();
    expect(await ok('events.report', { eventId: event.id })).toEqual(report);
  });

  it('follows the programme in Einstellungen and reports an event without orders', async () => {
    const { event, anna, order } = await heldParty(ok);
    expect(await ok<Report>('events.report', { eventId: event.id })).toMatchObject({
      salesCents: 0,
      buyingGuests: 0,
      averageOrderCents: 0,
      commissionCents: 0,
      topProducts: [],
      hostReward: { qualifies: false, missing: { salesCents: 15_000, buyingGuests: 0, bookings: 0 } },
    });
    await ok('settings.update', {
      hostRewards: { name: 'Eigenes', qualifying: { minBuyingGuests: 1 }, tiers: [{ fromSalesCents: 0, creditPercent: 20, halfPriceItems: 0 }], expiryDays: 60 },
    });
    await order(anna, [{ sku: 'K-100', quantity: 1 }]);
    expect((await ok<Report>('events.report', { eventId: event.id })).hostReward).toMatchObject({ qualifies: true, creditCents: 498, expiresOn: '2026-05-13' });
  });

  it('answers NOT_FOUND for an unknown event', async () => {
    expect(await call('events.report', { eventId: 'unknown-event-1' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'errors.eventNotFound' } });
  });
});

describe('reports.dashboard', () => {
  const daysAgo = (days: number) => `${addDays(localDate(), -days)}T19:00:00+01:00`;

  it('sums sales per month, the funnel, top hosts, products and recommendation chains, orders outside events included', async () => {
    const { event, host, anna, clara, eva, order } = await heldParty(ok, daysAgo(40));
    await ok('settings.update', { commissionPercent: 10 });
    await order(anna, [{ sku: 'K-100', quantity: 2 }]); // 49,80 €
    await order(clara, [{ sku: 'K-300', quantity: 1 }]); // 129,00 €
    await ok('events.setStatus', { id: event.id, status: 'held' });

    const second = await ok<Event>('events.create', { title: 'Präsentation bei Anna', kind: 'presentation', startsAt: daysAgo(10), hostId: anna.id });
    await ok('invitations.add', { eventId: second.id, contactIds: [clara.id, eva.id] });
    const guests = await ok<InvitationView[]>('invitations.list', { eventId: second.id });
    await ok('checkin.checkIn', { eventId: second.id, invitationId: guests.find((guest) => guest.contactId === clara.id)!.id });
    await order(clara, [{ sku: 'D-200', quantity: 1 }], second.id); // 19,90 €
    await ok('events.setStatus', { id: second.id, status: 'held' });

    const dropped = await ok<Event>('events.create', { title: 'Abgesagt', kind: 'party', startsAt: daysAgo(5) });
    await order(eva, [{ sku: 'K-300', quantity: 5 }], dropped.id);
    await ok('events.cancel', { id: dropped.id });
    await order(eva, [{ sku: 'K-100', quantity: 1 }], null); // 24,90 € reorder, today

    for (const [contact, referrer] of [[anna, host], [clara, anna], [eva, clara]] as const) await ok('contacts.update', { id: contact.id, referredBy: referrer.id });

    const dashboard = await ok<Dashboard>('reports.dashboard', {});
    expect(dashboard).toMatchObject({ salesCents: 22_360, commissionCents: 2_236, funnel: { invited: 6, came: 4, bought: 3 } });
    const month = (iso: string) => dashboard.months.find((row) => row.month === iso.slice(0, 7))!;
    expect(dashboard.months.length).toBeGreaterThanOrEqual(12);
    expect(dashboard.months.reduce((sum, row) => sum + row.salesCents, 0)).toBe(22_360);
    expect(dashboard.months.reduce((sum, row) => sum + row.events, 0)).toBe(2);
    expect(month(localDate()).salesCents).toBeGreaterThanOrEqual(2_490);
    expect(month(daysAgo(40)).events).toBeGreaterThanOrEqual(1);
    expect(dashboard.topHosts.map(({ contact, salesCents, events }) => [contact.firstName, salesCents, events])).toEqual([
      ['Bea', 17_880, 1],
      ['Anna', 1_990, 1],
    ]);
    expect(dashboard.topProducts.map(({ name, quantity, salesCents }) => [name, quantity, salesCents])).toEqual([
      ['Schmortopf', 1, 12_900],
      ['Gewürzmühle', 3, 7_470],
      ['Raumduft Lavendel', 1, 1_990],
    ]);
    // Anna 49,80 €, Clara 148,90 €, Eva 24,90 €, down the chain Bea → Anna → Clara → Eva.
    expect(dashboard.topReferrers.map(({ contact, salesCents, people }) => [contact.firstName, salesCents, people])).toEqual([
      ['Bea', 22_360, 3],
      ['Anna', 17_380, 2],
      ['Clara', 2_490, 1],
    ]);

    // contacts.update refuses a circle of recommendations, but a folder edited by hand may hold one: it ends where it began.
    for (const file of await readdir(join(dataDir(), 'contacts'))) {
      const shard = JSON.parse(await readFile(join(dataDir(), 'contacts', file), 'utf8')) as { contacts: Record<string, { referredBy?: string }> };
      if (!shard.contacts[host.id]) continue;
      shard.contacts[host.id]!.referredBy = eva.id;
      await writeFile(join(dataDir(), 'contacts', file), JSON.stringify(shard));
    }
    await reopen();
    const circle = await ok<Dashboard>('reports.dashboard', {});
    expect(circle.topReferrers.map(({ contact, salesCents, people }) => [contact.firstName, salesCents, people])).toEqual([
      ['Bea', 22_360, 3],
      ['Eva', 19_870, 2],
      ['Anna', 17_380, 2],
      ['Clara', 7_470, 2],
    ]);
  });

  it('counts only what falls within from and to, and lists every month of the range', async () => {
    const { anna, order } = await heldParty(ok, '2026-02-20T19:00:00+01:00');
    await order(anna, [{ sku: 'K-100', quantity: 1 }]);
    const range = await ok<Dashboard>('reports.dashboard', { from: '2026-01-01T00:00:00+01:00', to: '2026-04-30T23:59:59+02:00' });
    expect(range.months).toEqual([
      { month: '2026-01', salesCents: 0, events: 0 },
      { month: '2026-02', salesCents: 2_490, events: 0 },
      { month: '2026-03', salesCents: 0, events: 0 },
      { month: '2026-04', salesCents: 0, events: 0 },
    ]);
    expect((await ok<Dashboard>('reports.dashboard', { from: '2026-03-01T00:00:00+01:00', to: '2026-03-31T00:00:00+02:00' })).salesCents).toBe(0);
  });
});
