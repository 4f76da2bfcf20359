import type { ClubSettings, Membership, PointsEntry, Tier } from '../schemas/club';

/**
 * The club's arithmetic, pure: a member's points history (derived from her
 * orders, her birthday and the entries made by hand), her tier, what she
 * spent, and member numbers. Times are compared as milliseconds; calendar days
 * (joining, birthdays, months until points expire) are this computer's local
 * days, as everywhere in the app.
 */

/** One order of a member, as points and tiers need it. */
export interface Purchase {
  orderId: string;
  /** As stored, and as milliseconds. */
  createdAt: string;
  time: number;
  /** The local day it was created, `YYYY-MM-DD`. */
  day: string;
  totalCents: number;
  cancelled: boolean;
}

export interface MemberFacts {
  membership: Pick<Membership, 'joinedOn' | 'status' | 'statusChangedAt' | 'points' | 'absences'>;
  /** `YYYY-MM-DD` or `--MM-DD`. */
  birthday?: string;
  purchases: readonly Purchase[];
}

type Rules = Pick<ClubSettings, 'pointsPerEuro' | 'birthdayBonus' | 'pointsExpireMonths'>;
/** A line before its balance; `at` is left out where it would be made from `time` (only the ledger needs it). */
type Entry = Omit<PointsEntry, 'balance' | 'at'> & { time: number; at?: string };

/** Local midnight at the start of a `YYYY-MM-DD` day. */
function startOfDay(isoDate: string): number {
  return new Date(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))).getTime();
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysInMonth = (year: number, month: number) => (month === 1 ? (isLeapYear(year) ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month]!);

/** The same local wall-clock time `months` later (earlier when negative); the 31st becomes the month's last day. */
export function addMonths(time: number, months: number): number {
  // One Date, changed in place: a list with expiry computes this for every earning of 10,000 members.
  const date = new Date(time);
  const day = date.getDate();
  date.setDate(1);
  date.setMonth(date.getMonth() + months);
  date.setDate(Math.min(day, daysInMonth(date.getFullYear(), date.getMonth())));
  return date.getTime();
}

/** The day of a birthday (`YYYY-MM-DD` or `--MM-DD`) in `year`; 29 February is the 28th in other years. */
export function birthdayIn(birthday: string, year: number): string {
  const monthDay = birthday.slice(-5);
  return `${year}-${monthDay === '02-29' && !isLeapYear(year) ? '02-28' : monthDay}`;
}

/** Points for a purchase: full euros times the rate, rounded down. */
export function purchasePoints(totalCents: number, pointsPerEuro: number): number {
  // Binary floating point makes 90 × 0.7 into 62.999…; below a millionth it is noise.
  return Math.floor((totalCents / 100) * pointsPerEuro + 5e-7);
}

/** While she is a member: from the start of the day she joined until she left (if she did), except the times she had left before. */
function membershipSpan(membership: MemberFacts['membership']): { from: number; until: number; away: (time: number) => boolean } {
  const left = membership.status === 'left' && membership.statusChangedAt ? Date.parse(membership.statusChangedAt) : Infinity;
  const absences = membership.absences.map((absence) => ({ from: Date.parse(absence.from), until: Date.parse(absence.until) }));
  return { from: startOfDay(membership.joinedOn), until: left, away: (time) => absences.some((absence) => time >= absence.from && time < absence.until) };
}

/** Purchases, birthdays and manual entries, in no particular order (expiry depends on the order of spending). */
function earnedAndSpent({ membership, birthday, purchases }: MemberFacts, rules: Rules, now: number): Entry[] {
  const { from, until, away } = membershipSpan(membership);
  const entries: Entry[] = [];
  if (birthday && rules.birthdayBonus > 0) {
    const last = Math.min(until - 1, now);
    for (let year = Number(membership.joinedOn.slice(0, 4)); year <= new Date(last).getFullYear(); year++) {
      const day = birthdayIn(birthday, year);
      const time = startOfDay(day);
      // Credited at the start of the day, on birthdays after the day she joined.
      if (day > membership.joinedOn && time <= last && !away(time)) entries.push({ time, kind: 'birthday', points: rules.birthdayBonus, reason: '' });
    }
  }
  for (const purchase of purchases) {
    if (purchase.cancelled || purchase.time < from || purchase.time >= until || away(purchase.time)) continue;
    const points = purchasePoints(purchase.totalCents, rules.pointsPerEuro);
    if (points > 0) entries.push({ time: purchase.time, at: purchase.createdAt, kind: 'purchase', points, reason: '', orderId: purchase.orderId });
  }
  for (const stored of membership.points) {
    entries.push({ time: Date.parse(stored.at), at: stored.at, kind: stored.kind, points: stored.points, reason: stored.reason });
  }
  return entries;
}

/**
 * Walks the entries oldest first, adding expiry: what is left of an earning
 * `pointsExpireMonths` after it was earned expires then. Spending takes the
 * oldest points first; spending more than there is leaves a debt that later
 * earnings pay off first, so expiry never takes the balance below 0. Calls
 * `visit` with each entry and the balance after it; answers the balance.
 */
function walk(entries: Entry[], expireMonths: number | undefined, now: number, visit: (entry: Entry, balance: number) => void = () => {}): number {
  // Stable: at the same moment birthdays, purchases, manual entries.
  entries.sort((a, b) => a.time - b.time);
  // Earnings not yet spent, oldest first (so also the first to expire).
  const lots: Array<{ expires: number; left: number }> = [];
  let balance = 0;
  let debt = 0;
  const book = (entry: Entry) => {
    balance += entry.points;
    visit(entry, balance);
  };
  const expireUntil = (time: number) => {
    while (lots.length > 0 && lots[0]!.expires <= time) {
      const { expires, left } = lots.shift()!;
      if (left > 0) book({ time: expires, kind: 'expiry', points: -left, reason: '' });
    }
  };
  for (const entry of entries) {
    if (expireMonths === undefined) {
      book(entry);
      continue;
    }
    // What expires at the moment of an entry is gone before it.
    expireUntil(entry.time);
    if (entry.points > 0) {
      const paid = Math.min(debt, entry.points);
      debt -= paid;
      lots.push({ expires: addMonths(entry.time, expireMonths), left: entry.points - paid });
    } else {
      let spend = -entry.points;
      for (const lot of lots) {
        const taken = Math.min(lot.left, spend);
        lot.left -= taken;
        spend -= taken;
        if (spend === 0) break;
      }
      debt += spend;
    }
    book(entry);
  }
  if (expireMonths !== undefined) expireUntil(now);
  return balance;
}

/** A member's points history up to `now`, oldest first, each line with the balance after it. */
export function pointsLedger(facts: MemberFacts, rules: Rules, now: number): PointsEntry[] {
  const ledger: PointsEntry[] = [];
  walk(earnedAndSpent(facts, rules, now), rules.pointsExpireMonths, now, ({ time, at, ...entry }, balance) => {
    ledger.push({ at: at ?? new Date(time).toISOString(), ...entry, balance });
  });
  return ledger;
}

/** The balance at `now`. */
export function pointsBalance(facts: MemberFacts, rules: Rules, now: number): number {
  const entries = earnedAndSpent(facts, rules, now);
  // Without expiry the order does not matter: a sum is enough (the member list needs 10,000 of them).
  if (rules.pointsExpireMonths === undefined) return entries.reduce((sum, entry) => sum + entry.points, 0);
  return walk(entries, rules.pointsExpireMonths, now);
}

export interface Spending {
  /** Orders not cancelled, created in the 12 months up to `now`. */
  spend12mCents: number;
  totalSpendCents: number;
  /** The local day of the newest order not cancelled. */
  lastPurchaseOn?: string;
}

/** `since` is twelve months before `now`; a list passes it in, computed once. */
export function spending(purchases: readonly Purchase[], now: number, since = addMonths(now, -12)): Spending {
  let spend12mCents = 0;
  let totalSpendCents = 0;
  let newest: Purchase | undefined;
  for (const purchase of purchases) {
    if (purchase.cancelled) continue;
    totalSpendCents += purchase.totalCents;
    if (purchase.time >= since && purchase.time <= now) spend12mCents += purchase.totalCents;
    if (!newest || purchase.time > newest.time) newest = purchase;
  }
  return { spend12mCents, totalSpendCents, ...(newest && { lastPurchaseOn: newest.day }) };
}

/** The highest tier whose threshold the value reaches, and the next one with what is missing to it. */
export function tierStanding(tiers: readonly Tier[], value: number): { tier?: string; nextTier?: { name: string; missing: number } } {
  const reached = tiers.findLastIndex((tier) => tier.threshold <= value);
  const next = tiers[reached + 1];
  return { ...(reached >= 0 && { tier: tiers[reached]!.name }), ...(next && { nextTier: { name: next.name, missing: next.threshold - value } }) };
}

/** A member number in the club's format: `{n}` is the running number, `{n:5}` padded to five digits. */
export function formatMemberNumber(format: string, n: number): string {
  return format.replace(/\{n(?::([1-9]))?\}/, (_, width: string | undefined) => String(n).padStart(Number(width ?? 0), '0'));
}
