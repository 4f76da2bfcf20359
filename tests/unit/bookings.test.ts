import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../shared/contract';
import { defaultHostRewardRules } from '../../shared/host-rewards';
import type { Event } from '../../shared/schemas/event';
import type { TaskView } from '../../shared/schemas/task';
import { filesOf, useTestBackend } from '../helpers/api';
import { heldParty } from '../helpers/followup';

const { call, ok, dataDir, reopen } = useTestBackend();
type Report = OutputOf<'events.report'>;

describe('events.book', () => {
  it('creates a planned party with the guest as host at her address, linked to where she booked, and a call to arrange it', async () => {
    const { event, anna } = await heldParty(ok);
    const booked = await ok<Event>('events.book', { eventId: event.id, contactId: anna.id, startsAt: '2026-04-18T19:00:00+02:00' });
    expect(booked).toMatchObject({
      kind: 'party',
      title: 'Home-Party bei Anna Adler',
      place: 'Rosenweg 2, 04109 Leipzig',
      hostId: anna.id,
      status: 'planned',
      bookedAtEventId: event.id,
      startsAt: '2026-04-18T19:00:00+02:00',
    });
    const tasks = await ok<TaskView[]>('tasks.list', { eventId: event.id });
    expect(tasks).toEqual([
      expect.objectContaining({ kind: 'booking', title: 'Termin mit Anna Adler abstimmen', contactId: anna.id, eventId: event.id, done: false, contact: expect.objectContaining({ email: 'anna@example.org' }) }),
    ]);

    await reopen();
    expect(await ok('events.get', { id: booked.id })).toEqual(booked);
    expect(await ok<TaskView[]>('tasks.list', { eventId: event.id })).toEqual(tasks);
  });

  it('takes a title and kind; an online party has no place; booking twice adds no second call', async () => {
    const { event, clara } = await heldParty(ok);
    const online = await ok<Event>('events.book', { eventId: event.id, contactId: clara.id, startsAt: '2026-05-02T20:00:00+02:00', kind: 'online', title: 'Claras Duftabend' });
    expect(online).toMatchObject({ kind: 'online', title: 'Claras Duftabend', hostId: clara.id });
    expect(online.place).toBeUndefined();
    await ok('events.book', { eventId: event.id, contactId: clara.id, startsAt: '2026-06-02T20:00:00+02:00' });
    expect((await ok<TaskView[]>('tasks.list', { eventId: event.id })).filter((task) => task.kind === 'booking')).toHaveLength(1);
  });

  it('refuses unknown events and contacts, cancelled events and bad input, writing nothing', async () => {
    const { event, anna } = await heldParty(ok);
    const planned = await ok<Event>('events.create', { title: 'Abgesagt', kind: 'party', startsAt: '2026-05-01T19:00:00+02:00' });
    await ok('events.cancel', { id: planned.id });
    const before = await filesOf(dataDir());
    const startsAt = '2026-04-18T19:00:00+02:00';
    expect(await call('events.book', { eventId: 'unknown-event-1', contactId: anna.id, startsAt })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'errors.eventNotFound' } });
    expect(await call('events.book', { eventId: event.id, contactId: 'unknown-person', startsAt })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'errors.contactNotFound' } });
    expect(await call('events.book', { eventId: planned.id, contactId: anna.id, startsAt })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'errors.eventCancelled' } });
    expect(await call('events.book', { eventId: event.id, contactId: anna.id, startsAt: '18.04.2026' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('events.book', { eventId: event.id, contactId: anna.id, startsAt, kind: 'brunch' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await filesOf(dataDir())).toEqual(before);
  });
});

describe('the chain of bookings', () => {
  it('shows where each party was booked, going back, and what was booked at it', async () => {
    const { event: first, anna, clara } = await heldParty(ok);
    const second = await ok<Event>('events.book', { eventId: first.id, contactId: anna.id, startsAt: '2026-04-18T19:00:00+02:00' });
    const third = await ok<Event>('events.book', { eventId: second.id, contactId: clara.id, startsAt: '2026-05-20T19:00:00+02:00' });
    const cancelled = await ok<Event>('events.book', { eventId: first.id, contactId: clara.id, startsAt: '2026-06-20T19:00:00+02:00' });
    await ok('events.cancel', { id: cancelled.id });

    const ids = (events: Event[]) => events.map((event) => event.id);
    const report = (eventId: string) => ok<Report>('events.report', { eventId });
    expect(ids((await report(third.id)).bookingChain)).toEqual([first.id, second.id]);
    expect(ids((await report(second.id)).bookingChain)).toEqual([first.id]);
    expect(ids((await report(first.id)).bookingChain)).toEqual([]);
    expect(ids((await report(first.id)).bookings)).toEqual([second.id]);
    expect(ids((await report(second.id)).bookings)).toEqual([third.id]);
  });

  it('pays the previous host a bonus once a party booked at hers qualifies, and a bonus per booking', async () => {
    const { event, anna, clara, order } = await heldParty(ok);
    await ok('settings.update', { hostRewards: { ...defaultHostRewardRules, bookingBonusCents: 500, previousHostBonusCents: 2_000 } });
    await order(anna, [{ sku: 'K-300', quantity: 2 }]); // 258,00 €: 10 % and two half-price items
    const booked = await ok<Event>('events.book', { eventId: event.id, contactId: anna.id, startsAt: '2026-04-18T19:00:00+02:00' });
    const reward = async () => (await ok<Report>('events.report', { eventId: event.id })).hostReward;
    expect(await reward()).toMatchObject({ qualifies: true, creditCents: 2_580, halfPriceItems: 2, bookingBonusCents: 500, previousHostBonusCents: 0, totalCreditCents: 3_080 });

    // Anna's own party: 149,40 € does not qualify yet, 174,30 € does.
    await order(clara, [{ sku: 'K-100', quantity: 6 }], booked.id);
    expect((await reward()).previousHostBonusCents).toBe(0);
    await order(anna, [{ sku: 'K-100', quantity: 1 }], booked.id);
    expect(await reward()).toMatchObject({ previousHostBonusCents: 2_000, totalCreditCents: 5_080 });
  });
});
