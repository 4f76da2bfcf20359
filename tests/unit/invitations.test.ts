import { describe, expect, it } from 'vitest';
import type { Invitation, InvitationView } from '../../shared/schemas/invitation';
import { filesOf, useTestBackend } from '../helpers/api';

const { call, ok, dataDir } = useTestBackend();

const CODE = /^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$/;

async function person(lastName: string, firstName = 'Anna', more: Record<string, unknown> = {}): Promise<string> {
  return (await ok<{ id: string }>('contacts.create', { firstName, lastName, ...more })).id;
}
async function party(more: Record<string, unknown> = {}): Promise<string> {
  return (await ok<{ id: string }>('events.create', { title: 'Homeparty bei Anna', kind: 'party', startsAt: '2026-12-04T19:00:00+01:00', ...more })).id;
}
const add = (eventId: string, contactIds: string[]) => ok<{ added: Invitation[]; alreadyInvited: number }>('invitations.add', { eventId, contactIds });
const list = (eventId: string) => ok<InvitationView[]>('invitations.list', { eventId });

describe('invitations.add', () => {
  it('invites each person once, as a pending invitation with a short code', async () => {
    const eventId = await party();
    const [anna, bernd, clara] = [await person('Adler'), await person('Berger', 'Bernd'), await person('Conrad', 'Clara')];
    const before = Date.now();
    const first = await add(eventId, [anna, bernd, anna]);
    expect(first.alreadyInvited).toBe(0);
    expect(first.added.map((invitation) => invitation.contactId)).toEqual([anna, bernd]);
    for (const invitation of first.added) {
      expect(invitation).toMatchObject({ rsvp: 'pending', plusOnes: 0, walkIn: false });
      expect(invitation.code).toMatch(CODE);
      expect(invitation.respondedAt).toBeUndefined();
      expect(Date.parse(invitation.invitedAt)).toBeGreaterThanOrEqual(before - 1000);
    }

    const second = await add(eventId, [bernd, clara]);
    expect(second).toMatchObject({ alreadyInvited: 1, added: [{ contactId: clara }] });
    expect((await list(eventId)).map((invitation) => invitation.contact.id).sort()).toEqual([anna, bernd, clara].sort());
    // Inviting does not mark the event as invited: the rep does that when the invitations are out.
    expect(await ok('events.get', { id: eventId })).toMatchObject({ status: 'planned' });
  });

  it('gives codes that are well-formed and unique across all events', async () => {
    const contactIds: string[] = [];
    for (let i = 0; i < 40; i++) contactIds.push(await person(`Gast${i}`));
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) codes.push(...(await add(await party(), contactIds)).added.map((invitation) => invitation.code));
    expect(codes).toHaveLength(120);
    expect(codes.every((code) => CODE.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(120);
  });

  it('refuses unknown contacts and writes nothing, not even the known ones', async () => {
    const eventId = await party();
    const anna = await person('Adler');
    const before = await filesOf(dataDir());
    expect(await call('invitations.add', { eventId, contactIds: [anna, 'nobody-known-1'] })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: expect.any(String), issues: [{ path: 'contactIds', message: 'validation.contactUnknown' }] },
    });
    expect(await filesOf(dataDir())).toEqual(before);
    expect(await list(eventId)).toEqual([]);
  });

  it('refuses unknown, cancelled and closed events', async () => {
    const anna = await person('Adler');
    const before = await filesOf(dataDir());
    expect(await call('invitations.add', { eventId: 'no-such-event', contactIds: [anna] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'errors.eventNotFound' },
    });
    expect(await filesOf(dataDir())).toEqual(before);

    const cancelled = await party();
    await ok('events.cancel', { id: cancelled });
    const closed = await party();
    await ok('events.setStatus', { id: closed, status: 'closed' });
    for (const eventId of [cancelled, closed]) {
      expect(await call('invitations.add', { eventId, contactIds: [anna] })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: 'errors.eventNotOpen' },
      });
      expect(await list(eventId)).toEqual([]);
    }
  });
});

describe('invitations.setRsvp', () => {
  it('records replies with plus-ones and when they came; back to pending clears the time', async () => {
    const eventId = await party();
    const { added } = await add(eventId, [await person('Adler')]);
    const invitationId = added[0]!.id;

    const yes = await ok<Invitation>('invitations.setRsvp', { invitationId, rsvp: 'yes', plusOnes: 2 });
    expect(yes).toMatchObject({ id: invitationId, code: added[0]!.code, rsvp: 'yes', plusOnes: 2 });
    expect(Math.abs(Date.parse(yes.respondedAt!) - Date.now())).toBeLessThan(5000);

    // Plus-ones stay when the reply changes without them.
    expect(await ok('invitations.setRsvp', { invitationId, rsvp: 'maybe' })).toMatchObject({ rsvp: 'maybe', plusOnes: 2 });
    const pending = await ok<Invitation>('invitations.setRsvp', { invitationId, rsvp: 'pending', plusOnes: 0 });
    expect(pending).toMatchObject({ rsvp: 'pending', plusOnes: 0 });
    expect(pending).not.toHaveProperty('respondedAt');
    expect((await list(eventId))[0]).toMatchObject({ rsvp: 'pending', plusOnes: 0 });
  });

  it('records a yes beyond the capacity: the rep decides', async () => {
    const eventId = await party({ capacity: 2 });
    const { added } = await add(eventId, [await person('Adler'), await person('Berger')]);
    await ok('invitations.setRsvp', { invitationId: added[0]!.id, rsvp: 'yes', plusOnes: 1 });
    await ok('invitations.setRsvp', { invitationId: added[1]!.id, rsvp: 'yes', plusOnes: 1 });
    const guests = (await list(eventId)).reduce((sum, invitation) => sum + (invitation.rsvp === 'yes' ? 1 + invitation.plusOnes : 0), 0);
    expect(guests).toBe(4);
  });

  it('refuses unknown invitations, bad input and settled events, writing nothing', async () => {
    const eventId = await party();
    const { added } = await add(eventId, [await person('Adler')]);
    const invitationId = added[0]!.id;
    const before = await filesOf(dataDir());
    expect(await call('invitations.setRsvp', { invitationId: 'no-such-invitation', rsvp: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'errors.invitationNotFound' },
    });
    expect(await call('invitations.setRsvp', { invitationId, rsvp: 'perhaps' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('invitations.setRsvp', { invitationId, rsvp: 'yes', plusOnes: -1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await filesOf(dataDir())).toEqual(before);

    await ok('events.setStatus', { id: eventId, status: 'closed' });
    expect(await call('invitations.setRsvp', { invitationId, rsvp: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'errors.eventNotOpen' },
    });
  });
});

describe('invitations.remove', () => {
  it('takes a person off the list; invited again, they get a new code', async () => {
    const eventId = await party();
    const [anna, bernd] = [await person('Adler'), await person('Berger')];
    const { added } = await add(eventId, [anna, bernd]);
    expect(await ok('invitations.remove', { invitationId: added[0]!.id })).toEqual(added[0]);
    expect((await list(eventId)).map((invitation) => invitation.contactId)).toEqual([bernd]);

    const before = await filesOf(dataDir());
    expect(await call('invitations.remove', { invitationId: added[0]!.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'errors.invitationNotFound' },
    });
    expect(await filesOf(dataDir())).toEqual(before);

    const again = await add(eventId, [anna]);
    expect(again.alreadyInvited).toBe(0);
    expect(again.added[0]!.id).not.toBe(added[0]!.id);
  });
});

describe('invitations.list', () => {
  it('answers the invitations with the person, in German alphabetical order', async () => {
    const eventId = await party();
    const ids = [
      await person('Zimmer', 'Zoe'),
      await person('Öztürk', 'Deniz', { email: 'deniz@example.de', mobile: '0171 1234567' }),
      await person('Müller', 'Sabine'),
      await person('Abt', 'Bernd'),
      await person('Otto', 'Olga', { phone: '0351 123456' }),
      await person('Müller', 'Anna'),
      await person('Äbel', 'Emil'),
    ];
    await add(eventId, ids);
    const invitations = await list(eventId);
    expect(invitations.map(({ contact }) => `${contact.lastName} ${contact.firstName}`)).toEqual([
      'Äbel Emil', 'Abt Bernd', 'Müller Anna', 'Müller Sabine', 'Otto Olga', 'Öztürk Deniz', 'Zimmer Zoe',
    ]);
    expect(invitations.find(({ contact }) => contact.lastName === 'Öztürk')).toMatchObject({
      contactId: ids[1],
      code: expect.stringMatching(CODE),
      rsvp: 'pending',
      contact: { id: ids[1], firstName: 'Deniz', lastName: 'Öztürk', email: 'deniz@example.de', mobile: '0171 1234567' },
    });
    expect(invitations.find(({ contact }) => contact.lastName === 'Otto')!.contact).toEqual({ id: ids[4], firstName: 'Olga', lastName: 'Otto', phone: '0351 123456' });
    expect(await call('invitations.list', { eventId: 'no-such-event' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'errors.eventNotFound' } });
  });
});
