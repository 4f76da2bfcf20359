import type { Order } from './schemas/order';
import type { HostReward, HostRewardRules } from './schemas/host-reward';
import { summarise } from './orders';
import { addDays } from './days';

/**
 * The host reward engine: pure functions over a programme's rules (settings,
 * never code) and an event's figures.
 */

/**
 * Programmes as published in host charts. The first one applies while
 * Einstellungen name none. Thresholds of the third are ours: the chart names
 * only the 8–12 % range and the minimums.
 */
export const hostRewardPresets: readonly HostRewardRules[] = [
  {
    name: 'Staffel 150/250/400/1000',
    qualifying: { minSalesCents: 15_000 },
    tiers: [
      { fromSalesCents: 15_000, creditPercent: 10, halfPriceItems: 1 },
      { fromSalesCents: 25_000, creditPercent: 10, halfPriceItems: 2 },
      { fromSalesCents: 40_000, creditPercent: 15, halfPriceItems: 3 },
      { fromSalesCents: 100_000, creditPercent: 15, halfPriceItems: 4 },
    ],
    bookingBonusCents: 0,
    previousHostBonusCents: 0,
  },
  {
    name: '10 % ab 200 €, Halbpreis ab 550 €',
    qualifying: { minSalesCents: 20_000 },
    tiers: [
      { fromSalesCents: 20_000, creditPercent: 10, halfPriceItems: 0 },
      { fromSalesCents: 55_000, creditPercent: 10, halfPriceItems: 1 },
    ],
    bookingBonusCents: 0,
    previousHostBonusCents: 0,
  },
  {
    name: '8–12 % mit 3 Käuferinnen und 1 Buchung',
    qualifying: { minSalesCents: 20_000, minBuyingGuests: 3, minBookings: 1 },
    tiers: [
      { fromSalesCents: 20_000, creditPercent: 8, halfPriceItems: 0 },
      { fromSalesCents: 40_000, creditPercent: 10, halfPriceItems: 0 },
      { fromSalesCents: 60_000, creditPercent: 12, halfPriceItems: 0 },
    ],
    bookingBonusCents: 0,
    previousHostBonusCents: 0,
  },
];

export const defaultHostRewardRules: HostRewardRules = hostRewardPresets[0]!;

export interface PartyFigures {
  salesCents: number;
  /** Distinct people with an order that is not cancelled. */
  buyingGuests: number;
}

/**
 * An event's party sales: the totals of its orders that are not cancelled.
 * The host's own order counts, as in the published charts.
 */
export function partyFigures(orders: readonly Order[]): PartyFigures {
  const live = orders.filter((order) => order.status !== 'cancelled');
  return {
    salesCents: live.reduce((sum, order) => sum + summarise(order).totalCents, 0),
    buyingGuests: new Set(live.map((order) => order.contactId)).size,
  };
}

/** `share` percent of `cents`, to the cent, half up (float noise below a millionth of a cent removed first). */
export function percentOf(cents: number, share: number): number {
  return Math.round(Number(((cents * share) / 100).toFixed(6)));
}


export interface RewardFacts extends PartyFigures {
  /** Parties booked at this one. */
  bookings: number;
  /** Of those, how many qualified for a reward of their own (the previous-host bonus). */
  qualifiedBookedEvents: number;
  /** The party's date `YYYY-MM-DD`, from which the credit's expiry counts. */
  heldOn?: string;
}

/**
 * What the host earns. The lowest tier's threshold is a sales minimum too: a
 * party below every tier earns nothing. The booking bonus needs a qualifying
 * party; the previous-host bonus does not, since it rewards the parties booked
 * here, which qualify on their own.
 */
export function computeHostReward(rules: HostRewardRules, facts: RewardFacts): HostReward {
  const tiers = [...rules.tiers].sort((a, b) => a.fromSalesCents - b.fromSalesCents);
  const minSales = Math.max(rules.qualifying.minSalesCents ?? 0, tiers[0]!.fromSalesCents);
  const missing = {
    salesCents: Math.max(0, minSales - facts.salesCents),
    buyingGuests: Math.max(0, (rules.qualifying.minBuyingGuests ?? 0) - facts.buyingGuests),
    bookings: Math.max(0, (rules.qualifying.minBookings ?? 0) - facts.bookings),
  };
  const qualifies = missing.salesCents === 0 && missing.buyingGuests === 0 && missing.bookings === 0;
  const tier = qualifies ? tiers.findLast((candidate) => candidate.fromSalesCents <= facts.salesCents) : undefined;
  const next = tiers.find((candidate) => candidate.fromSalesCents > facts.salesCents);
  const uncapped = tier ? percentOf(facts.salesCents, tier.creditPercent) : 0;
  const creditCents = rules.capCents === undefined ? uncapped : Math.min(uncapped, rules.capCents);
  const bookingBonusCents = qualifies ? facts.bookings * rules.bookingBonusCents : 0;
  const previousHostBonusCents = facts.qualifiedBookedEvents * rules.previousHostBonusCents;
  const totalCreditCents = creditCents + bookingBonusCents + previousHostBonusCents;
  return {
    qualifies,
    salesCents: facts.salesCents,
    ...(tier && { tier }),
    creditCents,
    halfPriceItems: tier?.halfPriceItems ?? 0,
    bookingBonusCents,
    previousHostBonusCents,
    totalCreditCents,
    ...(next && { nextTier: { ...next, missingSalesCents: next.fromSalesCents - facts.salesCents } }),
    ...(!qualifies && { missing }),
    ...(totalCreditCents > 0 && facts.heldOn && rules.expiryDays !== undefined && { expiresOn: addDays(facts.heldOn, rules.expiryDays) }),
  };
}
