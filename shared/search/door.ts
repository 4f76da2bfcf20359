import { rankMatch, type QueryTerm, type SearchKey } from './query';

/*
 * The order of the door's search, one implementation for both sides: the main
 * process answers checkin.search with it, and the door view ranks the event's
 * guests with it in the renderer at every keystroke, before that answer
 * arrives, so both always agree on who comes first.
 */

type Named = { id: string; firstName: string; lastName: string };

export const collator = new Intl.Collator('de');
/** Last name, first name, German collation; the id last makes the order total. */
export function byName(a: Named, b: Named): number {
  return collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The candidates that match the query: the best match first (exact before prefix before phonetic), equal ones by name. */
export function rankAmong<T extends SearchKey & { contact: Named }>(candidates: Iterable<T | undefined>, terms: readonly QueryTerm[]): T[] {
  const found: Array<{ candidate: T; rank: number }> = [];
  for (const candidate of candidates) {
    const rank = candidate && rankMatch(candidate, terms);
    if (rank !== undefined) found.push({ candidate: candidate!, rank });
  }
  return found.sort((a, b) => a.rank - b.rank || byName(a.candidate.contact, b.candidate.contact)).map(({ candidate }) => candidate);
}

/**
 * The door's list: the guest whose invitation code was typed, then the
 * matching guests (ranked by rankAmong), then other contacts; at most `limit`.
 */
export function doorOrder<T extends { id: string }>(byCode: T | undefined, guests: readonly T[], others: readonly T[], limit: number): T[] {
  return [...(byCode ? [byCode] : []), ...guests.filter((guest) => guest.id !== byCode?.id), ...others].slice(0, limit);
}
