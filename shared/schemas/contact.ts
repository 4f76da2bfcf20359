import { z } from 'zod';
import { birthday, email, id, optionalText, phone, postalCode, requiredText, timestamps } from './common';

const tags = z.array(z.string().trim().min(1).max(50)).max(50);

/** The fields a person can edit; the one schema for form, contract and store. */
export const contactFields = z.strictObject({
  firstName: requiredText(100),
  lastName: requiredText(100),
  email,
  phone,
  street: optionalText(200),
  postalCode,
  city: optionalText(100),
  birthday: birthday.optional(),
  tags: tags.optional(),
  notes: optionalText(5000),
});

/** A change to a contact: its id and any subset of the fields; an absent field stays, "" clears an optional one. */
export const contactPatch = contactFields.partial().extend({ id });

export const contact = contactFields.extend({ id, tags, ...timestamps });

export type ContactFields = z.input<typeof contactFields>;
export type Contact = z.output<typeof contact>;
