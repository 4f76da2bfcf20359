import { describe, expect, it } from 'vitest';
import {
  addMonths,
  birthdayIn,
  formatMemberNumber,
  pointsBalance,
  pointsLedger,
  purchasePoints,
  spending,
  tierStanding,
  type MemberFacts,
  type Purchase,
} from '../../shared/club/points';
import type { Membership, StoredPointsEntry } from '../../shared/schemas/club';
import { localDate } from '../../shared/days';

// Times are this computer's wall-clock times (no offset), as the club counts days locally; so the tests hold in any time zone.
const time = (local: string) => new Date(local.length === 10 ? `${local}T00:00` : local).getTime();
const iso = (local: string) => new Date(time(local)).toISOString();

const purchase = (orderId: string, at: string, totalCents: number, cancelled = false): Purchase => ({
  orderId,
  createdAt: iso(at),
  time: time(at),
  day: localDate(new Date(time(at))),
  totalCents,
  cancelled,
});
const manual = (at: string, kind: StoredPointsEntry['kind'], points: number, reason = 'von Hand'): StoredPointsEntry => ({ id: `entry-${at}`, at: iso(at), kind, points, reason });

const rules = { pointsPerEuro: 1, birthdayBonus: 0, pointsExpireMonths: undefined as number | undefined };

function facts(membership: Partial<Membership>, more: Partial<MemberFacts> = {}): MemberFacts {
  return { membership: { joinedOn: '2022-01-10', status: 'active', points: [], absences: [], ...membership }, purchases: [], ...more };
}
/** The ledger as compact lines: local time, kind, points, balance. */
const lines = (subject: MemberFacts, rulesUsed: Partial<typeof rules>, now: string) =>
  pointsLedger(subject, { ...rules, ...rulesUsed }, time(now)).map(({ at, kind, points, balance }) => [localDate(new Date(at)), kind, points, balance]);

describe('purchasePoints', () => {
  it.each([
    [1999, 1, 19],
    [100, 1, 1],
    [99, 1, 0],
    [0, 1, 0],
    [2500, 2, 50],
    [1999, 1.5, 29], // 29.985
    [9000, 0.7, 63], // 62.99999999999999 in binary floating point
    [17000, 0.7, 119],
    [12345, 0, 0],
  ])('%i cents at %d points per euro give %i points', (cents, rate, points) => {
    expect(purchasePoints(cents, rate)).toBe(points);
  });
});

describe('pointsLedger: purchases', () => {
  it('counts orders from the day she joined until she left, leaves out cancelled ones and those worth 0 points, oldest first', () => {
    const member = facts(
      { joinedOn: '2023-03-10', status: 'left', statusChangedAt: iso('2023-09-01T12:00') },
      {
        purchases: [
          purchase('after-leaving', '2023-09-01T12:00', 5000),
          purchase('second', '2023-05-02T18:30', 1999),
          purchase('day-before', '2023-03-09T23:59', 10000),
          purchase('cancelled', '2023-04-01T10:00', 8000, true),
          purchase('first', '2023-03-10T00:00', 4990),
          purchase('too-small', '2023-06-01T10:00', 99),
          purchase('last-minute', '2023-09-01T11:59', 1000),
        ],
      },
    );
    const ledger = pointsLedger(member, rules, time('2024-01-01'));
    expect(ledger.map(({ orderId, points, balance, kind }) => [orderId, kind, points, balance])).toEqual([
      ['first', 'purchase', 49, 49],
      ['second', 'purchase', 19, 68],
      ['last-minute', 'purchase', 10, 78],
    ]);
    expect(ledger[0]!.at).toBe(iso('2023-03-10T00:00'));
    expect(pointsBalance(member, rules, time('2024-01-01'))).toBe(78);
  });

  it('leaves out the time she had left before joining again', () => {
    const member = facts(
      { joinedOn: '2022-01-10', absences: [{ from: iso('2022-06-01T10:00'), until: iso('2023-02-01T09:00') }] },
      { birthday: '1980-09-15', purchases: [purchase('before', '2022-05-31T10:00', 1000), purchase('away', '2022-12-01T10:00', 5000), purchase('back', '2023-02-01T09:00', 2000)] },
    );
    expect(pointsLedger(member, { ...rules, birthdayBonus: 10 }, time('2023-06-01')).map(({ orderId, kind, points }) => [orderId, kind, points])).toEqual([
      ['before', 'purchase', 10],
      ['back', 'purchase', 20],
    ]);
  });

  it('counts purchases of paused members', () => {
    expect(pointsBalance(facts({ status: 'paused' }, { purchases: [purchase('p', '2022-02-01T10:00', 2000)] }), rules, time('2023-01-01'))).toBe(20);
  });

  it('adds manual entries as entered, signed, with their reasons', () => {
    const member = facts(
      { joinedOn: '2023-01-01', points: [manual('2023-02-01T09:00', 'adjustment', 30, 'Willkommen'), manual('2023-04-01T09:00', 'redemption', -40, 'Gutschein'), manual('2023-05-01T09:00', 'adjustment', -5, 'Korrektur')] },
      { purchases: [purchase('p', '2023-03-01T10:00', 2000)] },
    );
    expect(pointsLedger(member, rules, time('2023-06-01')).map(({ kind, points, reason, balance }) => [kind, points, reason, balance])).toEqual([
      ['adjustment', 30, 'Willkommen', 30],
      ['purchase', 20, '', 50],
      ['redemption', -40, 'Gutschein', 10],
      ['adjustment', -5, 'Korrektur', 5],
    ]);
  });
});

describe('pointsLedger: birthdays', () => {
  const bonus = { birthdayBonus: 50 };

  it.each([
    ['on birthdays after the day she joined, up to today', { joinedOn: '2020-05-10' }, '1990-05-10', '2023-05-10T08:00', ['2021-05-10', '2022-05-10', '2023-05-10']],
    ['not on the day she joined, nor before', { joinedOn: '2022-05-10' }, '--05-10', '2022-12-31', []],
    ['not before today', { joinedOn: '2022-05-10' }, '--05-11', '2022-05-10T23:59', []],
    ['the same year when the birthday comes after joining', { joinedOn: '2022-05-10' }, '--05-11', '2022-05-11T00:00', ['2022-05-11']],
    ['not after she left', { joinedOn: '2020-01-01', status: 'left' as const, statusChangedAt: iso('2022-03-01T10:00') }, '--03-02', '2024-01-01', ['2020-03-02', '2021-03-02']],
    ['on the day she left (credited at midnight)', { joinedOn: '2020-01-01', status: 'left' as const, statusChangedAt: iso('2022-03-02T10:00') }, '--03-02', '2024-01-01', ['2020-03-02', '2021-03-02', '2022-03-02']],
    ['29 February: the 28th in other years', { joinedOn: '2022-01-01' }, '2000-02-29', '2025-03-01', ['2022-02-28', '2023-02-28', '2024-02-29', '2025-02-28']],
    ['without a birthday: none', { joinedOn: '2020-01-01' }, undefined, '2025-01-01', []],
  ])('%s', (_, membership, birthday, now, days) => {
    const entries = pointsLedger(facts(membership, { birthday }), { ...rules, ...bonus }, time(now));
    expect(entries.map(({ at }) => localDate(new Date(at)))).toEqual(days);
    expect(entries.every((entry) => entry.kind === 'birthday' && entry.points === 50 && entry.at === iso(localDate(new Date(entry.at))))).toBe(true);
  });

  it('gives none when the bonus is 0', () => {
    expect(pointsLedger(facts({ joinedOn: '2020-01-01' }, { birthday: '--06-01' }), rules, time('2025-01-01'))).toEqual([]);
  });
});

describe('pointsLedger: expiry', () => {
  it('spends the oldest points first and lets what is left of each earning expire after the months set', () => {
    const member = facts(
      { joinedOn: '2022-01-01', points: [manual('2022-06-01T12:00', 'adjustment', 50), manual('2022-09-01T12:00', 'redemption', -120)] },
      { purchases: [purchase('p', '2022-01-15T10:00', 10000)] },
    );
    expect(lines(member, { pointsExpireMonths: 12 }, '2023-07-01')).toEqual([
      ['2022-01-15', 'purchase', 100, 100],
      ['2022-06-01', 'adjustment', 50, 150],
      ['2022-09-01', 'redemption', -120, 30],
      // The purchase's 100 were spent; 30 of the 50 were left.
      ['2023-06-01', 'expiry', -30, 0],
    ]);
    const ledger = pointsLedger(member, { ...rules, pointsExpireMonths: 12 }, time('2023-07-01'));
    expect(ledger.at(-1)!.at).toBe(iso('2023-06-01T12:00'));
  });

  it('lets points expire only up to now', () => {
    const member = facts({}, { purchases: [purchase('p', '2022-02-01T10:00', 3000)] });
    expect(lines(member, { pointsExpireMonths: 6 }, '2022-08-01T09:59')).toEqual([['2022-02-01', 'purchase', 30, 30]]);
    expect(lines(member, { pointsExpireMonths: 6 }, '2022-08-01T10:00')).toEqual([
      ['2022-02-01', 'purchase', 30, 30],
      ['2022-08-01', 'expiry', -30, 0],
    ]);
  });

  it('never takes the balance below 0: points taken off beyond the balance are paid off by the next earnings', () => {
    const member = facts({ points: [manual('2022-02-01T10:00', 'adjustment', -80, 'Korrektur')] }, { purchases: [purchase('p', '2022-03-01T10:00', 10000)] });
    expect(lines(member, { pointsExpireMonths: 3 }, '2023-01-01')).toEqual([
      ['2022-02-01', 'adjustment', -80, -80],
      ['2022-03-01', 'purchase', 100, 20],
      ['2022-06-01', 'expiry', -20, 0],
    ]);
  });

  it('lets each earning expire on its own, partly spent ones with what is left', () => {
    const member = facts(
      { points: [manual('2022-03-20T10:00', 'redemption', -15)] },
      { birthday: '--03-01', purchases: [purchase('a', '2022-02-01T10:00', 1000), purchase('b', '2022-04-01T10:00', 2000)] },
    );
    expect(lines(member, { pointsExpireMonths: 2, birthdayBonus: 20 }, '2022-12-31')).toEqual([
      ['2022-02-01', 'purchase', 10, 10],
      ['2022-03-01', 'birthday', 20, 30],
      ['2022-03-20', 'redemption', -15, 15],
      // 10 of the purchase and 5 of the birthday spent.
      ['2022-04-01', 'purchase', 20, 35],
      ['2022-05-01', 'expiry', -15, 20],
      ['2022-06-01', 'expiry', -20, 0],
    ]);
  });

  it('counts months on the calendar: earned on 31 January, gone on the last day of February', () => {
    const member = facts({ joinedOn: '2023-01-01' }, { purchases: [purchase('p', '2023-01-31T15:00', 1000)] });
    expect(lines(member, { pointsExpireMonths: 1 }, '2023-03-01')).toEqual([
      ['2023-01-31', 'purchase', 10, 10],
      ['2023-02-28', 'expiry', -10, 0],
    ]);
  });

  it('keeps every point without an expiry set', () => {
    const member = facts({ joinedOn: '2000-01-01' }, { purchases: [purchase('p', '2000-02-01T10:00', 1000)] });
    expect(pointsBalance(member, rules, time('2030-01-01'))).toBe(10);
  });
});

describe('spending', () => {
  const now = '2024-06-15T12:00';
  it('sums orders that are not cancelled: of the 12 months up to now, and all; the newest day', () => {
    const purchases = [
      purchase('a', '2023-06-15T11:59:59.999', 1000),
      // Exactly twelve months ago counts.
      purchase('b', '2023-06-15T12:00', 2000),
      purchase('c', '2024-03-01T10:00', 3000),
      purchase('cancelled', '2024-06-01T10:00', 99_900, true),
      purchase('d', '2024-05-20T21:00', 4000),
    ];
    expect(spending(purchases, time(now))).toEqual({ spend12mCents: 9000, totalSpendCents: 10_000, lastPurchaseOn: '2024-05-20' });
  });

  it('knows no last purchase without one', () => {
    expect(spending([purchase('cancelled', '2024-01-01T10:00', 500, true)], time(now))).toEqual({ spend12mCents: 0, totalSpendCents: 0 });
  });
});

describe('tierStanding', () => {
  const tiers = [
    { name: 'Bronze', threshold: 0 },
    { name: 'Silber', threshold: 25_000 },
    { name: 'Gold', threshold: 50_000 },
  ];
  it.each([
    [0, { tier: 'Bronze', nextTier: { name: 'Silber', missing: 25_000 } }],
    [24_999, { tier: 'Bronze', nextTier: { name: 'Silber', missing: 1 } }],
    [25_000, { tier: 'Silber', nextTier: { name: 'Gold', missing: 25_000 } }],
    [49_999, { tier: 'Silber', nextTier: { name: 'Gold', missing: 1 } }],
    [50_000, { tier: 'Gold' }],
    [1_000_000, { tier: 'Gold' }],
    [-5, { nextTier: { name: 'Bronze', missing: 5 } }],
  ])('%i reaches %o', (value, standing) => {
    expect(tierStanding(tiers, value)).toEqual(standing);
  });

  it('has no tier below a first threshold above 0, and none at all without tiers', () => {
    expect(tierStanding([{ name: 'Club', threshold: 100 }], 40)).toEqual({ nextTier: { name: 'Club', missing: 60 } });
    expect(tierStanding([], 1000)).toEqual({});
  });
});

describe('formatMemberNumber', () => {
  it.each([
    ['KC-{n:5}', 42, 'KC-00042'],
    ['KC-{n:5}', 123456, 'KC-123456'],
    ['{n}', 7, '7'],
    ['M{n:3}/Dresden', 5, 'M005/Dresden'],
  ])('%s with %i is %s', (format, n, number) => {
    expect(formatMemberNumber(format, n)).toBe(number);
  });
});

describe('calendar', () => {
  it.each([
    ['2000-02-29', 2023, '2023-02-28'],
    ['--02-29', 2024, '2024-02-29'],
    ['1980-12-31', 2025, '2025-12-31'],
  ])('birthday %s falls on %s in %i', (birthday, year, day) => {
    expect(birthdayIn(birthday, year)).toBe(day);
  });

  it.each([
    ['2024-01-31T10:00', 1, '2024-02-29T10:00'],
    ['2023-01-31T10:00', 1, '2023-02-28T10:00'],
    ['2024-02-29T10:00', -12, '2023-02-28T10:00'],
    ['2024-06-15T12:00', -12, '2023-06-15T12:00'],
    ['2023-11-30T23:30', 3, '2024-02-29T23:30'],
  ])('%s plus %i months is %s', (from, months, to) => {
    expect(addMonths(time(from), months)).toBe(time(to));
  });
});
