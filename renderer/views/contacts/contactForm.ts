import { z } from 'zod';
import { contactFields, type Contact, type ContactFields } from '../../../shared/schemas/contact';
import { birthdayToGerman, parseBirthday } from '../../forms/dates';
import { formResolver, formSchema } from '../../forms/fields';

/** The contact form as typed: text, the birthday in German notation, tags as a list, the recommender's id or "". */
const contactFormValues = z.object({
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phone: z.string(),
  mobile: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  country: z.string(),
  birthday: z.string(),
  tags: z.array(z.string()),
  referredBy: z.string(),
  notes: z.string(),
});
export type ContactFormValues = z.infer<typeof contactFormValues>;

export const emptyContactForm: ContactFormValues = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  mobile: '',
  street: '',
  postalCode: '',
  city: '',
  country: '',
  birthday: '',
  tags: [],
  referredBy: '',
  notes: '',
};

export function contactToForm(contact: Contact): ContactFormValues {
  return {
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    mobile: contact.mobile ?? '',
    street: contact.street ?? '',
    postalCode: contact.postalCode ?? '',
    city: contact.city ?? '',
    country: contact.country ?? '',
    birthday: birthdayToGerman(contact.birthday),
    tags: contact.tags,
    referredBy: contact.referredBy ?? '',
    notes: contact.notes ?? '',
  };
}

/** The contract's input; texts stay "" so an edit can clear them, an empty birthday or recommender is left out. */
export function formToContactInput(values: ContactFormValues): ContactFields {
  const { birthday: typed, referredBy, ...rest } = values;
  const birthday = parseBirthday(typed);
  return { ...rest, ...(birthday ? { birthday } : {}), ...(referredBy ? { referredBy } : {}) };
}

// No format checks of its own: every field's rules are the shared schema's.
export const contactFormResolver = formResolver(formSchema(contactFormValues, contactFields, formToContactInput));
