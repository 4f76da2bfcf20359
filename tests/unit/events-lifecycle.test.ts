import { describe, expect, it } from 'vitest';
import type { Event } from '../../shared/schemas/event';
import type { Invitation, InvitationView } from '../../shared/schemas/invitation';
import { filesOf, useTestBackend } from '../helpers/api';

// Reopening the same folder in a test stands for a restart of the app.
const { call, ok, reopen, dataDir } = useTestBackend();

const party = {
  title: 'Homeparty bei Anna',
  kind: 'party',
  startsAt: '2026-12-04T19:00:00+01:00',
  endsAt: '2026-12-04T22:30:00+01:00',
  place: 'Lindenstraße 4, 01067 Dresden',
  capacity: 12,
  notes: 'Anna backt Kuchen',
};
const create = (more: Record<string, unknown> = {}) => ok<Event>('events.create', { ...party, ...more });
const list = (eventId: string) => ok<InvitationView[]>('invitations.list', { eventId });

describe('events.setStatus', () => {
  const lifecycle = ['planned', 'invited', 'held', 'closed'] as const;
  // Forward, also skipping steps; one step back to correct a mistake, except out of closed. Staying is no change.
  const allowed: Record<(typeof lifecycle)[number], readonly string[]> = {
    planned: ['planned', 'invited', 'held', 'closed'],
    invited: ['planned', 'invited', 'held', 'closed'],
    held: ['invited', 'held', 'closed'],
    closed: ['closed'],
  };
  const transitions = lifecycle.flatMap((from) => lifecycle.map((to) => [from, to, allowed[from].includes(to)] as const));

  it.each(transitions)('%s → %s allowed: %s', async (from, to, expected) => {
    const { id } = await create();
    if (from !== 'planned') await ok('events.setStatus', { id, status: from });
    const result = await call('events.setStatus', { id, status: to });
    if (expected) {
      expect(result).toMatchObject({ ok: true, data: { id, status: to } });
    } else {
      expect(result).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'errors.statusTransition' } });
    }
    expect(await ok('events.get', { id })).toMatchObject({ status: expected ? to : from });
  });

  it.each(lifecycle)('nothing moves a cancelled event, not to %s either', async (to) => {
    const { id } = await create();
    await ok('events.cancel', { id });
    const before = await filesOf(dataDir());
    expect(await call('events.setStatus', { id, status: to })).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'errors.eventCancelled' } });
    expect(await filesOf(dataDir())).toEqual(before);
  });

  it('refuses unknown events and statuses outside the lifecycle', async () => {
    const { id } = await create();
    expect(await call('events.setStatus', { id: 'no-such-event', status: 'held' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('events.setStatus', { id, status: 'cancelled' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('events.duplicate', () => {
  async function withGuests() {
    const host = await ok<{ id: string }>('contacts.create', { firstName: 'Anna', lastName: 'Adler' });
    const source = await create({ hostId: host.id });
    const guests = [];
    for (const lastName of ['Berger', 'Conrad', 'Dietz']) guests.push((await ok<{ id: string }>('contacts.create', { firstName: 'Eva', lastName })).id);
    const { added } = await ok<{ added: Invitation[] }>('invitations.add', { eventId: source.id, contactIds: guests });
    await ok('invitations.setRsvp', { invitationId: added[0]!.id, rsvp: 'yes', plusOnes: 1 });
    await ok('invitations.setRsvp', { invitationId: added[1]!.id, rsvp: 'no' });
    return { source, host: host.id, guests, added };
  }

  it('plans the same event at a new time, keeping its length, without the guests', async () => {
    const { source, host } = await withGuests();
    // From winter time (+01:00) to summer time (+02:00): 3½ hours either way.
    const copy = await ok<Event>('events.duplicate', { id: source.id, startsAt: '2027-06-11T18:00:00+02:00' });
    expect(copy).toEqual({
      id: expect.not.stringMatching(source.id),
      title: party.title,
      kind: 'party',
      startsAt: '2027-06-11T18:00:00+02:00',
      endsAt: '2027-06-11T21:30:00+02:00',
      place: party.place,
      hostId: host,
      capacity: 12,
      notes: party.notes,
      status: 'planned',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(await list(copy.id)).toEqual([]);
    expect((await list(source.id)).length).toBe(3);
  });

  it('invites the same people again as fresh invitations with new codes', async () => {
    const { source, guests, added } = await withGuests();
    const copy = await ok<Event>('events.duplicate', { id: source.id, startsAt: '2027-01-15T19:00:00+01:00', withInvitees: true });
    const invitations = await list(copy.id);
    expect(invitations.map((invitation) => invitation.contactId)).toEqual(guests);
    for (const invitation of invitations) {
      expect(invitation).toMatchObject({ rsvp: 'pending', plusOnes: 0, walkIn: false });
      expect(invitation).not.toHaveProperty('respondedAt');
    }
    const oldCodes = new Set(added.map((invitation) => invitation.code));
    expect(invitations.every((invitation) => !oldCodes.has(invitation.code))).toBe(true);
    expect(new Set(invitations.map((invitation) => invitation.code)).size).toBe(3);
  });

  it('copies cancelled and past events too', async () => {
    const cancelled = await create();
    await ok('events.cancel', { id: cancelled.id, reason: 'Gastgeberin krank' });
    const again = await ok<Event>('events.duplicate', { id: cancelled.id, startsAt: '2026-12-11T19:00:00+01:00' });
    expect(again).toMatchObject({ status: 'planned', startsAt: '2026-12-11T19:00:00+01:00', endsAt: '2026-12-11T22:30:00+01:00' });
    expect(again).not.toHaveProperty('cancelReason');

    const past = await create({ startsAt: '2025-03-01T19:00:00+01:00', endsAt: undefined });
    await ok('events.setStatus', { id: past.id, status: 'closed' });
    const next = await ok<Event>('events.duplicate', { id: past.id, startsAt: '2026-03-07T19:00:00+01:00' });
    expect(next).toMatchObject({ status: 'planned', startsAt: '2026-03-07T19:00:00+01:00' });
    expect(next).not.toHaveProperty('endsAt');

    expect(await call('events.duplicate', { id: 'no-such-event', startsAt: '2026-03-07T19:00:00+01:00' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('persistence', () => {
  it('keeps events, statuses, invitations and replies across a restart', async () => {
    const { id } = await create();
    const contactIds = [];
    for (const lastName of ['Berger', 'Conrad']) contactIds.push((await ok<{ id: string }>('contacts.create', { firstName: 'Eva', lastName })).id);
    const { added } = await ok<{ added: Invitation[] }>('invitations.add', { eventId: id, contactIds });
    await ok('invitations.setRsvp', { invitationId: added[0]!.id, rsvp: 'yes', plusOnes: 2 });
    await ok('events.setStatus', { id, status: 'invited' });
    const copy = await ok<Event>('events.duplicate', { id, startsAt: '2027-01-15T19:00:00+01:00', withInvitees: true });
    const listed = await list(id);
    const copied = await list(copy.id);

    await reopen();
    expect(await ok('events.get', { id })).toMatchObject({ status: 'invited' });
    expect(await list(id)).toEqual(listed);
    expect(await list(copy.id)).toEqual(copied);
    // The invitation index is rebuilt from the files: invitations are found by id again.
    expect(await ok('invitations.setRsvp', { invitationId: added[1]!.id, rsvp: 'no' })).toMatchObject({ rsvp: 'no' });
    expect(await ok('invitations.remove', { invitationId: copied[0]!.id })).toMatchObject({ id: copied[0]!.id });
  });
});
