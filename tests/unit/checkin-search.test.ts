import { describe, expect, it } from 'vitest';
import type { CheckinCounts } from '../../shared/schemas/checkin';
import type { Contact } from '../../shared/schemas/contact';
import type { Invitation, InvitationView } from '../../shared/schemas/invitation';
import { useTestBackend } from '../helpers/api';

/** The search at the door and the live counts (issue 4, "Done when"). */
const { ok } = useTestBackend();

async function person(lastName: string, firstName = 'Anna'): Promise<string> {
  return (await ok<{ id: string }>('contacts.create', { firstName, lastName })).id;
}
async function party(): Promise<string> {
  return (await ok<{ id: string }>('events.create', { title: 'Clubabend', kind: 'club', startsAt: '2026-12-04T19:00:00+01:00' })).id;
}
async function invite(eventId: string, contactIds: string[]): Promise<Invitation[]> {
  return (await ok<{ added: Invitation[] }>('invitations.add', { eventId, contactIds })).added;
}
type Found = Array<{ contact: Contact; invitation?: InvitationView }>;
const search = (eventId: string, query: string, limit?: number) => ok<Found>('checkin.search', { eventId, query, limit });
const names = (found: Found) => found.map(({ contact }) => `${contact.firstName} ${contact.lastName}`);

describe('checkin.search', () => {
  it('puts the invited guests first, and within each group exact names before prefixes before phonetic matches', async () => {
    const eventId = await party();
    // Created in an order unlike the expected one, so the ranking, not the insertion, decides.
    const invited = [await person('Mayer', 'Ina'), await person('Meierhof', 'Ina'), await person('Meier', 'Ina')];
    await person('Maier', 'Olga');
    await person('Meiering', 'Olga');
    await person('Meier', 'Olga');
    await person('Schulz', 'Olga');
    await invite(eventId, invited);

    const found = await search(eventId, 'meier');
    expect(names(found)).toEqual(['Ina Meier', 'Ina Meierhof', 'Ina Mayer', 'Olga Meier', 'Olga Meiering', 'Olga Maier']);
    expect(found.map(({ invitation }) => invitation !== undefined)).toEqual([true, true, true, false, false, false]);
    expect(found[0]!.invitation).toMatchObject({ contactId: found[0]!.contact.id, checkins: [], contact: { lastName: 'Meier' } });

    // The limit cuts the others first: an invited guest who only sounds alike beats an uninvited exact match.
    expect(names(await search(eventId, 'meier', 3))).toEqual(['Ina Meier', 'Ina Meierhof', 'Ina Mayer']);
    // Accents and case do not matter; a phonetic spelling finds the guest ("Schröder" from "schroeder").
    const schroeder = await person('Schröder', 'Jürgen');
    await invite(eventId, [schroeder]);
    expect(names(await search(eventId, 'SCHRODER'))).toEqual(['Jürgen Schröder']);
    expect(names(await search(eventId, 'schroeder'))).toEqual(['Jürgen Schröder']);
  });

  it('finds a guest by her invitation code first, in any case, and only codes of this event', async () => {
    const eventId = await party();
    const other = await party();
    const [meier] = await invite(eventId, [await person('Meier')]);
    const [elsewhere] = await invite(other, [await person('Weber')]);
    await invite(eventId, [await person('Berger')]);

    const found = await search(eventId, meier!.code.toLowerCase());
    expect(found[0]).toMatchObject({ contact: { lastName: 'Meier' }, invitation: { id: meier!.id, code: meier!.code } });
    expect(found).toHaveLength(1);
    // Another event's code finds nobody here.
    expect(await search(eventId, elsewhere!.code)).toEqual([]);
    // Nor does a code whose letters sound like a name ("AN4NA2" has the Kölner Phonetik of "Anna", everybody's first name here).
    expect(await search(eventId, 'AN4NA2')).toEqual([]);
  });
});

describe('checkin.state counts', () => {
  it('counts invited, accepted, people there now (with companions), walk-ins and who is still missing, at every step', async () => {
    const eventId = await party();
    const ids = [await person('Adler'), await person('Berger'), await person('Conrad'), await person('Dietz'), await person('Ernst')];
    const [adler, berger, conrad, dietz] = await invite(eventId, ids);
    await ok('invitations.setRsvp', { invitationId: adler!.id, rsvp: 'yes', plusOnes: 2 });
    await ok('invitations.setRsvp', { invitationId: berger!.id, rsvp: 'yes' });
    await ok('invitations.setRsvp', { invitationId: conrad!.id, rsvp: 'no' });
    await ok('invitations.setRsvp', { invitationId: dietz!.id, rsvp: 'maybe' });
    const uninvited = await person('Fuchs');
    let walkInId = '';

    const steps: Array<[string, () => Promise<unknown>, CheckinCounts]> = [
      ['nobody there yet (Ernst has not replied, Conrad declined)', async () => {}, { invited: 5, accepted: 2, arrived: 0, walkIns: 0, notArrived: 4 }],
      ['Adler with her two plus-ones', () => ok('checkin.checkIn', { eventId, invitationId: adler!.id }), { invited: 5, accepted: 2, arrived: 3, walkIns: 0, notArrived: 3 }],
      ['Adler again: never counted twice', () => ok('checkin.checkIn', { eventId, invitationId: adler!.id }), { invited: 5, accepted: 2, arrived: 3, walkIns: 0, notArrived: 3 }],
      ['Conrad came after all', () => ok('checkin.checkIn', { eventId, invitationId: conrad!.id }), { invited: 5, accepted: 2, arrived: 4, walkIns: 0, notArrived: 3 }],
      [
        'a new walk-in',
        async () => (walkInId = (await ok<{ invitation: Invitation }>('checkin.walkIn', { eventId, contact: { firstName: 'Nora', lastName: 'Neu' } })).invitation.id),
        { invited: 5, accepted: 2, arrived: 5, walkIns: 1, notArrived: 3 },
      ],
      ['Berger with one companion', () => ok('checkin.checkIn', { eventId, invitationId: berger!.id, companions: 1 }), { invited: 5, accepted: 2, arrived: 7, walkIns: 1, notArrived: 2 }],
      ['Adler undone', () => ok('checkin.undo', { eventId, invitationId: adler!.id }), { invited: 5, accepted: 2, arrived: 4, walkIns: 1, notArrived: 3 }],
      ['the walk-in undone', () => ok('checkin.undo', { eventId, invitationId: walkInId }), { invited: 5, accepted: 2, arrived: 3, walkIns: 0, notArrived: 3 }],
      ['an uninvited contact with a friend', () => ok('checkin.checkIn', { eventId, contactId: uninvited, companions: 1 }), { invited: 5, accepted: 2, arrived: 5, walkIns: 2, notArrived: 3 }],
      ['Dietz (maybe) arrives', () => ok('checkin.checkIn', { eventId, invitationId: dietz!.id }), { invited: 5, accepted: 2, arrived: 6, walkIns: 2, notArrived: 2 }],
    ];
    for (const [step, act, counts] of steps) {
      await act();
      expect((await ok<{ counts: CheckinCounts }>('checkin.state', { eventId })).counts, step).toEqual(counts);
    }
  });

  it('lists every invitation, walk-ins too, by last and first name in German order', async () => {
    const eventId = await party();
    await invite(eventId, [await person('Zander'), await person('Öztürk'), await person('Adler', 'Bea'), await person('Adler', 'Ada')]);
    await ok('checkin.walkIn', { eventId, contact: { firstName: 'Nora', lastName: 'Neu' } });
    const { guests } = await ok<{ guests: InvitationView[] }>('checkin.state', { eventId });
    expect(guests.map(({ contact }) => `${contact.lastName}, ${contact.firstName}`)).toEqual(['Adler, Ada', 'Adler, Bea', 'Neu, Nora', 'Öztürk, Anna', 'Zander, Anna']);
    expect(guests.find(({ contact }) => contact.lastName === 'Neu')).toMatchObject({ walkIn: true, rsvp: 'yes', checkins: [{ kind: 'checkin' }] });
  });
});
