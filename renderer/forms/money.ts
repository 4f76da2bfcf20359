import { parseEuro } from '../../shared/orders';

/**
 * Money typed in forms ("24,90", "1.249,00", "24 €") as integer cents, read by
 * the same parser as the catalog import; null if it is no amount (or an
 * ambiguous one like "1249.5"), so the form asks again instead of guessing.
 */
export function parseMoney(typed: string): number | null {
  const parsed = parseEuro(typed);
  return 'cents' in parsed ? parsed.cents : null;
}

/** 124900 → "1249,00": what an edit form shows, without thousands dots so it reads back unchanged. */
export function centsToInput(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}
