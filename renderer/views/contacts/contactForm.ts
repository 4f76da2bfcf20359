import { z } from 'zod';
import { contactFields, type Contact, type ContactFields } from '../../../shared/schemas/contact';
import { birthdayToGerman, parseBirthday } from '../../forms/dates';
import { formResolver, formSchema } from '../../forms/fields';

/** The contact form as typed: all text, the birthday in German notation. */
const contactFormValues = z.object({
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phone: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  birthday: z.string(),
  notes: z.string(),
});
export type ContactFormValues = z.infer<typeof contactFormValues>;

export const emptyContactForm: ContactFormValues = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  street: '',
  postalCode: '',
  city: '',
  birthday: '',
  notes: '',
};

export function contactToForm(contact: Contact): ContactFormValues {
  return {
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    street: contact.street ?? '',
    postalCode: contact.postalCode ?? '',
    city: contact.city ?? '',
    birthday: birthdayToGerman(contact.birthday),
    notes: contact.notes ?? '',
  };
}

/** The contract's input; texts stay "" so an edit can clear them, an empty birthday is left out. */
export function formToContactInput(values: ContactFormValues): ContactFields {
  const { birthday: typed, ...texts } = values;
  const birthday = parseBirthday(typed);
  return { ...texts, ...(birthday ? { birthday } : {}) };
}

// No format checks of its own: every field's rules are the shared schema's.
export const contactFormResolver = formResolver(formSchema(contactFormValues, contactFields, formToContactInput));
