import type { Order, OrderLine, OrderStatus } from './schemas/order';

/**
 * Money of orders, in integer cents. Pure, so the renderer shows exactly the
 * sums the main process checks payments against.
 */

/**
 * Quantity × unit price less the discount, rounded half up to the cent once
 * per line (the order's total is the sum of rounded lines, as on a paper order
 * form). 3 × 24,90 € with 10 % is 67,23 €; 1 × 24,90 € with 15 % is 21,165 € → 21,17 €.
 */
export function lineTotalCents(line: Pick<OrderLine, 'quantity' | 'unitPriceCents' | 'discountPercent'>): number {
  const exact = (line.quantity * line.unitPriceCents * (100 - line.discountPercent)) / 100;
  // Binary floating point turns an exact 2116.5 into 2116.4999…; below a millionth of a cent it is noise.
  return Math.floor(Number(exact.toFixed(6)) + 0.5);
}

export const orderTotalCents = (order: Pick<Order, 'lines'>): number => order.lines.reduce((sum, line) => sum + lineTotalCents(line), 0);

export const paidCents = (order: Pick<Order, 'payments'>): number => order.payments.reduce((sum, payment) => sum + payment.amountCents, 0);

export interface OrderSums {
  /** What the customer owes for the order: 0 once cancelled. */
  totalCents: number;
  paidCents: number;
  /** Total less paid; negative when more was paid than is owed (to be paid back, e.g. after a cancellation). */
  openCents: number;
}

export function summarise(order: Pick<Order, 'lines' | 'payments' | 'status'>): OrderSums {
  const total = order.status === 'cancelled' ? 0 : orderTotalCents(order);
  const paid = paidCents(order);
  return { totalCents: total, paidCents: paid, openCents: total - paid };
}

const forward: readonly OrderStatus[] = ['open', 'placed', 'delivered'];

/**
 * The order lifecycle: offen → bestellt → geliefert, forward only (skipping a
 * step is fine: delivered straight from stock); storniert from offen or
 * bestellt, never from geliefert, and nothing leaves storniert. Staying is no change.
 */
export function canMoveOrder(from: OrderStatus, to: OrderStatus): boolean {
  if (from === to) return true;
  if (from === 'cancelled') return false;
  if (to === 'cancelled') return from !== 'delivered';
  return forward.indexOf(to) > forward.indexOf(from);
}

export type EuroParse = { cents: number } | { error: 'notANumber' | 'ambiguous' };

/**
 * A price as German lists write it, to cents: "24,90", "1.249,00", "1249",
 * "€ 24,90", "24,90 €", "12 EUR". A dot with exactly two digits after it and no
 * comma ("12.50") is a decimal point (English-style exports); a dot with three
 * digits after it groups thousands ("1.249"); anything else with a dot
 * ("1249.5", "1.24") could mean either and is refused rather than guessed.
 */
export function parseEuro(text: string): EuroParse {
  const value = text
    .replace(/€|\bEUR\b/gi, '')
    .replace(/[\s\u00a0\u202f]/g, '');
  const german = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(value);
  const english = /^(\d+)\.(\d{2})$/.exec(value);
  const match = german ?? english;
  if (match) {
    const cents = Number(match[1]!.replace(/\./g, '')) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
    return Number.isSafeInteger(cents) ? { cents } : { error: 'notANumber' };
  }
  return /^\d+(\.\d+)+$/.test(value) ? { error: 'ambiguous' } : { error: 'notANumber' };
}
