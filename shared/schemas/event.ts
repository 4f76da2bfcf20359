import { z } from 'zod';
import { id, isoDateTime, optionalText, requiredText, timestamps } from './common';

export const eventKinds = ['presentation', 'party', 'club', 'online'] as const;
export const eventStatuses = ['planned', 'invited', 'held', 'closed', 'cancelled'] as const;

const capacity = z
  .number({ error: 'validation.number' })
  .int({ error: 'validation.number' })
  .min(1, { error: 'validation.capacity' })
  .max(10000, { error: 'validation.capacity' });

const eventFieldsShape = {
  title: requiredText(200),
  kind: z.enum(eventKinds, { error: 'validation.eventKind' }),
  startsAt: isoDateTime,
  endsAt: isoDateTime.optional(),
  place: optionalText(300),
  hostId: id.optional(),
  capacity: capacity.optional(),
  notes: optionalText(5000),
};

const endsAfterStart = (value: { startsAt?: string; endsAt?: string | null }) =>
  value.endsAt == null || value.startsAt === undefined || Date.parse(value.endsAt) > Date.parse(value.startsAt);
const endsAfterStartIssue = { error: 'validation.endsBeforeStart', path: ['endsAt'] };

const eventFieldsObject = z.strictObject(eventFieldsShape);

/** What a person enters for an event; the status is changed by its own operations. */
export const eventFields = eventFieldsObject.refine(endsAfterStart, endsAfterStartIssue);

/**
 * A change to an event: its id and any subset of the fields. An absent field
 * stays as it is; "" clears an optional text, null clears the other optional fields.
 */
export const eventPatch = eventFieldsObject
  .partial()
  .extend({ id, endsAt: isoDateTime.nullable().optional(), hostId: id.nullable().optional(), capacity: capacity.nullable().optional() })
  .refine(endsAfterStart, endsAfterStartIssue);

export const event = z.strictObject({
  ...eventFieldsShape,
  id,
  status: z.enum(eventStatuses),
  /** The event at which its host booked it (the chain of bookings feeds the previous host's bonus). */
  bookedAtEventId: id.optional(),
  cancelReason: optionalText(500),
  ...timestamps,
});

export type EventKind = (typeof eventKinds)[number];
export type EventStatus = (typeof eventStatuses)[number];
export type EventFields = z.input<typeof eventFields>;
export type Event = z.output<typeof event>;
