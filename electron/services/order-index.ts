import type { EventDocument } from '../store/documents';
import type { Store } from '../store/store';
import { changesBetween } from './index-changes';
import { perStore } from './per-store';

/**
 * Which event holds each order taken at an event, kept current from the
 * store's change events. Orders outside events are keyed by id in the
 * shards of orders/ and found there (Store.reorder) without an index.
 */
export class OrderIndex {
  private readonly eventOf = new Map<string, string>();

  constructor(store: Store) {
    for (const document of store.eventDocuments()) this.track(document, undefined);
    store.onEventChange((next, previous) => this.track(next, previous));
  }

  private track(next: EventDocument, previous: EventDocument | undefined): void {
    // Changes that leave the orders alone keep the same array: nothing to do.
    if (previous?.orders === next.orders) return;
    const { removed, added } = changesBetween(previous?.orders ?? [], next.orders);
    for (const order of removed) this.eventOf.delete(order.id);
    for (const order of added) this.eventOf.set(order.id, next.event.id);
  }

  /** The event holding this order; undefined for an order outside events or an unknown one. */
  eventIdOf(orderId: string): string | undefined {
    return this.eventOf.get(orderId);
  }
}

export const orderIndex = perStore((store) => new OrderIndex(store));
