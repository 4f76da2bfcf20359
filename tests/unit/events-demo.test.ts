import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDataset } from '../../electron/services/demo';
import type { OutputOf } from '../../shared/contract';
import type { Product } from '../../shared/schemas/catalog';
import type { Contact } from '../../shared/schemas/contact';
import type { Event } from '../../shared/schemas/event';
import type { InvitationView } from '../../shared/schemas/invitation';
import type { OrderView } from '../../shared/schemas/order';
import type { TaskView } from '../../shared/schemas/task';
import { api } from '../helpers/api';
import { startTestBackend } from '../helpers/backend';

let backend: Awaited<ReturnType<typeof startTestBackend>>;
const { ok } = api(() => backend.bridge.call);
let contacts: Contact[];
let events: Array<{ event: Event; invitations: InvitationView[] }>;

beforeAll(async () => {
  backend = await startTestBackend();
  await ok('demo.load', {});
  contacts = (await ok<{ items: Contact[] }>('contacts.list', { limit: 1000 })).items;
  events = [];
  for (const event of await ok<Event[]>('events.list', {})) events.push({ event, invitations: await ok<InvitationView[]>('invitations.list', { eventId: event.id }) });
});
afterAll(async () => {
  await backend.close();
});

describe('demo data', () => {
  it('invites 8 to 20 people to every event, never the host, each with a unique code', async () => {
    for (const { event, invitations } of events) {
      const invited = invitations.filter((invitation) => !invitation.walkIn);
      expect(invited.length).toBeGreaterThanOrEqual(8);
      expect(invited.length).toBeLessThanOrEqual(20);
      expect(new Set(invitations.map((invitation) => invitation.contactId)).size).toBe(invitations.length);
      expect(invitations.some((invitation) => invitation.contactId === event.hostId)).toBe(false);
    }
    const codes = events.flatMap(({ invitations }) => invitations.map((invitation) => invitation.code));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('has replies: past events mostly answered with some plus-ones, the next ones partly open', async () => {
    const now = Date.now();
    const past = events.filter(({ event }) => Date.parse(event.startsAt) < now).flatMap(({ invitations }) => invitations);
    expect(past.filter((invitation) => invitation.rsvp !== 'pending').length / past.length).toBeGreaterThan(0.75);
    for (const rsvp of ['yes', 'no', 'maybe']) expect(past.some((invitation) => invitation.rsvp === rsvp)).toBe(true);
    expect(past.some((invitation) => invitation.plusOnes > 0)).toBe(true);

    const invited = events.filter(({ event }) => event.status === 'invited').flatMap(({ invitations }) => invitations);
    expect(invited.filter((invitation) => invitation.rsvp === 'pending').length).toBeGreaterThanOrEqual(3);
    expect(invited.some((invitation) => invitation.rsvp !== 'pending')).toBe(true);

    for (const invitation of events.flatMap(({ invitations }) => invitations)) {
      expect(invitation.respondedAt !== undefined).toBe(invitation.rsvp !== 'pending');
      if (invitation.respondedAt) expect(Date.parse(invitation.respondedAt)).toBeGreaterThanOrEqual(Date.parse(invitation.invitedAt));
    }
  });

  it('has a customer club, recommendation chains and e-mail consent', async () => {
    const members = contacts.filter((contact) => contact.tags.includes('Kundenclub')).length;
    expect(members / contacts.length).toBeGreaterThan(0.1);
    expect(members / contacts.length).toBeLessThan(0.3);

    const byId = new Map(contacts.map((contact) => [contact.id, contact]));
    const depth = (contact: Contact): number => (contact.referredBy ? 1 + depth(byId.get(contact.referredBy)!) : 0);
    const depths = contacts.map(depth);
    expect(depths.filter((level) => level === 1).length).toBeGreaterThan(5);
    expect(depths.filter((level) => level === 2).length).toBeGreaterThan(2);
    expect(Math.max(...depths)).toBe(2);

    const consenting = contacts.filter((contact) => contact.consents.length > 0);
    expect(consenting.length / contacts.length).toBeGreaterThan(0.35);
    expect(consenting.length / contacts.length).toBeLessThan(0.65);
    for (const contact of consenting) {
      expect(contact.email).toBeDefined();
      expect(contact.consents).toEqual([
        expect.objectContaining({
          channel: 'email',
          purpose: 'marketing',
          granted: true,
          source: expect.stringMatching(/^(form|door)$/),
          wording: 'Ich möchte per E-Mail über Angebote und Termine informiert werden.',
        }),
      ]);
    }
  });

  it('has the door of past events: most who said yes arrived, some with companions, walk-ins with consent given at the door', async () => {
    const past = events.filter(({ event }) => event.status === 'held' || event.status === 'closed');
    expect(past.length).toBeGreaterThan(2);
    const invitations = past.flatMap(({ invitations }) => invitations);
    const arrived = (invitation: InvitationView) => invitation.checkins.at(-1)?.kind === 'checkin';
    const yes = invitations.filter((invitation) => !invitation.walkIn && invitation.rsvp === 'yes');
    expect(yes.filter(arrived).length / yes.length).toBeGreaterThan(0.7);
    expect(invitations.some((invitation) => arrived(invitation) && invitation.checkins.at(-1)!.companions > 0)).toBe(true);
    for (const { invitations } of past) expect(invitations.filter((invitation) => invitation.walkIn && arrived(invitation)).length).toBeGreaterThanOrEqual(1);
    for (const invitation of invitations) {
      for (const [i, record] of invitation.checkins.entries()) if (record.kind === 'undo') expect(record.undoes).toBe(invitation.checkins[i - 1]!.id);
    }

    const byId = new Map(contacts.map((contact) => [contact.id, contact]));
    const walkIns = invitations.filter((invitation) => invitation.walkIn).map((invitation) => byId.get(invitation.contactId)!);
    expect(walkIns.some((contact) => contact.consents.some((consent) => consent.source === 'door'))).toBe(true);
    // The door opens on the evening itself: upcoming events have no records yet.
    for (const { event, invitations } of events) if (event.status !== 'held' && event.status !== 'closed') expect(invitations.every((invitation) => invitation.checkins.length === 0)).toBe(true);
  });

  it('is the same for the same seed and date', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    expect(demoDataset(now)).toEqual(demoDataset(now));
  });
});

describe('demo follow-up', () => {
  it('has a catalog, orders with payments at past events and between them, a booking and the tasks of past events', async () => {
    const products = await ok<Product[]>('catalog.list', {});
    expect(products.length).toBeGreaterThanOrEqual(25);
    expect(new Set(products.map((product) => product.category))).toEqual(new Set(['Küche', 'Vorrat', 'Duft', 'Pflege', 'Reinigung', 'Wohnen']));
    expect(products.some((product) => product.refillDays !== undefined)).toBe(true);

    for (const { event } of events.filter(({ event }) => event.status === 'held' || event.status === 'closed')) {
      const report = await ok<OutputOf<'events.report'>>('events.report', { eventId: event.id });
      expect(report.buyingGuests).toBeGreaterThan(1);
      expect(report.salesCents).toBeGreaterThan(0);
    }
    const orders = await ok<OrderView[]>('orders.list', {});
    expect(orders.filter((order) => order.eventId === undefined).length).toBeGreaterThanOrEqual(1);
    expect(orders.some((order) => order.paidCents > 0 && order.openCents > 0 && order.payments.every((payment) => payment.method === 'cash'))).toBe(true);
    expect(orders.filter((order) => order.openCents === 0).length / orders.length).toBeGreaterThan(0.5);

    const booked = events.find(({ event }) => event.bookedAtEventId !== undefined)!.event;
    const bookedAt = events.find(({ event }) => event.id === booked.bookedAtEventId)!;
    expect(Date.parse(booked.startsAt)).toBeGreaterThan(Date.now());
    expect(bookedAt.invitations.some((invitation) => invitation.contactId === booked.hostId && invitation.checkins.at(-1)?.kind === 'checkin')).toBe(true);

    const tasks = await ok<TaskView[]>('tasks.list', { status: 'all' });
    for (const kind of ['thankYou', 'missedYou', 'delivery', 'booking']) expect(tasks.some((task) => task.kind === kind)).toBe(true);
    expect(tasks.find((task) => task.kind === 'booking')).toMatchObject({ eventId: bookedAt.event.id, contactId: booked.hostId });
  });
});
