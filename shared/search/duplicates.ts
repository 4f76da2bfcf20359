import type { Contact } from '../schemas/contact';
import { phoneDigits, words } from './normalize';

export const duplicateReasons = ['email', 'phone', 'namePostcode'] as const;
export type DuplicateReason = (typeof duplicateReasons)[number];

type Comparable = Pick<Contact, 'firstName' | 'lastName' | 'email' | 'extraEmails' | 'phone' | 'mobile' | 'extraPhones' | 'postalCode'>;

// Shorter "numbers" are typos or extensions, not a person's number.
const MIN_PHONE_DIGITS = 6;

/** The keys under which two contacts are likely one person: any shared key makes them duplicates for its reason. */
export function duplicateKeys(contact: Comparable): Array<{ reason: DuplicateReason; key: string }> {
  const emails = [contact.email, ...(contact.extraEmails ?? [])].filter((email) => email !== undefined);
  const phones = [contact.phone, contact.mobile, ...(contact.extraPhones ?? [])].filter((phone) => phone !== undefined).map(phoneDigits);
  const keys = new Map<string, DuplicateReason>();
  for (const email of emails) keys.set(`email:${email.toLowerCase()}`, 'email');
  for (const phone of phones) if (phone.length >= MIN_PHONE_DIGITS) keys.set(`phone:${phone}`, 'phone');
  if (contact.postalCode) {
    const name = `${words(contact.firstName).join(' ')}|${words(contact.lastName).join(' ')}`;
    keys.set(`namePostcode:${name}|${contact.postalCode.replace(/\s/g, '').toUpperCase()}`, 'namePostcode');
  }
  return [...keys].map(([key, reason]) => ({ reason, key }));
}
