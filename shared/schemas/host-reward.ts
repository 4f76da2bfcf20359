import { z } from 'zod';
import { cents } from './catalog';

/**
 * A host reward programme as data (Einstellungen), never as code. The engine
 * (shared/host-rewards.ts) turns an event's sales into what the host earns.
 */
export const hostRewardTier = z.strictObject({
  /** Party sales from which this tier applies (inclusive). */
  fromSalesCents: cents,
  /** Credit as a percentage of party sales, to spend on free products. */
  creditPercent: z.number().min(0).max(100),
  /** Products the host may buy at half price. */
  halfPriceItems: z.number().int().min(0).max(20),
});

export const hostRewardRules = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** The party must reach all given minimums to earn anything. */
  qualifying: z.strictObject({
    minSalesCents: cents.optional(),
    minBuyingGuests: z.number().int().min(0).max(100).optional(),
    minBookings: z.number().int().min(0).max(20).optional(),
  }),
  /** Ascending by fromSalesCents. */
  tiers: z.array(hostRewardTier).min(1).max(20),
  /** Extra credit per booking of a new party made at this one. */
  bookingBonusCents: cents.default(0),
  /** Credit for the previous host when a party booked at hers qualifies. */
  previousHostBonusCents: cents.default(0),
  /** Most credit one party can earn (before half-price items). */
  capCents: cents.optional(),
  /** Days the credit can be redeemed after the party. */
  expiryDays: z.number().int().min(1).max(3650).optional(),
});

export type HostRewardRules = z.output<typeof hostRewardRules>;

export const hostReward = z.object({
  qualifies: z.boolean(),
  salesCents: z.number().int(),
  tier: hostRewardTier.optional(),
  creditCents: z.number().int(),
  halfPriceItems: z.number().int(),
  bookingBonusCents: z.number().int(),
  previousHostBonusCents: z.number().int(),
  totalCreditCents: z.number().int(),
  /** What the next tier would give and how much party sales are missing to it. */
  nextTier: hostRewardTier.extend({ missingSalesCents: z.number().int() }).optional(),
  /** What is still missing to qualify at all. */
  missing: z.object({ salesCents: z.number().int(), buyingGuests: z.number().int(), bookings: z.number().int() }).optional(),
  expiresOn: z.string().optional(),
});

export type HostReward = z.output<typeof hostReward>;
