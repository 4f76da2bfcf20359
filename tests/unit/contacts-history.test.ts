import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../shared/contract';
import type { Contact } from '../../shared/schemas/contact';
import { useTestBackend } from '../helpers/api';

const { call, ok } = useTestBackend();

const create = (fields: Record<string, unknown>) => ok<Contact>('contacts.create', fields);
const history = (id: string) => ok<OutputOf<'contacts.history'>>('contacts.history', { id });
const refOf = ({ id, firstName, lastName }: Contact) => ({ id, firstName, lastName });

describe('recommendations', () => {
  it('shows the chain both ways: who recommended whom', async () => {
    const anna = await create({ firstName: 'Anna', lastName: 'Wolf' });
    const birgit = await create({ firstName: 'Birgit', lastName: 'Lang', referredBy: anna.id });
    const clara = await create({ firstName: 'Clara', lastName: 'Roth', referredBy: birgit.id });
    const dora = await create({ firstName: 'Dora', lastName: 'Beck', referredBy: birgit.id });

    expect((await history(clara.id)).referredByChain).toEqual([refOf(birgit), refOf(anna)]);
    expect((await history(anna.id)).referredByChain).toEqual([]);
    expect((await history(anna.id)).referrals).toEqual([refOf(birgit)]);
    expect((await history(birgit.id)).referrals).toEqual([refOf(dora), refOf(clara)]);

    await ok('contacts.update', { id: clara.id, referredBy: anna.id });
    expect((await history(clara.id)).referredByChain).toEqual([refOf(anna)]);
    expect((await history(birgit.id)).referrals).toEqual([refOf(dora)]);
    const cleared = await ok<Contact>('contacts.update', { id: clara.id, referredBy: null });
    expect(cleared).not.toHaveProperty('referredBy');
    expect((await history(anna.id)).referrals).toEqual([refOf(birgit)]);
  });

  it('refuses a circle, the contact itself and an unknown recommender', async () => {
    const anna = await create({ firstName: 'Anna', lastName: 'Wolf' });
    const birgit = await create({ firstName: 'Birgit', lastName: 'Lang', referredBy: anna.id });
    const clara = await create({ firstName: 'Clara', lastName: 'Roth', referredBy: birgit.id });
    const refused = (message: string) => ({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'referredBy', message }] } });

    expect(await call('contacts.update', { id: anna.id, referredBy: clara.id })).toMatchObject(refused('validation.referralCycle'));
    expect(await call('contacts.update', { id: anna.id, referredBy: anna.id })).toMatchObject(refused('validation.referralCycle'));
    expect(await call('contacts.update', { id: anna.id, referredBy: 'nobody-at-all' })).toMatchObject(refused('validation.referrerUnknown'));
    expect(await call('contacts.create', { firstName: 'E', lastName: 'F', referredBy: 'nobody-at-all' })).toMatchObject(refused('validation.referrerUnknown'));
    expect(await ok<Contact>('contacts.get', { id: anna.id })).not.toHaveProperty('referredBy');
    expect((await ok<{ total: number }>('contacts.list', {})).total).toBe(3);
  });
});

describe('contact changes and history', () => {
  it('changes only the given fields: "" clears a text, absent keeps it', async () => {
    const anna = await create({ firstName: 'Anna', lastName: 'Wolf', city: 'Görlitz', street: 'Am Markt 1', tags: ['Kundenclub'] });
    const updated = await ok<Contact>('contacts.update', { id: anna.id, city: '', email: 'Anna@Wolf.de' });
    expect(updated).toMatchObject({ street: 'Am Markt 1', email: 'anna@wolf.de', tags: ['Kundenclub'] });
    expect(updated).not.toHaveProperty('city');
    expect(await ok('contacts.search', { query: 'gorlitz' })).toEqual([]);
    expect(await ok('contacts.search', { query: 'wolf.de' })).toEqual([updated]);
  });

  it('records consent as a log with time and operator', async () => {
    await ok('settings.update', { operatorName: 'Sabine' });
    const consent = { channel: 'email', purpose: 'marketing', source: 'door', wording: 'Ja, per E-Mail informieren' } as const;
    const anna = await create({ firstName: 'Anna', lastName: 'Wolf', consents: [{ ...consent, granted: true }] });
    const after = await ok<Contact>('contacts.recordConsent', { contactId: anna.id, ...consent, granted: false, source: 'phone' });
    expect(after.consents).toMatchObject([
      { ...consent, granted: true, recordedBy: 'Sabine' },
      { ...consent, granted: false, source: 'phone', recordedBy: 'Sabine' },
    ]);
    expect(new Set(after.consents.map((record) => record.id)).size).toBe(2);
    expect(Date.parse(after.consents[1]!.at)).toBeGreaterThanOrEqual(Date.parse(after.consents[0]!.at));
    expect(await call('contacts.recordConsent', { contactId: 'missing-id-1', ...consent, granted: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lists the events a person was invited to with the replies, newest event first', async () => {
    const anna = await create({ firstName: 'Anna', lastName: 'Wolf' });
    const spring = await ok<{ id: string }>('events.create', { title: 'Frühjahr', kind: 'party', startsAt: '2030-04-01T19:00:00+02:00' });
    const autumn = await ok<{ id: string }>('events.create', { title: 'Herbst', kind: 'club', startsAt: '2030-10-01T19:00:00+02:00' });
    const { added } = await ok<{ added: Array<{ id: string }> }>('invitations.add', { eventId: spring.id, contactIds: [anna.id] });
    await ok('invitations.add', { eventId: autumn.id, contactIds: [anna.id] });
    await ok('invitations.setRsvp', { invitationId: added[0]!.id, rsvp: 'yes', plusOnes: 1 });

    const { invitations } = await history(anna.id);
    expect(invitations.map(({ event, invitation }) => [event.title, invitation.rsvp])).toEqual([['Herbst', 'pending'], ['Frühjahr', 'yes']]);
    expect(invitations[1]!.invitation).toMatchObject({ contactId: anna.id, plusOnes: 1 });
    expect(await call('contacts.history', { id: 'missing-id-1' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
