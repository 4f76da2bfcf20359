import { describe, expect, it } from 'vitest';
import { lineTotalCents, orderTotalCents, parseEuro, summarise } from '../../shared/orders';

describe('lineTotalCents: quantity × unit price less the discount, rounded half up once per line', () => {
  it.each([
    // quantity, unit price, discount %, total
    [1, 2490, 0, 2490],
    [3, 2490, 0, 7470],
    [3, 2490, 10, 6723],
    [1, 2490, 15, 2117], // 2116.5 → up
    [1, 999, 12.5, 874], // 874.125 → down
    [1, 1, 50, 1], // 0.5 → up
    [3, 1000, 100 / 3, 2000], // 33.333…%: 1999.99…98 in floating point is 2000
    [3, 2490, 100 / 3, 4980],
    [1, 2490, 33.333, 1660], // 1660.0083
    [7, 1795, 33, 8419], // 8418.55 → up
    [2, 12345, 5.5, 23332], // 23332.05
    [1, 2490, 100, 0],
    [999, 100_000_000, 0, 99_900_000_000],
    [999, 99_999_999, 0.5, 99_400_499_006], // 99400499005.995: large amounts stay exact
  ])('%i × %i ct less %s percent is %i ct', (quantity, unitPriceCents, discountPercent, total) => {
    expect(lineTotalCents({ quantity, unitPriceCents, discountPercent })).toBe(total);
  });

  it('an order sums its rounded lines, not the exact amounts', () => {
    // Each line is 2116.5 → 2117; rounding the sum of exact amounts would give 4233.
    const lines = [1, 2].map(() => ({ productId: 'product-1', sku: 'DK-100', name: 'Duftkerze', quantity: 1, unitPriceCents: 2490, discountPercent: 15 }));
    expect(orderTotalCents({ lines })).toBe(4234);
  });
});

describe('summarise', () => {
  const lines = [{ productId: 'product-1', sku: 'DK-100', name: 'Duftkerze', quantity: 3, unitPriceCents: 2490, discountPercent: 10 }];
  const paid = (...amounts: number[]) => amounts.map((amountCents, index) => ({ id: `payment-${index}`, method: 'cash' as const, amountCents, at: '2026-12-05T10:00:00+01:00' }));

  it.each([
    ['open', [], { totalCents: 6723, paidCents: 0, openCents: 6723 }],
    ['placed', paid(2000), { totalCents: 6723, paidCents: 2000, openCents: 4723 }],
    ['delivered', paid(2000, 4723), { totalCents: 6723, paidCents: 6723, openCents: 0 }],
    // Paid more than owed (the lines were corrected later): a negative open balance, to be paid back.
    ['open', paid(7000), { totalCents: 6723, paidCents: 7000, openCents: -277 }],
    // A cancelled order owes nothing; what was paid is owed back.
    ['cancelled', paid(2000), { totalCents: 0, paidCents: 2000, openCents: -2000 }],
  ] as const)('%s with payments %j', (status, payments, sums) => {
    expect(summarise({ status, lines, payments: [...payments] })).toEqual(sums);
  });
});

describe('parseEuro: prices as German lists write them', () => {
  it.each([
    ['24,90', 2490],
    ['24,9', 2490],
    ['0,00', 0],
    ['1.249,00', 124900],
    ['1.249', 124900],
    ['1.000.000', 100000000],
    ['1249', 124900],
    ['€ 24,90', 2490],
    ['24,90 €', 2490],
    ['24,90€', 2490],
    ['12 EUR', 1200],
    ['1\u00a0249,00', 124900],
    // English-style exports: a single dot with exactly two digits after it is a decimal point.
    ['12.50', 1250],
    ['1249.00', 124900],
    ['1.24', 124],
  ])('%s → %i ct', (text, cents) => {
    expect(parseEuro(text)).toEqual({ cents });
  });

  it.each(['1249.5', '1.5', '1.2490', '12.345.6'])('%s is ambiguous and refused', (text) => {
    expect(parseEuro(text)).toEqual({ error: 'ambiguous' });
  });

  it.each(['12,3,4', '', 'abc', '-5', '12,345', '1.249,00.00', '12,50 USD', '1,249.00', '12.'])('%s is no price', (text) => {
    expect(parseEuro(text)).toEqual({ error: 'notANumber' });
  });
});
