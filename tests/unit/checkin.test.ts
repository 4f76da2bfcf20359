import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { CheckinCounts, CheckinRecord } from '../../shared/schemas/checkin';
import type { Contact } from '../../shared/schemas/contact';
import type { Invitation, InvitationView } from '../../shared/schemas/invitation';
import { filesOf, useTestBackend } from '../helpers/api';

const { call, ok, dataDir, reopen } = useTestBackend();

interface CheckedIn {
  invitation: InvitationView;
  record: CheckinRecord;
  alreadyCheckedIn: boolean;
  household: InvitationView[];
}
interface WalkedIn {
  contact: Contact;
  invitation: InvitationView;
  record: CheckinRecord;
}

async function person(lastName: string, firstName = 'Anna', more: Record<string, unknown> = {}): Promise<string> {
  return (await ok<{ id: string }>('contacts.create', { firstName, lastName, ...more })).id;
}
async function party(more: Record<string, unknown> = {}): Promise<string> {
  return (await ok<{ id: string }>('events.create', { title: 'Homeparty bei Gerda', kind: 'party', startsAt: '2026-12-04T19:00:00+01:00', ...more })).id;
}
async function invite(eventId: string, contactIds: string[]): Promise<Invitation[]> {
  return (await ok<{ added: Invitation[] }>('invitations.add', { eventId, contactIds })).added;
}
const checkIn = (input: Record<string, unknown>) => ok<CheckedIn>('checkin.checkIn', input);
const guests = async (eventId: string) => (await ok<{ guests: InvitationView[] }>('checkin.state', { eventId })).guests;
const counts = async (eventId: string) => (await ok<{ counts: CheckinCounts }>('checkin.state', { eventId })).counts;
const refused = (code: string, message: string) => ({ ok: false, error: { code, message } });
const CODE = /^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$/;
const WORDING = 'Ich möchte per E-Mail über Angebote und Termine informiert werden.';

describe('checkin.checkIn', () => {
  it('finds the guest by invitation id, by code (any case) and by contact id, and records who, when, where', async () => {
    await ok('settings.update', { operatorName: 'Sabine' });
    const eventId = await party();
    const [adler, berger, conrad] = await invite(eventId, [await person('Adler'), await person('Berger'), await person('Conrad')]);
    await ok('invitations.setRsvp', { invitationId: adler!.id, rsvp: 'yes', plusOnes: 2 });
    const before = Date.now();

    const byId = await checkIn({ eventId, invitationId: adler!.id });
    expect(byId).toMatchObject({ alreadyCheckedIn: false, household: [], invitation: { id: adler!.id, contact: { lastName: 'Adler' } } });
    // Her plus-ones come along unless the door says otherwise.
    expect(byId.record).toEqual({ id: expect.any(String), kind: 'checkin', at: expect.any(String), device: hostname(), operator: 'Sabine', companions: 2 });
    expect(Date.parse(byId.record.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(byId.invitation.checkins).toEqual([byId.record]);

    const byCode = await checkIn({ eventId, code: ` ${berger!.code.toLowerCase()} `, device: 'Tablet Flur', companions: 1 });
    expect(byCode).toMatchObject({ invitation: { id: berger!.id }, record: { device: 'Tablet Flur', companions: 1 } });

    const byContact = await checkIn({ eventId, contactId: conrad!.contactId });
    expect(byContact).toMatchObject({ invitation: { id: conrad!.id, walkIn: false }, record: { companions: 0 } });
    expect(new Set([byId.record.id, byCode.record.id, byContact.record.id]).size).toBe(3);
    expect(await counts(eventId)).toMatchObject({ arrived: 3 + 2 + 1 });
  });

  it('answers the earlier check-in when she is already there, and writes nothing', async () => {
    const eventId = await party();
    const [guest] = await invite(eventId, [await person('Adler')]);
    const first = await checkIn({ eventId, invitationId: guest!.id });
    const files = await filesOf(dataDir());

    const again = await checkIn({ eventId, code: guest!.code, companions: 3 });
    expect(again).toMatchObject({ alreadyCheckedIn: true, record: first.record, household: [] });
    expect(again.invitation.checkins).toEqual([first.record]);
    expect(await filesOf(dataDir())).toEqual(files);
  });

  it('refuses codes of other events, unknown codes and guests of other events', async () => {
    const eventId = await party();
    const other = await party();
    const [elsewhere] = await invite(other, [await person('Weber')]);
    const files = await filesOf(dataDir());
    expect(await call('checkin.checkIn', { eventId, code: elsewhere!.code })).toMatchObject(refused('NOT_FOUND', 'errors.codeOtherEvent'));
    expect(await call('checkin.checkIn', { eventId, code: elsewhere!.code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA' })).toMatchObject(refused('NOT_FOUND', 'errors.codeUnknown'));
    expect(await call('checkin.checkIn', { eventId, invitationId: elsewhere!.id })).toMatchObject(refused('NOT_FOUND', 'errors.invitationNotFound'));
    expect(await call('checkin.checkIn', { eventId, contactId: 'nobody-known-1' })).toMatchObject(refused('NOT_FOUND', 'errors.contactNotFound'));
    expect(await call('checkin.checkIn', { eventId: 'no-such-event', invitationId: elsewhere!.id })).toMatchObject(refused('NOT_FOUND', 'errors.eventNotFound'));
    expect(await filesOf(dataDir())).toEqual(files);
  });

  it('lets in a guest who declined, and works on planned, invited and held events but not on cancelled or closed ones', async () => {
    const eventId = await party();
    const [declined] = await invite(eventId, [await person('Adler')]);
    await ok('invitations.setRsvp', { invitationId: declined!.id, rsvp: 'no' });
    expect(await checkIn({ eventId, invitationId: declined!.id })).toMatchObject({ alreadyCheckedIn: false, invitation: { rsvp: 'no' } });

    for (const status of ['invited', 'held'] as const) {
      const open = await party();
      const [guest] = await invite(open, [await person(`Gast ${status}`)]);
      await ok('events.setStatus', { id: open, status });
      expect(await checkIn({ eventId: open, invitationId: guest!.id })).toMatchObject({ alreadyCheckedIn: false });
    }

    const cancelled = await party();
    const [guest] = await invite(cancelled, [await person('Berger')]);
    const closed = await party();
    const [late] = await invite(closed, [await person('Conrad')]);
    await checkIn({ eventId: closed, invitationId: late!.id });
    await ok('events.cancel', { id: cancelled });
    await ok('events.setStatus', { id: closed, status: 'closed' });
    const files = await filesOf(dataDir());
    expect(await call('checkin.checkIn', { eventId: cancelled, invitationId: guest!.id })).toMatchObject(refused('CONFLICT', 'errors.eventCancelled'));
    expect(await call('checkin.walkIn', { eventId: cancelled, contact: { firstName: 'Nora', lastName: 'Neu' } })).toMatchObject(refused('CONFLICT', 'errors.eventCancelled'));
    expect(await call('checkin.undo', { eventId: closed, invitationId: late!.id })).toMatchObject(refused('CONFLICT', 'errors.eventNotOpen'));
    expect(await call('checkin.walkIn', { eventId: closed, contact: { firstName: 'Nora', lastName: 'Neu' } })).toMatchObject(refused('CONFLICT', 'errors.eventNotOpen'));
    expect(await filesOf(dataDir())).toEqual(files);
  });

  it('checks in her household (same street and postcode) in the same write, each with her own record', async () => {
    const eventId = await party();
    const at = (street: string, postalCode = '04109') => ({ street, postalCode, city: 'Leipzig' });
    const ids = [
      await person('Adler', 'Anna', at('Hauptstraße 5')),
      await person('Adler', 'Bernd', at('Hauptstr. 5')),
      await person('Adler', 'Clara', at('hauptstrasse 5')),
      await person('Adler', 'Dora', at('Hauptstraße 5', '04177')),
      await person('Adler', 'Emil', at('Hauptstraße 5')),
      await person('Adler', 'Fritz', at('Hauptstraße 5')),
      await person('Adler', 'Greta', { postalCode: '04109' }),
    ];
    const [anna, bernd, clara, , emil, fritz] = await invite(eventId, ids);
    await ok('invitations.setRsvp', { invitationId: clara!.id, rsvp: 'yes', plusOnes: 1 });
    await ok('invitations.setRsvp', { invitationId: emil!.id, rsvp: 'no' });
    const fritzFirst = await checkIn({ eventId, invitationId: fritz!.id });

    const { invitation, record, household } = await checkIn({ eventId, invitationId: anna!.id, household: true, companions: 1 });
    expect(invitation.id).toBe(anna!.id);
    expect(record.companions).toBe(1);
    expect(household.map((member) => member.contact.firstName).sort()).toEqual(['Bernd', 'Clara']);
    const records = [record, ...household.map((member) => member.checkins.at(-1)!)];
    expect(new Set(records.map((one) => one.id)).size).toBe(3);
    expect(household.find((member) => member.id === clara!.id)!.checkins).toEqual([{ ...record, id: expect.any(String), companions: 1 }]);
    expect(household.find((member) => member.id === bernd!.id)!.checkins).toEqual([{ ...record, id: expect.any(String), companions: 0 }]);
    // Fritz was there already: his first record stays the only one.
    expect((await guests(eventId)).find((guest) => guest.id === fritz!.id)!.checkins).toEqual([fritzFirst.record]);
    expect(await counts(eventId)).toMatchObject({ arrived: 2 + 1 + 2 + 1 });

    const other = await party();
    const [alone] = await invite(other, [ids[0]!, ids[1]!]);
    expect(await checkIn({ eventId: other, invitationId: alone!.id })).toMatchObject({ household: [] });
  });

  it('makes an uninvited contact a walk-in: a new invitation with a code, replied yes, checked in', async () => {
    const eventId = await party();
    const contactId = await person('Fuchs');
    const { invitation, record } = await checkIn({ eventId, contactId, companions: 1 });
    expect(invitation).toMatchObject({ contactId, walkIn: true, rsvp: 'yes', plusOnes: 1, checkins: [record] });
    expect(invitation.code).toMatch(CODE);
    expect(await counts(eventId)).toMatchObject({ invited: 0, arrived: 2, walkIns: 2 });
    // A second time she is the walk-in she already is.
    expect(await checkIn({ eventId, contactId })).toMatchObject({ alreadyCheckedIn: true, invitation: { id: invitation.id } });
  });
});

describe('checkin.undo', () => {
  it('takes back the check-in as a record of its own; checking in again adds a third, all kept in order', async () => {
    await ok('settings.update', { operatorName: 'Sabine' });
    const eventId = await party();
    const [guest] = await invite(eventId, [await person('Adler')]);
    const first = await checkIn({ eventId, invitationId: guest!.id });
    const undo = await ok<{ invitation: InvitationView; record: CheckinRecord }>('checkin.undo', { eventId, invitationId: guest!.id, device: 'Tablet Flur' });
    expect(undo.record).toEqual({ id: expect.any(String), kind: 'undo', at: expect.any(String), device: 'Tablet Flur', operator: 'Sabine', companions: 0, undoes: first.record.id });
    expect(await counts(eventId)).toMatchObject({ arrived: 0, notArrived: 1 });

    const again = await checkIn({ eventId, invitationId: guest!.id });
    expect(again.alreadyCheckedIn).toBe(false);
    const { checkins } = (await guests(eventId))[0]!;
    expect(checkins).toEqual([first.record, undo.record, again.record]);
    expect(checkins.map((record) => record.kind)).toEqual(['checkin', 'undo', 'checkin']);
    expect(new Set(checkins.map((record) => record.id)).size).toBe(3);
    for (const record of checkins) expect(record).toMatchObject({ device: expect.any(String), operator: 'Sabine' });
  });

  it('refuses a guest who is not there, and keeps the invitation of an undone walk-in', async () => {
    const eventId = await party();
    const [guest] = await invite(eventId, [await person('Adler')]);
    const files = await filesOf(dataDir());
    expect(await call('checkin.undo', { eventId, invitationId: guest!.id })).toMatchObject(refused('CONFLICT', 'errors.notCheckedIn'));
    expect(await filesOf(dataDir())).toEqual(files);

    const walkIn = await ok<WalkedIn>('checkin.walkIn', { eventId, contact: { firstName: 'Nora', lastName: 'Neu' } });
    await ok('checkin.undo', { eventId, invitationId: walkIn.invitation.id });
    expect(await call('checkin.undo', { eventId, invitationId: walkIn.invitation.id })).toMatchObject(refused('CONFLICT', 'errors.notCheckedIn'));
    expect((await guests(eventId)).find((one) => one.walkIn)).toMatchObject({ id: walkIn.invitation.id, checkins: [{ kind: 'checkin' }, { kind: 'undo' }] });
  });
});

describe('checkin.walkIn', () => {
  it('creates a findable contact with her door consent, recommended by the host, with her walk-in invitation, checked in', async () => {
    await ok('settings.update', { operatorName: 'Sabine' });
    const hostId = await person('Gastgeber', 'Gerda');
    const eventId = await party({ hostId });
    const before = Date.now();
    const { contact, invitation, record } = await ok<WalkedIn>('checkin.walkIn', {
      eventId,
      contact: { firstName: ' Nora ', lastName: 'Neumüller', email: 'Nora.Neu@Example.de', phone: '0171 2345678' },
      consents: [
        { channel: 'email', purpose: 'marketing', granted: true, wording: WORDING },
        { channel: 'phone', purpose: 'marketing', granted: false, wording: 'Ich möchte telefonisch informiert werden.' },
      ],
    });
    expect(contact).toMatchObject({ firstName: 'Nora', lastName: 'Neumüller', email: 'nora.neu@example.de', referredBy: hostId, tags: [] });
    expect(contact.consents).toEqual([
      { id: expect.any(String), channel: 'email', purpose: 'marketing', granted: true, source: 'door', wording: WORDING, at: record.at, recordedBy: 'Sabine' },
      expect.objectContaining({ channel: 'phone', granted: false, source: 'door', at: record.at }),
    ]);
    expect(Date.parse(record.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(invitation).toMatchObject({ contactId: contact.id, walkIn: true, rsvp: 'yes', checkins: [record], contact: { id: contact.id, lastName: 'Neumüller' } });
    expect(invitation.code).toMatch(CODE);
    expect(record).toMatchObject({ kind: 'checkin', operator: 'Sabine', device: hostname(), companions: 0 });

    expect(await ok<Contact[]>('contacts.search', { query: 'neumuller' })).toEqual([contact]);
    expect(await ok('contacts.get', { id: contact.id })).toEqual(contact);
    expect((await ok<Array<{ contact: Contact; invitation?: InvitationView }>>('checkin.search', { eventId, query: 'nora' }))[0]).toMatchObject({
      contact: { id: contact.id },
      invitation: { id: invitation.id },
    });
    expect(await counts(eventId)).toMatchObject({ invited: 0, arrived: 1, walkIns: 1 });
    // Contact and event were written through one journal, which is gone once both are in place.
    expect([...(await filesOf(dataDir())).keys()].some((file) => file.endsWith('journal.json'))).toBe(false);
  });

  it('takes who brought her as her recommender, and refuses an unknown one without writing', async () => {
    const hostId = await person('Gastgeber', 'Gerda');
    const eventId = await party({ hostId });
    const friend = await person('Freundin', 'Frieda');
    const { contact } = await ok<WalkedIn>('checkin.walkIn', { eventId, contact: { firstName: 'Nora', lastName: 'Neu' }, broughtBy: friend });
    expect(contact.referredBy).toBe(friend);

    const files = await filesOf(dataDir());
    expect(await call('checkin.walkIn', { eventId, contact: { firstName: 'Olga', lastName: 'Neu' }, broughtBy: 'nobody-known-1' })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: expect.any(String), issues: [{ path: 'broughtBy', message: 'validation.referrerUnknown' }] },
    });
    expect(await filesOf(dataDir())).toEqual(files);

    // Without a host and without a companion nobody recommended her.
    const club = await party({ kind: 'club', title: 'Clubabend' });
    expect((await ok<WalkedIn>('checkin.walkIn', { eventId: club, contact: { firstName: 'Paula', lastName: 'Neu' } })).contact.referredBy).toBeUndefined();
  });

  it('refuses a person already known by e-mail or phone number, so that the existing contact is offered instead', async () => {
    const eventId = await party();
    await person('Bekannt', 'Berta', { email: 'berta@example.de', mobile: '+49 (0)171 2345678' });
    const files = await filesOf(dataDir());
    const duplicate = { ok: false, error: { code: 'VALIDATION', message: expect.any(String), issues: [{ path: 'contact', message: 'validation.walkInDuplicate' }] } };
    expect(await call('checkin.walkIn', { eventId, contact: { firstName: 'B.', lastName: 'Bekannt', email: 'BERTA@example.de' } })).toEqual(duplicate);
    expect(await call('checkin.walkIn', { eventId, contact: { firstName: 'Berta', lastName: 'B', phone: '0171 234 56 78' } })).toEqual(duplicate);
    expect(await filesOf(dataDir())).toEqual(files);
    // A different address and number is a different person.
    expect(await call('checkin.walkIn', { eventId, contact: { firstName: 'Berta', lastName: 'Bekannt', email: 'berta2@example.de', phone: '0171 2345679' } })).toMatchObject({ ok: true });
  });
});

describe('bad input', () => {
  it('answers malformed input with VALIDATION and leaves the data folder byte for byte unchanged', async () => {
    const eventId = await party();
    const [guest] = await invite(eventId, [await person('Adler')]);
    const files = await filesOf(dataDir());
    const bad: Array<[string, unknown]> = [
      ['checkin.checkIn', { eventId }],
      ['checkin.checkIn', { eventId, invitationId: guest!.id, code: guest!.code }],
      ['checkin.checkIn', { eventId, code: 'ABC' }],
      ['checkin.checkIn', { eventId, code: 'OOOOOO' }],
      ['checkin.checkIn', { eventId, invitationId: guest!.id, companions: -1 }],
      ['checkin.checkIn', { eventId, invitationId: guest!.id, device: '' }],
      ['checkin.checkIn', { eventId, invitationId: guest!.id, extra: true }],
      ['checkin.checkIn', { invitationId: guest!.id }],
      ['checkin.undo', { eventId }],
      ['checkin.undo', { eventId, invitationId: 'x' }],
      ['checkin.walkIn', { eventId, contact: { firstName: 'Nora' } }],
      ['checkin.walkIn', { eventId, contact: { firstName: 'Nora', lastName: 'Neu', email: 'not-an-address' } }],
      ['checkin.walkIn', { eventId, contact: { firstName: 'Nora', lastName: 'Neu', city: 'Leipzig' } }],
      ['checkin.walkIn', { eventId, contact: { firstName: 'Nora', lastName: 'Neu' }, consents: [{ channel: 'email', purpose: 'marketing', granted: true }] }],
      ['checkin.walkIn', { eventId, contact: { firstName: 'Nora', lastName: 'Neu' }, consents: [{ channel: 'fax', purpose: 'marketing', granted: true, wording: WORDING }] }],
      ['checkin.state', { eventId: 'x' }],
      ['checkin.search', { eventId, query: '   ' }],
      ['checkin.search', { eventId, query: 'anna', limit: 0 }],
    ];
    for (const [operation, input] of bad) {
      expect(await call(operation, input), `${operation} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await filesOf(dataDir())).toEqual(files);
  });
});

describe('after a restart', () => {
  it('still has every check-in, undo and walk-in', async () => {
    const hostId = await person('Gastgeber', 'Gerda');
    const eventId = await party({ hostId });
    const [adler, berger] = await invite(eventId, [await person('Adler'), await person('Berger')]);
    await checkIn({ eventId, invitationId: adler!.id });
    await checkIn({ eventId, code: berger!.code, companions: 2 });
    await ok('checkin.undo', { eventId, invitationId: adler!.id });
    const { contact } = await ok<WalkedIn>('checkin.walkIn', {
      eventId,
      contact: { firstName: 'Nora', lastName: 'Neu', email: 'nora@example.de' },
      consents: [{ channel: 'email', purpose: 'marketing', granted: true, wording: WORDING }],
    });
    const before = await ok('checkin.state', { eventId });

    await reopen();
    expect(await ok('checkin.state', { eventId })).toEqual(before);
    expect(await ok('contacts.get', { id: contact.id })).toEqual(contact);
    // The indexes are rebuilt from disk: codes and names are found again.
    expect(await checkIn({ eventId, code: berger!.code })).toMatchObject({ alreadyCheckedIn: true });
    expect((await ok<Array<{ contact: Contact }>>('checkin.search', { eventId, query: 'neu' }))[0]!.contact.id).toBe(contact.id);
  });
});
