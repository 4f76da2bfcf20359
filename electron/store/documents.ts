import { z } from 'zod';
import { contact } from '../../shared/schemas/contact';
import { event } from '../../shared/schemas/event';
import { invitation } from '../../shared/schemas/invitation';
import { product } from '../../shared/schemas/catalog';
import { order } from '../../shared/schemas/order';
import { task } from '../../shared/schemas/task';
import { settings } from '../../shared/schemas/settings';
import { id, isoDateTime } from '../../shared/schemas/common';
import { clubSettings, exportLogEntry, membership, savedView } from '../../shared/schemas/club';
import { erasure, keptDecision } from '../../shared/schemas/privacy';

/**
 * The documents of a data folder (DESIGN.md §2 Storage) and the schema each
 * must satisfy on disk. Every document carries its own `schemaVersion`, so
 * migrations run per document and a crash half-way through leaves a folder
 * that simply migrates the rest at the next start.
 */

export const documentKinds = ['meta', 'settings', 'contacts', 'event', 'catalog', 'orders', 'tasks', 'club', 'exportLog', 'privacy'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const currentVersion: Record<DocumentKind, number> = {
  meta: 1,
  settings: 1,
  contacts: 2,
  event: 1,
  catalog: 1,
  orders: 1,
  tasks: 1,
  club: 1,
  exportLog: 1,
  privacy: 1,
};

export const metaDocument = z.strictObject({
  schemaVersion: z.literal(currentVersion.meta),
  installationId: id,
  createdAt: isoDateTime,
  /** The app version that last opened this folder. */
  appVersion: z.string(),
});

export const settingsDocument = z.strictObject({
  schemaVersion: z.literal(currentVersion.settings),
  settings,
});

/** One shard of the contacts, keyed by id so that a change touches one entry. */
export const contactsDocument = z.strictObject({
  schemaVersion: z.literal(currentVersion.contacts),
  contacts: z.record(z.string(), contact),
});

/** One event with everything that belongs to it: invitations with their check-ins, the orders taken at it, its follow-up tasks. */
export const eventDocument = z.strictObject({
  schemaVersion: z.literal(currentVersion.event),
  event,
  invitations: z.array(invitation).default([]),
  orders: z.array(order).default([]),
  tasks: z.array(task).default([]),
});

/** A new event's document: the event, nothing stored with it yet. */
export function newEventDocument(event: z.output<typeof eventDocument>['event']): z.output<typeof eventDocument> {
  return { schemaVersion: currentVersion.event, event, invitations: [], orders: [], tasks: [] };
}

/** The product catalog. */
export const catalogDocument = z.strictObject({
  schemaVersion: z.literal(currentVersion.catalog),
  products: z.record(z.string(), product),
});

/**
 * Orders outside events (reorders between parties) of the contacts in one
 * contact shard: orders/<shard>.json, keyed by order id, so that a new
 * reorder rewrites a few hundred orders, not all of them. (Before, one
 * orders.json held them all; the store splits it at open.)
 */
export const ordersDocument = z.strictObject({
  schemaVersion: z.literal(currentVersion.orders),
  orders: z.record(z.string(), order),
});

/** Tasks that belong to no event (reorder reminders, birthdays, own tasks). */
export const tasksDocument = z.strictObject({
  schemaVersion: z.literal(currentVersion.tasks),
  tasks: z.record(z.string(), task),
});

/** The customer club: its rules, memberships (with manually entered points) by contact id, saved views of the member list. */
export const clubDocument = z.strictObject({
  schemaVersion: z.literal(currentVersion.club),
  settings: clubSettings,
  memberships: z.record(z.string(), membership),
  /** The running number the next new member gets. */
  nextMemberNumber: z.number().int().min(1),
  views: z.record(z.string(), savedView),
});

/** One export, written once and never changed: log/exports/<id>.json. */
export const exportLogDocument = z.strictObject({
  schemaVersion: z.literal(currentVersion.exportLog),
  entry: exportLogEntry,
});

/** DSGVO records: the audit entries of erasures (no personal data in them) and contacts kept on purpose after review. */
export const privacyDocument = z.strictObject({
  schemaVersion: z.literal(currentVersion.privacy),
  erasures: z.array(erasure),
  kept: z.record(z.string(), keptDecision),
});

export const documentSchemas = {
  meta: metaDocument,
  settings: settingsDocument,
  contacts: contactsDocument,
  event: eventDocument,
  catalog: catalogDocument,
  orders: ordersDocument,
  tasks: tasksDocument,
  club: clubDocument,
  exportLog: exportLogDocument,
  privacy: privacyDocument,
} satisfies Record<DocumentKind, z.ZodType>;

export type MetaDocument = z.output<typeof metaDocument>;
export type SettingsDocument = z.output<typeof settingsDocument>;
export type ContactsDocument = z.output<typeof contactsDocument>;
export type EventDocument = z.output<typeof eventDocument>;
export type CatalogDocument = z.output<typeof catalogDocument>;
export type OrdersDocument = z.output<typeof ordersDocument>;
export type TasksDocument = z.output<typeof tasksDocument>;
export type ClubDocument = z.output<typeof clubDocument>;
export type ExportLogDocument = z.output<typeof exportLogDocument>;
export type PrivacyDocument = z.output<typeof privacyDocument>;

/**
 * Contacts are spread over a fixed number of shards by a hash of their id, so
 * that one write stays small at 50,000 contacts (about 800 per shard).
 * Changing this number needs a migration.
 */
export const CONTACT_SHARDS = 64;

export function contactShardOf(contactId: string): string {
  // FNV-1a: stable across platforms and releases, unlike any built-in hash.
  let hash = 0x811c9dc5;
  for (let i = 0; i < contactId.length; i++) {
    hash ^= contactId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash >>> 0) % CONTACT_SHARDS).toString(16).padStart(2, '0');
}

/** Paths of the documents, relative to the data folder, with '/' as separator. */
export const paths = {
  meta: 'meta.json',
  settings: 'settings.json',
  catalog: 'catalog.json',
  /** All orders outside events in one document, as folders before the split by contact shard keep them; split at open. */
  unsplitOrders: 'orders.json',
  tasks: 'tasks.json',
  club: 'club.json',
  privacy: 'privacy.json',
  /** A change of several documents under way (electron/store/store.ts). */
  journal: 'journal.json',
  exportLogDir: 'log/exports',
  exportLog: (entryId: string) => `log/exports/${entryId}.json`,
  contactsDir: 'contacts',
  contactShard: (shard: string) => `contacts/${shard}.json`,
  /** Orders outside events, by the shard of their contact. */
  ordersDir: 'orders',
  orderShard: (shard: string) => `orders/${shard}.json`,
  eventsDir: 'events',
  event: (eventId: string) => `events/${eventId}.json`,
};

export const contactShardFile = /^[0-9a-f]{2}\.json$/;
/** Orders outside events are filed by the same shards as their contacts. */
export const orderShardFile = contactShardFile;
export const eventFile = /^[A-Za-z0-9_-]{8,32}\.json$/;
