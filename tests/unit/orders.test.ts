import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contactShardOf, paths } from '../../electron/store/documents';
import type { OutputOf } from '../../shared/contract';
import type { Product } from '../../shared/schemas/catalog';
import type { Contact } from '../../shared/schemas/contact';
import type { Event } from '../../shared/schemas/event';
import { orderStatuses, type OrderView } from '../../shared/schemas/order';
import { filesOf, useTestBackend } from '../helpers/api';

const { call, ok, dataDir, reopen } = useTestBackend();

const person = (firstName: string, lastName: string) => ok<Contact>('contacts.create', { firstName, lastName });
const party = () => ok<Event>('events.create', { title: 'Homeparty bei Anna', kind: 'party', startsAt: '2026-12-04T19:00:00+01:00' });
const product = (sku: string, name: string, priceCents: number, more: Record<string, unknown> = {}) => ok<Product>('catalog.create', { sku, name, priceCents, ...more });
const order = (input: Record<string, unknown>) => ok<OrderView>('orders.create', input);
const pay = (orderId: string, method: string, amountCents: number) => ok<OrderView>('orders.addPayment', { orderId, method, amountCents });

/** A catalog, a party and two guests. */
async function setting() {
  const candle = await product('DK-100', 'Duftkerze Vanille', 2490);
  const knife = await product('KH-100', 'Profi-Messerblock', 124900);
  const event = await party();
  const anna = await person('Anna', 'Zimmer');
  const berta = await person('Berta', 'Albers');
  return { candle, knife, event, anna, berta };
}

describe('orders.create', () => {
  it('takes lines by article number (any case) or product id, prefills the price and lets it be overridden', async () => {
    const { candle, knife, event, anna } = await setting();
    const created = await order({
      eventId: event.id,
      contactId: anna.id,
      lines: [
        { sku: 'dk-100', quantity: 3, discountPercent: 10 },
        { productId: knife.id, quantity: 1, unitPriceCents: 99900 },
      ],
      note: 'Lieferung nach Weihnachten',
    });
    expect(created).toMatchObject({
      eventId: event.id,
      contactId: anna.id,
      contact: { id: anna.id, firstName: 'Anna', lastName: 'Zimmer' },
      status: 'open',
      payments: [],
      note: 'Lieferung nach Weihnachten',
      lines: [
        { productId: candle.id, sku: 'DK-100', name: 'Duftkerze Vanille', quantity: 3, unitPriceCents: 2490, discountPercent: 10 },
        { productId: knife.id, sku: 'KH-100', name: 'Profi-Messerblock', quantity: 1, unitPriceCents: 99900, discountPercent: 0 },
      ],
      totalCents: 6723 + 99900,
      paidCents: 0,
      openCents: 6723 + 99900,
    });
    // Stored in the event's own document.
    expect(await ok<OrderView[]>('orders.list', { eventId: event.id })).toEqual([created]);
  });

  it('refuses unknown customers, unknown and inactive products (per line), unknown and cancelled events, writing nothing', async () => {
    const { event, anna } = await setting();
    await product('DK-099', 'Weihnachtskerze', 2750, { active: false });
    const before = await filesOf(dataDir());
    expect(await call('orders.create', { contactId: 'no-such-contact', lines: [{ sku: 'DK-100', quantity: 1 }] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'contactId', message: 'validation.contactUnknown' }] },
    });
    expect(
      await call('orders.create', {
        contactId: anna.id,
        lines: [{ sku: 'DK-100', quantity: 1 }, { sku: 'XX-1', quantity: 1 }, { sku: 'DK-099', quantity: 1 }, { productId: 'no-such-product', quantity: 1 }],
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        issues: [
          { path: 'lines.1', message: 'validation.productUnknown' },
          { path: 'lines.2', message: 'validation.productInactive' },
          { path: 'lines.3', message: 'validation.productUnknown' },
        ],
      },
    });
    expect(await call('orders.create', { contactId: anna.id, lines: [{ sku: 'DK-100', productId: 'abcdefgh12', quantity: 1 }] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'lines.0', message: 'validation.productOrSku' }] },
    });
    expect(await call('orders.create', { eventId: 'no-such-event', contactId: anna.id, lines: [{ sku: 'DK-100', quantity: 1 }] })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'errors.eventNotFound' },
    });
    expect(await filesOf(dataDir())).toEqual(before);

    await ok('events.cancel', { id: event.id });
    const cancelled = await filesOf(dataDir());
    expect(await call('orders.create', { eventId: event.id, contactId: anna.id, lines: [{ sku: 'DK-100', quantity: 1 }] })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'errors.eventCancelled' },
    });
    expect(await filesOf(dataDir())).toEqual(cancelled);
  });

  it('takes reorders without an event into the order shard of their contact, and keeps them there across a restart', async () => {
    const { event, anna, berta } = await setting();
    const reorder = await order({ contactId: anna.id, lines: [{ sku: 'DK-100', quantity: 2 }] });
    expect(reorder.eventId).toBeUndefined();
    await order({ eventId: event.id, contactId: berta.id, lines: [{ sku: 'DK-100', quantity: 1 }] });
    expect(await ok<OrderView[]>('orders.list', { withoutEvent: true })).toEqual([reorder]);
    expect((await ok<OrderView[]>('orders.list', { contactId: anna.id })).map((entry) => entry.id)).toEqual([reorder.id]);
    expect(JSON.parse(readFileSync(join(dataDir(), paths.orderShard(contactShardOf(anna.id))), 'utf8')).orders[reorder.id]).toMatchObject({ contactId: anna.id });
    await pay(reorder.id, 'cash', 1000);
    await reopen();
    expect(await ok<OrderView[]>('orders.list', { withoutEvent: true })).toEqual([{ ...reorder, payments: [expect.objectContaining({ amountCents: 1000 })], paidCents: 1000, openCents: reorder.totalCents - 1000, updatedAt: expect.any(String) }]);
  });
});

describe('orders.update', () => {
  it('replaces lines; a product that became inactive stays with its stored snapshot, a new inactive one is refused', async () => {
    const { candle, knife, event, anna } = await setting();
    const created = await order({ eventId: event.id, contactId: anna.id, lines: [{ sku: 'DK-100', quantity: 1, unitPriceCents: 2000 }] });
    await ok('catalog.update', { id: candle.id, active: false, name: 'Duftkerze (alt)', priceCents: 2990 });
    const updated = await ok<OrderView>('orders.update', { id: created.id, lines: [{ sku: 'DK-100', quantity: 2 }, { sku: 'KH-100', quantity: 1 }], note: 'bitte anrufen' });
    expect(updated).toMatchObject({
      lines: [
        { productId: candle.id, sku: 'DK-100', name: 'Duftkerze Vanille', quantity: 2, unitPriceCents: 2000 },
        { productId: knife.id, quantity: 1, unitPriceCents: 124900 },
      ],
      note: 'bitte anrufen',
      totalCents: 4000 + 124900,
    });
    const other = await order({ contactId: anna.id, lines: [{ sku: 'KH-100', quantity: 1 }] });
    expect(await call('orders.update', { id: other.id, lines: [{ sku: 'DK-100', quantity: 1 }] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'lines.0', message: 'validation.productInactive' }] },
    });
    const noNote = await ok<OrderView>('orders.update', { id: created.id, note: '' });
    expect(noNote.note).toBeUndefined();
    expect(noNote.lines).toEqual(updated.lines);
  });

  it('refuses changes to cancelled orders and unknown ones', async () => {
    const { event, anna } = await setting();
    const created = await order({ eventId: event.id, contactId: anna.id, lines: [{ sku: 'DK-100', quantity: 1 }] });
    await ok('orders.setStatus', { id: created.id, status: 'cancelled' });
    expect(await call('orders.update', { id: created.id, note: 'x' })).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'errors.orderCancelled' } });
    expect(await call('orders.update', { id: 'no-such-order', note: 'x' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'errors.orderNotFound' } });
  });
});

describe('orders.setStatus', () => {
  // offen → bestellt → geliefert forward (steps may be skipped); storniert from offen and bestellt; staying is no change.
  const allowed: Record<(typeof orderStatuses)[number], readonly string[]> = {
    open: ['open', 'placed', 'delivered', 'cancelled'],
    placed: ['placed', 'delivered', 'cancelled'],
    delivered: ['delivered'],
    cancelled: ['cancelled'],
  };
  const transitions = orderStatuses.flatMap((from) => orderStatuses.map((to) => [from, to, allowed[from].includes(to)] as const));

  it.each(transitions)('%s → %s allowed: %s', async (from, to, expected) => {
    const { anna } = await setting();
    const { id } = await order({ contactId: anna.id, lines: [{ sku: 'DK-100', quantity: 1 }] });
    if (from !== 'open') await ok('orders.setStatus', { id, status: from });
    const before = await filesOf(dataDir());
    const result = await call('orders.setStatus', { id, status: to });
    if (expected) expect(result).toMatchObject({ ok: true, data: { id, status: to } });
    else expect(result).toEqual({ ok: false, error: { code: 'CONFLICT', message: from === 'cancelled' ? 'errors.orderCancelled' : 'errors.statusTransition' } });
    if (!expected || from === to) expect(await filesOf(dataDir())).toEqual(before);
  });
});

describe('payments', () => {
  it('records partial payments and the open balance; refuses overpayment and payments on cancelled orders', async () => {
    const { event, anna } = await setting();
    const created = await order({ eventId: event.id, contactId: anna.id, lines: [{ sku: 'DK-100', quantity: 3, discountPercent: 10 }] });
    const first = await pay(created.id, 'cash', 2000);
    expect(first).toMatchObject({ totalCents: 6723, paidCents: 2000, openCents: 4723, payments: [{ method: 'cash', amountCents: 2000, at: expect.any(String), id: expect.any(String) }] });
    const before = await filesOf(dataDir());
    expect(await call('orders.addPayment', { orderId: created.id, method: 'card', amountCents: 4724 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'amountCents', message: 'validation.overpayment' }] },
    });
    expect(await call('orders.addPayment', { orderId: created.id, method: 'card', amountCents: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('orders.addPayment', { orderId: created.id, method: 'cheque', amountCents: 100 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await filesOf(dataDir())).toEqual(before);
    const paid = await ok<OrderView>('orders.addPayment', { orderId: created.id, method: 'paypal', amountCents: 4723, at: '2026-12-06T09:30:00+01:00', note: 'Nachzahlung' });
    expect(paid).toMatchObject({ paidCents: 6723, openCents: 0 });
    expect(paid.payments[1]).toMatchObject({ method: 'paypal', at: '2026-12-06T09:30:00+01:00', note: 'Nachzahlung' });
    expect(await call('orders.addPayment', { orderId: created.id, method: 'cash', amountCents: 1 })).toMatchObject({ ok: false, error: { issues: [{ message: 'validation.overpayment' }] } });

    const other = await order({ contactId: anna.id, lines: [{ sku: 'DK-100', quantity: 1 }] });
    await ok('orders.setStatus', { id: other.id, status: 'cancelled' });
    expect(await call('orders.addPayment', { orderId: other.id, method: 'cash', amountCents: 100 })).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'errors.orderCancelled' } });
  });
});

describe('orders.reconciliation and orders.list', () => {
  it('answers per guest what she owes and paid, what was collected by method and the difference; all still there after a restart', async () => {
    const { event, anna, berta } = await setting();
    const carla = await person('Carla', 'Meier');
    const dora = await person('Dora', 'Nowak');
    const annas = await order({ eventId: event.id, contactId: anna.id, lines: [{ sku: 'DK-100', quantity: 3, discountPercent: 10 }] }); // 67,23
    await pay(annas.id, 'cash', 5000);
    await pay(annas.id, 'card', 1723);
    const bertas = await order({ eventId: event.id, contactId: berta.id, lines: [{ sku: 'DK-100', quantity: 1 }] }); // 24,90
    await pay(bertas.id, 'cash', 1000);
    const bertas2 = await order({ eventId: event.id, contactId: berta.id, lines: [{ sku: 'KH-100', quantity: 1, discountPercent: 5 }] }); // 1.186,55
    await pay(bertas2.id, 'transfer', 100000);
    // Carla paid, then cancelled: owes nothing, is owed 10 € back. Dora cancelled before paying: not listed.
    const carlas = await order({ eventId: event.id, contactId: carla.id, lines: [{ sku: 'DK-100', quantity: 1 }] });
    await pay(carlas.id, 'paypal', 1000);
    await ok('orders.setStatus', { id: carlas.id, status: 'cancelled' });
    const doras = await order({ eventId: event.id, contactId: dora.id, lines: [{ sku: 'DK-100', quantity: 1 }] });
    await ok('orders.setStatus', { id: doras.id, status: 'cancelled' });
    // A reorder outside the event does not count.
    await order({ contactId: anna.id, lines: [{ sku: 'DK-100', quantity: 1 }] });

    const expected: OutputOf<'orders.reconciliation'> = {
      guests: [
        { contact: { id: berta.id, firstName: 'Berta', lastName: 'Albers' }, totalCents: 2490 + 118655, paidCents: 101000, openCents: 20145 },
        { contact: { id: carla.id, firstName: 'Carla', lastName: 'Meier' }, totalCents: 0, paidCents: 1000, openCents: -1000 },
        { contact: { id: anna.id, firstName: 'Anna', lastName: 'Zimmer' }, totalCents: 6723, paidCents: 6723, openCents: 0 },
      ],
      byMethod: { cash: 6000, card: 1723, transfer: 100000, paypal: 1000 },
      totalCents: 6723 + 2490 + 118655,
      paidCents: 6723 + 101000 + 1000,
      openCents: 6723 + 2490 + 118655 - (6723 + 101000 + 1000),
    };
    expect(await ok('orders.reconciliation', { eventId: event.id })).toEqual(expected);

    const listed = await ok<OrderView[]>('orders.list', { eventId: event.id });
    expect(listed.map((entry) => entry.id)).toEqual([bertas.id, bertas2.id, carlas.id, doras.id, annas.id]);
    expect((await ok<OrderView[]>('orders.list', { eventId: event.id, status: ['cancelled'] })).map((entry) => entry.id)).toEqual([carlas.id, doras.id]);
    const everything = await ok<OrderView[]>('orders.list', {});
    expect(everything).toHaveLength(6);

    await reopen();
    expect(await ok('orders.reconciliation', { eventId: event.id })).toEqual(expected);
    expect(await ok('orders.list', {})).toEqual(everything);
    // The index finds orders by id again after the restart.
    expect(await pay(bertas.id, 'cash', 1490)).toMatchObject({ openCents: 0 });
    expect(await call('orders.reconciliation', { eventId: 'no-such-event' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'errors.eventNotFound' } });
  });
});
