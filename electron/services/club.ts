import { nanoid } from 'nanoid';
import type { OutputOf, ParsedInputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { mayContact, memberCell, memberColumnKinds, type CellValue, type MemberColumnId } from '../../shared/club/columns';
import { addMonths, pointsBalance, pointsLedger, spending, tierStanding, type MemberFacts, type Purchase } from '../../shared/club/points';
import {
  joinSources,
  memberStatuses,
  type ClubSettings,
  type MemberDetail,
  type MemberRow,
  type Membership,
  type SavedView,
} from '../../shared/schemas/club';
import type { Contact } from '../../shared/schemas/contact';
import { hasConsent } from '../../shared/schemas/consent';
import { normalize, words } from '../../shared/search/normalize';
import type { ClubDocument } from '../store/documents';
import type { Store } from '../store/store';
import { joinClub } from './club-memberships';
import { purchaseIndex } from './club-orders';
import { collationRanks, collator } from './contact-index';
import { perStore } from './per-store';

type Filters = ParsedInputOf<'club.members'>['filters'];
type Sort = ParsedInputOf<'club.members'>['sort'];

const notMember = () => new AppError('NOT_FOUND', 'errors.notMember');
const memberLeft = () => new AppError('CONFLICT', 'errors.memberLeft');
const contactNotFound = () => new AppError('NOT_FOUND', 'errors.contactNotFound');
const viewNotFound = () => new AppError('NOT_FOUND', 'errors.viewNotFound');
const pointsInvalid = (message: string) => new AppError('VALIDATION', 'The points are not valid.', [{ path: 'points', message }]);

/** Member numbers and postcodes compare digit runs as numbers, so KC-9 comes before KC-10. */
const codeCollator = new Intl.Collator('de', { numeric: true });

/** What a member's row is computed from. */
interface Member {
  contact: Contact;
  membership: Membership;
  facts: MemberFacts;
}

function memberOf(store: Store, membership: Membership): Member | undefined {
  const contact = store.contact(membership.contactId);
  if (!contact) return undefined;
  return { contact, membership, facts: { membership, birthday: contact.birthday, purchases: purchaseIndex(store).purchasesOf(contact.id) } };
}

/** The moment a list is computed for, and twelve months before it (computed once per list). */
interface Clock {
  now: number;
  yearAgo: number;
}
const clockNow = (now = Date.now()): Clock => ({ now, yearAgo: addMonths(now, -12) });

/** The tier basis's value: spend of the last 12 months in cents, or the points balance. */
function rowOf({ contact, membership, facts }: Member, settings: ClubSettings, { now, yearAgo }: Clock): MemberRow {
  const points = pointsBalance(facts, settings, now);
  const spent = spending(facts.purchases, now, yearAgo);
  const { tier } = tierStanding(settings.tiers, settings.tierBasis === 'points' ? points : spent.spend12mCents);
  const { memberNumber, joinedOn, status, source } = membership;
  return { contact, memberNumber, joinedOn, status, source, ...(tier !== undefined && { tier }), points, ...spent };
}

function detailOf(member: Member, settings: ClubSettings, clock: Clock): MemberDetail {
  const row = rowOf(member, settings, clock);
  const { nextTier } = tierStanding(settings.tiers, settings.tierBasis === 'points' ? row.points : row.spend12mCents);
  return { member: row, ledger: pointsLedger(member.facts, settings, clock.now), ...(nextTier && { nextTier }) };
}

/** Whether the search words find her: each one starts a word of her name, or is part of her member number, e-mail address or city. */
function matchesQuery(terms: readonly string[], contact: Contact, memberNumber: string): boolean {
  const name = words(`${contact.firstName} ${contact.lastName}`);
  const other = [memberNumber, contact.email ?? '', contact.city ?? ''].map(normalize);
  return terms.every((term) => name.some((word) => word.startsWith(term)) || other.some((text) => text.includes(term)));
}

/** A test for the filters on the contact and the membership (cheap), and one for those on computed values. */
function filterTests(filters: Filters) {
  const statuses = new Set(filters.statuses);
  const terms = words(filters.query ?? '');
  const tags = (filters.tags ?? []).map(normalize);
  const place = normalize(filters.place ?? '');
  const byPostcode = /^\d/.test(place);
  const month = filters.birthdayMonth?.toString().padStart(2, '0');
  const { consent, spendMinCents, spendMaxCents, lastPurchaseAfter, lastPurchaseBefore } = filters;
  const tiers = filters.tiers && new Set(filters.tiers.map(normalize));

  const before = ({ contact, status, memberNumber }: MemberRow): boolean =>
    statuses.has(status) &&
    (terms.length === 0 || matchesQuery(terms, contact, memberNumber)) &&
    tags.every((tag) => contact.tags.some((own) => normalize(own) === tag)) &&
    // As the contact list's place filter: a postcode prefix, or the start of the city's name.
    (!place || (byPostcode ? (contact.postalCode ?? '').startsWith(place) : normalize(contact.city ?? '').startsWith(place))) &&
    // A birthday is YYYY-MM-DD or --MM-DD: the month is at the same place from the end.
    (!month || contact.birthday?.slice(-5, -3) === month);

  const after = (row: MemberRow): boolean =>
    (!tiers || (row.tier !== undefined && tiers.has(normalize(row.tier)))) &&
    (!consent || (consent.purpose ? hasConsent(row.contact.consents, consent.channel, consent.purpose) : mayContact(row, consent.channel))) &&
    (spendMinCents === undefined || row.spend12mCents >= spendMinCents) &&
    (spendMaxCents === undefined || row.spend12mCents <= spendMaxCents) &&
    // Without any purchase she matches neither bound.
    (!lastPurchaseAfter || (row.lastPurchaseOn !== undefined && row.lastPurchaseOn >= lastPurchaseAfter)) &&
    (!lastPurchaseBefore || (row.lastPurchaseOn !== undefined && row.lastPurchaseOn <= lastPurchaseBefore));

  return { before, after };
}

const isEmpty = (value: CellValue) => value === undefined || value === '';

/** Compares two cells of a column by its kind, tiers by their rank; both are non-empty. */
function compareCells(column: MemberColumnId, a: NonNullable<CellValue>, b: NonNullable<CellValue>, tierRank: ReadonlyMap<string, number>): number {
  if (column === 'tier') return (tierRank.get(String(a)) ?? -1) - (tierRank.get(String(b)) ?? -1);
  switch (memberColumnKinds[column]) {
    case 'text':
      return collator.compare(String(a), String(b));
    case 'code':
      return codeCollator.compare(String(a), String(b));
    case 'birthday':
      // By day of the year (as a birthday list reads), then by year; `--MM-DD` has none.
      return String(a).slice(-5).localeCompare(String(b).slice(-5)) || String(a).localeCompare(String(b));
    case 'status':
      return memberStatuses.indexOf(a as never) - memberStatuses.indexOf(b as never);
    case 'source':
      return joinSources.indexOf(a as never) - joinSources.indexOf(b as never);
    case 'date':
      return a < b ? -1 : a > b ? 1 : 0;
    default:
      return Number(a) - Number(b);
  }
}

/**
 * Each row's place among the column's distinct values (undefined for an empty
 * cell): the collator then compares each value once, not on every step of the
 * sort; 10,000 rows sort in a few milliseconds.
 */
function cellRanks(rows: readonly MemberRow[], column: MemberColumnId, tierRank: ReadonlyMap<string, number>): Array<number | undefined> {
  const cells = rows.map((row) => memberCell(row, column));
  const distinct = [...new Set(cells.filter((cell) => !isEmpty(cell)))] as Array<NonNullable<CellValue>>;
  distinct.sort((a, b) => compareCells(column, a, b, tierRank));
  const ranks = new Map<CellValue, number>();
  // Values the column's order cannot tell apart share a place.
  distinct.forEach((value, index) => ranks.set(value, index > 0 && compareCells(column, distinct[index - 1]!, value, tierRank) === 0 ? ranks.get(distinct[index - 1])! : index));
  return cells.map((cell) => ranks.get(cell));
}

/** The list's order: the sort's columns (empty cells last either way; tiers from lowest to highest), then last name, first name, member number. */
function sortRows(rows: readonly MemberRow[], sort: Sort, settings: ClubSettings): MemberRow[] {
  const tierRank = new Map(settings.tiers.map((tier, rank) => [tier.name, rank]));
  const columns = sort.map(({ column, direction }) => ({ ranks: cellRanks(rows, column, tierRank), sign: direction === 'desc' ? -1 : 1 }));
  // Namesakes share a place, and their member numbers decide.
  const lastNames = collationRanks(rows.map((row) => row.contact.lastName));
  const firstNames = collationRanks(rows.map((row) => row.contact.firstName));
  const last = rows.map((row) => lastNames.get(row.contact.lastName)!);
  const first = rows.map((row) => firstNames.get(row.contact.firstName)!);
  const order = rows.map((_, index) => index);
  order.sort((a, b) => {
    for (const { ranks, sign } of columns) {
      const x = ranks[a];
      const y = ranks[b];
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return sign * (x - y);
    }
    return last[a]! - last[b]! || first[a]! - first[b]! || codeCollator.compare(rows[a]!.memberNumber, rows[b]!.memberNumber);
  });
  return order.map((index) => rows[index]!);
}

/** Values that move with time alone (spend of the last 12 months, expiring points, birthday points) are at most this old in a list. */
const ROWS_FRESH_MS = 60_000;
/** Lists of this many views (filters and sort) are kept, for paging and bulk actions. */
const VIEWS_KEPT = 8;

/**
 * Every member's row, computed once and kept until what it is computed from
 * changes, and the rows of the latest views in their order, so that paging
 * through 10,000 members does not compute and sort them all for each page.
 * Documents are never changed in place (a change stores new objects), so a
 * row is current while its contact, membership and purchases are the same
 * objects as when it was computed, under the same club rules, within
 * ROWS_FRESH_MS: every change (an edit, a join, points, an order, an import,
 * a merge, an erasure) is seen at the next list, whichever way it was written.
 */
class MemberRows {
  private readonly rows = new Map<string, { row: MemberRow; membership: Membership; purchases: readonly Purchase[] }>();
  private settings?: ClubSettings;
  /** When the oldest of the rows was computed. */
  private clock = clockNow();
  /** The current rows, in the memberships' order; recomputed when any row changed. */
  private current: MemberRow[] = [];
  private readonly views = new Map<string, MemberRow[]>();

  /** What the rows were last checked against: while all of it stands, they are current without looking at each. */
  private checked?: { club: ClubDocument };
  private contactsOrOrdersChanged = true;

  constructor(private readonly store: Store) {
    store.onContactChange(() => (this.contactsOrOrdersChanged = true));
    store.onEventChange((next, previous) => (this.contactsOrOrdersChanged ||= next.orders !== previous?.orders));
    store.onReorderChange(() => (this.contactsOrOrdersChanged = true));
  }

  /** Every member's row (members whose contact exists), current. */
  all(): readonly MemberRow[] {
    const club = this.store.singletons.club.data;
    const { settings, memberships } = club;
    const now = Date.now();
    const fresh = now >= this.clock.now && now - this.clock.now < ROWS_FRESH_MS;
    if (fresh && !this.contactsOrOrdersChanged && this.checked?.club === club) return this.current;
    this.checked = { club };
    this.contactsOrOrdersChanged = false;
    if (settings !== this.settings || !fresh) {
      this.rows.clear();
      this.settings = settings;
      this.clock = clockNow(now);
    }
    const purchases = purchaseIndex(this.store);
    let clock: Clock | undefined;
    let changed = this.rows.size !== this.current.length;
    const current: MemberRow[] = [];
    for (const membership of Object.values(memberships)) {
      const contact = this.store.contact(membership.contactId);
      if (!contact) continue;
      const known = this.rows.get(contact.id);
      const bought = purchases.purchasesOf(contact.id);
      if (known && known.row.contact === contact && known.membership === membership && known.purchases === bought) {
        current.push(known.row);
        continue;
      }
      // Computed for now (an order just taken counts), so rows of one list may be up to ROWS_FRESH_MS apart.
      clock ??= clockNow(now);
      const row = rowOf({ contact, membership, facts: { membership, birthday: contact.birthday, purchases: bought } }, settings, clock);
      this.rows.set(contact.id, { row, membership, purchases: bought });
      current.push(row);
      changed = true;
    }
    if (changed || current.length !== this.current.length) {
      // Rows of members who left the list (a contact removed, a membership gone) are dropped.
      const listed = new Set(current.map((row) => row.contact.id));
      for (const contactId of this.rows.keys()) if (!listed.has(contactId)) this.rows.delete(contactId);
      this.current = current;
      this.views.clear();
    }
    return this.current;
  }

  /** The members the filters match, in the sort's order. */
  view(filters: Filters, sort: Sort): MemberRow[] {
    const rows = this.all();
    const key = JSON.stringify([filters, sort]);
    let found = this.views.get(key);
    if (!found) {
      const { before, after } = filterTests(filters);
      found = sortRows(rows.filter((row) => before(row) && after(row)), sort, this.settings!);
      if (this.views.size >= VIEWS_KEPT) this.views.delete(this.views.keys().next().value!);
    } else {
      this.views.delete(key);
    }
    // The latest used last: the one used longest ago goes first.
    this.views.set(key, found);
    return found;
  }
}

const memberRowsOf = perStore((store) => new MemberRows(store));

/** Every member the filters match, in the sort's order: the rows of the list, of bulk actions and of exports. Shared: not to be changed. */
export function memberRows(store: Store, filters: Filters, sort: Sort): readonly MemberRow[] {
  return memberRowsOf(store).view(filters, sort);
}

export function clubService(store: Store) {
  const club = store.singletons.club;

  function detail(contactId: string, data: ClubDocument = club.data): MemberDetail {
    const membership = data.memberships[contactId];
    const member = membership && memberOf(store, membership);
    if (!member) throw notMember();
    return detailOf(member, data.settings, clockNow());
  }

  /** Changes a current member's membership; one who never joined or has left is refused. */
  function changeMembership(contactId: string, change: (membership: Membership, data: ClubDocument) => Membership): Promise<MemberDetail> {
    return club.update((current) => {
      const membership = current.memberships[contactId];
      if (!membership || !store.contact(contactId)) throw notMember();
      if (membership.status === 'left') throw memberLeft();
      const next = { ...current, memberships: { ...current.memberships, [contactId]: change(membership, current) } };
      return { next, result: detail(contactId, next) };
    });
  }

  return {
    settingsGet: (): OutputOf<'club.settings.get'> => club.data.settings,

    // The rules come whole (checked by the contract): an absent expiry means points never expire.
    settingsUpdate: (settings: ParsedInputOf<'club.settings.update'>): Promise<OutputOf<'club.settings.update'>> =>
      club.update((current) => ({ next: { ...current, settings }, result: settings })),

    join: ({ contactId, source }: ParsedInputOf<'club.join'>): Promise<OutputOf<'club.join'>> =>
      club.update((current) => {
        if (!store.contact(contactId)) throw contactNotFound();
        const joined = joinClub(current, contactId, source, new Date());
        return { next: joined.club, result: detail(contactId, joined.club) };
      }),

    leave: ({ contactId }: ParsedInputOf<'club.leave'>): Promise<OutputOf<'club.leave'>> =>
      changeMembership(contactId, (membership) => ({ ...membership, status: 'left', statusChangedAt: new Date().toISOString() })),

    setStatus: ({ contactId, status }: ParsedInputOf<'club.setStatus'>): Promise<OutputOf<'club.setStatus'>> =>
      changeMembership(contactId, (membership) => (membership.status === status ? membership : { ...membership, status, statusChangedAt: new Date().toISOString() })),

    addPoints: ({ contactId, kind, points, reason }: ParsedInputOf<'club.addPoints'>): Promise<OutputOf<'club.addPoints'>> =>
      changeMembership(contactId, (membership, current) => {
        if (kind === 'redemption') {
          if (points < 0) throw pointsInvalid('validation.redemptionPositive');
          const member = memberOf(store, membership)!;
          if (points > pointsBalance(member.facts, current.settings, Date.now())) throw pointsInvalid('validation.notEnoughPoints');
        }
        const recordedBy = store.settings.data.settings.operatorName;
        const entry = { id: nanoid(), at: new Date().toISOString(), kind, points: kind === 'redemption' ? -points : points, reason, ...(recordedBy && { recordedBy }) };
        return { ...membership, points: [...membership.points, entry] };
      }),

    members: ({ filters, sort, limit, offset }: ParsedInputOf<'club.members'>): OutputOf<'club.members'> => {
      const rows = memberRows(store, filters, sort);
      return { items: rows.slice(offset, offset + limit), total: rows.length };
    },

    memberIds: ({ filters, sort }: ParsedInputOf<'club.memberIds'>): OutputOf<'club.memberIds'> => ({
      ids: memberRows(store, filters, sort).map((row) => row.contact.id),
    }),

    member: ({ contactId }: ParsedInputOf<'club.member'>): OutputOf<'club.member'> => {
      if (!store.contact(contactId)) throw contactNotFound();
      return club.data.memberships[contactId] ? detail(contactId) : null;
    },

    tiers: (): OutputOf<'club.tiers'> => {
      const counts = new Map(club.data.settings.tiers.map((tier) => [tier.name, 0]));
      for (const row of memberRowsOf(store).all()) {
        if (row.tier !== undefined) counts.set(row.tier, counts.get(row.tier)! + 1);
      }
      return [...counts].map(([name, count]) => ({ name, count }));
    },

    viewsList: (): OutputOf<'club.views.list'> => Object.values(club.data.views).sort((a, b) => collator.compare(a.name, b.name)),

    viewsSave: ({ id, name, view }: ParsedInputOf<'club.views.save'>): Promise<OutputOf<'club.views.save'>> =>
      club.update((current) => {
        const at = new Date().toISOString();
        const existing = id === undefined ? undefined : current.views[id];
        if (id !== undefined && !existing) throw viewNotFound();
        const saved: SavedView = { id: existing?.id ?? nanoid(), name, view, createdAt: existing?.createdAt ?? at, updatedAt: at };
        return { next: { ...current, views: { ...current.views, [saved.id]: saved } }, result: saved };
      }),

    viewsDelete: ({ id }: ParsedInputOf<'club.views.delete'>): Promise<OutputOf<'club.views.delete'>> =>
      club.update((current) => {
        if (!current.views[id]) throw viewNotFound();
        const { [id]: _, ...views } = current.views;
        return { next: { ...current, views }, result: { id } };
      }),
  };
}
