import { z } from 'zod';
import { birthday, email, id, optionalText, phone, postalCode, requiredText, timestamps } from './common';

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
  tags: z.array(z.string().trim().min(1).max(50)).max(50).default([]),
  notes: optionalText(5000),
});

export const contact = contactFields.extend({ id, ...timestamps });

export type ContactFields = z.input<typeof contactFields>;
export type Contact = z.output<typeof contact>;
