import { nanoid } from 'nanoid';
import type { OutputOf, ParsedInputOf } from '../../shared/contract';
import { AppError, type ValidationIssue } from '../../shared/errors';
import { canMoveOrder, summarise } from '../../shared/orders';
import type { Product } from '../../shared/schemas/catalog';
import type { ContactRef } from '../../shared/schemas/contact';
import { paymentMethods, type Order, type OrderLine, type OrderView, type PaymentMethod } from '../../shared/schemas/order';
import type { Store } from '../store/store';
import { productBySku } from './catalog';
import { collator } from './contact-index';
import { orderIndex } from './order-index';
import { applyPatch } from './patch';
import { nameOf } from './contact-names';

type LineInput = ParsedInputOf<'orders.create'>['lines'][number];

const orderNotFound = () => new AppError('NOT_FOUND', 'errors.orderNotFound');
const eventNotFound = () => new AppError('NOT_FOUND', 'errors.eventNotFound');
const orderCancelled = () => new AppError('CONFLICT', 'errors.orderCancelled');

const byName = (a: { contact: ContactRef }, b: { contact: ContactRef }) =>
  collator.compare(a.contact.lastName, b.contact.lastName) || collator.compare(a.contact.firstName, b.contact.firstName);

/**
 * Entered lines to stored ones, with the product's number, name and price as
 * snapshots. New lines need an active product; a product already on the order
 * may stay even if it became inactive, and keeps its stored snapshot, price and
 * discount unless the input gives others. Every bad line is reported at once.
 */
function resolveLines(inputs: LineInput[], products: Record<string, Product>, stored: OrderLine[] = []): OrderLine[] {
  const issues: ValidationIssue[] = [];
  const lines = inputs.flatMap((input, index): OrderLine[] => {
    const product = input.productId ? products[input.productId] : productBySku(products, input.sku!);
    const sku = input.sku?.toLowerCase();
    const earlier = stored.find((line) => line.productId === (product?.id ?? input.productId) || (!product && line.sku.toLowerCase() === sku));
    const problem = !product && !earlier ? 'validation.productUnknown' : !product?.active && !earlier ? 'validation.productInactive' : undefined;
    if (problem) {
      issues.push({ path: `lines.${index}`, message: problem });
      return [];
    }
    const base = earlier ?? { productId: product!.id, sku: product!.sku, name: product!.name, unitPriceCents: product!.priceCents, discountPercent: 0 };
    return [
      {
        productId: base.productId,
        sku: base.sku,
        name: base.name,
        quantity: input.quantity,
        unitPriceCents: input.unitPriceCents ?? base.unitPriceCents,
        discountPercent: input.discountPercent ?? base.discountPercent,
      },
    ];
  });
  if (issues.length) throw new AppError('VALIDATION', 'Some lines name no orderable product.', issues);
  return lines;
}

export function orderService(store: Store) {
  const index = orderIndex(store);
  const products = () => store.singletons.catalog.data.products;

  // An erased person's orders stay for the retention periods and show under her pseudonym.
  const view = (order: Order): OrderView => ({ ...order, contact: nameOf(store, order.contactId), ...summarise(order) });

  function* allOrders(): Generator<Order> {
    yield* store.reorders();
    for (const document of store.eventDocuments()) yield* document.orders;
  }

  function find(orderId: string): Order {
    const eventId = index.eventIdOf(orderId);
    const order = eventId ? store.eventDocument(eventId)?.orders.find((entry) => entry.id === orderId) : store.reorder(orderId);
    if (!order) throw orderNotFound();
    return order;
  }

  /** Changes one order in the document that holds it; `edit` sees the current state and may refuse by throwing. */
  async function change(orderId: string, edit: (current: Order) => Order): Promise<OrderView> {
    const eventId = index.eventIdOf(orderId);
    if (!eventId) {
      const stored = store.reorder(orderId);
      if (!stored) throw orderNotFound();
      const next = await store.saveReorder(stored.contactId, orderId, (current) => {
        // Gone meanwhile (erased, or moved to another contact by a merge): the caller asks again.
        if (!current) throw orderNotFound();
        return edit(current);
      });
      return view(next);
    }
    let next: Order | undefined;
    await store.saveEventDocument(eventId, (current) => {
      const at = current?.orders.findIndex((order) => order.id === orderId) ?? -1;
      if (!current || at < 0) throw orderNotFound();
      next = edit(current.orders[at]!);
      return { ...current, orders: current.orders.with(at, next) };
    });
    return view(next!);
  }

  return {
    async create({ eventId, contactId, lines, note }: ParsedInputOf<'orders.create'>): Promise<OrderView> {
      if (!store.contact(contactId)) {
        throw new AppError('VALIDATION', 'The customer is not a known contact.', [{ path: 'contactId', message: 'validation.contactUnknown' }]);
      }
      const now = new Date().toISOString();
      const id = nanoid();
      const build = (): Order => ({
        id,
        ...(eventId && { eventId }),
        contactId,
        lines: resolveLines(lines, products()),
        status: 'open',
        payments: [],
        ...(note && { note }),
        createdAt: now,
        updatedAt: now,
      });
      if (!eventId) {
        return view(await store.saveReorder(contactId, id, build));
      }
      // saveEventDocument would create a missing event's file: refuse first.
      if (!store.event(eventId)) throw eventNotFound();
      let created: Order | undefined;
      await store.saveEventDocument(eventId, (current) => {
        if (!current) throw eventNotFound();
        if (current.event.status === 'cancelled') throw new AppError('CONFLICT', 'errors.eventCancelled');
        created = build();
        return { ...current, orders: [...current.orders, created] };
      });
      return view(created!);
    },

    /** New lines replace the old ones; an empty note removes it. Paid more than the new total shows as a negative open balance. */
    update({ id, lines, note }: ParsedInputOf<'orders.update'>): Promise<OrderView> {
      return change(id, (current) => {
        if (current.status === 'cancelled') throw orderCancelled();
        return applyPatch(current, {
          ...(lines && { lines: resolveLines(lines, products(), current.lines) }),
          ...(note !== undefined && { note: note || null }),
          updatedAt: new Date().toISOString(),
        });
      });
    },

    list({ eventId, contactId, status, withoutEvent }: ParsedInputOf<'orders.list'>): OrderView[] {
      let orders: Iterable<Order> = allOrders();
      if (eventId) {
        const document = store.eventDocument(eventId);
        if (!document) throw eventNotFound();
        orders = document.orders;
      }
      return [...orders]
        .filter((order) => (!withoutEvent || !order.eventId) && (!contactId || order.contactId === contactId) && (!status || status.includes(order.status)))
        .map(view)
        .sort((a, b) => byName(a, b) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },

    async setStatus({ id, status }: ParsedInputOf<'orders.setStatus'>): Promise<OrderView> {
      // Staying is no change, and nothing is written.
      const stored = find(id);
      if (stored.status === status) return view(stored);
      return change(id, (current) => {
        if (current.status === 'cancelled') throw orderCancelled();
        if (!canMoveOrder(current.status, status)) throw new AppError('CONFLICT', 'errors.statusTransition');
        return { ...current, status, updatedAt: new Date().toISOString() };
      });
    },

    /** A (partial) payment; refused beyond the open balance, so a miscounted cash envelope is caught at entry. */
    addPayment({ orderId, method, amountCents, at, note }: ParsedInputOf<'orders.addPayment'>): Promise<OrderView> {
      return change(orderId, (current) => {
        if (current.status === 'cancelled') throw orderCancelled();
        if (amountCents > summarise(current).openCents) {
          throw new AppError('VALIDATION', 'The payment is more than the open balance.', [{ path: 'amountCents', message: 'validation.overpayment' }]);
        }
        const now = new Date().toISOString();
        const payment = { id: nanoid(), method, amountCents, at: at ?? now, ...(note && { note }) };
        return { ...current, payments: [...current.payments, payment], updatedAt: now };
      });
    },

    /**
     * What each guest owes and paid at one event, and what was collected by
     * method. Cancelled orders owe nothing, but money taken for them counts as
     * collected (to be paid back: it shows as a negative open balance).
     */
    reconciliation({ eventId }: ParsedInputOf<'orders.reconciliation'>): OutputOf<'orders.reconciliation'> {
      const document = store.eventDocument(eventId);
      if (!document) throw eventNotFound();
      const byMethod = Object.fromEntries(paymentMethods.map((method) => [method, 0])) as Record<PaymentMethod, number>;
      const guests = new Map<string, { contact: ContactRef; totalCents: number; paidCents: number; openCents: number; buys: boolean }>();
      const totals = { totalCents: 0, paidCents: 0, openCents: 0 };
      for (const order of document.orders) {
        for (const payment of order.payments) byMethod[payment.method] += payment.amountCents;
        const sums = summarise(order);
        let guest = guests.get(order.contactId);
        if (!guest) guests.set(order.contactId, (guest = { contact: nameOf(store, order.contactId), totalCents: 0, paidCents: 0, openCents: 0, buys: false }));
        guest.buys ||= order.status !== 'cancelled';
        for (const sum of [guest, totals]) {
          sum.totalCents += sums.totalCents;
          sum.paidCents += sums.paidCents;
          sum.openCents += sums.openCents;
        }
      }
      return {
        guests: [...guests.values()]
          .filter((guest) => guest.buys || guest.paidCents !== 0)
          .map(({ buys: _buys, ...guest }) => guest)
          .sort(byName),
        byMethod,
        ...totals,
      };
    },
  };
}
