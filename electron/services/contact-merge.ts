import type { Contact } from '../../shared/schemas/contact';
import type { Invitation } from '../../shared/schemas/invitation';
import { distinctBy } from '../../shared/lists';
import { normalize, phoneDigits } from '../../shared/search/normalize';

const ADDRESS = ['street', 'postalCode', 'city', 'country'] as const;


const defined = <T>(value: T | undefined): value is T => value !== undefined;

/**
 * The kept contact with the merged ones folded in: its empty fields are
 * filled from the merged contacts in the given order, their other e-mail
 * addresses and numbers become extra ones, and tags, notes and every consent
 * record are kept. The recommender is left to the caller, who sees the chain.
 */
export function mergeContacts(kept: Contact, merged: readonly Contact[], now: string): Omit<Contact, 'referredBy'> {
  const all = [kept, ...merged];
  const first = <K extends keyof Contact>(key: K): Contact[K] | undefined => all.find((contact) => contact[key] !== undefined)?.[key];
  // An address is taken whole, so that street and city never come from two different records.
  const address = all.find((contact) => ADDRESS.some((key) => contact[key] !== undefined)) ?? kept;

  const email = first('email');
  const extraEmails = distinctBy(all.flatMap((contact) => [contact.email, ...(contact.extraEmails ?? [])]).filter(defined), (value) => value.toLowerCase())
    .filter((value) => value.toLowerCase() !== email);
  const phone = first('phone');
  const mobile = first('mobile');
  const taken = new Set([phone, mobile].filter(defined).map(phoneDigits));
  const extraPhones = distinctBy(all.flatMap((contact) => [contact.phone, contact.mobile, ...(contact.extraPhones ?? [])]).filter(defined), phoneDigits)
    .filter((value) => !taken.has(phoneDigits(value)));
  const notes = [...new Set(all.map((contact) => contact.notes).filter(defined))].join('\n\n');

  const { referredBy: _, ...rest } = kept;
  const next = {
    ...rest,
    email,
    phone,
    mobile,
    extraEmails: extraEmails.length > 0 ? extraEmails : undefined,
    extraPhones: extraPhones.length > 0 ? extraPhones : undefined,
    street: address.street,
    postalCode: address.postalCode,
    city: address.city,
    country: address.country,
    birthday: first('birthday'),
    tags: distinctBy(all.flatMap((contact) => contact.tags), normalize),
    notes: notes || undefined,
    consents: all.flatMap((contact) => contact.consents).sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
    // The person has been known since the oldest of the records.
    createdAt: all.map((contact) => contact.createdAt).reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a)),
    updatedAt: now,
  };
  // Empty fields are left out, as in every stored contact.
  return Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined)) as typeof next;
}

const answered = (invitation: Invitation) => invitation.rsvp !== 'pending';

/**
 * Of two invitations of one person to one event, one stays: a reply (yes, no,
 * maybe) tells more than a pending one; of two alike, the one sent first, whose
 * code may already be printed on a card.
 */
function preferred(a: Invitation, b: Invitation): Invitation {
  if (answered(a) !== answered(b)) return answered(a) ? a : b;
  return Date.parse(b.invitedAt) < Date.parse(a.invitedAt) ? b : a;
}

/** An event's invitations with those of the merged contacts moved to the kept one; undefined when none of them was invited. */
export function repointInvitations(invitations: readonly Invitation[], keepId: string, mergedIds: ReadonlySet<string>): Invitation[] | undefined {
  if (!invitations.some((invitation) => mergedIds.has(invitation.contactId))) return undefined;
  const theirs = invitations.filter((invitation) => invitation.contactId === keepId || mergedIds.has(invitation.contactId));
  const stays = theirs.reduce(preferred);
  return invitations
    .filter((invitation) => invitation === stays || !theirs.includes(invitation))
    .map((invitation) => (invitation === stays ? { ...invitation, contactId: keepId } : invitation));
}

/** Records of a merged contact (orders, tasks) now name the kept one; undefined when none named a merged contact. */
export function repointRecords<T extends { contactId: string }>(records: readonly T[], keepId: string, mergedIds: ReadonlySet<string>): T[] | undefined {
  if (!records.some((record) => mergedIds.has(record.contactId))) return undefined;
  return records.map((record) => (mergedIds.has(record.contactId) ? { ...record, contactId: keepId } : record));
}
