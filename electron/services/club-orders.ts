import type { Purchase } from '../../shared/club/points';
import { orderTotalCents } from '../../shared/orders';
import type { Order } from '../../shared/schemas/order';
import type { EventDocument } from '../store/documents';
import type { Store } from '../store/store';
import { changesBetween } from './index-changes';
import { perStore } from './per-store';
import { localDate } from '../../shared/days';

const purchaseOf = (order: Order): Purchase => {
  const time = Date.parse(order.createdAt);
  return { orderId: order.id, createdAt: order.createdAt, time, day: localDate(new Date(time)), totalCents: orderTotalCents(order), cancelled: order.status === 'cancelled' };
};

/** One array for everyone without orders: the same object each time, so that computed member rows can tell nothing changed. */
const noPurchases: readonly Purchase[] = Object.freeze([]);

/**
 * Every contact's orders (at events and reorders) with their totals, so that
 * the member list computes points, spend and tiers without reading the
 * events. Event documents and orders outside events are followed through
 * the store's change listeners. A contact's array is the same object until
 * her orders change.
 */
export class PurchaseIndex {
  /** Contact id → her purchases; an array replaced on change, since lists read it far more often than orders change. */
  private readonly byContact = new Map<string, readonly Purchase[]>();

  constructor(store: Store) {
    this.apply([], [...[...store.eventDocuments()].flatMap((document) => document.orders), ...store.reorders()]);
    store.onEventChange((next, previous) => this.eventChanged(next, previous));
    store.onReorderChange((next, previous) => this.apply(previous ? [previous] : [], [next]));
  }

  /** Replaces each touched contact's array once, however many of her orders change. */
  private apply(removed: readonly Order[], added: readonly Order[]): void {
    const touched = new Map<string, Purchase[]>();
    const purchasesOf = (contactId: string) => {
      let purchases = touched.get(contactId);
      if (!purchases) touched.set(contactId, (purchases = [...(this.byContact.get(contactId) ?? [])]));
      return purchases;
    };
    for (const order of removed) {
      const purchases = purchasesOf(order.contactId);
      const index = purchases.findIndex((purchase) => purchase.orderId === order.id);
      if (index >= 0) purchases.splice(index, 1);
    }
    for (const order of added) purchasesOf(order.contactId).push(purchaseOf(order));
    for (const [contactId, purchases] of touched) {
      if (purchases.length > 0) this.byContact.set(contactId, purchases);
      else this.byContact.delete(contactId);
    }
  }

  private eventChanged(next: EventDocument, previous: EventDocument | undefined): void {
    // Changes that leave the orders alone keep the same array; an unchanged order keeps its object.
    if (previous?.orders === next.orders) return;
    const { removed, added } = changesBetween(previous?.orders ?? [], next.orders);
    this.apply(removed, added);
  }

  /** A contact's orders, cancelled ones included, in no particular order. */
  purchasesOf(contactId: string): readonly Purchase[] {
    return this.byContact.get(contactId) ?? noPurchases;
  }
}

export const purchaseIndex = perStore((store) => new PurchaseIndex(store));
