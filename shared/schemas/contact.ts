import { z } from 'zod';
import { birthday, email, id, optionalText, phone, postalCode, requiredText, timestamps } from './common';
import { consentInput, consentRecord } from './consent';

const tags = z.array(z.string().trim().min(1).max(50)).max(50);
const emails = z.array(z.email({ error: 'validation.email' })).max(10);
const phones = z.array(z.string().regex(/^\+?[0-9 ()/.-]{3,30}$/, { error: 'validation.phone' })).max(10);

/** The fields a person can edit; the one schema for form, contract and store. */
export const contactFields = z.strictObject({
  firstName: requiredText(100),
  lastName: requiredText(100),
  email,
  phone,
  mobile: phone,
  /** Further addresses and numbers from imports (vCard and Google carry several). */
  extraEmails: emails.optional(),
  extraPhones: phones.optional(),
  street: optionalText(200),
  postalCode,
  city: optionalText(100),
  country: optionalText(60),
  birthday: birthday.optional(),
  tags: tags.optional(),
  /** The contact who recommended this one: recommendation chains are the business. */
  referredBy: id.optional(),
  notes: optionalText(5000),
});

/** A new contact, optionally with the consent given when it was taken down. */
export const contactCreate = contactFields.extend({ consents: z.array(consentInput).max(20).optional() });

/**
 * A change to a contact: its id and any subset of the fields. An absent field
 * stays; "" clears an optional text, null clears the recommender. Consent is
 * changed only through contacts.recordConsent.
 */
export const contactPatch = contactFields.partial().extend({ id, referredBy: id.nullable().optional() });

export const contact = contactFields.extend({
  id,
  tags,
  consents: z.array(consentRecord).default([]),
  ...timestamps,
});

/** A contact named in another record (an invitation, a recommendation chain). */
export const contactRef = z.object({ id, firstName: z.string(), lastName: z.string() });

export type ContactFields = z.input<typeof contactFields>;
export type Contact = z.output<typeof contact>;
export type ContactRef = z.output<typeof contactRef>;
