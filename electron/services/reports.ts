import type { OutputOf, ParsedInputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { computeHostReward, defaultHostRewardRules, partyFigures, percentOf } from '../../shared/host-rewards';
import { lineTotalCents, summarise } from '../../shared/orders';
import { checkinCounts } from '../../shared/schemas/checkin';
import type { ContactRef } from '../../shared/schemas/contact';
import type { Event } from '../../shared/schemas/event';
import type { Order } from '../../shared/schemas/order';
import type { Store } from '../store/store';
import { localDate } from '../../shared/days';
import { nameOf } from './contact-names';

const TOP = 10;

type EventReport = OutputOf<'events.report'>;
type Dashboard = OutputOf<'reports.dashboard'>;
type ProductFigure = EventReport['topProducts'][number];

const live = (orders: readonly Order[]) => orders.filter((order) => order.status !== 'cancelled');
const top = <T extends { salesCents: number }>(rows: Iterable<T>) => [...rows].sort((a, b) => b.salesCents - a.salesCents).slice(0, TOP);

/** Quantity and sales per product; the name is the one on the newest line, as the order form printed it. */
function productFigures(orders: readonly Order[]): ProductFigure[] {
  const byProduct = new Map<string, ProductFigure>();
  for (const order of live(orders)) {
    for (const line of order.lines) {
      const figure = byProduct.get(line.productId) ?? { productId: line.productId, name: line.name, quantity: 0, salesCents: 0 };
      byProduct.set(line.productId, { ...figure, name: line.name, quantity: figure.quantity + line.quantity, salesCents: figure.salesCents + lineTotalCents(line) });
    }
  }
  return top(byProduct.values());
}

/** Calendar month `YYYY-MM` of a timestamp: an event's as entered (its own offset), an order's on this computer. */
const monthOfEvent = (event: Event) => event.startsAt.slice(0, 7);
const monthOfInstant = (iso: string) => localDate(new Date(iso)).slice(0, 7);
const nextMonth = (month: string) => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
};

export function reportService(store: Store) {
  const rules = () => store.settings.data.settings.hostRewards ?? defaultHostRewardRules;
  const commission = (salesCents: number) => percentOf(salesCents, store.settings.data.settings.commissionPercent ?? 0);

  /** Parties booked at this one (cancelled ones aside), in date order. */
  const bookingsAt = (eventId: string) =>
    [...store.events()].filter((event) => event.bookedAtEventId === eventId && event.status !== 'cancelled').sort((a, b) => a.startsAt.localeCompare(b.startsAt));

  const rewardOf = (event: Event, bookings: readonly Event[], qualifiedBookedEvents: number) =>
    computeHostReward(rules(), {
      ...partyFigures(store.eventDocument(event.id)?.orders ?? []),
      bookings: bookings.length,
      qualifiedBookedEvents,
      heldOn: event.startsAt.slice(0, 10),
    });
  // Whether a party qualifies does not depend on the bonuses, so one level of bookings is enough.
  const reward = (event: Event, bookings: readonly Event[]) =>
    rewardOf(event, bookings, bookings.filter((booked) => rewardOf(booked, bookingsAt(booked.id), 0).qualifies).length);

  return {
    eventReport({ eventId }: ParsedInputOf<'events.report'>): EventReport {
      const document = store.eventDocument(eventId);
      if (!document) throw new AppError('NOT_FOUND', 'errors.eventNotFound');
      const counts = checkinCounts(document.invitations);
      const orders = live(document.orders);
      const sums = orders.map(summarise);
      const { salesCents, buyingGuests } = partyFigures(orders);
      const bookings = bookingsAt(eventId);
      const bookingChain: Event[] = [];
      const seen = new Set([eventId]);
      for (let at = document.event.bookedAtEventId; at !== undefined && !seen.has(at); at = store.event(at)?.bookedAtEventId) {
        seen.add(at);
        const earlier = store.event(at);
        if (earlier) bookingChain.unshift(earlier);
      }
      return {
        invited: counts.invited,
        accepted: counts.accepted,
        came: counts.arrived,
        walkIns: counts.walkIns,
        buyingGuests,
        salesCents,
        averageOrderCents: buyingGuests === 0 ? 0 : Math.round(salesCents / buyingGuests),
        paidCents: sums.reduce((sum, { paidCents }) => sum + paidCents, 0),
        openCents: sums.reduce((sum, { openCents }) => sum + openCents, 0),
        topProducts: productFigures(orders),
        hostReward: reward(document.event, bookings),
        bookings,
        bookingChain,
        commissionCents: commission(salesCents),
      };
    },

    /** Events by start, orders outside events by entry; cancelled events and orders count nowhere. Default: the last twelve months. */
    dashboard({ from, to }: ParsedInputOf<'reports.dashboard'>): Dashboard {
      const end = to ? Date.parse(to) : Date.now();
      const start = from ? Date.parse(from) : new Date(end).setFullYear(new Date(end).getFullYear() - 1);
      const within = (iso: string) => Date.parse(iso) >= start && Date.parse(iso) <= end;

      // Every month of the range, read in the bounds' own offsets, so the chart has no gaps.
      const months = new Map<string, { month: string; salesCents: number; events: number }>();
      const lastMonth = to?.slice(0, 7) ?? monthOfInstant(new Date(end).toISOString());
      for (let month = from?.slice(0, 7) ?? monthOfInstant(new Date(start).toISOString()); month <= lastMonth; month = nextMonth(month)) {
        months.set(month, { month, salesCents: 0, events: 0 });
      }
      const addSales = (month: string, salesCents: number, events = 0) => {
        const row = months.get(month) ?? { month, salesCents: 0, events: 0 };
        months.set(month, { month, salesCents: row.salesCents + salesCents, events: row.events + events });
      };

      const orders: Order[] = [];
      const salesOf = new Map<string, number>();
      const funnel = { invited: 0, came: 0, bought: 0 };
      const hosts = new Map<string, { salesCents: number; events: number }>();
      for (const document of store.eventDocuments()) {
        const { event } = document;
        if (event.status === 'cancelled' || !within(event.startsAt)) continue;
        const { salesCents, buyingGuests } = partyFigures(document.orders);
        const tookPlace = event.status === 'held' || event.status === 'closed';
        addSales(monthOfEvent(event), salesCents, tookPlace ? 1 : 0);
        orders.push(...document.orders);
        if (tookPlace) {
          const counts = checkinCounts(document.invitations);
          funnel.invited += counts.invited;
          funnel.came += counts.arrived;
          funnel.bought += buyingGuests;
        }
        if (event.hostId !== undefined) {
          const host = hosts.get(event.hostId) ?? { salesCents: 0, events: 0 };
          hosts.set(event.hostId, { salesCents: host.salesCents + salesCents, events: host.events + 1 });
        }
      }
      for (const order of store.reorders()) {
        if (order.status === 'cancelled' || !within(order.createdAt)) continue;
        addSales(monthOfInstant(order.createdAt), summarise(order).totalCents);
        orders.push(order);
      }
      for (const order of live(orders)) salesOf.set(order.contactId, (salesOf.get(order.contactId) ?? 0) + summarise(order).totalCents);

      const ref = (contactId: string): ContactRef => nameOf(store, contactId);
      const salesCents = [...salesOf.values()].reduce((sum, cents) => sum + cents, 0);
      return {
        months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
        funnel,
        topHosts: top([...hosts].map(([hostId, figures]) => ({ contact: ref(hostId), ...figures }))),
        topProducts: productFigures(orders),
        topReferrers: top(referrerFigures(store, salesOf)).map(({ contactId, ...figures }) => ({ contact: ref(contactId), ...figures })),
        salesCents,
        commissionCents: commission(salesCents),
      };
    },
  };
}

/**
 * For everyone who recommended someone: the sales of all the people down her
 * recommendation chain (not her own) and how many of them bought. Safe against
 * cycles in referredBy.
 */
function referrerFigures(store: Store, salesOf: ReadonlyMap<string, number>) {
  const referred = new Map<string, string[]>();
  for (const contact of store.contacts()) {
    if (contact.referredBy !== undefined) referred.set(contact.referredBy, [...(referred.get(contact.referredBy) ?? []), contact.id]);
  }
  const figures: Array<{ contactId: string; salesCents: number; people: number }> = [];
  for (const contactId of referred.keys()) {
    if (!store.contact(contactId)) continue;
    const seen = new Set([contactId]);
    const queue = [...referred.get(contactId)!];
    let salesCents = 0;
    let people = 0;
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      if (seen.has(next)) continue;
      seen.add(next);
      const sales = salesOf.get(next) ?? 0;
      salesCents += sales;
      if (sales > 0) people++;
      queue.push(...(referred.get(next) ?? []));
    }
    if (salesCents > 0) figures.push({ contactId, salesCents, people });
  }
  return figures;
}
