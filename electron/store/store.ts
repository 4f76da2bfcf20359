import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { nanoid } from 'nanoid';
import type { z } from 'zod';
import type { Contact } from '../../shared/schemas/contact';
import type { Event } from '../../shared/schemas/event';
import { settings as settingsSchema } from '../../shared/schemas/settings';
import { backupDue, createBackup } from './backup';
import { StoredDocument } from './document';
import {
  contactShardFile,
  contactShardOf,
  currentVersion,
  documentSchemas,
  eventFile,
  paths,
  type ContactsDocument,
  type DocumentKind,
  type EventDocument,
  type MetaDocument,
  type SettingsDocument,
} from './documents';
import { CorruptDocumentError, DurableJsonFile, TEMP_SUFFIX } from './durable-file';
import { lockDataFolder } from './lock';
import { MigrationError, migrateDocument } from './migrations';

export interface StoreOptions {
  dataDir: string;
  /** Who opens the folder ('desktop', 'web'); shown to a second process that is refused. */
  holder: string;
  appVersion: string;
  /** Backups kept (default 10). */
  backupsKept?: number;
  /** A start-up backup is taken when the newest is older than this (default one day). */
  backupIntervalMs?: number;
}

const DAY = 24 * 60 * 60 * 1000;

type DocumentOf<K extends DocumentKind> = z.output<(typeof documentSchemas)[K]>;

/**
 * Reads one document, brings it to the current schema version and validates
 * it. Throws CorruptDocumentError naming the file when any of that fails;
 * answers undefined for a missing file.
 */
export async function readDocument<K extends DocumentKind>(
  dataDir: string,
  file: string,
  kind: K,
): Promise<{ document: DocumentOf<K>; migrated: boolean } | undefined> {
  const raw = await new DurableJsonFile<unknown>(join(dataDir, file), file).read();
  if (raw === null) return undefined;
  let migrated: { document: unknown; migrated: boolean };
  try {
    migrated = migrateDocument(kind, raw);
  } catch (error) {
    if (error instanceof MigrationError) throw new CorruptDocumentError(file, error.message);
    throw error;
  }
  const parsed = documentSchemas[kind].safeParse(migrated.document);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new CorruptDocumentError(file, `does not match the expected structure (${first?.path.join('.') || 'document'}: ${first?.message})`);
  }
  return { document: parsed.data as DocumentOf<K>, migrated: migrated.migrated };
}

async function listJson(dir: string, pattern: RegExp): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => pattern.test(name)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Temp files of writes interrupted by a crash; the documents they were meant to replace are intact. */
async function removeTempFiles(dataDir: string): Promise<void> {
  for (const dir of [dataDir, join(dataDir, paths.contactsDir), join(dataDir, paths.eventsDir)]) {
    for (const name of await listJson(dir, new RegExp(`${TEMP_SUFFIX.replace('.', '\\.')}$`))) {
      await rm(join(dir, name), { force: true });
    }
  }
}

/**
 * All documents of a data folder in memory (reads never touch the disk),
 * written back one document at a time.
 */
export class Store {
  private constructor(
    readonly dataDir: string,
    readonly meta: StoredDocument<MetaDocument>,
    readonly settings: StoredDocument<SettingsDocument>,
    private readonly shards: Map<string, StoredDocument<ContactsDocument>>,
    private readonly eventDocs: Map<string, StoredDocument<EventDocument>>,
    private readonly release: () => Promise<void>,
  ) {}

  /**
   * Opens a data folder: takes its lock, loads and validates every document
   * (a corrupt one is reported, never overwritten), backs the folder up, and
   * migrates documents of older schema versions.
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
    await removeTempFiles(dataDir);
    // Documents to write once everything has loaded: new ones and migrated ones.
    const toWrite: StoredDocument<unknown>[] = [];
    let anyMigrated = false;
    const open = async <K extends DocumentKind>(file: string, kind: K, fallback: () => DocumentOf<K>) => {
      const found = await readDocument(dataDir, file, kind);
      const document = new StoredDocument<DocumentOf<K>>(file, join(dataDir, file), found?.document ?? fallback());
      if (!found || found.migrated) toWrite.push(document as StoredDocument<unknown>);
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
    const shards = new Map<string, StoredDocument<ContactsDocument>>();
    for (const name of await listJson(join(dataDir, paths.contactsDir), contactShardFile)) {
      const shard = name.slice(0, -'.json'.length);
      const { document } = await open(paths.contactShard(shard), 'contacts', () => {
        throw new Error('unreachable: listed file vanished');
      });
      for (const [key, entry] of Object.entries(document.data.contacts)) {
        if (key !== entry.id || contactShardOf(entry.id) !== shard) {
          throw new CorruptDocumentError(document.file, `contact ${key} is filed under the wrong key or shard`);
        }
      }
      shards.set(shard, document);
    }
    const eventDocs = new Map<string, StoredDocument<EventDocument>>();
    for (const name of await listJson(join(dataDir, paths.eventsDir), eventFile)) {
      const { document } = await open(`${paths.eventsDir}/${name}`, 'event', () => {
        throw new Error('unreachable: listed file vanished');
      });
      if (`${document.data.event.id}.json` !== name) {
        throw new CorruptDocumentError(document.file, `holds event ${document.data.event.id}, not the one its name says`);
      }
      eventDocs.set(document.data.event.id, document);
    }

    // Everything loaded and valid: now, and only now, the folder may be written.
    if (meta.existed && (anyMigrated || (await backupDue(dataDir, options.backupIntervalMs ?? DAY)))) {
      await createBackup(dataDir, { keep: options.backupsKept ?? 10, label: anyMigrated ? 'before-migration' : undefined });
    }
    await mkdir(join(dataDir, paths.contactsDir), { recursive: true });
    await mkdir(join(dataDir, paths.eventsDir), { recursive: true });
    for (const document of toWrite) await document.save();
    if (meta.document.data.appVersion !== options.appVersion) {
      await meta.document.update((current) => ({ next: { ...current, appVersion: options.appVersion }, result: undefined }));
    }
    return new Store(dataDir, meta.document, settings.document, shards, eventDocs, release);
  }

  /** Releases the lock; every acknowledged write is already on disk. */
  async close(): Promise<void> {
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
  saveContact(contactId: string, change: (current: Contact | undefined) => Contact): Promise<Contact> {
    const shardName = contactShardOf(contactId);
    let shard = this.shards.get(shardName);
    if (!shard) {
      const file = paths.contactShard(shardName);
      shard = new StoredDocument<ContactsDocument>(file, join(this.dataDir, file), { schemaVersion: currentVersion.contacts, contacts: {} });
      this.shards.set(shardName, shard);
    }
    return shard.update((current) => {
      const next = change(current.contacts[contactId]);
      return { next: { ...current, contacts: { ...current.contacts, [contactId]: next } }, result: next };
    });
  }

  // --- events ---------------------------------------------------------------

  event(eventId: string): Event | undefined {
    return this.eventDocs.get(eventId)?.data.event;
  }

  *events(): IterableIterator<Event> {
    for (const document of this.eventDocs.values()) yield document.data.event;
  }

  /** Writes one event document, as saveContact does for contacts. */
  async saveEvent(eventId: string, change: (current: Event | undefined) => Event): Promise<Event> {
    const existing = this.eventDocs.get(eventId);
    const wrap = (next: Event): EventDocument => ({ schemaVersion: currentVersion.event, event: next });
    if (existing) {
      return existing.update((current) => {
        const next = change(current.event);
        return { next: { ...current, event: next }, result: next };
      });
    }
    // A new event gets its own document, known to readers once it is on disk.
    const first = change(undefined);
    const file = paths.event(eventId);
    const created = new StoredDocument<EventDocument>(file, join(this.dataDir, file), wrap(first));
    await created.save();
    this.eventDocs.set(eventId, created);
    return first;
  }
}
