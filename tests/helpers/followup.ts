import type { Contact } from '../../shared/schemas/contact';
import type { Event } from '../../shared/schemas/event';
import type { InvitationView } from '../../shared/schemas/invitation';
import type { OrderView } from '../../shared/schemas/order';
import type { Product } from '../../shared/schemas/catalog';
import type { api } from './api';

type Ok = ReturnType<typeof api>['ok'];

/**
 * A party after the door closed, built through the real operations: a host,
 * two invited guests who came and a walk-in, one who declined, one who stayed
 * away, and a catalog.
 */
export async function heldParty(ok: Ok, startsAt = '2026-03-14T19:00:00+01:00') {
  const person = (firstName: string, lastName: string, more: Record<string, unknown> = {}) =>
    ok<Contact>('contacts.create', { firstName, lastName, email: `${firstName.toLowerCase()}@example.org`, ...more });
  const host = await person('Bea', 'Gastgeber', { street: 'Lindenstraße 4', postalCode: '01067', city: 'Dresden' });
  const anna = await person('Anna', 'Adler', { street: 'Rosenweg 2', postalCode: '04109', city: 'Leipzig' });
  const clara = await person('Clara', 'Christ', { phone: '0171 1234567' });
  const dora = await person('Dora', 'Dorn');
  const eva = await person('Eva', 'Engel');
  const products = {
    muehle: await ok<Product>('catalog.create', { sku: 'K-100', name: 'Gewürzmühle', category: 'Küche', priceCents: 2_490 }),
    duft: await ok<Product>('catalog.create', { sku: 'D-200', name: 'Raumduft Lavendel', category: 'Duft', priceCents: 1_990, refillDays: 90 }),
    topf: await ok<Product>('catalog.create', { sku: 'K-300', name: 'Schmortopf', category: 'Küche', priceCents: 12_900 }),
  };
  const event = await ok<Event>('events.create', { title: 'Home-Party bei Bea', kind: 'party', startsAt, hostId: host.id });
  await ok('invitations.add', { eventId: event.id, contactIds: [anna.id, clara.id, dora.id, eva.id] });
  const invitations = await ok<InvitationView[]>('invitations.list', { eventId: event.id });
  const invitationOf = (contact: Contact) => invitations.find((invitation) => invitation.contactId === contact.id)!;
  await ok('invitations.setRsvp', { invitationId: invitationOf(dora).id, rsvp: 'no' });
  for (const guest of [anna, clara]) await ok('checkin.checkIn', { eventId: event.id, invitationId: invitationOf(guest).id });
  const { contact: wanda } = await ok<{ contact: Contact }>('checkin.walkIn', { eventId: event.id, contact: { firstName: 'Wanda', lastName: 'Walk' } });
  /** At the party unless another event is named; null: outside events. */
  const order = (contact: Contact, lines: Array<{ sku: string; quantity: number; discountPercent?: number }>, eventId: string | null = event.id) =>
    ok<OrderView>('orders.create', { ...(eventId !== null && { eventId }), contactId: contact.id, lines });
  return { host, anna, clara, dora, eva, wanda, products, event, order };
}
