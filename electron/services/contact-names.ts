import type { ContactRef } from '../../shared/schemas/contact';
import type { Erasure } from '../../shared/schemas/privacy';
import type { Store } from '../store/store';

/** The erasures by contact id, built again only when privacy.json changed (erasures are rare, lists are not). */
const byContact = new WeakMap<readonly Erasure[], ReadonlyMap<string, Erasure>>();

/** The audit entry of an erased contact (DSGVO Art. 17), if she was erased. */
export function erasureOf(store: Store, contactId: string): Erasure | undefined {
  const erasures = store.singletons.privacy.data.erasures;
  let map = byContact.get(erasures);
  if (!map) {
    map = new Map(erasures.map((erasure) => [erasure.contactId, erasure]));
    byContact.set(erasures, map);
  }
  return map.get(contactId);
}

/**
 * How a contact id shows where orders, invitations, tasks and reports name
 * her: her name, or for an erased person the pseudonym of her erasure (her
 * amounts and counts stay, her name does not). An id nobody knows shows empty.
 */
export function nameOf(store: Store, contactId: string): ContactRef {
  const contact = store.contact(contactId);
  if (contact) return { id: contactId, firstName: contact.firstName, lastName: contact.lastName };
  return { id: contactId, firstName: '', lastName: erasureOf(store, contactId)?.pseudonym ?? '' };
}
