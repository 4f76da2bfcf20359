import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join as joinPath } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contactShardOf, currentVersion, newEventDocument, paths, type ClubDocument } from '../../electron/store/documents';
import { pointsBalance, spending, tierStanding } from '../../shared/club/points';
import type { OutputOf } from '../../shared/contract';
import { orderTotalCents } from '../../shared/orders';
import type { MemberDetail, SavedView } from '../../shared/schemas/club';
import type { Contact } from '../../shared/schemas/contact';
import type { ImportResult } from '../../shared/schemas/import';
import type { Order, OrderView } from '../../shared/schemas/order';
import { filesOf, useTestBackend } from '../helpers/api';
import { addDays, localDate } from '../../shared/days';

const { call, ok, dataDir, reopen } = useTestBackend();

const person = (firstName: string, lastName: string, more: Record<string, unknown> = {}) => ok<Contact>('contacts.create', { firstName, lastName, ...more });
const join = (contactId: string, source = 'contact') => ok<MemberDetail>('club.join', { contactId, source });
const member = (contactId: string) => ok<MemberDetail | null>('club.member', { contactId });
const refused = (code: string, message: string) => ({ ok: false, error: { code, message } });
const invalid = (path: string, message: string) => ({ ok: false, error: { code: 'VALIDATION', issues: [{ path, message }] } });
const rows = async (input: Record<string, unknown> = {}) => (await ok<OutputOf<'club.members'>>('club.members', { limit: 1000, ...input })).items;
const names = async (input: Record<string, unknown> = {}) => (await rows(input)).map((row) => row.contact.lastName);

/** An order of one voucher worth `euros`; outside events unless an event is given. */
let product: { sku: string } | undefined;
async function buy(contactId: string, euros: number, more: Record<string, unknown> = {}): Promise<OrderView> {
  product ??= await ok<{ sku: string }>('catalog.create', { sku: 'GS-1', name: 'Gutschein', priceCents: 100 });
  return ok<OrderView>('orders.create', { contactId, lines: [{ sku: product.sku, quantity: 1, unitPriceCents: Math.round(euros * 100) }], ...more });
}

/** Runs `steps` as if the computer's clock said `when` (only Date is faked; timers and files run as usual). */
async function onDay<T>(when: string, steps: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(when));
  try {
    return await steps();
  } finally {
    vi.useRealTimers();
  }
}

afterEach(() => {
  product = undefined;
});

describe('club.join, leave, setStatus', () => {
  it('numbers new members in the club format, from today, and keeps the number when a former member joins again', async () => {
    const anna = await person('Anna', 'Adler');
    const berta = await person('Berta', 'Bauer');
    const clara = await person('Clara', 'Conrad');

    const joined = await join(anna.id);
    expect(joined).toEqual({
      member: {
        contact: anna, memberNumber: 'KC-00001', joinedOn: localDate(), status: 'active', source: 'contact',
        tier: 'Bronze', points: 0, spend12mCents: 0, totalSpendCents: 0,
      },
      ledger: [],
      nextTier: { name: 'Silber', missing: 25_000 },
    });
    expect((await join(berta.id, 'door')).member).toMatchObject({ memberNumber: 'KC-00002', source: 'door' });

    const left = await ok<MemberDetail>('club.leave', { contactId: anna.id });
    expect(left.member).toMatchObject({ memberNumber: 'KC-00001', status: 'left' });
    expect((await join(anna.id)).member).toMatchObject({ memberNumber: 'KC-00001', status: 'active', joinedOn: localDate() });

    await ok('club.settings.update', { ...(await ok('club.settings.get', {})), memberNumberFormat: 'M-{n}' });
    expect((await join(clara.id)).member.memberNumber).toBe('M-3');
    expect(await member(anna.id)).toMatchObject({ member: { memberNumber: 'KC-00001' } });
  });

  it('gives no points for purchases made while she had left', async () => {
    const anna = await person('Anna', 'Adler');
    // A day between the steps: on a fast disk two of them can fall into the same millisecond.
    await onDay('2026-01-10T10:00:00Z', () => join(anna.id));
    await onDay('2026-01-15T10:00:00Z', () => buy(anna.id, 10));
    await onDay('2026-02-01T10:00:00Z', () => ok('club.leave', { contactId: anna.id }));
    await onDay('2026-03-01T10:00:00Z', () => buy(anna.id, 40));
    await onDay('2026-04-01T10:00:00Z', () => join(anna.id));
    await onDay('2026-04-15T10:00:00Z', () => buy(anna.id, 5));
    expect((await onDay('2026-05-01T10:00:00Z', () => member(anna.id)))!.ledger.map((entry) => entry.points)).toEqual([10, 5]);
  });

  it('pauses and reactivates a member', async () => {
    const anna = await person('Anna', 'Adler');
    await join(anna.id);
    expect((await ok<MemberDetail>('club.setStatus', { contactId: anna.id, status: 'paused' })).member.status).toBe('paused');
    expect(await names()).toEqual([]);
    expect((await ok<MemberDetail>('club.setStatus', { contactId: anna.id, status: 'active' })).member.status).toBe('active');
    expect(await names()).toEqual(['Adler']);
  });

  it('refuses what does not fit the membership and writes nothing', async () => {
    const anna = await person('Anna', 'Adler');
    const berta = await person('Berta', 'Bauer');
    const clara = await person('Clara', 'Conrad');
    await join(anna.id);
    await join(berta.id);
    await ok('club.setStatus', { contactId: berta.id, status: 'paused' });
    await join(clara.id);
    await ok('club.leave', { contactId: clara.id });
    const stranger = (await person('Doris', 'Dorn')).id;
    const before = await filesOf(dataDir());

    expect(await call('club.join', { contactId: 'no-such-contact' })).toMatchObject(refused('NOT_FOUND', 'errors.contactNotFound'));
    expect(await call('club.join', { contactId: anna.id })).toMatchObject(refused('CONFLICT', 'errors.alreadyMember'));
    expect(await call('club.join', { contactId: berta.id })).toMatchObject(refused('CONFLICT', 'errors.alreadyMember'));
    for (const [operation, input] of [
      ['club.leave', {}],
      ['club.setStatus', { status: 'paused' }],
      ['club.addPoints', { kind: 'adjustment', points: 5, reason: 'Bonus' }],
    ] as const) {
      expect(await call(operation, { contactId: stranger, ...input })).toMatchObject(refused('NOT_FOUND', 'errors.notMember'));
      // She must join again first.
      expect(await call(operation, { contactId: clara.id, ...input })).toMatchObject(refused('CONFLICT', 'errors.memberLeft'));
    }
    expect(await filesOf(dataDir())).toEqual(before);
  });

  it('answers null for a contact who never joined, NOT_FOUND for an unknown one', async () => {
    const anna = await person('Anna', 'Adler');
    expect(await member(anna.id)).toBeNull();
    expect(await call('club.member', { contactId: 'no-such-contact' })).toMatchObject(refused('NOT_FOUND', 'errors.contactNotFound'));
  });
});

describe('club.settings', () => {
  it('has defaults, takes new rules, and refuses rules that do not fit together without writing', async () => {
    const defaults = await ok<OutputOf<'club.settings.get'>>('club.settings.get', {});
    expect(defaults).toMatchObject({ name: 'Kundenclub', memberNumberFormat: 'KC-{n:5}', tierBasis: 'spend12m', pointsPerEuro: 1, birthdayBonus: 50 });
    const changed = { ...defaults, name: 'Duftclub', pointsExpireMonths: 24, tiers: [{ name: 'Mitglied', threshold: 0 }, { name: 'VIP', threshold: 1000 }] };
    expect(await ok('club.settings.update', changed)).toEqual(changed);
    const before = await filesOf(dataDir());
    expect(await call('club.settings.update', { ...changed, tiers: [{ name: 'A', threshold: 10 }, { name: 'B', threshold: 5 }] })).toMatchObject(
      invalid('tiers', 'validation.tiersAscending'),
    );
    expect(await call('club.settings.update', { ...changed, memberNumberFormat: 'KC' })).toMatchObject(invalid('memberNumberFormat', 'validation.memberNumberFormat'));
    expect(await filesOf(dataDir())).toEqual(before);
    await reopen();
    expect(await ok('club.settings.get', {})).toEqual(changed);
    // The rules are replaced whole: without an expiry, points no longer expire.
    const { pointsExpireMonths: _, ...withoutExpiry } = changed;
    expect(await ok('club.settings.update', withoutExpiry)).toEqual(withoutExpiry);
    expect(await ok('club.settings.get', {})).toEqual(withoutExpiry);
  });
});

describe('club points', () => {
  it('credits purchases from the day she joined, takes manual points and refuses to redeem more than the balance', async () => {
    await ok('settings.update', { operatorName: 'Sabine' });
    const anna = await person('Anna', 'Adler');
    await onDay('2025-02-28T23:00:00', () => buy(anna.id, 80));
    await onDay('2025-03-01T10:00:00', () => join(anna.id));
    // On the day she joined, also before she did: it counts.
    await onDay('2025-03-01T09:00:00', () => buy(anna.id, 49.9));
    const cancelled = await onDay('2025-03-03T10:00:00', () => buy(anna.id, 500));
    await ok('orders.setStatus', { id: cancelled.id, status: 'cancelled' });
    await ok('club.addPoints', { contactId: anna.id, kind: 'adjustment', points: 10, reason: 'Willkommen' });
    // 49 for the order on the day she joined, 10 by hand; the order the day before and the cancelled one earn nothing.
    expect((await member(anna.id))!.member.points).toBe(59);

    const before = await filesOf(dataDir());
    expect(await call('club.addPoints', { contactId: anna.id, kind: 'redemption', points: 60, reason: 'Gutschein' })).toMatchObject(invalid('points', 'validation.notEnoughPoints'));
    expect(await call('club.addPoints', { contactId: anna.id, kind: 'redemption', points: -5, reason: 'Gutschein' })).toMatchObject(invalid('points', 'validation.redemptionPositive'));
    expect(await call('club.addPoints', { contactId: anna.id, kind: 'adjustment', points: 0, reason: 'nichts' })).toMatchObject(invalid('points', 'validation.pointsNotZero'));
    expect(await filesOf(dataDir())).toEqual(before);

    const redeemed = await ok<MemberDetail>('club.addPoints', { contactId: anna.id, kind: 'redemption', points: 59, reason: 'Gutschein 5 €' });
    expect(redeemed.member.points).toBe(0);
    expect(redeemed.ledger.map(({ kind, points, reason, balance }) => [kind, points, reason, balance])).toEqual([
      ['purchase', 49, '', 49],
      ['adjustment', 10, 'Willkommen', 59],
      ['redemption', -59, 'Gutschein 5 €', 0],
    ]);
    expect(redeemed.ledger[0]!.orderId).toBeDefined();
    const club = JSON.parse((await filesOf(dataDir())).get(joinPath(dataDir(), paths.club))!);
    expect(club.memberships[anna.id].points.map((entry: { kind: string; points: number; recordedBy: string }) => [entry.kind, entry.points, entry.recordedBy])).toEqual([
      ['adjustment', 10, 'Sabine'],
      ['redemption', -59, 'Sabine'],
    ]);
  });
});

describe('club tiers', () => {
  it('follow the spend of the last 12 months from real orders, at events and between them, and change with them', async () => {
    const event = await ok<{ id: string }>('events.create', { title: 'Homeparty', kind: 'party', startsAt: '2026-12-04T19:00:00+01:00' });
    const [anna, berta, clara] = [await person('Anna', 'Adler'), await person('Berta', 'Bauer'), await person('Clara', 'Conrad')];
    for (const someone of [anna, berta, clara]) await join(someone.id);
    // Long ago: in the total, not in the last 12 months.
    await onDay('2020-01-01T10:00:00', () => buy(anna.id, 900));
    await buy(anna.id, 100, { eventId: event.id });
    await buy(anna.id, 150);
    const big = await buy(berta.id, 500, { eventId: event.id });
    const cancelled = await buy(clara.id, 600);
    await ok('orders.setStatus', { id: cancelled.id, status: 'cancelled' });

    const byName = async () => Object.fromEntries((await rows()).map((row) => [row.contact.lastName, [row.tier, row.spend12mCents, row.totalSpendCents, row.lastPurchaseOn]]));
    expect(await byName()).toEqual({
      Adler: ['Silber', 25_000, 115_000, localDate()],
      Bauer: ['Gold', 50_000, 50_000, localDate()],
      Conrad: ['Bronze', 0, 0, undefined],
    });
    // Sorted by rank, not by name.
    expect(await names({ sort: [{ column: 'tier' }] })).toEqual(['Conrad', 'Adler', 'Bauer']);
    expect((await member(anna.id))!.nextTier).toEqual({ name: 'Gold', missing: 25_000 });
    expect((await member(berta.id))!.nextTier).toBeUndefined();
    await ok('club.leave', { contactId: clara.id });
    // Every tier, members of every status.
    expect(await ok('club.tiers', {})).toEqual([
      { name: 'Bronze', count: 1 },
      { name: 'Silber', count: 1 },
      { name: 'Gold', count: 1 },
    ]);

    await ok('orders.setStatus', { id: big.id, status: 'cancelled' });
    expect((await byName()).Bauer).toEqual(['Bronze', 0, 0, undefined]);

    await ok('club.settings.update', { ...(await ok('club.settings.get', {})), tierBasis: 'points', tiers: [{ name: 'Start', threshold: 0 }, { name: 'Profi', threshold: 200 }, { name: 'Leer', threshold: 100_000 }] });
    expect(await ok('club.tiers', {})).toEqual([
      { name: 'Start', count: 2 },
      { name: 'Profi', count: 1 },
      { name: 'Leer', count: 0 },
    ]);
    // Anna: 100 + 150 points since she joined (the old order came before).
    expect((await member(anna.id))!).toMatchObject({ member: { tier: 'Profi', points: 250 }, nextTier: { name: 'Leer', missing: 99_750 } });
  });
});

describe('club.members: filters, order, pages', () => {
  const today = localDate();
  /** Five members: three active, one paused, one who left; two bought something today. */
  async function circle() {
    const consent = (channel: string, purpose: string, granted: boolean) => ({ channel, purpose, granted, source: 'form', wording: 'Einwilligung' });
    const adler = await person('Anna', 'Adler', {
      email: 'anna@adler.de', city: 'Dresden', postalCode: '01067', birthday: '1980-03-14', tags: ['Gastgeberin'], consents: [consent('email', 'marketing', true)],
    });
    const aerger = await person('Bärbel', 'Ärger', { city: 'Leipzig', postalCode: '04109', birthday: '--07-02', tags: ['gastgeberin', 'VIP'], consents: [consent('post', 'club', true)] });
    const bauer = await person('Clara', 'Bauer', { city: 'Dresden', postalCode: '01309', consents: [consent('email', 'marketing', true), consent('email', 'marketing', false)] });
    const mueller = await person('Doris', 'Müller', { city: 'München', postalCode: '80331' });
    const zeta = await person('Eva', 'Zeta', { city: 'Berlin' });
    for (const someone of [adler, aerger, bauer, mueller, zeta]) await join(someone.id);
    await ok('club.setStatus', { contactId: mueller.id, status: 'paused' });
    await ok('club.leave', { contactId: zeta.id });
    await buy(adler.id, 100);
    await buy(aerger.id, 300);
    return { adler, aerger, bauer, mueller, zeta };
  }

  it('lists active members by default, in German name order (Ärger between Adler and Bauer), and every status on request', async () => {
    await circle();
    expect(await names()).toEqual(['Adler', 'Ärger', 'Bauer']);
    expect(await names({ filters: { statuses: ['paused', 'left'] } })).toEqual(['Müller', 'Zeta']);
    expect(await names({ filters: { statuses: ['active', 'paused', 'left'] } })).toEqual(['Adler', 'Ärger', 'Bauer', 'Müller', 'Zeta']);
  });

  it.each([
    ['tier by name, any case', { tiers: ['silber'] }, ['Ärger']],
    ['city start, without accents', { place: 'dres' }, ['Adler', 'Bauer']],
    ['city with umlaut written plainly', { place: 'Munchen', statuses: ['paused'] }, ['Müller']],
    ['postcode prefix', { place: '01' }, ['Adler', 'Bauer']],
    ['postcode prefix of one', { place: '041' }, ['Ärger']],
    ['birthday month (also without a year)', { birthdayMonth: 7 }, ['Ärger']],
    ['birthday month', { birthdayMonth: 3 }, ['Adler']],
    ['consent for a channel, either purpose; withdrawn counts not', { consent: { channel: 'email' } }, ['Adler']],
    ['consent for channel and purpose', { consent: { channel: 'post', purpose: 'club' } }, ['Ärger']],
    ['consent for another purpose', { consent: { channel: 'post', purpose: 'marketing' } }, []],
    ['last purchase on or after today', { lastPurchaseAfter: today }, ['Adler', 'Ärger']],
    ['last purchase on or before today', { lastPurchaseBefore: today }, ['Adler', 'Ärger']],
    ['last purchase before yesterday', { lastPurchaseBefore: addDays(today, -1) }, []],
    ['last purchase after tomorrow', { lastPurchaseAfter: addDays(today, 1) }, []],
    ['spend from (inclusive)', { spendMinCents: 10_000 }, ['Adler', 'Ärger']],
    ['spend from, one cent more', { spendMinCents: 10_001 }, ['Ärger']],
    ['spend up to (inclusive)', { spendMaxCents: 10_000 }, ['Adler', 'Bauer']],
    ['spend exactly', { spendMinCents: 10_000, spendMaxCents: 10_000 }, ['Adler']],
    ['a tag, any case', { tags: ['GASTGEBERIN'] }, ['Adler', 'Ärger']],
    ['every tag', { tags: ['Gastgeberin', 'vip'] }, ['Ärger']],
    ['name without umlaut', { query: 'arg' }, ['Ärger']],
    ['first name and start of last name', { query: 'anna adl' }, ['Adler']],
    ['only the start of a name word', { query: 'rger' }, []],
    ['member number', { query: 'KC-00002' }, ['Ärger']],
    ['e-mail', { query: 'anna@adler' }, ['Adler']],
    ['city', { query: 'leipzig' }, ['Ärger']],
    ['several filters at once', { place: 'dresden', spendMinCents: 1 }, ['Adler']],
  ])('filters by %s', async (_, filters, expected) => {
    await circle();
    expect(await names({ filters })).toEqual(expected);
  });

  it.each([
    ['city ascending, names within', [{ column: 'city' }], ['Adler', 'Bauer', 'Ärger']],
    ['city descending, names within still ascending', [{ column: 'city', direction: 'desc' }], ['Ärger', 'Adler', 'Bauer']],
    ['spend descending', [{ column: 'spend12m', direction: 'desc' }], ['Ärger', 'Adler', 'Bauer']],
    ['birthday by day of the year, empty last', [{ column: 'birthday' }], ['Adler', 'Ärger', 'Bauer']],
    ['birthday descending, empty still last', [{ column: 'birthday', direction: 'desc' }], ['Ärger', 'Adler', 'Bauer']],
    ['last purchase ascending, empty last', [{ column: 'lastPurchase' }], ['Adler', 'Ärger', 'Bauer']],
    ['member number descending', [{ column: 'memberNumber', direction: 'desc' }], ['Bauer', 'Ärger', 'Adler']],
    ['tier, then points', [{ column: 'tier', direction: 'desc' }, { column: 'points' }], ['Ärger', 'Bauer', 'Adler']],
    ['first name descending', [{ column: 'firstName', direction: 'desc' }], ['Bauer', 'Ärger', 'Adler']],
  ])('sorts by %s', async (_, sort, expected) => {
    await circle();
    expect(await names({ sort })).toEqual(expected);
  });

  it('orders namesakes by member number, pages the list and gives the ids in the same order', async () => {
    await circle();
    const namesake = await person('Anna', 'Adler');
    await join(namesake.id);
    const all = await rows();
    expect(all.map((row) => [row.contact.lastName, row.memberNumber])).toEqual([
      ['Adler', 'KC-00001'],
      ['Adler', 'KC-00006'],
      ['Ärger', 'KC-00002'],
      ['Bauer', 'KC-00003'],
    ]);
    const page = await ok<OutputOf<'club.members'>>('club.members', { limit: 2, offset: 1 });
    expect(page).toEqual({ items: all.slice(1, 3), total: 4 });
    expect(await ok('club.memberIds', {})).toEqual({ ids: all.map((row) => row.contact.id) });
    expect(await ok('club.memberIds', { filters: { place: 'dresden' }, sort: [{ column: 'memberNumber', direction: 'desc' }] })).toEqual({
      ids: (await rows({ filters: { place: 'dresden' }, sort: [{ column: 'memberNumber', direction: 'desc' }] })).map((row) => row.contact.id),
    });
  });

  it('answers the same rows after a restart, and follows edits of the contacts', async () => {
    const { bauer } = await circle();
    const before = await rows();
    await reopen();
    expect(await rows()).toEqual(before);
    await ok('contacts.update', { id: bauer.id, lastName: 'Aal' });
    expect(await names()).toEqual(['Aal', 'Adler', 'Ärger']);
  });
});

describe('club.views', () => {
  it('saves, renames, lists by name and deletes views, which survive a restart', async () => {
    const view = { filters: { place: 'Dresden' }, columns: ['lastName', 'email'], sort: [{ column: 'city', direction: 'desc' }] };
    const bauer = await ok<SavedView>('club.views.save', { name: 'Bauer-Liste', view });
    expect(bauer).toEqual({ id: expect.any(String), name: 'Bauer-Liste', view: { ...view, filters: { place: 'Dresden', statuses: ['active'] } }, createdAt: expect.any(String), updatedAt: bauer.createdAt });
    const adler = await ok<SavedView>('club.views.save', { name: 'Adler-Liste', view: {} });
    const aerger = await ok<SavedView>('club.views.save', { name: 'Ärger', view: {} });
    const renamed = await ok<SavedView>('club.views.save', { id: bauer.id, name: 'Briefe Dresden', view });
    expect(renamed).toMatchObject({ id: bauer.id, name: 'Briefe Dresden', createdAt: bauer.createdAt });
    expect(renamed.updatedAt >= bauer.updatedAt).toBe(true);

    const before = await filesOf(dataDir());
    expect(await call('club.views.save', { id: 'no-such-view', name: 'X', view: {} })).toMatchObject(refused('NOT_FOUND', 'errors.viewNotFound'));
    expect(await call('club.views.delete', { id: 'no-such-view' })).toMatchObject(refused('NOT_FOUND', 'errors.viewNotFound'));
    expect(await filesOf(dataDir())).toEqual(before);

    await reopen();
    expect((await ok<SavedView[]>('club.views.list', {})).map((saved) => saved.name)).toEqual(['Adler-Liste', 'Ärger', 'Briefe Dresden']);
    expect(await ok('club.views.delete', { id: aerger.id })).toEqual({ id: aerger.id });
    await reopen();
    expect(await ok('club.views.list', {})).toEqual([adler, renamed]);
  });
});

describe('contacts.addTags', () => {
  it('adds the tags in one change to those who lack them, and says how many changed', async () => {
    const anna = await person('Anna', 'Adler', { tags: ['VIP'] });
    const berta = await person('Berta', 'Bauer', { tags: ['vip', 'Herbst'] });
    const clara = await person('Clara', 'Conrad');
    expect(await ok('contacts.addTags', { contactIds: [anna.id, berta.id, clara.id, clara.id], tags: ['Herbst', 'vip', 'HERBST'] })).toEqual({ changed: 2 });
    const get = (id: string) => ok<Contact>('contacts.get', { id });
    expect((await get(anna.id)).tags).toEqual(['VIP', 'Herbst']);
    expect(await get(berta.id)).toEqual(berta);
    expect((await get(clara.id)).tags).toEqual(['Herbst', 'vip']);
    expect(await ok('contacts.addTags', { contactIds: [anna.id], tags: ['herbst'] })).toEqual({ changed: 0 });
  });

  it('refuses an unknown contact and a contact that would carry too many tags, writing nothing', async () => {
    const anna = await person('Anna', 'Adler');
    const full = await person('Berta', 'Bauer', { tags: Array.from({ length: 50 }, (_, i) => `Tag ${i}`) });
    const before = await filesOf(dataDir());
    expect(await call('contacts.addTags', { contactIds: [anna.id, 'no-such-contact'], tags: ['Herbst'] })).toMatchObject(refused('NOT_FOUND', 'errors.contactNotFound'));
    expect(await call('contacts.addTags', { contactIds: [anna.id, full.id], tags: ['Herbst'] })).toMatchObject(invalid('tags', 'validation.tooManyTags'));
    expect(await filesOf(dataDir())).toEqual(before);
  });
});

describe('joining elsewhere', () => {
  it('a walk-in joins at the door in the same write as her contact and invitation', async () => {
    const event = await ok<{ id: string }>('events.create', { title: 'Homeparty', kind: 'party', startsAt: '2026-12-04T19:00:00+01:00' });
    await join((await person('Anna', 'Adler')).id);
    const walkIn = await ok<OutputOf<'checkin.walkIn'>>('checkin.walkIn', { eventId: event.id, contact: { firstName: 'Nora', lastName: 'Neu', email: 'nora@neu.de' }, joinClub: true });
    expect(walkIn.memberNumber).toBe('KC-00002');
    expect((await member(walkIn.contact.id))!.member).toMatchObject({ memberNumber: 'KC-00002', source: 'door', status: 'active', joinedOn: localDate() });

    const other = await ok<OutputOf<'checkin.walkIn'>>('checkin.walkIn', { eventId: event.id, contact: { firstName: 'Olga', lastName: 'Ohne' } });
    expect(other.memberNumber).toBeUndefined();
    expect(await member(other.contact.id)).toBeNull();

    // Refused as a known person: no contact, no membership.
    const before = await filesOf(dataDir());
    expect(await call('checkin.walkIn', { eventId: event.id, contact: { firstName: 'Nora', lastName: 'Neu', email: 'nora@neu.de' }, joinClub: true })).toMatchObject(
      invalid('contact', 'validation.walkInDuplicate'),
    );
    expect(await filesOf(dataDir())).toEqual(before);
  });

  const csv = (...lines: string[]) => Buffer.from(['Vorname;Nachname;E-Mail', ...lines].join('\n'), 'utf8').toString('base64');
  const importFile = (contentBase64: string, more: Record<string, unknown> = {}) => ok<ImportResult>('contacts.import', { fileName: 'liste.csv', contentBase64, joinClub: true, ...more });

  it('an import makes every created or updated contact a member; current members stay as they are; a dry run writes nothing', async () => {
    const anna = await person('Anna', 'Adler', { email: 'anna@adler.de' });
    const berta = await person('Berta', 'Bauer', { email: 'berta@bauer.de' });
    const skipped = await person('Sina', 'Skip', { email: 'sina@skip.de' });
    await join(anna.id);
    await ok('club.setStatus', { contactId: anna.id, status: 'paused' });
    await join(berta.id);
    await ok('club.leave', { contactId: berta.id });
    const file = csv('Anna;Adler;anna@adler.de', 'Berta;Bauer;berta@bauer.de', 'Sina;Skip;sina@skip.de', 'Clara;Conrad;clara@conrad.de');
    const duplicates = { 2: 'update', 3: 'update' };

    const before = await filesOf(dataDir());
    expect(await importFile(file, { duplicates, dryRun: true })).toMatchObject({ created: 1, updated: 2, skipped: 1, joined: 2, errors: [] });
    expect(await filesOf(dataDir())).toEqual(before);

    expect(await importFile(file, { duplicates })).toEqual({ created: 1, updated: 2, skipped: 1, joined: 2, errors: [] });
    const clara = (await ok<{ items: Contact[] }>('contacts.list', { query: 'Conrad' })).items[0]!;
    expect((await member(clara.id))!.member).toMatchObject({ memberNumber: 'KC-00003', source: 'import', status: 'active' });
    expect((await member(berta.id))!.member).toMatchObject({ memberNumber: 'KC-00002', source: 'contact', status: 'active' });
    expect((await member(anna.id))!.member).toMatchObject({ memberNumber: 'KC-00001', status: 'paused' });
    expect(await member(skipped.id)).toBeNull();
  });

  it('an import with a bad line writes neither contacts nor memberships; without joinClub nobody joins', async () => {
    const before = await filesOf(dataDir());
    const result = await importFile(csv('Clara;Conrad;clara@conrad.de', 'Gisela;Gut;gisela-at-example.de'));
    expect(result).toMatchObject({ created: 0, joined: 0, errors: [{ line: 3 }] });
    expect(await filesOf(dataDir())).toEqual(before);

    expect(await importFile(csv('Clara;Conrad;clara@conrad.de'), { joinClub: false })).toEqual({ created: 1, updated: 0, skipped: 0, errors: [] });
    expect(await names({ filters: { statuses: ['active', 'paused', 'left'] } })).toEqual([]);
  });
});

describe('contacts.merge and the club', () => {
  it('moves a merged member\'s membership to the kept contact', async () => {
    const kept = await person('Anna', 'Adler');
    const duplicate = await person('Anna', 'Adler', { email: 'anna@adler.de' });
    await join(duplicate.id);
    await ok('club.addPoints', { contactId: duplicate.id, kind: 'adjustment', points: 30, reason: 'Bonus' });
    await ok('contacts.merge', { keepId: kept.id, mergeIds: [duplicate.id] });
    expect((await member(kept.id))!).toMatchObject({ member: { memberNumber: 'KC-00001', points: 30, contact: { id: kept.id, email: 'anna@adler.de' } } });
    expect(await rows()).toHaveLength(1);
  });

  it('keeps the kept member\'s number with the earlier day of joining and the manual points of both', async () => {
    const kept = await person('Anna', 'Adler');
    const duplicate = await person('Anna', 'Adler', { email: 'anna@adler.de' });
    await onDay('2024-05-01T10:00:00', async () => {
      await join(duplicate.id);
      await ok('club.addPoints', { contactId: duplicate.id, kind: 'adjustment', points: 30, reason: 'Alt' });
    });
    await join(kept.id);
    await ok('club.addPoints', { contactId: kept.id, kind: 'adjustment', points: 5, reason: 'Neu' });
    await ok('contacts.merge', { keepId: kept.id, mergeIds: [duplicate.id] });
    await reopen();
    const merged = (await member(kept.id))!;
    expect(merged.member).toMatchObject({ memberNumber: 'KC-00002', joinedOn: '2024-05-01', points: 35 });
    expect(merged.ledger.map((entry) => entry.reason)).toEqual(['Alt', 'Neu']);
    expect(await names({ filters: { statuses: ['active', 'paused', 'left'] } })).toEqual(['Adler']);
  });
});

describe('club.members over many orders', () => {
  const DAY = 86_400_000;
  const ids = (prefix: string, n: number) => `${prefix}${String(n).padStart(8, '0')}`;
  const line = (cents: number, quantity: number) => ({ productId: ids('p', 0), sku: 'GS-1', name: 'Gutschein', quantity, unitPriceCents: cents, discountPercent: 0 });
  const statuses = ['open', 'placed', 'delivered', 'cancelled'] as const;
  const memberStatuses = ['active', 'active', 'paused', 'left'] as const;

  /** 400 contacts, 300 of them members, 2,000 orders at 40 events and 500 reorders over three years, written straight into the folder. */
  async function writeFolder(now: number): Promise<void> {
    const contacts = Array.from({ length: 400 }, (_, i): Contact => {
      const at = new Date(now - 1200 * DAY).toISOString();
      return { id: ids('c', i), firstName: `Vorname${i % 7}`, lastName: `Name${i % 50}`, birthday: i % 3 ? `--${String(1 + (i % 12)).padStart(2, '0')}-15` : undefined, tags: [], consents: [], createdAt: at, updatedAt: at };
    });
    const order = (n: number, eventId: string | undefined) => {
      const at = new Date(now - ((n * 7919) % 1100) * DAY - (n % 1440) * 60_000).toISOString();
      return { id: ids('o', n), ...(eventId && { eventId }), contactId: ids('c', (n * 31) % 400), lines: [line(1000 + ((n * 37) % 20_000), 1 + (n % 3))], status: statuses[n % 4]!, payments: [], createdAt: at, updatedAt: at };
    };
    const shards = new Map<string, Record<string, Contact>>();
    for (const contact of contacts) shards.set(contactShardOf(contact.id), { ...shards.get(contactShardOf(contact.id)), [contact.id]: contact });
    for (const [shard, entries] of shards) await writeFile(joinPath(dataDir(), paths.contactShard(shard)), JSON.stringify({ schemaVersion: currentVersion.contacts, contacts: entries }));
    for (let e = 0; e < 40; e++) {
      const startsAt = new Date(now - e * 20 * DAY).toISOString();
      const document = {
        ...newEventDocument({ id: ids('e', e), title: `Party ${e}`, kind: 'party', startsAt, status: 'invited', createdAt: startsAt, updatedAt: startsAt }),
        orders: Array.from({ length: 50 }, (_, i) => order(e * 50 + i, ids('e', e))),
      };
      await writeFile(joinPath(dataDir(), paths.event(ids('e', e))), JSON.stringify(document));
    }
    const reorders = Array.from({ length: 500 }, (_, i) => order(2000 + i, undefined));
    await mkdir(joinPath(dataDir(), paths.ordersDir), { recursive: true });
    for (const shard of new Set(reorders.map((entry) => contactShardOf(entry.contactId)))) {
      const orders = reorders.filter((entry) => contactShardOf(entry.contactId) === shard);
      await writeFile(joinPath(dataDir(), paths.orderShard(shard)), JSON.stringify({ schemaVersion: currentVersion.orders, orders: Object.fromEntries(orders.map((entry) => [entry.id, entry])) }));
    }
    const club = JSON.parse(await readFile(joinPath(dataDir(), paths.club), 'utf8'));
    const memberships = Array.from({ length: 300 }, (_, i) => ({
      contactId: ids('c', i),
      memberNumber: `KC-${String(i + 1).padStart(5, '0')}`,
      joinedOn: localDate(new Date(now - ((i * 13) % 1000) * DAY)),
      status: memberStatuses[i % 4]!,
      ...(i % 4 === 3 && { statusChangedAt: new Date(now - ((i * 5) % 300) * DAY).toISOString() }),
      source: 'contact',
      points: [],
      absences: [],
    }));
    await writeFile(joinPath(dataDir(), paths.club), JSON.stringify({ ...club, memberships: Object.fromEntries(memberships.map((entry) => [entry.contactId, entry])), nextMemberNumber: 301 }));
  }

  /** The same figures the slow way: every order read from the files of the folder. */
  async function expected(now: number): Promise<Array<[string, number, number, number, string | undefined, string | undefined]>> {
    const files = await filesOf(dataDir());
    // The folder's own documents, not the copies in backups/.
    const orders = [...files].flatMap(([file, text]) => {
      if (file.startsWith(joinPath(dataDir(), paths.eventsDir, '/'))) return JSON.parse(text).orders as Order[];
      return file.startsWith(joinPath(dataDir(), paths.ordersDir, '/')) ? (Object.values(JSON.parse(text).orders) as Order[]) : [];
    });
    const club = JSON.parse(files.get(joinPath(dataDir(), paths.club))!) as ClubDocument;
    return Object.values(club.memberships)
      .sort((a, b) => a.memberNumber.localeCompare(b.memberNumber))
      .map((membership) => {
        const purchases = orders
          .filter((order) => order.contactId === membership.contactId)
          .map((order) => ({ orderId: order.id, createdAt: order.createdAt, time: Date.parse(order.createdAt), day: localDate(new Date(order.createdAt)), totalCents: orderTotalCents(order), cancelled: order.status === 'cancelled' }));
        const birthday = (Object.values(JSON.parse(files.get(joinPath(dataDir(), paths.contactShard(contactShardOf(membership.contactId))))!).contacts) as Contact[]).find((contact) => contact.id === membership.contactId)!.birthday;
        const spent = spending(purchases, now);
        const points = pointsBalance({ membership, birthday, purchases }, club.settings, now);
        return [membership.memberNumber, points, spent.spend12mCents, spent.totalSpendCents, spent.lastPurchaseOn, tierStanding(club.settings.tiers, spent.spend12mCents).tier];
      });
  }
  const actual = async () =>
    (await rows({ filters: { statuses: ['active', 'paused', 'left'] }, sort: [{ column: 'memberNumber' }] })).map(
      (row): [string, number, number, number, string | undefined, string | undefined] => [row.memberNumber, row.points, row.spend12mCents, row.totalSpendCents, row.lastPurchaseOn, row.tier],
    );

  it('computes every member\'s figures from the orders of all events and reorders, and follows changes to them', async () => {
    // The clock stands still, so that the expected figures are those of the same moment.
    await onDay(new Date().toISOString(), async () => {
      const now = Date.now();
      await writeFolder(now);
      await reopen();
      const first = await actual();
      expect(first).toHaveLength(300);
      expect(first.filter(([, points]) => points > 0).length).toBeGreaterThan(100);
      expect(first).toEqual(await expected(now));

      // New orders at an event and between events, one changed, one cancelled, contacts merged.
      await ok('catalog.create', { sku: 'GS-2', name: 'Gutschein', priceCents: 100 });
      await ok('orders.create', { eventId: ids('e', 3), contactId: ids('c', 1), lines: [{ sku: 'GS-2', quantity: 1, unitPriceCents: 99_000 }] });
      await ok('orders.create', { contactId: ids('c', 2), lines: [{ sku: 'GS-2', quantity: 2, unitPriceCents: 12_345 }] });
      await ok('orders.update', { id: ids('o', 4), lines: [{ sku: 'GS-2', quantity: 1, unitPriceCents: 1 }] });
      await ok('orders.setStatus', { id: ids('o', 2004), status: 'cancelled' });
      await ok('contacts.merge', { keepId: ids('c', 5), mergeIds: [ids('c', 350)] });
      const second = await actual();
      expect(second).not.toEqual(first);
      expect(second).toEqual(await expected(now));
    });
  });
});

describe('demo data', () => {
  it('makes a third to a half of the contacts members: some paused, one left, a few with points entered by hand', async () => {
    const { contacts } = await ok<{ contacts: number }>('demo.load', {});
    const all = await rows({ filters: { statuses: ['active', 'paused', 'left'] } });
    expect(all.length / contacts).toBeGreaterThan(1 / 3);
    expect(all.length / contacts).toBeLessThan(1 / 2);
    expect(all.filter((row) => row.status === 'paused').length).toBeGreaterThan(0);
    expect(all.filter((row) => row.status === 'left')).toHaveLength(1);
    expect(new Set(all.map((row) => row.memberNumber)).size).toBe(all.length);
    expect(all.some((row) => row.source === 'door')).toBe(true);
    expect(all.filter((row) => row.points > 0).length).toBeGreaterThan(all.length / 4);
    const details = await Promise.all(all.map((row) => member(row.contact.id)));
    const manual = details.flatMap((detail) => detail!.ledger.filter((entry) => entry.kind === 'adjustment' || entry.kind === 'redemption'));
    expect(manual.length).toBeGreaterThanOrEqual(4);
    for (const detail of details) {
      expect(detail!.ledger.every((entry) => entry.balance >= 0 && Date.parse(entry.at) <= Date.now())).toBe(true);
    }
  });
});
