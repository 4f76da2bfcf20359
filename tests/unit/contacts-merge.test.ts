import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../shared/contract';
import type { Contact } from '../../shared/schemas/contact';
import type { InvitationView } from '../../shared/schemas/invitation';
import { useTestBackend } from '../helpers/api';

// Reopening the same folder in a test stands for a restart of the app.
const { call, ok, reopen } = useTestBackend();

const create = (fields: Record<string, unknown>) => ok<Contact>('contacts.create', fields);
const consent = (purpose: 'marketing' | 'club', granted: boolean) => ({ channel: 'email', purpose, granted, source: 'form', wording: `${purpose} ${granted}` });

describe('contacts.duplicates', () => {
  it('groups likely duplicates by e-mail, phone, and name with postcode, oldest first', async () => {
    const anna = await create({ firstName: 'Anna', lastName: 'Müller', email: 'anna@web.de', phone: '0171 2345678', postalCode: '01067' });
    const annaAgain = await create({ firstName: 'ANNA', lastName: 'Mueller', extraEmails: ['Anna@Web.de'], mobile: '+49 171 234 56 78' });
    const annaThird = await create({ firstName: 'anna', lastName: 'müller', postalCode: '01067' });
    await create({ firstName: 'Anna', lastName: 'Müller', postalCode: '04109', phone: '0341 99999' });
    await create({ firstName: 'Berta', lastName: 'Klein', email: 'berta@web.de', phone: '0171 2345' });

    const groups = await ok<OutputOf<'contacts.duplicates'>>('contacts.duplicates', {});
    expect(groups.map(({ reason, contacts }) => [reason, contacts.map((contact) => contact.id)])).toEqual([
      ['email', [anna.id, annaAgain.id]],
      ['phone', [anna.id, annaAgain.id]],
      ['namePostcode', [anna.id, annaThird.id]],
    ]);
  });
});

describe('contacts.merge', () => {
  it('keeps every consent record, invitation and recommendation, and still does after a restart', async () => {
    const kept = await create({
      firstName: 'Anna', lastName: 'Müller', email: 'anna@web.de', tags: ['Kundenclub'], notes: 'Mag Lavendel',
      consents: [consent('marketing', true)],
    });
    const duplicate = await create({
      firstName: 'Anna', lastName: 'Mueller', email: 'a.mueller@gmx.de', phone: '0171 2345678', street: 'Lindenstraße 4', postalCode: '01067',
      city: 'Dresden', birthday: '--03-14', tags: ['Gastgeberin', 'kundenclub'], notes: 'Kommt mit Freundin',
      consents: [consent('club', true)],
    });
    const third = await create({ firstName: 'A.', lastName: 'Müller', phone: '+49 171 2345678', mobile: '0160 1112223', consents: [consent('marketing', false)] });
    const friend = await create({ firstName: 'Berta', lastName: 'Klein', referredBy: duplicate.id });
    const grandchild = await create({ firstName: 'Clara', lastName: 'Roth', referredBy: third.id });

    const spring = await ok<{ id: string }>('events.create', { title: 'Frühjahr', kind: 'party', startsAt: '2030-04-01T19:00:00+02:00' });
    const autumn = await ok<{ id: string }>('events.create', { title: 'Herbst', kind: 'club', startsAt: '2030-10-01T19:00:00+02:00' });
    const both = await ok<{ added: Array<{ id: string; contactId: string; code: string }> }>('invitations.add', { eventId: spring.id, contactIds: [kept.id, duplicate.id, friend.id] });
    const answered = both.added.find((invitation) => invitation.contactId === duplicate.id)!;
    await ok('invitations.setRsvp', { invitationId: answered.id, rsvp: 'yes', plusOnes: 1 });
    await ok('invitations.add', { eventId: autumn.id, contactIds: [third.id] });

    const merged = await ok<Contact>('contacts.merge', { keepId: kept.id, mergeIds: [duplicate.id, third.id] });
    expect(merged).toMatchObject({
      id: kept.id, firstName: 'Anna', lastName: 'Müller', email: 'anna@web.de', extraEmails: ['a.mueller@gmx.de'],
      phone: '0171 2345678', mobile: '0160 1112223', street: 'Lindenstraße 4', postalCode: '01067', city: 'Dresden', birthday: '--03-14',
      tags: ['Kundenclub', 'Gastgeberin'], notes: 'Mag Lavendel\n\nKommt mit Freundin',
    });
    expect(merged).not.toHaveProperty('extraPhones'); // both other numbers are the same one
    expect(merged.consents.map((record) => record.wording)).toEqual(['marketing true', 'club true', 'marketing false']);

    const check = async () => {
      expect(await ok<Contact>('contacts.get', { id: kept.id })).toEqual(merged);
      for (const id of [duplicate.id, third.id]) expect(await call('contacts.get', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const { invitations, referrals } = await ok<OutputOf<'contacts.history'>>('contacts.history', { id: kept.id });
      // Invited twice to the spring party: the answered invitation stays.
      expect(invitations.map(({ event, invitation }) => [event.title, invitation.rsvp, invitation.plusOnes])).toEqual([['Herbst', 'pending', 0], ['Frühjahr', 'yes', 1]]);
      expect(invitations[1]!.invitation.code).toBe(answered.code);
      const guests = await ok<InvitationView[]>('invitations.list', { eventId: spring.id });
      expect(guests.map((guest) => guest.contactId).sort()).toEqual([kept.id, friend.id].sort());
      expect(referrals.map((contact) => contact.id).sort()).toEqual([friend.id, grandchild.id].sort());
      expect((await ok<Contact>('contacts.get', { id: grandchild.id })).referredBy).toBe(kept.id);
      expect((await ok<{ total: number }>('contacts.list', {})).total).toBe(3);
      expect(await ok('contacts.duplicates', {})).toEqual([]);
      expect((await ok<Contact[]>('contacts.search', { query: 'gmx' })).map((contact) => contact.id)).toEqual([kept.id]);
    };
    await check();
    await reopen();
    await check();
  });

  it('leaves the kept recommender out when the merge would close a circle', async () => {
    const kept = await create({ firstName: 'Anna', lastName: 'Müller' });
    const recommender = await create({ firstName: 'Berta', lastName: 'Klein' });
    await ok('contacts.update', { id: kept.id, referredBy: recommender.id });
    // The duplicate of Anna recommended Berta, who recommended Anna.
    const duplicate = await create({ firstName: 'Anna', lastName: 'Mueller' });
    await ok('contacts.update', { id: recommender.id, referredBy: duplicate.id });

    const merged = await ok<Contact>('contacts.merge', { keepId: kept.id, mergeIds: [duplicate.id] });
    expect(merged).not.toHaveProperty('referredBy');
    expect((await ok<Contact>('contacts.get', { id: recommender.id })).referredBy).toBe(kept.id);
    expect((await ok<OutputOf<'contacts.history'>>('contacts.history', { id: recommender.id })).referredByChain.map((contact) => contact.id)).toEqual([kept.id]);
  });

  it('refuses to merge a contact into itself or an unknown one, changing nothing', async () => {
    const anna = await create({ firstName: 'Anna', lastName: 'Müller' });
    expect(await call('contacts.merge', { keepId: anna.id, mergeIds: [anna.id] })).toMatchObject({
      ok: false, error: { code: 'VALIDATION', issues: [{ path: 'mergeIds', message: 'validation.mergeIntoItself' }] },
    });
    expect(await call('contacts.merge', { keepId: anna.id, mergeIds: ['missing-id-1'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('contacts.merge', { keepId: anna.id, mergeIds: [] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await ok('contacts.get', { id: anna.id })).toEqual(anna);
  });

  it('refuses a merge whose result would break a limit, changing nothing', async () => {
    const notes = 'x'.repeat(3000);
    const anna = await create({ firstName: 'Anna', lastName: 'Müller', notes });
    const again = await create({ firstName: 'Anna', lastName: 'Mueller', notes: `${notes}!` });
    expect(await call('contacts.merge', { keepId: anna.id, mergeIds: [again.id] })).toMatchObject({
      ok: false, error: { code: 'VALIDATION', issues: [{ path: 'notes', message: 'validation.tooLong' }] },
    });
    expect((await ok<{ total: number }>('contacts.list', {})).total).toBe(2);
  });

  it('moves the orders of the merged contact, at events and outside them, to the kept one', async () => {
    const kept = await create({ firstName: 'Anna', lastName: 'Müller', email: 'anna@web.de' });
    const twin = await create({ firstName: 'Anna', lastName: 'Mueller', email: 'anna@web.de' });
    const party = await ok<{ id: string }>('events.create', { title: 'Party', kind: 'party', startsAt: '2030-05-05T19:00:00+02:00' });
    const product = await ok<{ id: string }>('catalog.create', { sku: '1001', name: 'Duftkerze', priceCents: 1490 });
    const atParty = await ok<{ id: string }>('orders.create', { eventId: party.id, contactId: twin.id, lines: [{ productId: product.id, quantity: 2 }] });
    const reorder = await ok<{ id: string }>('orders.create', { contactId: twin.id, lines: [{ sku: '1001', quantity: 1 }] });

    await ok('contacts.merge', { keepId: kept.id, mergeIds: [twin.id] });
    await reopen();
    const orders = await ok<Array<{ id: string; contactId: string; totalCents: number }>>('orders.list', { contactId: kept.id });
    expect(orders.map((order) => order.id).sort()).toEqual([atParty.id, reorder.id].sort());
    expect(orders.reduce((sum, order) => sum + order.totalCents, 0)).toBe(3 * 1490);
    expect(await ok('orders.list', { contactId: twin.id })).toEqual([]);
  });
});
