import type { z } from 'zod';
import type { Contact } from '../../shared/schemas/contact';
import type { contactFilter } from '../../shared/schemas/contact-filter';
import { hasConsent } from '../../shared/schemas/consent';
import { byName, collator, rankAmong } from '../../shared/search/door';
import { normalize } from '../../shared/search/normalize';
import { parseQuery, rankMatch, searchKey, type QueryTerm, type SearchKey } from '../../shared/search/query';
import type { EventDocument } from '../store/documents';
import type { Store } from '../store/store';
import { changesBetween } from './index-changes';
import { perStore } from './per-store';

export type ContactFilterInput = z.output<typeof contactFilter>;

/** One contact with what search and filters compare, computed once per change. */
interface Entry extends SearchKey {
  contact: Contact;
  tags: string[];
  city: string;
}

function entryOf(contact: Contact): Entry {
  // Spelled out: spreading searchKey's answer into the entry made the scan several times slower (a slower object layout).
  const { key, rest, textAt, namePairs, codePairs, restPairs } = searchKey(contact);
  return { key, rest, textAt, namePairs, codePairs, restPairs, contact, tags: contact.tags.map(normalize), city: normalize(contact.city ?? '') };
}

// Name order is total (the id decides last), so binary search finds every entry.
export { byName, collator };

/** Each distinct text's place in German collation; texts the collator holds equal share one. */
export function collationRanks(texts: Iterable<string>): Map<string, number> {
  const distinct = [...new Set(texts)].sort(collator.compare);
  const ranks = new Map<string, number>();
  distinct.forEach((text, at) => ranks.set(text, at > 0 && collator.compare(distinct[at - 1]!, text) === 0 ? ranks.get(distinct[at - 1]!)! : at));
  return ranks;
}

/**
 * The contacts sorted as byName sorts them, with the collator comparing each
 * distinct name once instead of on every step of the sort (at 50,000 contacts
 * that is several times faster, names repeat a lot).
 */
function inNameOrder(contacts: Contact[]): Contact[] {
  const last = collationRanks(contacts.map((contact) => contact.lastName));
  const first = collationRanks(contacts.map((contact) => contact.firstName));
  const keyed = contacts.map((contact) => ({ contact, last: last.get(contact.lastName)!, first: first.get(contact.firstName)! }));
  keyed.sort((a, b) => a.last - b.last || a.first - b.first || (a.contact.id < b.contact.id ? -1 : a.contact.id > b.contact.id ? 1 : 0));
  return keyed.map(({ contact }) => contact);
}

function link(map: Map<string, Set<string>>, key: string, value: string): void {
  let values = map.get(key);
  if (!values) map.set(key, (values = new Set()));
  values.add(value);
}

function unlink(map: Map<string, Set<string>>, key: string, value: string): void {
  const values = map.get(key);
  values?.delete(value);
  if (values?.size === 0) map.delete(key);
}

/**
 * The contacts in name order with precomputed search fields, who recommended
 * whom, and who is invited where; kept current through the store's change
 * listeners. Search scans the array (two strings and their masks of character pairs
 * per contact, see shared/search/query.ts): at 50,000 contacts that stays well within the 5 ms bar
 * (npm run bench), so no maps from words to contacts are needed.
 */
export class ContactIndex {
  private readonly sorted: Entry[];
  private readonly byId = new Map<string, Entry>();
  /** Recommender id → ids of the contacts it recommended. */
  private readonly referrals = new Map<string, Set<string>>();
  /** Contact id → ids of the events it is invited to. */
  private readonly invitations = new Map<string, Set<string>>();

  constructor(private readonly store: Store) {
    // Built in name order, so that a scan reads memory mostly front to back.
    this.sorted = inNameOrder([...store.contacts()]).map(entryOf);
    for (const entry of this.sorted) this.byId.set(entry.contact.id, entry);
    for (const { contact } of this.sorted) if (contact.referredBy) link(this.referrals, contact.referredBy, contact.id);
    for (const document of store.eventDocuments()) this.eventChanged(document, undefined);
    store.onContactChange((next, previous) => this.contactChanged(next, previous));
    store.onEventChange((next, previous) => this.eventChanged(next, previous));
  }

  /** The first position whose contact sorts at or after `contact`. */
  private position(contact: Contact): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (byName(this.sorted[middle]!.contact, contact) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private contactChanged(next: Contact | undefined, previous: Contact | undefined): void {
    if (previous) {
      this.sorted.splice(this.position(previous), 1);
      this.byId.delete(previous.id);
      if (previous.referredBy) unlink(this.referrals, previous.referredBy, previous.id);
    }
    if (next) {
      const entry = entryOf(next);
      this.sorted.splice(this.position(next), 0, entry);
      this.byId.set(next.id, entry);
      if (next.referredBy) link(this.referrals, next.referredBy, next.id);
    }
  }

  private eventChanged(next: EventDocument, previous: EventDocument | undefined): void {
    // A change to the event alone keeps the same array (store.saveEvent).
    if (previous?.invitations === next.invitations) return;
    // A contact has at most one invitation per event (contacts.merge keeps one), so a removed one unlinks the event.
    const { removed, added } = changesBetween(previous?.invitations ?? [], next.invitations);
    for (const invitation of removed) unlink(this.invitations, invitation.contactId, next.event.id);
    for (const invitation of added) link(this.invitations, invitation.contactId, next.event.id);
  }

  /** Every contact, in name order. */
  all(): Contact[] {
    return this.sorted.map((entry) => entry.contact);
  }

  /** The contacts the filter matches, in name order. */
  select(filter: ContactFilterInput): Contact[] {
    const terms = filter.query ? parseQuery(filter.query) : [];
    const tags = filter.tags?.map(normalize) ?? [];
    const place = normalize(filter.place ?? '');
    const byPostcode = /^\d/.test(place);
    const month = filter.birthdayMonth?.toString().padStart(2, '0');
    const invited = filter.invitedTo && this.invitedTo(filter.invitedTo);
    const { hasEmail, hasPhone, consent } = filter;

    const found: Contact[] = [];
    for (const entry of this.sorted) {
      const { contact } = entry;
      if (terms.length > 0 && rankMatch(entry, terms) === undefined) continue;
      if (!tags.every((tag) => entry.tags.includes(tag))) continue;
      if (place && !(byPostcode ? (contact.postalCode ?? '').startsWith(place) : entry.city.startsWith(place))) continue;
      // A birthday is YYYY-MM-DD or --MM-DD: the month is at the same place from the end.
      if (month && contact.birthday?.slice(-5, -3) !== month) continue;
      if (hasEmail !== undefined && hasEmail !== Boolean(contact.email || contact.extraEmails?.length)) continue;
      if (hasPhone !== undefined && hasPhone !== Boolean(contact.phone || contact.mobile || contact.extraPhones?.length)) continue;
      if (consent && !hasConsent(contact.consents, consent.channel, consent.purpose)) continue;
      if (invited && !invited.has(contact.id)) continue;
      found.push(contact);
    }
    return found;
  }

  private invitedTo({ eventIds, rsvp }: NonNullable<ContactFilterInput['invitedTo']>): Set<string> {
    const ids = new Set<string>();
    for (const eventId of eventIds) {
      for (const invitation of this.store.eventDocument(eventId)?.invitations ?? []) {
        if (!rsvp || rsvp.includes(invitation.rsvp)) ids.add(invitation.contactId);
      }
    }
    return ids;
  }

  /** The best `limit` matches: lowest rank first, equal ranks in name order. */
  search(terms: readonly QueryTerm[], limit: number): Contact[] {
    const byRank: Contact[][] = [];
    for (const entry of this.sorted) {
      const rank = rankMatch(entry, terms);
      if (rank !== undefined) (byRank[rank] ??= []).push(entry.contact);
    }
    const best: Contact[] = [];
    for (const contacts of byRank) {
      if (!contacts) continue;
      best.push(...contacts.slice(0, limit - best.length));
      if (best.length === limit) break;
    }
    return best;
  }

  /**
   * The matches among a few contacts (an event's guests), ranked as search
   * ranks them, without a scan. Telling guests apart during the scan instead
   * doubled a search's time: it reads every matching contact, not only its
   * search strings.
   */
  searchAmong(contactIds: Iterable<string>, terms: readonly QueryTerm[]): Contact[] {
    return rankAmong(Array.from(contactIds, (contactId) => this.byId.get(contactId)), terms).map((entry) => entry.contact);
  }

  /** Ids of the contacts `contactId` recommended. */
  referralsOf(contactId: string): string[] {
    return [...(this.referrals.get(contactId) ?? [])];
  }

  /** Ids of the events `contactId` is invited to. */
  eventsOf(contactId: string): string[] {
    return [...(this.invitations.get(contactId) ?? [])];
  }
}

/** The one contact index of a store, shared by the services that search contacts. */
export const contactIndex = perStore((store) => new ContactIndex(store));
