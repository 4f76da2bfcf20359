import { z } from 'zod';
import { id, isoDateTime, optionalText } from './common';
import { contact } from './contact';
import { event } from './event';
import { invitation } from './invitation';
import { orderView } from './order';
import { exportLogEntry, memberDetail } from './club';

/**
 * DSGVO tools: the right of access (Art. 15), erasure by anonymisation
 * (Art. 17) with its audit entry, and the review of inactive contacts.
 */

/** What remains of an erased person: a pseudonym, no personal data. Kept as the audit entry. */
export const erasure = z.strictObject({
  id,
  /** The erased contact's id: orders and invitations still point to it. */
  contactId: id,
  /** Shown where her orders and invitations appear, e.g. "Gelöscht 7K2Q". */
  pseudonym: z.string().min(1).max(40),
  at: isoDateTime,
  /** The operator name set in Einstellungen, if any. */
  by: optionalText(100),
  reason: optionalText(500),
  /** What was kept for the retention periods (§147 AO, §257 HGB). */
  keptOrders: z.number().int().min(0),
  keptInvitations: z.number().int().min(0),
});

/** A contact kept on purpose after the review of inactive contacts. */
export const keptDecision = z.strictObject({
  contactId: id,
  at: isoDateTime,
  by: optionalText(100),
  note: optionalText(500),
});

/** Everything stored about one person (Art. 15), as JSON and as the printed document. */
export const personalDataReport = z.object({
  generatedAt: isoDateTime,
  contact,
  invitations: z.array(z.object({ event, invitation })),
  orders: z.array(orderView),
  club: memberDetail.nullable(),
  /** Every export and print that included her, newest first. */
  exports: z.array(exportLogEntry.omit({ contactIds: true })),
  /** Contacts she recommended and the one who recommended her (names only). */
  recommendedBy: z.object({ id, firstName: z.string(), lastName: z.string() }).optional(),
  recommended: z.array(z.object({ id, firstName: z.string(), lastName: z.string() })),
});

export const reviewEntry = z.object({
  contact: z.object({ id, firstName: z.string(), lastName: z.string(), city: z.string().optional() }),
  createdAt: isoDateTime,
  /** The newest of: created, changed, consent, invitation, reply, check-in, order, payment, club activity. */
  lastActivityAt: isoDateTime,
  /** When she was last kept on purpose, if ever (she comes back once that too is older than the period). */
  keptAt: isoDateTime.optional(),
});

export type Erasure = z.output<typeof erasure>;
export type KeptDecision = z.output<typeof keptDecision>;
export type PersonalDataReport = z.output<typeof personalDataReport>;
export type ReviewEntry = z.output<typeof reviewEntry>;
