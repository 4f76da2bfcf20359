/**
 * What our figures are compared with, on the same data and machine in the
 * same run: the physical floor (one small file written and fsynced), a naive
 * lowdb store (everything in one JSON file, rewritten durably on each change)
 * and SQLite (better-sqlite3, WAL, synchronous=FULL).
 */
import { mkdtemp, open, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { Dispatch } from '../electron/dispatcher';
import { writeFileDurably, writeFileSynced } from '../electron/store/durable-file';
import type { Contact } from '../shared/schemas/contact';
import type { Event } from '../shared/schemas/event';
import type { Invitation, InvitationView } from '../shared/schemas/invitation';
import type { Order, OrderView } from '../shared/schemas/order';
import { measure, type Percentiles } from './measure';

/** A check-in's changed record in a store partitioned down to the guest: about this size. */
const FLOOR_BYTES = 1_536;

/** Everything the naive store and SQLite hold: read back through the app's own operations. */
export interface Snapshot {
  contacts: Contact[];
  events: Array<{ event: Event; invitations: Invitation[]; orders: Order[] }>;
  /** Orders outside events. */
  reorders: Order[];
}

async function read<T>(dispatch: Dispatch, operation: string, input: unknown): Promise<T> {
  const answer = await dispatch(operation, input);
  if (!answer.ok) throw new Error(`${operation} failed while reading the dataset: ${JSON.stringify(answer.error)}`);
  return answer.data as T;
}

export async function snapshot(dispatch: Dispatch): Promise<Snapshot> {
  const contacts: Contact[] = [];
  for (let offset = 0; ; offset += 1_000) {
    const page = await read<{ items: Contact[]; total: number }>(dispatch, 'contacts.list', { limit: 1_000, offset });
    contacts.push(...page.items);
    if (contacts.length >= page.total || page.items.length === 0) break;
  }
  const ordersByEvent = new Map<string, Order[]>();
  const reorders: Order[] = [];
  for (const { contact: _name, totalCents: _total, paidCents: _paid, openCents: _open, ...order } of await read<OrderView[]>(dispatch, 'orders.list', {})) {
    if (!order.eventId) {
      reorders.push(order as Order);
      continue;
    }
    ordersByEvent.set(order.eventId, [...(ordersByEvent.get(order.eventId) ?? []), order as Order]);
  }
  const events: Snapshot['events'] = [];
  for (const event of await read<Event[]>(dispatch, 'events.list', {})) {
    const views = await read<InvitationView[]>(dispatch, 'invitations.list', { eventId: event.id });
    events.push({ event, invitations: views.map(({ contact: _contact, ...invitation }) => invitation), orders: ordersByEvent.get(event.id) ?? [] });
  }
  return { contacts, events, reorders };
}

export interface Floor {
  /** Write one small file (a new version of it, as a file rewritten whole) and fsync it. */
  fsync: Percentiles;
  /** Overwrite the same bytes of an existing file and fdatasync: no size or block change, the least a disk can do (what SQLite's reused WAL comes close to). */
  overwriteInPlace: Percentiles;
  /** As our store writes: temp file, fsync, rename, fsync of the folder. */
  renameAndDirFsync: Percentiles;
}

export async function measureFloor(): Promise<Floor> {
  const dir = await mkdtemp(join(tmpdir(), 'kk-bench-floor-'));
  try {
    const path = join(dir, 'guest.json');
    const content = Buffer.alloc(FLOOR_BYTES, '{"checkins":[]}');
    const fsync = await measure({ warmup: 20, runs: 300 }, () => writeFileSynced(path, content));
    const overwriteInPlace = await measure({ warmup: 20, runs: 300 }, async () => {
      const file = await open(path, 'r+');
      try {
        await file.write(content, 0, content.length, 0);
        await file.datasync();
      } finally {
        await file.close();
      }
    });
    const renameAndDirFsync = await measure({ warmup: 20, runs: 300 }, () => writeFileDurably(path, content));
    return { fsync, overwriteInPlace, renameAndDirFsync };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * lowdb's adapter for one JSON file, written durably (lowdb's own JSONFile
 * renames without fsync). Not the store's DurableJsonFile: that adds the
 * document checksum, which a naive store does not have.
 */
class DurableJsonFile<T> implements Adapter<T> {
  constructor(private readonly path: string) {}
  async read(): Promise<T | null> {
    return JSON.parse(await readFile(this.path, 'utf8')) as T;
  }
  write(data: T): Promise<void> {
    return writeFileDurably(this.path, JSON.stringify(data));
  }
}

export interface NaiveLowdb {
  checkin: Percentiles;
  fileMb: number;
}

/** The naive store: one lowdb file with everything; each check-in rewrites all of it. */
export async function measureNaiveLowdb(data: Snapshot, doorEventId: string, runs: number): Promise<NaiveLowdb> {
  const dir = await mkdtemp(join(tmpdir(), 'kk-bench-lowdb-'));
  try {
    const path = join(dir, 'db.json');
    const db = new Low<Snapshot>(new DurableJsonFile(path), structuredClone(data));
    await db.write();
    const door = db.data.events.find((entry) => entry.event.id === doorEventId)!;
    const checkin = await measure({ warmup: 2, runs }, async (index) => {
      const guest = door.invitations[index % door.invitations.length]!;
      guest.checkins.push({ id: `naive-${index}`, kind: 'checkin', at: new Date().toISOString(), device: 'Benchmark', companions: 0 });
      await db.write();
    });
    return { checkin, fileMb: Math.round((await stat(path)).size / 1e5) / 10 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface Sqlite {
  checkin: Percentiles;
  contactEdit: Percentiles;
  eventCreate: Percentiles;
  orderCreate: Percentiles;
  loadMs: number;
}

/** SQLite with the same data: null with the reason where better-sqlite3 cannot be loaded. */
export async function measureSqlite(data: Snapshot, doorEventId: string, reps: { writes: number }): Promise<Sqlite | { skipped: string }> {
  let Database: typeof import('better-sqlite3');
  try {
    Database = (await import('better-sqlite3')).default;
  } catch (error) {
    return { skipped: `better-sqlite3 could not be loaded: ${(error as Error).message.split('\n')[0]}` };
  }
  const dir = await mkdtemp(join(tmpdir(), 'kk-bench-sqlite-'));
  const db = new Database(join(dir, 'db.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(`
      create table contacts (id text primary key, first_name text, last_name text, email text, phone text, postal_code text, city text, data text not null);
      create index contacts_name on contacts (last_name, first_name);
      create table events (id text primary key, title text not null, starts_at text not null, status text not null, data text not null);
      create table invitations (id text primary key, event_id text not null references events, contact_id text not null references contacts, code text unique, rsvp text, checked_in integer not null default 0);
      create index invitations_event on invitations (event_id);
      create table checkins (id text primary key, invitation_id text not null references invitations, kind text not null, at text not null, device text not null);
      create index checkins_invitation on checkins (invitation_id);
      create table orders (id text primary key, event_id text references events, contact_id text not null references contacts, status text not null, created_at text not null);
      create index orders_event on orders (event_id);
      create index orders_contact on orders (contact_id);
      create table order_lines (order_id text not null references orders, position integer not null, product_id text not null, quantity integer not null, unit_price_cents integer not null, discount_percent real not null, primary key (order_id, position));
    `);
    const insertContact = db.prepare('insert into contacts values (?, ?, ?, ?, ?, ?, ?, ?)');
    const insertEvent = db.prepare('insert into events values (?, ?, ?, ?, ?)');
    const insertInvitation = db.prepare('insert into invitations values (?, ?, ?, ?, ?, ?)');
    const insertCheckin = db.prepare('insert into checkins values (?, ?, ?, ?, ?)');
    const insertOrder = db.prepare('insert into orders values (?, ?, ?, ?, ?)');
    const insertLine = db.prepare('insert into order_lines values (?, ?, ?, ?, ?, ?)');
    const addOrder = (order: Pick<Order, 'id' | 'eventId' | 'contactId' | 'status' | 'createdAt' | 'lines'>) => {
      insertOrder.run(order.id, order.eventId ?? null, order.contactId, order.status, order.createdAt);
      order.lines.forEach((line, position) => insertLine.run(order.id, position, line.productId, line.quantity, line.unitPriceCents, line.discountPercent));
    };

    const loadStart = performance.now();
    db.transaction(() => {
      for (const contact of data.contacts) {
        insertContact.run(contact.id, contact.firstName, contact.lastName, contact.email ?? null, contact.phone ?? null, contact.postalCode ?? null, contact.city ?? null, JSON.stringify(contact));
      }
      for (const { event, invitations, orders } of data.events) {
        insertEvent.run(event.id, event.title, event.startsAt, event.status, JSON.stringify(event));
        for (const invitation of invitations) {
          const arrived = invitation.checkins.at(-1)?.kind === 'checkin';
          insertInvitation.run(invitation.id, event.id, invitation.contactId, invitation.code, invitation.rsvp, arrived ? 1 : 0);
          for (const record of invitation.checkins) insertCheckin.run(record.id, invitation.id, record.kind, record.at, record.device);
        }
        orders.forEach(addOrder);
      }
      data.reorders.forEach(addOrder);
    })();
    const loadMs = Math.round(performance.now() - loadStart);

    // A check-in: its record and the guest's state, in one transaction; the undo between (untimed) likewise.
    const door = data.events.find((entry) => entry.event.id === doorEventId)!;
    const setArrived = db.prepare('update invitations set checked_in = ? where id = ?');
    const record = db.transaction((invitationId: string, kind: 'checkin' | 'undo', recordId: string) => {
      insertCheckin.run(recordId, invitationId, kind, new Date().toISOString(), 'Benchmark');
      setArrived.run(kind === 'checkin' ? 1 : 0, invitationId);
    });
    const guest = (index: number) => door.invitations[index % door.invitations.length]!.id;
    const checkin = await measure(
      { warmup: 20, runs: reps.writes },
      async (index) => record(guest(index), 'checkin', `sqlite-in-${index}`),
      async (index) => record(guest(index), 'undo', `sqlite-out-${index}`),
    );

    const updateContact = db.prepare('update contacts set last_name = ?, data = ? where id = ?');
    const contactEdit = await measure({ warmup: 20, runs: reps.writes }, async (index) => {
      const contact = data.contacts[(index * 7_919) % data.contacts.length]!;
      const changed = { ...contact, notes: `Notiz ${index}`, updatedAt: new Date().toISOString() };
      updateContact.run(changed.lastName, JSON.stringify(changed), changed.id);
    });

    const eventCreate = await measure({ warmup: 20, runs: reps.writes }, async (index) => {
      const event = { ...data.events[0]!.event, id: `sqlite-event-${index}`, title: `Neue Homeparty ${index}` };
      insertEvent.run(event.id, event.title, event.startsAt, 'planned', JSON.stringify(event));
    });

    const createOrder = db.transaction(addOrder);
    const samples = data.events[0]!.orders;
    const orderCreate = await measure({ warmup: 20, runs: reps.writes }, async (index) =>
      createOrder({ ...samples[index % samples.length]!, id: `sqlite-order-${index}`, createdAt: new Date().toISOString() }),
    );
    return { checkin, contactEdit, eventCreate, orderCreate, loadMs };
  } finally {
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
}
