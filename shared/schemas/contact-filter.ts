import { z } from 'zod';
import { id } from './common';
import { consentChannels, consentPurposes } from './consent';
import { rsvps } from './invitation';

/** The filters of the contact list, also used to invite everybody they match in one step. */
export const contactFilter = z.strictObject({
  /** Free text: name (also phonetically), e-mail, phone digits, city. */
  query: z.string().trim().max(200).optional(),
  /** Contacts carrying every one of these tags. */
  tags: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
  /** City name or postcode prefix ("01" finds 01067 Dresden). */
  place: z.string().trim().max(100).optional(),
  birthdayMonth: z.number().int().min(1).max(12).optional(),
  hasEmail: z.boolean().optional(),
  hasPhone: z.boolean().optional(),
  /** Contacts whose newest record for this channel and purpose grants consent. */
  consent: z.strictObject({ channel: z.enum(consentChannels), purpose: z.enum(consentPurposes) }).optional(),
  /** Contacts invited to any of these events (optionally only with these replies). */
  invitedTo: z.strictObject({ eventIds: z.array(id).min(1).max(100), rsvp: z.array(z.enum(rsvps)).optional() }).optional(),
});

export type ContactFilter = z.input<typeof contactFilter>;
