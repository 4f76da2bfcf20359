import { beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/schemas/contact';
import { useTestBackend } from '../helpers/api';

const { call, ok } = useTestBackend();

const create = (fields: Record<string, unknown>) => ok<Contact>('contacts.create', fields);
const search = async (query: string, limit?: number) =>
  (await ok<Contact[]>('contacts.search', { query, limit })).map((contact) => `${contact.firstName} ${contact.lastName}`);

describe('contacts.search', () => {
  beforeEach(async () => {
    for (const [firstName, lastName] of [
      ['Anna', 'Meier'], ['Petra', 'Maier'], ['Sabine', 'Meyer'], ['Jana', 'Mayer'], ['Uwe', 'Meyerhoff'],
      ['Jörg', 'Schröder'], ['Anna', 'Schmidt'], ['Tobias', 'Schmitt'], ['Heike', 'Müller'], ['Lena', 'Kranz'],
    ]) {
      await create({ firstName, lastName });
    }
  });

  it('finds Meier, Maier, Meyer and Mayer for "meyer", the exact spelling first', async () => {
    // Exact name word, then a name starting with it, then the ones that sound alike (by last name).
    expect(await search('meyer')).toEqual(['Sabine Meyer', 'Uwe Meyerhoff', 'Petra Maier', 'Jana Mayer', 'Anna Meier']);
    expect(await search('Mayer')).toEqual(['Jana Mayer', 'Petra Maier', 'Anna Meier', 'Sabine Meyer']);
  });

  it('finds Schröder for "schroder" and "Schroeder", and Schmitt for "Schmidt"', async () => {
    expect(await search('schroder')).toEqual(['Jörg Schröder']);
    expect(await search('Schroeder')).toEqual(['Jörg Schröder']);
    expect(await search('SCHRÖ')).toEqual(['Jörg Schröder']);
    expect(await search('Schmidt')).toEqual(['Anna Schmidt', 'Tobias Schmitt']);
    expect(await search('mueller')).toEqual(['Heike Müller']);
  });

  it('needs every word of the query, in any order', async () => {
    // Jana sounds like Anna (J codes as a vowel), so Jana Mayer follows, ranked below.
    expect(await search('anna meier')).toEqual(['Anna Meier', 'Jana Mayer']);
    expect(await search('MEIER anna')).toEqual(['Anna Meier', 'Jana Mayer']);
    expect(await search('anna')).toEqual(['Anna Meier', 'Anna Schmidt', 'Jana Mayer']);
    expect(await search('petra meier')).toEqual(['Petra Maier']);
    expect(await search('anna müller')).toEqual([]);
  });

  it('ranks names above e-mail, city and phone, and takes at most the limit', async () => {
    await create({ firstName: 'Klara', lastName: 'Koch', email: 'meyer.family@web.de' });
    await create({ firstName: 'Meyer', lastName: 'Zander' });
    expect(await search('meyer')).toEqual([
      'Sabine Meyer', 'Meyer Zander', 'Uwe Meyerhoff', 'Petra Maier', 'Jana Mayer', 'Anna Meier', 'Klara Koch',
    ]);
    expect(await search('meyer', 2)).toEqual(['Sabine Meyer', 'Meyer Zander']);
  });

  it('searches e-mail, city and every phone number; phone digits from three on', async () => {
    await create({ firstName: 'Ida', lastName: 'Brandt', email: 'Ida.Brandt@Posteo.de', city: 'Görlitz', phone: '0171 / 234 56 78' });
    await create({ firstName: 'Ole', lastName: 'Kern', mobile: '+49 160 9988776', extraPhones: ['0351 4455667'] });
    expect(await search('posteo')).toEqual(['Ida Brandt']);
    expect(await search('gorlitz')).toEqual(['Ida Brandt']);
    expect(await search('0171 234')).toEqual(['Ida Brandt']);
    expect(await search('+49 171 2345678')).toEqual(['Ida Brandt']);
    expect(await search('01609988')).toEqual(['Ole Kern']);
    expect(await search('4455667')).toEqual(['Ole Kern']);
    expect(await search('ole 0351')).toEqual(['Ole Kern']);
    expect(await search('34')).toEqual([]);
  });

  it('refuses an empty query', async () => {
    expect(await call('contacts.search', { query: '  ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('contacts.list, contacts.ids and contacts.tags', () => {
  const names = async (filter: Record<string, unknown>) =>
    (await ok<{ items: Contact[] }>('contacts.list', filter)).items.map((contact) => contact.lastName);

  it('sorts by last and first name the German way and pages', async () => {
    for (const [firstName, lastName] of [['Karl', 'Zobel'], ['Eva', 'Özdemir'], ['Bernd', 'Becker'], ['Anna', 'Äbel'], ['Zoe', 'Abel'], ['Lisa', 'Oswald']]) {
      await create({ firstName, lastName });
    }
    expect(await names({})).toEqual(['Abel', 'Äbel', 'Becker', 'Oswald', 'Özdemir', 'Zobel']);
    const page = await ok<{ items: Contact[]; total: number }>('contacts.list', { limit: 2, offset: 2 });
    expect({ names: page.items.map((contact) => contact.lastName), total: page.total }).toEqual({ names: ['Becker', 'Oswald'], total: 6 });
    expect(await names({ query: 'ozdemir' })).toEqual(['Özdemir']);
  });

  it('filters by tag, place, birthday month, e-mail, phone and consent', async () => {
    const consent = { channel: 'email', purpose: 'marketing', source: 'form', wording: 'Newsletter per E-Mail' } as const;
    await create({ firstName: 'A', lastName: 'Dresden', postalCode: '01067', city: 'Dresden', tags: ['Kundenclub'], birthday: '1980-03-14', email: 'a@example.de' });
    await create({ firstName: 'B', lastName: 'Leipzig', postalCode: '04109', city: 'Leipzig', tags: ['kundenclub', 'Gastgeberin'], birthday: '--03-02', phone: '0341 123456' });
    await create({ firstName: 'C', lastName: 'Jena', postalCode: '07743', city: 'Jena', birthday: '--11-30', extraEmails: ['c@example.de'], consents: [{ ...consent, granted: true }] });
    const withdrawn = await create({ firstName: 'D', lastName: 'Halle', postalCode: '06108', city: 'Halle (Saale)', mobile: '0170 1234567', consents: [{ ...consent, granted: true }] });
    await ok('contacts.recordConsent', { contactId: withdrawn.id, ...consent, granted: false });

    expect(await names({ tags: ['Kundenclub'] })).toEqual(['Dresden', 'Leipzig']);
    expect(await names({ tags: ['Kundenclub', 'Gastgeberin'] })).toEqual(['Leipzig']);
    expect(await names({ place: '0' })).toEqual(['Dresden', 'Halle', 'Jena', 'Leipzig']);
    expect(await names({ place: '01' })).toEqual(['Dresden']);
    expect(await names({ place: 'leip' })).toEqual(['Leipzig']);
    expect(await names({ place: 'Halle' })).toEqual(['Halle']);
    expect(await names({ birthdayMonth: 3 })).toEqual(['Dresden', 'Leipzig']);
    expect(await names({ birthdayMonth: 11 })).toEqual(['Jena']);
    expect(await names({ hasEmail: true })).toEqual(['Dresden', 'Jena']);
    expect(await names({ hasEmail: false })).toEqual(['Halle', 'Leipzig']);
    expect(await names({ hasPhone: true })).toEqual(['Halle', 'Leipzig']);
    expect(await names({ consent: { channel: 'email', purpose: 'marketing' } })).toEqual(['Jena']);
    expect(await names({ consent: { channel: 'email', purpose: 'club' } })).toEqual([]);
    expect(await names({ tags: ['Kundenclub'], place: '04', hasPhone: true, birthdayMonth: 3 })).toEqual(['Leipzig']);

    const ids = await ok<{ ids: string[] }>('contacts.ids', { tags: ['Kundenclub'] });
    const listed = await ok<{ items: Contact[] }>('contacts.list', { tags: ['Kundenclub'] });
    expect(ids.ids).toEqual(listed.items.map((contact) => contact.id));
    expect(await ok('contacts.tags', {})).toEqual([
      { tag: 'Gastgeberin', count: 1 },
      { tag: 'kundenclub', count: 1 },
      { tag: 'Kundenclub', count: 1 },
    ]);
  });

  it('filters by invitation to events and their replies', async () => {
    const [yes, pending, other] = [await create({ firstName: 'Y', lastName: 'Ja' }), await create({ firstName: 'P', lastName: 'Offen' }), await create({ firstName: 'O', lastName: 'Anders' })];
    const party = await ok<{ id: string }>('events.create', { title: 'Homeparty', kind: 'party', startsAt: '2030-05-01T19:00:00+02:00' });
    const club = await ok<{ id: string }>('events.create', { title: 'Clubabend', kind: 'club', startsAt: '2030-06-01T19:00:00+02:00' });
    const { added } = await ok<{ added: Array<{ id: string; contactId: string }> }>('invitations.add', { eventId: party.id, contactIds: [yes.id, pending.id] });
    await ok('invitations.add', { eventId: club.id, contactIds: [other.id] });
    await ok('invitations.setRsvp', { invitationId: added.find((invitation) => invitation.contactId === yes.id)!.id, rsvp: 'yes' });

    expect(await names({ invitedTo: { eventIds: [party.id] } })).toEqual(['Ja', 'Offen']);
    expect(await names({ invitedTo: { eventIds: [party.id], rsvp: ['yes', 'maybe'] } })).toEqual(['Ja']);
    expect(await names({ invitedTo: { eventIds: [party.id, club.id], rsvp: ['pending'] } })).toEqual(['Anders', 'Offen']);
  });
});
