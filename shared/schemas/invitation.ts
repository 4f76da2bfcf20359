import { z } from 'zod';
import { id, isoDateTime, optionalText } from './common';
import { checkinRecord } from './checkin';
import { contactRef } from './contact';

export const rsvps = ['pending', 'yes', 'no', 'maybe'] as const;

/** Short codes for printed cards and QR codes: no 0/O or 1/I to misread. */
export const INVITATION_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const invitationCode = z.string().regex(/^[A-HJ-NP-Z2-9]{6}$/, { error: 'validation.invitationCode' });

export const invitation = z.strictObject({
  id,
  contactId: id,
  code: invitationCode,
  rsvp: z.enum(rsvps),
  /** Companions the guest brings, counted against the capacity. */
  plusOnes: z.number().int().min(0).max(20),
  invitedAt: isoDateTime,
  respondedAt: isoDateTime.optional(),
  note: optionalText(500),
  /** Came without an invitation (registered at the door). */
  walkIn: z.boolean().default(false),
  /** Check-ins and undos at the door, oldest first. */
  checkins: z.array(checkinRecord).default([]),
});

/** An invitation as lists show it: with the person's name and ways to reach them. */
export const invitationView = invitation.extend({
  contact: contactRef.extend({ email: z.string().optional(), phone: z.string().optional(), mobile: z.string().optional() }),
});

export type Rsvp = (typeof rsvps)[number];
export type Invitation = z.output<typeof invitation>;
export type InvitationView = z.output<typeof invitationView>;
