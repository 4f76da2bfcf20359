import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/dispatcher';
import { createHandlers, type FolderHandlers } from '../../electron/services';
import { PurchaseIndex, purchaseIndex } from '../../electron/services/club-orders';
import { ContactIndex, contactIndex } from '../../electron/services/contact-index';
import { InvitationIndex, invitationIndex } from '../../electron/services/invitation-index';
import { OrderIndex, orderIndex } from '../../electron/services/order-index';
import { Store } from '../../electron/store/store';
import type { Contact } from '../../shared/schemas/contact';
import type { Invitation } from '../../shared/schemas/invitation';
import { api } from '../helpers/api';
import { tempDir } from '../helpers/backend';

/*
 * The in-memory indexes follow each change of an event document by what
 * changed between the previous and the next document (electron/services/
 * index-changes.ts), not by reading the whole event again. After every kind
 * of change they answer exactly as indexes built afresh from the same
 * documents, and as those of the folder opened again (a restart).
 */

let dataDir: string;
let store: Store;
// Folder operations (unlock, restore, …) are not called here.
const dispatch = () => createDispatcher(createHandlers(store, 'test', {} as FolderHandlers));
let current: ReturnType<typeof dispatch>;
const { ok } = api(() => current);

const openStore = async () => {
  store = await Store.open({ dataDir, holder: 'test', appVersion: 'test' });
  current = dispatch();
};

beforeEach(async () => {
  dataDir = await tempDir();
  await openStore();
});
afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

interface Indexes {
  invitations: InvitationIndex;
  orders: OrderIndex;
  contacts: ContactIndex;
  purchases: PurchaseIndex;
}

/** The indexes the services use: built once at the first call and kept current since. */
const kept = (): Indexes => ({ invitations: invitationIndex(store), orders: orderIndex(store), contacts: contactIndex(store), purchases: purchaseIndex(store) });
/** Indexes built now from the documents in memory, as an open builds them. */
const fresh = (): Indexes => ({ invitations: new InvitationIndex(store), orders: new OrderIndex(store), contacts: new ContactIndex(store), purchases: new PurchaseIndex(store) });

/** Every invitation, code, order and contact seen so far, removed ones included (an index must forget them). */
const seen = { invitationIds: new Set<string>(), codes: new Set<string>(), orderIds: new Set<string>(), contactIds: new Set<string>() };
beforeEach(() => Object.values(seen).forEach((ids) => ids.clear()));

function noteWhatIsStored(): void {
  for (const document of store.eventDocuments()) {
    for (const invitation of document.invitations) {
      seen.invitationIds.add(invitation.id);
      seen.codes.add(invitation.code);
      seen.contactIds.add(invitation.contactId);
    }
    for (const order of document.orders) seen.orderIds.add(order.id);
  }
  for (const contact of store.contacts()) seen.contactIds.add(contact.id);
}

/** What the indexes answer for everything seen, in a form that compares whole. */
function answers({ invitations, orders, contacts, purchases }: Indexes) {
  const each = <T>(ids: Set<string>, answer: (id: string) => T) => Object.fromEntries([...ids].sort().map((id) => [id, answer(id)]));
  return {
    eventOfInvitation: each(seen.invitationIds, (id) => invitations.eventIdOf(id) ?? null),
    invitationOfCode: each(seen.codes, (code) => invitations.invitationIdOf(code) ?? null),
    eventOfOrder: each(seen.orderIds, (id) => orders.eventIdOf(id) ?? null),
    eventsOfContact: each(seen.contactIds, (id) => contacts.eventsOf(id).sort()),
    purchasesOfContact: each(seen.contactIds, (id) => [...purchases.purchasesOf(id)].sort((a, b) => a.orderId.localeCompare(b.orderId))),
    contactsInNameOrder: contacts.all().map((contact) => contact.id),
  };
}

/** The kept indexes answer as fresh ones do (and they answered something: the seen sets are not empty). */
function expectCurrent(): ReturnType<typeof answers> {
  noteWhatIsStored();
  const now = answers(kept());
  expect(now).toEqual(answers(fresh()));
  return now;
}

const person = (firstName: string, lastName: string, more: Record<string, unknown> = {}) => ok<Contact>('contacts.create', { firstName, lastName, ...more });
const at = (street: string) => ({ street, postalCode: '04109', city: 'Leipzig' });
const party = (title: string, days: number) => ok<{ id: string }>('events.create', { title, kind: 'party', startsAt: new Date(Date.now() + days * 86_400_000).toISOString() });
const invite = async (eventId: string, contacts: Contact[]) => (await ok<{ added: Invitation[] }>('invitations.add', { eventId, contactIds: contacts.map(({ id }) => id) })).added;

describe('the indexes after changes of event documents', () => {
  it('answer as freshly built ones after check-ins, undos, walk-ins, invitations, replies, orders and event edits, and as after a restart', async () => {
    const anna = await person('Anna', 'Adler', at('Hauptstraße 5'));
    const bernd = await person('Bernd', 'Adler', at('Hauptstr. 5'));
    const clara = await person('Clara', 'Conrad');
    const dora = await person('Dora', 'Dietz');
    const emil = await person('Emil', 'Engel');
    const door = await party('Sommerfest', 7);
    const other = await party('Kochabend', 14);
    // Built here, so that everything below reaches them as changes.
    kept();
    const [annaAtDoor, berndAtDoor, claraAtDoor] = await invite(door.id, [anna, bernd, clara]);
    await invite(other.id, [clara, dora]);
    expectCurrent();

    await ok('checkin.checkIn', { eventId: door.id, invitationId: claraAtDoor!.id });
    expectCurrent();
    await ok('checkin.checkIn', { eventId: door.id, code: annaAtDoor!.code, household: true });
    expectCurrent();
    await ok('checkin.undo', { eventId: door.id, invitationId: berndAtDoor!.id });
    expectCurrent();
    // Not invited: a walk-in invitation is added at the end.
    await ok('checkin.checkIn', { eventId: door.id, contactId: dora.id });
    await ok('checkin.walkIn', { eventId: door.id, contact: { firstName: 'Nora', lastName: 'Neu' } });
    expectCurrent();

    await ok('invitations.setRsvp', { invitationId: claraAtDoor!.id, rsvp: 'yes', plusOnes: 1 });
    await ok('invitations.setRsvp', { invitationId: berndAtDoor!.id, rsvp: 'no' });
    expectCurrent();
    // Removed from the middle of the list: her code and her event are forgotten.
    await ok('invitations.remove', { invitationId: berndAtDoor!.id });
    expect(invitationIndex(store).invitationIdOf(berndAtDoor!.code)).toBeUndefined();
    expect(contactIndex(store).eventsOf(bernd.id)).toEqual([]);
    expectCurrent();
    await invite(door.id, [bernd, emil]);
    expectCurrent();

    const product = await ok<{ id: string }>('catalog.create', { sku: 'GS-1', name: 'Gutschein', priceCents: 2_500 });
    const lines = [{ productId: product.id, quantity: 2 }];
    const first = await ok<{ id: string }>('orders.create', { eventId: door.id, contactId: anna.id, lines });
    const second = await ok<{ id: string }>('orders.create', { eventId: door.id, contactId: clara.id, lines });
    await ok('orders.create', { eventId: other.id, contactId: dora.id, lines });
    await ok('orders.create', { contactId: emil.id, lines });
    expectCurrent();
    await ok('orders.update', { id: first.id, lines: [{ productId: product.id, quantity: 5 }] });
    await ok('orders.setStatus', { id: second.id, status: 'cancelled' });
    await ok('orders.addPayment', { orderId: first.id, method: 'cash', amountCents: 1_000 });
    expectCurrent();

    await ok('events.update', { id: door.id, title: 'Großes Sommerfest', place: 'Gemeindesaal' });
    await ok('events.duplicate', { id: door.id, startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), withInvitees: true });
    await ok('events.book', { eventId: door.id, contactId: clara.id, startsAt: new Date(Date.now() + 40 * 86_400_000).toISOString() });
    expectCurrent();

    // Dora's invitations (one at each event) move to Clara; where both were invited one stays.
    await ok('contacts.merge', { keepId: clara.id, mergeIds: [dora.id] });
    expectCurrent();
    await ok('privacy.erase', { contactId: emil.id, confirm: true });
    const before = expectCurrent();
    expect(Object.values(before.eventsOfContact).some((events) => events.length > 0)).toBe(true);

    await store.close();
    await openStore();
    expect(answers(kept())).toEqual(before);
  });

  it('follow many check-ins and undos at a large event, each one write of the whole guest list', async () => {
    const guests = [];
    for (let n = 0; n < 40; n++) guests.push(await person(`Gast${n}`, n % 2 ? 'Müller' : 'Schmidt'));
    const door = await party('Sommerfest', 7);
    kept();
    const invitations = await invite(door.id, guests);
    for (const [n, invitation] of invitations.entries()) {
      await ok('checkin.checkIn', { eventId: door.id, code: invitation.code });
      if (n % 3 === 0) await ok('checkin.undo', { eventId: door.id, invitationId: invitation.id });
    }
    const answered = expectCurrent();
    expect(Object.keys(answered.invitationOfCode)).toHaveLength(40);
  });
});
