import { z } from 'zod';
import { id, isoDate, isoDateTime, optionalText, requiredText } from './common';
import { contactRef } from './contact';

export const taskKinds = ['thankYou', 'missedYou', 'delivery', 'booking', 'reorder', 'birthday', 'custom'] as const;

/**
 * A follow-up task. Tasks from an event (thank-yous, deliveries, bookings) are
 * stored in that event's document; others (reorders, birthdays, custom) in tasks.json.
 */
export const task = z.strictObject({
  id,
  kind: z.enum(taskKinds),
  title: requiredText(300),
  contactId: id,
  eventId: id.optional(),
  orderId: id.optional(),
  productId: id.optional(),
  due: isoDate,
  done: z.boolean(),
  doneAt: isoDateTime.optional(),
  note: optionalText(1000),
  createdAt: isoDateTime,
});

export const taskView = task.extend({ contact: contactRef.extend({ email: z.string().optional(), phone: z.string().optional() }) });

export type TaskKind = (typeof taskKinds)[number];
export type Task = z.output<typeof task>;
export type TaskView = z.output<typeof taskView>;
