import { z } from 'zod';
import { id, isoDateTime, optionalText, requiredText, timestamps } from './common';

export const eventKinds = ['presentation', 'party', 'club', 'online'] as const;
export const eventStatuses = ['planned', 'invited', 'held', 'closed', 'cancelled'] as const;

const eventFieldsShape = {
  title: requiredText(200),
  kind: z.enum(eventKinds, { error: 'validation.eventKind' }),
  startsAt: isoDateTime,
  endsAt: isoDateTime.optional(),
  place: optionalText(300),
  hostId: id.optional(),
  capacity: z.number({ error: 'validation.number' }).int().min(1, { error: 'validation.capacity' }).max(10000).optional(),
  notes: optionalText(5000),
};

const endsAfterStart = (value: { startsAt?: string; endsAt?: string }) =>
  value.endsAt === undefined || value.startsAt === undefined || Date.parse(value.endsAt) > Date.parse(value.startsAt);
const endsAfterStartIssue = { error: 'validation.endsBeforeStart', path: ['endsAt'] };

const eventFieldsObject = z.strictObject(eventFieldsShape);

/** What a person enters for an event; the status is changed by its own operations. */
export const eventFields = eventFieldsObject.refine(endsAfterStart, endsAfterStartIssue);

/** A change to an event: its id and any subset of the fields; "" clears an optional text. */
export const eventPatch = eventFieldsObject.partial().extend({ id }).refine(endsAfterStart, endsAfterStartIssue);

export const event = z.strictObject({
  ...eventFieldsShape,
  id,
  status: z.enum(eventStatuses),
  cancelReason: optionalText(500),
  ...timestamps,
});

export type EventKind = (typeof eventKinds)[number];
export type EventStatus = (typeof eventStatuses)[number];
export type EventFields = z.input<typeof eventFields>;
export type Event = z.output<typeof event>;
