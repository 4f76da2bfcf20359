import { z } from 'zod';
import { contact, contactFields, contactPatch } from './schemas/contact';
import { event, eventFields, eventPatch, eventStatuses } from './schemas/event';
import { id, isoDateTime } from './schemas/common';
import { settings, settingsPatch } from './schemas/settings';

/**
 * The one contract between renderer and main process. Each operation has a
 * name, an input schema (checked by the dispatcher before any handler runs)
 * and an output schema (the type the caller gets back). Both transports, IPC
 * and HTTP, carry exactly these operations.
 */
const operation = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

const byId = z.strictObject({ id });
const nothing = z.strictObject({});

export const appStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready'), version: z.string(), dataDir: z.string(), empty: z.boolean() }),
  z.object({
    state: z.literal('recovery'),
    version: z.string(),
    dataDir: z.string(),
    /** The document that failed to load, relative to the data folder. */
    file: z.string(),
    reason: z.string(),
    /** The newest backup folder holding a good copy of that file, if any. */
    backup: z.string().optional(),
  }),
]);

export const operations = {
  'app.status': operation(nothing, appStatus),

  'settings.get': operation(nothing, settings),
  'settings.update': operation(settingsPatch.strict(), settings),

  'contacts.create': operation(contactFields, contact),
  'contacts.list': operation(
    z.strictObject({
      query: z.string().trim().max(200).optional(),
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).default(0),
    }),
    z.object({ items: z.array(contact), total: z.number().int() }),
  ),
  'contacts.get': operation(byId, contact),
  'contacts.update': operation(contactPatch, contact),

  'events.create': operation(eventFields, event),
  'events.list': operation(
    z.strictObject({
      from: isoDateTime.optional(),
      to: isoDateTime.optional(),
      status: z.array(z.enum(eventStatuses)).optional(),
    }),
    z.array(event),
  ),
  'events.get': operation(byId, event),
  'events.update': operation(eventPatch, event),
  'events.cancel': operation(z.strictObject({ id, reason: z.string().trim().max(500).optional() }), event),

  /** Fills an empty data folder with the German demo dataset. */
  'demo.load': operation(nothing, z.object({ contacts: z.number().int(), events: z.number().int() })),
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export const operationNames = Object.keys(operations) as OperationName[];

/** What a caller passes (before defaults and trimming). */
export type InputOf<K extends OperationName> = z.input<Operations[K]['input']>;
/** What a handler receives (after validation). */
export type ParsedInputOf<K extends OperationName> = z.output<Operations[K]['input']>;
export type OutputOf<K extends OperationName> = z.output<Operations[K]['output']>;

export type AppStatus = z.output<typeof appStatus>;

export const isOperationName = (name: string): name is OperationName => Object.hasOwn(operations, name);
