import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend';
import { listBackups } from '../../electron/store/backup';
import { contactShardOf, paths } from '../../electron/store/documents';
import type { Contact } from '../../shared/schemas/contact';
import type { Order, OrderView } from '../../shared/schemas/order';
import { api, filesOf } from '../helpers/api';
import { tempDir } from '../helpers/backend';

/**
 * Orders outside events live in orders/<shard>.json by the shard of their
 * contact; folders from before kept them all in orders.json, which the open
 * splits, whether the folder was left so, restored from a backup or
 * imported from an archive, and also when an earlier split was cut short.
 */

type Backend = Awaited<ReturnType<typeof openBackend>>;
const backends: Backend[] = [];
const folders: string[] = [];
afterEach(async () => {
  for (const backend of backends.splice(0)) await backend.close();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function folder(): Promise<string> {
  const dir = await tempDir();
  folders.push(dir);
  return dir;
}

async function start(dataDir: string) {
  const backend = await openBackend({ dataDir, holder: 'web', version: 'test' });
  backends.push(backend);
  return { ...api(() => backend.dispatch), backend };
}

async function stop(): Promise<void> {
  for (const backend of backends.splice(0)) await backend.close();
}

type Client = Awaited<ReturnType<typeof start>>;

/** Contacts in at least three shards, each with two reorders, and one order at a party (which stays in the event's file). */
async function reorders(client: Client): Promise<OrderView[]> {
  const product = await client.ok<{ id: string }>('catalog.create', { sku: 'DK-100', name: 'Duftkerze', priceCents: 1490 });
  const contacts: Contact[] = [];
  while (new Set(contacts.map((contact) => contactShardOf(contact.id))).size < 3) {
    contacts.push(await client.ok<Contact>('contacts.create', { firstName: 'Anna', lastName: `Kundin ${contacts.length}` }));
  }
  const party = await client.ok<{ id: string }>('events.create', { title: 'Party', kind: 'party', startsAt: '2030-05-05T19:00:00+02:00' });
  await client.ok('orders.create', { eventId: party.id, contactId: contacts[0]!.id, lines: [{ productId: product.id, quantity: 1 }] });
  const made: OrderView[] = [];
  for (const contact of contacts) {
    for (const quantity of [1, 2]) made.push(await client.ok<OrderView>('orders.create', { contactId: contact.id, lines: [{ productId: product.id, quantity }] }));
  }
  return made;
}

const stored = ({ contact: _contact, totalCents: _total, paidCents: _paid, openCents: _open, ...order }: OrderView): Order => order;

/** The order shards of a folder: shard → its orders by id. */
async function shardsOf(dir: string): Promise<Map<string, Record<string, Order>>> {
  const shards = new Map<string, Record<string, Order>>();
  for (const name of (await readdir(join(dir, paths.ordersDir))).sort()) {
    shards.set(name.slice(0, 2), JSON.parse(await readFile(join(dir, paths.ordersDir, name), 'utf8')).orders);
  }
  return shards;
}

/** The orders outside events as versions before the split kept them: all in one document. */
const unsplitDocument = (orders: readonly Order[]) => ({ schemaVersion: 1, orders: Object.fromEntries(orders.map((order) => [order.id, order])) });

/** Turns a (plain) folder or backup into the layout before the split. */
async function unsplit(dir: string): Promise<Order[]> {
  const orders = [...(await shardsOf(dir)).values()].flatMap((shard) => Object.values(shard));
  await rm(join(dir, paths.ordersDir), { recursive: true });
  await writeFile(join(dir, paths.unsplitOrders), JSON.stringify(unsplitDocument(orders)));
  return orders;
}

/** Each order in the shard of its contact, once, and nothing else there (a shard emptied by a move stays as an empty file). */
function expectSplit(shards: Map<string, Record<string, Order>>, orders: readonly Order[]): void {
  const expected = new Map<string, Record<string, Order>>();
  for (const order of orders) expected.set(contactShardOf(order.contactId), { ...expected.get(contactShardOf(order.contactId)), [order.id]: order });
  const filled = [...shards].filter(([, entries]) => Object.keys(entries).length > 0);
  expect(Object.fromEntries(filled)).toEqual(Object.fromEntries(expected));
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
const listed = async (client: Client) => (await client.ok<OrderView[]>('orders.list', {})).sort(byId);

describe('orders outside events, split by contact shard', () => {
  it('splits the orders.json of an older folder at open, after a backup, and keeps every order once', async () => {
    const dir = await folder();
    const before = await start(dir);
    const made = await reorders(before);
    const all = await listed(before);
    await stop();
    const orders = await unsplit(dir);

    const after = await start(dir);
    expect(await listed(after)).toEqual(all);
    expect(await readdir(dir)).not.toContain('orders.json');
    expectSplit(await shardsOf(dir), made.map(stored));
    const [backup] = await listBackups(dir);
    expect(backup).toMatch(/before-migration$/);
    expect(JSON.parse(await readFile(join(dir, 'backups', backup!, 'orders.json'), 'utf8'))).toEqual(unsplitDocument(orders));

    // Split once: the next start finds nothing to migrate.
    await stop();
    const again = await start(dir);
    expect(await listed(again)).toEqual(all);
    expect(await listBackups(dir)).toEqual([backup]);
  });

  it('finishes a split cut short by a crash: the version in orders.json wins, nothing is lost or doubled', async () => {
    const dir = await folder();
    const before = await start(dir);
    const made = await reorders(before);
    const paid = await before.ok<OrderView>('orders.addPayment', { orderId: made[0]!.id, method: 'cash', amountCents: 500 });
    const all = await listed(before);
    await stop();
    const orders = await unsplit(dir);
    // What a crash during the first split left: one shard written with an older state of an order, one complete, the rest not yet.
    const [first, second] = [...new Set(orders.map((order) => contactShardOf(order.contactId)))];
    const older = { ...stored(paid), payments: [] };
    const inShard = (shard: string) => orders.filter((order) => contactShardOf(order.contactId) === shard);
    await mkdir(join(dir, paths.ordersDir));
    await writeFile(join(dir, paths.orderShard(contactShardOf(older.contactId))), JSON.stringify(unsplitDocument([older])));
    const complete = contactShardOf(older.contactId) === first ? second! : first!;
    await writeFile(join(dir, paths.orderShard(complete)), JSON.stringify(unsplitDocument(inShard(complete))));

    const after = await start(dir);
    expect(await listed(after)).toEqual(all);
    expect((await listed(after)).find((order) => order.id === paid.id)?.paidCents).toBe(500);
    expect(await readdir(dir)).not.toContain('orders.json');
    expectSplit(await shardsOf(dir), orders);
  });

  it('completes a change an older version journaled to orders.json before a crash, then splits', async () => {
    const dir = await folder();
    const before = await start(dir);
    const made = await reorders(before);
    await stop();
    const orders = await unsplit(dir);
    const cancelled = { ...orders[0]!, status: 'cancelled' as const };
    const changed = orders.map((order) => (order.id === cancelled.id ? cancelled : order));
    await writeFile(join(dir, paths.journal), JSON.stringify({ documents: { [paths.unsplitOrders]: unsplitDocument(changed) } }));

    const after = await start(dir);
    expect((await listed(after)).find((order) => order.id === cancelled.id)?.status).toBe('cancelled');
    expect(await listed(after)).toHaveLength(made.length + 1);
    expect(await readdir(dir)).not.toContain('journal.json');
    expect(await readdir(dir)).not.toContain('orders.json');
    expectSplit(await shardsOf(dir), changed);
  });

  it('splits the orders of a backup from before the split when it is restored', async () => {
    const dir = await folder();
    const client = await start(dir);
    await reorders(client);
    const atBackup = await listed(client);
    const { name } = await client.ok<{ name: string }>('backups.create', {});
    const orders = await unsplit(join(dir, 'backups', name));
    const later = await client.ok<OrderView>('orders.create', { contactId: atBackup[0]!.contactId, lines: [{ sku: 'DK-100', quantity: 5 }] });

    await client.ok('backups.restore', { name, confirm: true });
    const restored = await listed(client);
    expect(restored).toEqual(atBackup);
    expect(restored.map((order) => order.id)).not.toContain(later.id);
    expect(await readdir(dir)).not.toContain('orders.json');
    expectSplit(await shardsOf(dir), orders);
  });

  it('splits the orders of an archive from before the split when it is imported', async () => {
    const source = await start(await folder());
    await reorders(source);
    const all = await listed(source);
    const archive = await source.ok<{ fileName: string; contentBase64: string }>('data.exportArchive', {});
    // The archive as an older version wrote it: orders.json instead of the shards.
    const content = JSON.parse(gunzipSync(Buffer.from(archive.contentBase64, 'base64')).toString('utf8')) as { files: Record<string, string> };
    const orders = Object.entries(content.files)
      .filter(([file]) => file.startsWith(`${paths.ordersDir}/`))
      .flatMap(([file, base64]) => {
        delete content.files[file];
        return Object.values(JSON.parse(Buffer.from(base64, 'base64').toString('utf8')).orders as Record<string, Order>);
      });
    content.files[paths.unsplitOrders] = Buffer.from(JSON.stringify(unsplitDocument(orders))).toString('base64');
    const older = gzipSync(JSON.stringify(content)).toString('base64');

    const dir = await folder();
    const laptop = await start(dir);
    await laptop.ok('data.importArchive', { fileName: archive.fileName, contentBase64: older });
    expect(await listed(laptop)).toEqual(all);
    expect(await readdir(dir)).not.toContain('orders.json');
    expectSplit(await shardsOf(dir), orders);
  });

  it('writes a new reorder, and a payment on it, to the order shard of its contact only', async () => {
    const dir = await folder();
    const client = await start(dir);
    const made = await reorders(client);
    const contactId = made.at(-1)!.contactId;
    const before = await filesOf(dir);
    const reorder = await client.ok<OrderView>('orders.create', { contactId, lines: [{ sku: 'DK-100', quantity: 3 }] });
    await client.ok('orders.addPayment', { orderId: reorder.id, method: 'card', amountCents: 1000 });
    const after = await filesOf(dir);
    expect([...after.keys()].filter((file) => after.get(file) !== before.get(file))).toEqual([join(dir, paths.orderShard(contactShardOf(contactId)))]);
  });

  it('moves the reorders of a merged contact into the shard of the kept one, all at once', async () => {
    const dir = await folder();
    const client = await start(dir);
    const made = await reorders(client);
    const kept = made[0]!.contactId;
    const merged = made.find((order) => contactShardOf(order.contactId) !== contactShardOf(kept))!.contactId;
    await client.ok('contacts.merge', { keepId: kept, mergeIds: [merged] });
    await stop();
    const after = await start(dir);
    const moved = made.map(stored).map((order) => (order.contactId === merged ? { ...order, contactId: kept } : order));
    expect((await listed(after)).filter((order) => !order.eventId).map(stored)).toEqual([...moved].sort(byId));
    expectSplit(await shardsOf(dir), moved);
  });

  it('refuses to open a folder with an order filed under another contact\'s shard, naming the file', async () => {
    const dir = await folder();
    const client = await start(dir);
    const [order] = await reorders(client);
    await stop();
    const shards = await shardsOf(dir);
    const other = [...shards.keys()].find((shard) => shard !== contactShardOf(order!.contactId))!;
    await writeFile(join(dir, paths.orderShard(other)), JSON.stringify(unsplitDocument([...Object.values(shards.get(other)!), stored(order!)])));
    const backend = await openBackend({ dataDir: dir, holder: 'web', version: 'test' });
    backends.push(backend);
    expect(backend.status).toMatchObject({ state: 'recovery', broken: [{ file: paths.orderShard(other), reason: `order ${order!.id} is filed under the wrong key or shard` }] });
  });
});
