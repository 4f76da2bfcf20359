import { describe, expect, it } from 'vitest';
import { computeHostReward, defaultHostRewardRules, hostRewardPresets, partyFigures, percentOf } from '../../shared/host-rewards';
import { hostRewardRules, type HostRewardRules } from '../../shared/schemas/host-reward';
import type { Order } from '../../shared/schemas/order';

const [staffel, halbpreis, mitBuchung] = hostRewardPresets as [HostRewardRules, HostRewardRules, HostRewardRules];
const party = (salesCents: number, more: Partial<Parameters<typeof computeHostReward>[1]> = {}) => ({
  salesCents,
  buyingGuests: 5,
  bookings: 0,
  qualifiedBookedEvents: 0,
  ...more,
});

describe('presets', () => {
  it('are valid settings with German names; the first is the default', () => {
    for (const preset of hostRewardPresets) expect(hostRewardRules.parse(preset)).toEqual(preset);
    expect(hostRewardPresets.map((preset) => preset.name)).toEqual([
      'Staffel 150/250/400/1000',
      '10 % ab 200 €, Halbpreis ab 550 €',
      '8–12 % mit 3 Käuferinnen und 1 Buchung',
    ]);
    expect(defaultHostRewardRules).toBe(staffel);
  });
});

describe('chart "10 % + 1 from 150 €, 10 % + 2 from 250 €, 15 % + 3 from 400 €, 15 % + 4 from 1,000 €"', () => {
  it.each([
    // sales, qualifies, credit, half-price items, next tier from, missing to it
    [0, false, 0, 0, 15_000, 15_000],
    [14_999, false, 0, 0, 15_000, 1],
    [15_000, true, 1_500, 1, 25_000, 10_000],
    [15_005, true, 1_501, 1, 25_000, 9_995], // 1500.5 rounds half up
    [15_004, true, 1_500, 1, 25_000, 9_996],
    [24_999, true, 2_500, 1, 25_000, 1], // 2499.9
    [25_000, true, 2_500, 2, 40_000, 15_000],
    [39_999, true, 4_000, 2, 40_000, 1], // 3999.9
    [40_000, true, 6_000, 3, 100_000, 60_000],
    [99_999, true, 15_000, 3, 100_000, 1], // 14999.85
    [100_000, true, 15_000, 4, undefined, undefined],
    [123_457, true, 18_519, 4, undefined, undefined], // 18518.55
  ])('%i cents: qualifies %s, credit %i, %i half-price', (sales, qualifies, credit, items, nextFrom, missing) => {
    const reward = computeHostReward(staffel, party(sales));
    expect(reward).toMatchObject({ qualifies, salesCents: sales, creditCents: credit, halfPriceItems: items, totalCreditCents: credit });
    expect(reward.nextTier?.fromSalesCents).toBe(nextFrom);
    expect(reward.nextTier?.missingSalesCents).toBe(missing);
    expect(reward.tier === undefined).toBe(!qualifies);
    expect(reward.missing).toEqual(qualifies ? undefined : { salesCents: 15_000 - sales, buyingGuests: 0, bookings: 0 });
  });
});

describe('chart "10 % from 200 €, one half-price item from 550 €"', () => {
  it.each([
    [19_999, false, 0, 0, 20_000, 1],
    [20_000, true, 2_000, 0, 55_000, 35_000],
    [54_999, true, 5_500, 0, 55_000, 1], // 5499.9
    [55_000, true, 5_500, 1, undefined, undefined],
    [55_555, true, 5_556, 1, undefined, undefined], // 5555.5
  ])('%i cents: qualifies %s, credit %i, %i half-price', (sales, qualifies, credit, items, nextFrom, missing) => {
    const reward = computeHostReward(halbpreis, party(sales));
    expect(reward).toMatchObject({ qualifies, creditCents: credit, halfPriceItems: items });
    expect(reward.nextTier?.fromSalesCents).toBe(nextFrom);
    expect(reward.nextTier?.missingSalesCents).toBe(missing);
  });
});

describe('rules', () => {
  it('needs every given minimum and says what is missing', () => {
    expect(computeHostReward(mitBuchung, party(30_000, { buyingGuests: 2, bookings: 0 }))).toMatchObject({
      qualifies: false,
      creditCents: 0,
      missing: { salesCents: 0, buyingGuests: 1, bookings: 1 },
    });
    expect(computeHostReward(mitBuchung, party(30_000, { buyingGuests: 3, bookings: 1 }))).toMatchObject({ qualifies: true, creditCents: 2_400, tier: { creditPercent: 8 } });
    expect(computeHostReward(mitBuchung, party(40_000, { buyingGuests: 3, bookings: 1 })).creditCents).toBe(4_000);
    expect(computeHostReward(mitBuchung, party(60_000, { buyingGuests: 3, bookings: 1 })).creditCents).toBe(7_200);
  });

  it('caps the percentage credit, not the bonuses', () => {
    const rules: HostRewardRules = { ...staffel, capCents: 10_000, bookingBonusCents: 1_000 };
    expect(computeHostReward(rules, party(100_000, { bookings: 2 }))).toMatchObject({ creditCents: 10_000, bookingBonusCents: 2_000, totalCreditCents: 12_000 });
    expect(computeHostReward(rules, party(40_000)).creditCents).toBe(6_000);
  });

  it('pays a bonus per booking only to a qualifying party, and the previous-host bonus per qualifying booked party', () => {
    const rules: HostRewardRules = { ...staffel, bookingBonusCents: 500, previousHostBonusCents: 2_000 };
    expect(computeHostReward(rules, party(20_000, { bookings: 2, qualifiedBookedEvents: 1 }))).toMatchObject({
      creditCents: 2_000,
      bookingBonusCents: 1_000,
      previousHostBonusCents: 2_000,
      totalCreditCents: 5_000,
    });
    expect(computeHostReward(rules, party(10_000, { bookings: 2, qualifiedBookedEvents: 1 }))).toMatchObject({
      qualifies: false,
      bookingBonusCents: 0,
      previousHostBonusCents: 2_000,
      totalCreditCents: 2_000,
    });
  });

  it('lets the credit expire a number of days after the party, across month and year ends', () => {
    const rules: HostRewardRules = { ...staffel, expiryDays: 30 };
    expect(computeHostReward(rules, party(20_000, { heldOn: '2026-12-15' })).expiresOn).toBe('2027-01-14');
    expect(computeHostReward(rules, party(20_000, { heldOn: '2028-02-10' })).expiresOn).toBe('2028-03-11');
    expect(computeHostReward(rules, party(10_000, { heldOn: '2026-12-15' })).expiresOn).toBeUndefined();
    expect(computeHostReward(staffel, party(20_000, { heldOn: '2026-12-15' })).expiresOn).toBeUndefined();
  });

  it('takes the tiers in order of their thresholds', () => {
    const rules: HostRewardRules = { ...staffel, tiers: [...staffel.tiers].reverse() };
    expect(computeHostReward(rules, party(25_000))).toEqual(computeHostReward(staffel, party(25_000)));
  });

  it('rounds percentages half up to the cent', () => {
    expect(percentOf(15_005, 10)).toBe(1_501);
    expect(percentOf(333, 12.5)).toBe(42); // 41.625
    expect(percentOf(100_001, 15)).toBe(15_000); // 15000.15
    expect(percentOf(12_345, 0)).toBe(0);
  });
});

describe('party figures', () => {
  const order = (contactId: string, status: Order['status'], unitPriceCents: number, quantity = 1): Order => ({
    id: `order-${contactId}-${unitPriceCents}`,
    contactId,
    status,
    lines: [{ productId: 'product-1', sku: 'A1', name: 'Gewürzmühle', quantity, unitPriceCents, discountPercent: 0 }],
    payments: [],
    createdAt: '2026-03-01T10:00:00+01:00',
    updatedAt: '2026-03-01T10:00:00+01:00',
  });

  it('sums orders that are not cancelled (the host’s own included) and counts distinct buyers', () => {
    expect(partyFigures([order('guest-anna', 'open', 2_490, 2), order('guest-anna', 'delivered', 1_000), order('host-bea', 'placed', 5_000), order('guest-cleo', 'cancelled', 9_900)])).toEqual({
      salesCents: 10_980,
      buyingGuests: 2,
    });
  });
});
