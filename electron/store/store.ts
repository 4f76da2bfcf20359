import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { nanoid } from 'nanoid';
import type { z } from 'zod';
import type { Contact } from '../../shared/schemas/contact';
import type { Event } from '../../shared/schemas/event';
import type { Order } from '../../shared/schemas/order';
import { settings as settingsSchema } from '../../shared/schemas/settings';
import { clubSettings } from '../../shared/schemas/club';
import type { ExportLogEntry } from '../../shared/schemas/club';
import { backupDue, createBackup } from './backup';
import { StoredDocument } from './document';
import {
  contactShardFile,
  contactShardOf,
  currentVersion,
  newEventDocument,
  documentSchemas,
  eventFile,
  orderShardFile,
  paths,
  type ContactsDocument,
  type CatalogDocument,
  type DocumentKind,
  type EventDocument,
  type OrdersDocument,
  type TasksDocument,
  type ClubDocument,
  type PrivacyDocument,
  type MetaDocument,
  type SettingsDocument,
  type ExportLogDocument,
} from './documents';
import { CorruptDocumentError, DurableJsonFile, TEMP_SUFFIX, fsyncDirectory, writeFileDurably } from './durable-file';
import { lockDataFolder } from './lock';
import { MigrationError, migrateDocument } from './migrations';
import { plainCodec, type Codec } from './codec';
import { completeRekey } from './encryption';

export interface StoreOptions {
  dataDir: string;
  /** Who opens the folder ('desktop', 'web'); shown to a second process that is refused. */
  holder: string;
  appVersion: string;
  /** A start-up backup is taken when the newest is older than this (default one day). */
  backupIntervalMs?: number;
  /** How documents are stored: plain JSON (default) or encrypted. */
  codec?: Codec;
}

const DAY = 24 * 60 * 60 * 1000;
/** How long after start the daily backup begins. */
const DAILY_BACKUP_DELAY_MS = 5_000;

type DocumentOf<K extends DocumentKind> = z.output<(typeof documentSchemas)[K]>;

/**
 * Reads one document, brings it to the current schema version and validates
 * it. Throws CorruptDocumentError naming the file when any of that fails;
 * answers undefined for a missing file. A document as the app wrote it (its
 * checksum matches, electron/store/checksum.ts) is not validated again when
 * `trustChecksum` is set: the open of the app's own folder sets it; files
 * that come from elsewhere (a restore, an archive) are checked in full.
 * `rewrite` says the document should be written again: migrated, or valid
 * without a matching checksum.
 */
export async function readDocument<K extends DocumentKind>(
  dataDir: string,
  file: string,
  kind: K,
  codec: Codec = plainCodec,
  { trustChecksum = false } = {},
): Promise<{ document: DocumentOf<K>; migrated: boolean; rewrite: boolean } | undefined> {
  const raw = await new DurableJsonFile<unknown>(kind, join(dataDir, file), file, codec).readChecked();
  if (raw === null) return undefined;
  let migrated: { document: unknown; migrated: boolean };
  try {
    migrated = migrateDocument(kind, raw.data);
  } catch (error) {
    if (error instanceof MigrationError) throw new CorruptDocumentError(file, error.message);
    throw error;
  }
  if (trustChecksum && raw.intact && !migrated.migrated) return { document: migrated.document as DocumentOf<K>, migrated: false, rewrite: false };
  const parsed = documentSchemas[kind].safeParse(migrated.document);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new CorruptDocumentError(file, `does not match the expected structure (${first?.path.join('.') || 'document'}: ${first?.message})`);
  }
  return { document: parsed.data as DocumentOf<K>, migrated: migrated.migrated, rewrite: migrated.migrated || !raw.intact };
}

async function listJson(dir: string, pattern: RegExp): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => pattern.test(name)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** How many documents are read at once at start. */
const READS_AT_ONCE = 16;

/**
 * Runs `read` for every name, READS_AT_ONCE at a time, and answers the results
 * in the names' order. If any fails, the first failure in that order is
 * thrown (after the others settled), so the same broken file is named however
 * the reads interleaved.
 */
async function inOrder<T>(names: readonly string[], read: (name: string) => Promise<T>): Promise<T[]> {
  const results: Array<PromiseSettledResult<T>> = new Array(names.length);
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const at = next++;
      results[at] = await read(names[at]!).then(
        (value) => ({ status: 'fulfilled', value }) as const,
        (reason: unknown) => ({ status: 'rejected', reason }) as const,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, names.length) }, worker));
  return results.map((result) => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  });
}

/** Temp files of writes interrupted by a crash; the documents they were meant to replace are intact. */
async function removeTempFiles(dataDir: string): Promise<void> {
  for (const dir of [dataDir, join(dataDir, paths.contactsDir), join(dataDir, paths.ordersDir), join(dataDir, paths.eventsDir), join(dataDir, paths.exportLogDir)]) {
    for (const name of await listJson(dir, new RegExp(`${TEMP_SUFFIX.replace('.', '\\.')}$`))) {
      await rm(join(dir, name), { force: true });
    }
  }
}

/**
 * A change to several documents is first written whole to this journal, then
 * applied document by document, then the journal is removed. A crash in
 * between leaves the journal, and the next start applies it again: the change
 * lands whole or (if the journal itself was not yet complete) not at all.
 */
const JOURNAL = paths.journal;
// orders.json: a journal written before the reorders were split; the split follows its replay.
const journalPaths = [/^(contacts|orders)\/[0-9a-f]{2}\.json$/, /^events\/[A-Za-z0-9_-]{8,32}\.json$/, /^(catalog|orders|tasks|club|privacy)\.json$/];

async function replayJournal(dataDir: string, codec: Codec): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dataDir, JOURNAL));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  let documents: Record<string, unknown>;
  try {
    const text = codec.decode(bytes, JOURNAL);
    documents = (JSON.parse(text) as { documents: Record<string, unknown> }).documents;
    if (typeof documents !== 'object' || documents === null) throw new Error('no documents');
  } catch (error) {
    throw new CorruptDocumentError(JOURNAL, `cannot be read (${(error as Error).message})`);
  }
  for (const [file, document] of Object.entries(documents)) {
    if (!journalPaths.some((pattern) => pattern.test(file))) throw new CorruptDocumentError(JOURNAL, `names an unexpected file ${file}`);
    await mkdir(join(dataDir, file, '..'), { recursive: true });
    // Without a checksum: the open that follows validates what the journal held.
    await writeFileDurably(join(dataDir, file), codec.encode(JSON.stringify(document)));
  }
  await rm(join(dataDir, JOURNAL));
  await fsyncDirectory(dataDir);
}

/**
 * Documents split by the shard of a contact id (contacts/<shard>.json,
 * orders/<shard>.json), by shard name. A shard without a file yet is created
 * empty on first use and written on its first change.
 */
class ShardDocuments<D> extends Map<string, StoredDocument<D>> {
  constructor(
    private readonly kind: 'contacts' | 'orders',
    private readonly dataDir: string,
    private readonly codec: Codec,
    private readonly fileOf: (shard: string) => string,
    private readonly empty: () => D,
  ) {
    super();
  }

  of(shard: string): StoredDocument<D> {
    let document = this.get(shard);
    if (!document) {
      const file = this.fileOf(shard);
      document = new StoredDocument<D>(this.kind, file, join(this.dataDir, file), this.empty(), this.codec);
      this.set(shard, document);
    }
    return document;
  }

  /** Takes over the shards read at open, after checking that each entry is filed under its id in its contact's shard. */
  fill<E extends { id: string }>(loaded: Array<[shard: string, StoredDocument<D>]>, entries: (data: D) => Record<string, E>, contactIdOf: (entry: E) => string, what: string): this {
    for (const [shard, document] of loaded) {
      for (const [key, entry] of Object.entries(entries(document.data))) {
        if (key !== entry.id || contactShardOf(contactIdOf(entry)) !== shard) {
          throw new CorruptDocumentError(document.file, `${what} ${key} is filed under the wrong key or shard`);
        }
      }
      this.set(shard, document);
    }
    return this;
  }
}

export interface Singletons {
  catalog: StoredDocument<CatalogDocument>;
  tasks: StoredDocument<TasksDocument>;
  club: StoredDocument<ClubDocument>;
  privacy: StoredDocument<PrivacyDocument>;
}
export type SingletonName = keyof Singletons;
type SingletonData = { [K in SingletonName]: Singletons[K]['data'] };

/** What one atomic change writes; see Store.transact. */
export interface Changes<R> {
  contacts?: Contact[];
  removeContacts?: string[];
  eventDocuments?: EventDocument[];
  /** Orders outside events to store, each in its contact's shard; one whose contact changed moves there from its old shard. */
  reorders?: Order[];
  /** New states of whole singleton documents (catalog, tasks, club, privacy). */
  singletons?: Partial<SingletonData>;
  result: R;
}

export type ContactListener = (next: Contact | undefined, previous: Contact | undefined) => void;
export type EventListener = (next: EventDocument, previous: EventDocument | undefined) => void;
export type ReorderListener = (next: Order, previous: Order | undefined) => void;

/**
 * All documents of a data folder in memory (reads never touch the disk),
 * written back one document at a time.
 */
export class Store {
  private constructor(
    readonly dataDir: string,
    /** How this folder's documents are stored (plain or encrypted); backups and archives are copies in the same form. */
    readonly codec: Codec,
    readonly meta: StoredDocument<MetaDocument>,
    readonly settings: StoredDocument<SettingsDocument>,
    /** Documents of which there is one per data folder: catalog.json, tasks.json, club.json, privacy.json. */
    readonly singletons: Singletons,
    private readonly shards: ShardDocuments<ContactsDocument>,
    /** Orders outside events by the shard of their contact (orders/<shard>.json). */
    private readonly orderShards: ShardDocuments<OrdersDocument>,
    private readonly eventDocs: Map<string, StoredDocument<EventDocument>>,
    private readonly release: () => Promise<void>,
  ) {}

  private readonly contactListeners = new Set<ContactListener>();
  private readonly eventListeners = new Set<EventListener>();
  private readonly reorderListeners = new Set<ReorderListener>();

  /** Called after every committed change of a contact (next undefined: removed). Indexes keep themselves current this way. */
  onContactChange(listener: ContactListener): void {
    this.contactListeners.add(listener);
  }

  /** Called after every committed change of an event document. */
  onEventChange(listener: EventListener): void {
    this.eventListeners.add(listener);
  }

  /** Called after every committed change of an order outside events (previous undefined: new). */
  onReorderChange(listener: ReorderListener): void {
    this.reorderListeners.add(listener);
  }

  /**
   * Opens a data folder: takes its lock, loads and validates every document
   * (a corrupt one is reported, never overwritten), backs the folder up
   * before it migrates documents of older schema versions, and starts the
   * daily backup (made while the store answers).
   */
  static async open(options: StoreOptions): Promise<Store> {
    const { dataDir } = options;
    await mkdir(dataDir, { recursive: true });
    const release = await lockDataFolder(dataDir, options.holder);
    try {
      return await Store.load(options, release);
    } catch (error) {
      await release();
      throw error;
    }
  }

  private static async load(options: StoreOptions, release: () => Promise<void>): Promise<Store> {
    const { dataDir } = options;
    const codec = options.codec ?? plainCodec;
    // A change of the encryption key interrupted by a crash: finished or undone before anything is read.
    await completeRekey(dataDir);
    await removeTempFiles(dataDir);
    await replayJournal(dataDir, codec);
    // Documents to write once everything has loaded: new ones, migrated ones, valid ones without a matching checksum.
    const toWrite: StoredDocument<unknown>[] = [];
    let anyMigrated = false;
    const open = async <K extends DocumentKind>(file: string, kind: K, fallback: () => DocumentOf<K>) => {
      const found = await readDocument(dataDir, file, kind, codec, { trustChecksum: true });
      const document = new StoredDocument<DocumentOf<K>>(kind, file, join(dataDir, file), found?.document ?? fallback(), codec);
      // Written again with its checksum once valid, so that the next open need not validate it again.
      if (!found || found.rewrite) toWrite.push(document as StoredDocument<unknown>);
      anyMigrated ||= found?.migrated === true;
      return { document, existed: found !== undefined };
    };

    const now = new Date().toISOString();
    const meta = await open(paths.meta, 'meta', () => ({
      schemaVersion: currentVersion.meta,
      installationId: nanoid(),
      createdAt: now,
      appVersion: options.appVersion,
    }));
    const settings = await open(paths.settings, 'settings', () => ({
      schemaVersion: currentVersion.settings,
      settings: settingsSchema.parse({}),
    }));
    const catalog = await open(paths.catalog, 'catalog', () => ({ schemaVersion: currentVersion.catalog, products: {} }));
    // A folder from before the reorders were split by contact shard (or a split cut short by a crash): split below, after the backup.
    const unsplitOrders = await readDocument(dataDir, paths.unsplitOrders, 'orders', codec);
    anyMigrated ||= unsplitOrders !== undefined;
    const tasks = await open(paths.tasks, 'tasks', () => ({ schemaVersion: currentVersion.tasks, tasks: {} }));
    const club = await open(paths.club, 'club', () => ({
      schemaVersion: currentVersion.club,
      settings: clubSettings.parse({}),
      memberships: {},
      nextMemberNumber: 1,
      views: {},
    }));
    const privacy = await open(paths.privacy, 'privacy', () => ({ schemaVersion: currentVersion.privacy, erasures: [], kept: {} }));
    // Shards and events are many small files: read several at a time, so that the disk works while the CPU parses.
    const shardNames = (await listJson(join(dataDir, paths.contactsDir), contactShardFile)).map((name) => name.slice(0, -'.json'.length));
    const orderShardNames = (await listJson(join(dataDir, paths.ordersDir), orderShardFile)).map((name) => name.slice(0, -'.json'.length));
    const eventNames = await listJson(join(dataDir, paths.eventsDir), eventFile);
    const listedFile = () => {
      throw new Error('unreachable: listed file vanished');
    };
    const shardDocuments = await inOrder(shardNames, (shard) => open(paths.contactShard(shard), 'contacts', listedFile));
    const orderShardDocuments = await inOrder(orderShardNames, (shard) => open(paths.orderShard(shard), 'orders', listedFile));
    const eventDocuments = await inOrder(eventNames, (name) => open(`${paths.eventsDir}/${name}`, 'event', listedFile));
    const shards = new ShardDocuments<ContactsDocument>('contacts', dataDir, codec, paths.contactShard, () => ({ schemaVersion: currentVersion.contacts, contacts: {} })).fill(
      shardNames.map((shard, at) => [shard, shardDocuments[at]!.document]),
      (data) => data.contacts,
      (contact) => contact.id,
      'contact',
    );
    const orderShards = new ShardDocuments<OrdersDocument>('orders', dataDir, codec, paths.orderShard, () => ({ schemaVersion: currentVersion.orders, orders: {} })).fill(
      orderShardNames.map((shard, at) => [shard, orderShardDocuments[at]!.document]),
      (data) => data.orders,
      (order) => order.contactId,
      'order',
    );
    const eventDocs = new Map<string, StoredDocument<EventDocument>>();
    eventNames.forEach((name, at) => {
      const { document } = eventDocuments[at]!;
      if (`${document.data.event.id}.json` !== name) {
        throw new CorruptDocumentError(document.file, `holds event ${document.data.event.id}, not the one its name says`);
      }
      eventDocs.set(document.data.event.id, document);
    });

    // Everything loaded and valid: now, and only now, the folder may be written.
    const keep = settings.document.data.settings.backupsKept;
    // Before a migration the copy is of the files as they were: it must be made before they change.
    if (meta.existed && anyMigrated) await createBackup(dataDir, { keep, label: 'before-migration' });
    const dailyBackupDue = meta.existed && !anyMigrated && (await backupDue(dataDir, options.backupIntervalMs ?? DAY));
    await mkdir(join(dataDir, paths.contactsDir), { recursive: true });
    await mkdir(join(dataDir, paths.ordersDir), { recursive: true });
    await mkdir(join(dataDir, paths.eventsDir), { recursive: true });
    for (const document of toWrite) await document.save();
    if (unsplitOrders) await splitOrders(dataDir, unsplitOrders.document, orderShards);
    if (meta.document.data.appVersion !== options.appVersion) {
      await meta.document.update((current) => ({ next: { ...current, appVersion: options.appVersion }, result: undefined }));
    }
    const singletons = { catalog: catalog.document, tasks: tasks.document, club: club.document, privacy: privacy.document };
    const store = new Store(dataDir, codec, meta.document, settings.document, singletons, shards, orderShards, eventDocs, release);
    if (dailyBackupDue) {
      // A little later, so that the first screens after start are not slowed by it.
      const started = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, DAILY_BACKUP_DELAY_MS);
        store.startBackupNow = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      store.dailyBackup = started.then(() => store.backUpInBackground(keep));
    }
    return store;
  }

  private documents(): StoredDocument<unknown>[] {
    return [
      this.meta,
      this.settings,
      ...Object.values(this.singletons),
      ...this.shards.values(),
      ...this.orderShards.values(),
      ...this.eventDocs.values(),
    ] as StoredDocument<unknown>[];
  }

  /** The daily backup, made while the store already answers; see backUpInBackground. */
  private dailyBackup?: Promise<void>;
  private startBackupNow = () => {};

  /**
   * Makes the daily backup after the folder is ready, so that opening a large
   * folder does not wait for a copy of every file. It never races a write:
   * it waits until no write is under way (every document held at once, as a
   * change of several documents holds its own), takes the documents as they
   * are in memory (a change stores new objects, never changes them in place),
   * lets writes go on at once, and writes that state to the backup. A failed
   * backup is logged; the next start tries again.
   */
  private async backUpInBackground(keep: number): Promise<void> {
    try {
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      await Promise.all(this.documents().map((document) => document.hold(released)));
      // Listed again: documents created meanwhile (a new event of a change that held others) belong to this state.
      const state = this.documents().map((document) => {
        const { data } = document;
        return { file: document.file, content: () => document.encode(data) };
      });
      release();
      await createBackup(this.dataDir, { keep, documents: state });
    } catch (error) {
      console.error('The daily backup failed; it is tried again at the next start.', error);
    }
  }

  /** Makes the daily backup now if it is due and not yet made, and resolves once it is done: folder operations change or copy the files, and wait for it. */
  async backupDone(): Promise<void> {
    this.startBackupNow();
    await this.dailyBackup;
  }

  /** Waits for the writes and the backup under way, then releases the lock. */
  async close(): Promise<void> {
    await this.backupDone();
    await Promise.all(this.documents().map((document) => document.idle()));
    await this.release();
  }

  isEmpty(): boolean {
    return this.eventDocs.size === 0 && [...this.shards.values()].every((shard) => Object.keys(shard.data.contacts).length === 0);
  }

  // --- contacts -------------------------------------------------------------

  contact(contactId: string): Contact | undefined {
    return this.shards.get(contactShardOf(contactId))?.data.contacts[contactId];
  }

  *contacts(): IterableIterator<Contact> {
    for (const shard of this.shards.values()) yield* Object.values(shard.data.contacts);
  }

  /**
   * Writes one contact: `change` gets the stored version (undefined for a new
   * one) and returns the version to store; it may throw to refuse. Only the
   * contact's shard is rewritten.
   */
  async saveContact(contactId: string, change: (current: Contact | undefined) => Contact): Promise<Contact> {
    let previous: Contact | undefined;
    const next = await this.shards.of(contactShardOf(contactId)).update((current) => {
      previous = current.contacts[contactId];
      const changed = change(previous);
      return { next: { ...current, contacts: { ...current.contacts, [contactId]: changed } }, result: changed };
    });
    for (const listener of this.contactListeners) listener(next, previous);
    return next;
  }

  // --- orders outside events ------------------------------------------------

  /** An order outside events; found by looking into each shard (a key lookup in each of 64 objects). */
  reorder(orderId: string): Order | undefined {
    for (const shard of this.orderShards.values()) {
      const order = shard.data.orders[orderId];
      if (order) return order;
    }
    return undefined;
  }

  *reorders(): IterableIterator<Order> {
    for (const shard of this.orderShards.values()) yield* Object.values(shard.data.orders);
  }

  /**
   * Writes one order outside events of `contactId`, as saveContact does for
   * contacts: only the shard of her contact is rewritten. Moving an order to
   * another contact changes two shards and goes through transact.
   */
  async saveReorder(contactId: string, orderId: string, change: (current: Order | undefined) => Order): Promise<Order> {
    let previous: Order | undefined;
    const next = await this.orderShards.of(contactShardOf(contactId)).update((current) => {
      previous = current.orders[orderId];
      const changed = change(previous);
      if (changed.id !== orderId || changed.contactId !== contactId) throw new Error(`saveReorder: order ${orderId} of ${contactId} would change its id or contact`);
      return { next: { ...current, orders: { ...current.orders, [orderId]: changed } }, result: changed };
    });
    for (const listener of this.reorderListeners) listener(next, previous);
    return next;
  }

  // --- events ---------------------------------------------------------------

  event(eventId: string): Event | undefined {
    return this.eventDocs.get(eventId)?.data.event;
  }

  *events(): IterableIterator<Event> {
    for (const document of this.eventDocs.values()) yield document.data.event;
  }

  /** The event with everything stored with it (invitations, …). */
  eventDocument(eventId: string): EventDocument | undefined {
    return this.eventDocs.get(eventId)?.data;
  }

  *eventDocuments(): IterableIterator<EventDocument> {
    for (const document of this.eventDocs.values()) yield document.data;
  }

  /** Writes one event document, as saveContact does for contacts; a new event gets its own file. */
  async saveEventDocument(eventId: string, change: (current: EventDocument | undefined) => EventDocument): Promise<EventDocument> {
    const existing = this.eventDocs.get(eventId);
    let previous: EventDocument | undefined;
    let next: EventDocument;
    if (existing) {
      next = await existing.update((current) => {
        previous = current;
        const changed = change(current);
        return { next: changed, result: changed };
      });
    } else {
      // Known to readers once it is on disk.
      next = change(undefined);
      const file = paths.event(eventId);
      const created = new StoredDocument<EventDocument>('event', file, join(this.dataDir, file), next, this.codec);
      await created.save();
      this.eventDocs.set(eventId, created);
    }
    for (const listener of this.eventListeners) listener(next, previous);
    return next;
  }

  /** Writes the event itself, keeping what is stored with it. */
  async saveEvent(eventId: string, change: (current: Event | undefined) => Event): Promise<Event> {
    const document = await this.saveEventDocument(eventId, (current) => {
      const event = change(current?.event);
      return current ? { ...current, event } : newEventDocument(event);
    });
    return document.event;
  }

  // --- export log -------------------------------------------------------------

  /**
   * The export log, read on first use and kept: it grows by a file per export
   * (each naming everyone in it), and nothing at start needs it.
   */
  private exportEntries?: Promise<ExportLogEntry[]>;

  /** Every export so far, oldest first. */
  exportLog(): Promise<readonly ExportLogEntry[]> {
    this.exportEntries ??= (async () => {
      const entries: ExportLogEntry[] = [];
      for (const name of await listJson(join(this.dataDir, paths.exportLogDir), eventFile)) {
        const found = await readDocument(this.dataDir, `${paths.exportLogDir}/${name}`, 'exportLog', this.codec, { trustChecksum: true });
        if (found) entries.push(found.document.entry);
      }
      return entries.sort((a, b) => a.at.localeCompare(b.at) || (a.id < b.id ? -1 : 1));
    })().catch((error: unknown) => {
      // A file that cannot be read is reported, and read again next time.
      this.exportEntries = undefined;
      throw error;
    });
    return this.exportEntries;
  }

  /** Writes one export's log entry to a file of its own (never changed afterwards); known to readers once durable. */
  async appendExportLog(entry: ExportLogEntry): Promise<void> {
    await mkdir(join(this.dataDir, paths.exportLogDir), { recursive: true });
    const file = paths.exportLog(entry.id);
    await new DurableJsonFile<ExportLogDocument>('exportLog', join(this.dataDir, file), file, this.codec).write({ schemaVersion: currentVersion.exportLog, entry });
    // Once read, the log is kept current here (a read under way may have found the file already); before that, the next read finds it.
    const entries = await this.exportEntries?.catch(() => undefined);
    if (entries && !entries.some((known) => known.id === entry.id)) entries.push(entry);
  }

  // --- changes across documents -----------------------------------------------

  /**
   * Changes several documents all or nothing. `scope` names every contact and
   * (existing) event the change may touch; their documents are held while
   * `build` computes the change from the current state and while it is
   * written through the journal. If `build` throws, nothing is written.
   */
  async transact<R>(
    scope: {
      contactIds?: readonly string[];
      /** Contacts whose orders outside events the change may touch, or to whom it moves such orders. */
      reorderContactIds?: readonly string[];
      eventIds?: readonly string[];
      /** Events the change creates: each gets its own document, known to readers once written. */
      newEventIds?: readonly string[];
      singletons?: readonly SingletonName[];
    },
    build: (view: {
      contact(id: string): Contact | undefined;
      /** A contact's orders outside events. */
      reordersOf(contactId: string): Order[];
      eventDocument(id: string): EventDocument | undefined;
      singleton<K extends SingletonName>(name: K): SingletonData[K];
    }) => Changes<R>,
  ): Promise<R> {
    const shardNames = [...new Set((scope.contactIds ?? []).map(contactShardOf))];
    const eventIds = [...new Set(scope.eventIds ?? [])];
    const documents = new Map<string, StoredDocument<unknown>>();
    for (const name of shardNames) documents.set(paths.contactShard(name), this.shards.of(name) as StoredDocument<unknown>);
    for (const name of new Set((scope.reorderContactIds ?? []).map(contactShardOf))) {
      documents.set(paths.orderShard(name), this.orderShards.of(name) as StoredDocument<unknown>);
    }
    for (const name of scope.singletons ?? []) documents.set(this.singletons[name].file, this.singletons[name] as StoredDocument<unknown>);
    for (const eventId of eventIds) {
      const document = this.eventDocs.get(eventId);
      if (!document) throw new Error(`transact: event ${eventId} does not exist`);
      documents.set(document.file, document as StoredDocument<unknown>);
    }
    // New events need no hold: nobody else knows their ids yet.
    const newEventFiles = new Set<string>();
    for (const eventId of scope.newEventIds ?? []) {
      if (this.eventDocs.has(eventId)) throw new Error(`transact: event ${eventId} exists already`);
      newEventFiles.add(paths.event(eventId));
    }

    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    try {
      await Promise.all([...documents.values()].map((document) => document.hold(released)));
      const changes = build({
        contact: (id) => this.contact(id),
        reordersOf: (contactId) => Object.values(this.orderShards.get(contactShardOf(contactId))?.data.orders ?? {}).filter((order) => order.contactId === contactId),
        eventDocument: (id) => this.eventDocument(id),
        singleton: <K extends SingletonName>(name: K) => this.singletons[name].data as SingletonData[K],
      });

      const next = new Map<string, unknown>();
      /** The next state of a shard in the scope, copied once with its entries, so that entries can be set and removed. */
      const nextShard = <D extends object>(file: string, entries: keyof D & string, what: string): D => {
        if (!documents.has(file)) throw new Error(`transact: ${what} outside the scope`);
        let shard = next.get(file) as D | undefined;
        if (!shard) {
          const current = documents.get(file)!.data as D;
          shard = { ...current, [entries]: { ...(current[entries] as object) } };
          next.set(file, shard);
        }
        return shard;
      };
      const shardFor = (contactId: string) => nextShard<ContactsDocument>(paths.contactShard(contactShardOf(contactId)), 'contacts', `contact ${contactId} is`);
      const previousContacts = new Map<string, Contact | undefined>();
      for (const entry of changes.contacts ?? []) {
        previousContacts.set(entry.id, this.contact(entry.id));
        shardFor(entry.id).contacts[entry.id] = entry;
      }
      for (const contactId of changes.removeContacts ?? []) {
        previousContacts.set(contactId, this.contact(contactId));
        delete shardFor(contactId).contacts[contactId];
      }
      const orderShardFor = (contactId: string) => nextShard<OrdersDocument>(paths.orderShard(contactShardOf(contactId)), 'orders', `orders of contact ${contactId} are`);
      const previousReorders = new Map<Order, Order | undefined>();
      for (const order of changes.reorders ?? []) {
        const previous = this.reorder(order.id);
        previousReorders.set(order, previous);
        if (previous && previous.contactId !== order.contactId) delete orderShardFor(previous.contactId).orders[order.id];
        orderShardFor(order.contactId).orders[order.id] = order;
      }
      const previousEvents = new Map<string, EventDocument | undefined>();
      for (const document of changes.eventDocuments ?? []) {
        const file = paths.event(document.event.id);
        if (!documents.has(file) && !newEventFiles.has(file)) throw new Error(`transact: event ${document.event.id} is outside the scope`);
        previousEvents.set(file, newEventFiles.has(file) ? undefined : (documents.get(file)!.data as EventDocument));
        next.set(file, document);
      }

      for (const [name, data] of Object.entries(changes.singletons ?? {})) {
        const file = this.singletons[name as SingletonName].file;
        if (!documents.has(file)) throw new Error(`transact: ${file} is outside the scope`);
        next.set(file, data);
      }

      const journaled = next.size > 1;
      const write = async () => {
        if (journaled && this.journalLeft) throw this.journalLeft;
        if (journaled) await writeFileDurably(join(this.dataDir, JOURNAL), this.codec.encode(JSON.stringify({ documents: Object.fromEntries(next) })));
        const applied: Applied[] = [];
        try {
          for (const [file, data] of next) {
            if (!newEventFiles.has(file)) {
              const document = documents.get(file)!;
              const previous = { document, previous: document.data, existed: await exists(document.path) };
              await document.replace(data);
              applied.push(previous);
              continue;
            }
            const document = new StoredDocument<EventDocument>('event', file, join(this.dataDir, file), data as EventDocument, this.codec);
            await document.save();
            this.eventDocs.set(document.data.event.id, document);
            applied.push({ document: document as StoredDocument<unknown>, existed: false });
          }
          if (journaled) await removeJournal(this.dataDir);
        } catch (error) {
          if (journaled) await this.undo(applied, [...documents.values()], error);
          throw error;
        }
      };
      await (journaled ? this.oneJournalAtATime(write) : write());

      for (const [contactId, previous] of previousContacts) {
        for (const listener of this.contactListeners) listener(this.contact(contactId), previous);
      }
      for (const [file, previous] of previousEvents) {
        for (const listener of this.eventListeners) listener(next.get(file) as EventDocument, previous);
      }
      for (const [order, previous] of previousReorders) {
        for (const listener of this.reorderListeners) listener(order, previous);
      }
      return changes.result;
    } finally {
      release();
    }
  }

  /**
   * There is one journal file: changes of different documents, which may
   * otherwise run at the same time, take turns writing through it (a second
   * change would overwrite the first one's journal, and the first would
   * remove the second's). Documents are held before the turn is taken, so
   * this adds no cycle.
   */
  private journalTurns: Promise<unknown> = Promise.resolve();
  private oneJournalAtATime(write: () => Promise<void>): Promise<void> {
    const turn = this.journalTurns.then(write, write);
    this.journalTurns = turn.catch(() => undefined);
    return turn;
  }

  /** Set when a journaled change failed half-way and could not be undone: the next start completes it from the journal. */
  private journalLeft?: Error;

  /**
   * Takes back a journaled change that failed half-way (a full disk, a folder
   * turned read-only): the documents written so far get their previous state
   * again (new files are removed) and the journal goes, so the caller's error
   * is true and nothing changed. If even that fails, the journal stays and
   * the next start completes the change; until then its documents and every
   * further journaled change are refused, as a restart would overwrite them.
   */
  private async undo(applied: Applied[], held: StoredDocument<unknown>[], cause: unknown): Promise<void> {
    try {
      for (const { document, previous, existed } of applied.reverse()) {
        if (existed) {
          await document.replace(previous);
          continue;
        }
        // A new contact or order shard is emptied in memory; a new event's document is forgotten.
        if (previous !== undefined) await document.replace(previous);
        else this.eventDocs.delete((document.data as EventDocument).event.id);
        await rm(document.path, { force: true });
      }
      for (const dir of [paths.contactsDir, paths.ordersDir, paths.eventsDir]) await fsyncDirectory(join(this.dataDir, dir));
      await removeJournal(this.dataDir);
    } catch {
      const { code = 'EIO', syscall = 'write' } = cause as NodeJS.ErrnoException;
      this.journalLeft = Object.assign(new Error(`A change could not be completed (${code}); ${JOURNAL} completes it at the next start.`), { code, syscall });
      for (const document of [...held, ...applied.map((entry) => entry.document)]) document.block(this.journalLeft);
    }
  }
}

/**
 * Splits orders.json (every order outside events, as folders kept them before)
 * into the shards of their contacts, after the backup before migration: each
 * shard is written durably, merged with what a split cut short by a crash
 * left in it (an order in orders.json wins, wherever it was filed), and only
 * then orders.json removed. A crash anywhere leaves orders.json, and the next
 * open splits it again, losing and duplicating nothing.
 */
async function splitOrders(
  dataDir: string,
  unsplit: OrdersDocument,
  orderShards: ShardDocuments<OrdersDocument>,
): Promise<void> {
  const byShard = new Map<string, Order[]>();
  for (const order of Object.values(unsplit.orders)) {
    const shard = contactShardOf(order.contactId);
    const orders = byShard.get(shard);
    if (orders) orders.push(order);
    else byShard.set(shard, [order]);
  }
  const unsplitIds = new Set(Object.keys(unsplit.orders));
  for (const [name, document] of orderShards) {
    if (byShard.has(name) || !Object.keys(document.data.orders).some((id) => unsplitIds.has(id))) continue;
    byShard.set(name, []);
  }
  for (const [name, orders] of byShard) {
    await orderShards.of(name).update((current) => {
      const kept = Object.values(current.orders).filter((order) => !unsplitIds.has(order.id));
      return { next: { ...current, orders: Object.fromEntries([...kept, ...orders].map((order) => [order.id, order])) }, result: undefined };
    });
  }
  // Each shard's write fsynced its folder too: the shards are on disk before orders.json goes.
  await rm(join(dataDir, paths.unsplitOrders));
  await fsyncDirectory(dataDir);
}

/** A document a journaled change has written, with what to put back. */
interface Applied {
  document: StoredDocument<unknown>;
  /** Absent for a new event's document. */
  previous?: unknown;
  /** Whether its file was on disk before. */
  existed: boolean;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
}

async function removeJournal(dataDir: string): Promise<void> {
  await rm(join(dataDir, JOURNAL), { force: true });
  await fsyncDirectory(dataDir);
}
