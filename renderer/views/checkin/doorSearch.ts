import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Contact } from '../../../shared/schemas/contact';
import type { InvitationView } from '../../../shared/schemas/invitation';
import { doorOrder, rankAmong } from '../../../shared/search/door';
import { parseQuery, searchKey, type SearchKey } from '../../../shared/search/query';
import { call } from '../../api/client';
import { checkinSearchInput, useCheckinSearch } from '../../api/queries';
import type { SearchResult } from './DoorResults';

/** A result with the strings search compares (shared/search/query.ts). */
type Candidate = SearchResult & SearchKey;

const candidate = (result: SearchResult): Candidate => ({ ...result, ...searchKey(result.contact) });

/** The event's guests whose contacts are loaded, ready to rank at every keystroke. */
function guestCandidates(guests: readonly InvitationView[], contacts: readonly Contact[]): Candidate[] {
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  return guests.flatMap((invitation) => {
    const contact = byId.get(invitation.contactId);
    return contact ? [candidate({ contact, invitation })] : [];
  });
}

/**
 * The door's list for `query` in the order of checkin.search (shared/search/door.ts):
 * the guests ranked here, then the other contacts of the main process's answer
 * (`answer`: for this text, or the one before as far as it still matches).
 */
function doorList(query: string, guests: readonly Candidate[], answer: readonly SearchResult[] | undefined, limit: number): SearchResult[] {
  const terms = parseQuery(query);
  const code = query.toUpperCase();
  const known = new Set(guests.map((guest) => guest.contact.id));
  const answered = (answer ?? []).filter((result) => !known.has(result.contact.id)).map(candidate);
  const others = rankAmong(answered, terms);
  const byId = new Map([...guests, ...answered].map((result) => [result.contact.id, result]));
  // A guest whose contact is not loaded yet still comes first by her code.
  const byCode = [...guests, ...answered].find((result) => result.invitation?.code === code);
  const order = doorOrder(
    byCode?.contact,
    rankAmong(guests, terms).map((guest) => guest.contact),
    others.map((other) => other.contact),
    limit,
  );
  return order.map((contact) => byId.get(contact.id)!);
}

/**
 * Search at the door, answered at once: the event's guests (from checkin.state
 * with their contacts) are ranked here at every keystroke, and the other
 * contacts are added below them when the main process answers — so the guests'
 * rows never move under the host's finger. `complete` once that answer is in.
 */
export function useDoorSearch(eventId: string, text: string, guests: readonly InvitationView[] | undefined, contacts: readonly Contact[] | undefined) {
  const queryClient = useQueryClient();
  const candidates = useMemo(() => guestCandidates(guests ?? [], contacts ?? []), [guests, contacts]);
  const search = useCheckinSearch(eventId, text);
  const { limit } = checkinSearchInput(eventId, text);
  const results = useMemo(() => (text === '' ? [] : doorList(text, candidates, search.data, limit)), [text, candidates, search.data, limit]);
  const complete = text !== '' && search.isSuccess && !search.isPlaceholderData;

  /** The complete list for exactly `typed`, asked for now if it is not on screen (fast typists, scanners). */
  async function completeFor(typed: string): Promise<SearchResult[]> {
    if (typed === text && complete) return results;
    const input = checkinSearchInput(eventId, typed);
    const answer = await queryClient.fetchQuery({ queryKey: ['checkin.search', input], queryFn: () => call('checkin.search', input) });
    return doorList(typed, candidates, answer, input.limit);
  }

  return { results, complete, completeFor };
}
