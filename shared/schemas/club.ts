import { z } from 'zod';
import { id, isoDate, isoDateTime, optionalText, requiredText } from './common';
import { cents } from './catalog';
import { contact } from './contact';
import { consentChannels, consentPurposes } from './consent';
import { memberColumnIds } from '../club/columns';

/**
 * The customer club (Kundenclub): its rules, its memberships with their points,
 * the member list's saved views and the export log (DESIGN.md §2).
 */

export const tierBases = ['spend12m', 'points'] as const;

/** A tier applies from its threshold on: cents of spend in the last 12 months, or points. */
export const tier = z.strictObject({
  name: requiredText(40),
  threshold: z.number().int().min(0).max(100_000_000),
});

export const clubSettings = z.strictObject({
  name: z.string().trim().min(1, { error: 'validation.required' }).max(100, { error: 'validation.tooLong' }).default('Kundenclub'),
  /** Member numbers: `{n}` is the running number, `{n:5}` padded to five digits, e.g. "KC-{n:5}" -> KC-00042. */
  memberNumberFormat: z
    .string()
    .trim()
    .max(40, { error: 'validation.tooLong' })
    .regex(/^[^{}]*\{n(:[1-9])?\}[^{}]*$/, { error: 'validation.memberNumberFormat' })
    .default('KC-{n:5}'),
  tierBasis: z.enum(tierBases).default('spend12m'),
  /** Ascending by threshold; the first applies from 0. Empty: no tiers. */
  tiers: z
    .array(tier)
    .max(10)
    .refine((tiers) => tiers.every((entry, index) => index === 0 || entry.threshold > tiers[index - 1]!.threshold), {
      error: 'validation.tiersAscending',
    })
    .refine((tiers) => new Set(tiers.map((entry) => entry.name.toLowerCase())).size === tiers.length, { error: 'validation.tiersUnique' })
    .default([
      { name: 'Bronze', threshold: 0 },
      { name: 'Silber', threshold: 25_000 },
      { name: 'Gold', threshold: 50_000 },
    ]),
  /** Points per full euro of a purchase (orders that are not cancelled) while a member. */
  pointsPerEuro: z.number().min(0).max(100).default(1),
  /** Points credited on each birthday while a member (needs the day and month). */
  birthdayBonus: z.number().int().min(0).max(100_000).default(50),
  /** Points expire this many months after they were earned (oldest spent first); absent: never. */
  pointsExpireMonths: z.number().int().min(1).max(120).optional(),
});

export const memberStatuses = ['active', 'paused', 'left'] as const;
export const joinSources = ['contact', 'door', 'import'] as const;

/** Points entered by hand; purchase, birthday and expiry entries are derived (see shared/club/points.ts). */
export const manualPointsKinds = ['adjustment', 'redemption'] as const;
export const pointsKinds = ['purchase', 'birthday', 'expiry', ...manualPointsKinds] as const;

export const storedPointsEntry = z.strictObject({
  id,
  at: isoDateTime,
  kind: z.enum(manualPointsKinds),
  /** Signed: a redemption is negative. */
  points: z.number().int().min(-1_000_000).max(1_000_000),
  reason: requiredText(200),
  recordedBy: optionalText(100),
});

export const membership = z.strictObject({
  contactId: id,
  memberNumber: z.string().min(1).max(60),
  joinedOn: isoDate,
  status: z.enum(memberStatuses),
  statusChangedAt: isoDateTime.optional(),
  source: z.enum(joinSources),
  points: z.array(storedPointsEntry).default([]),
  /** Times she had left before joining again: they earn no points. */
  absences: z.array(z.strictObject({ from: isoDateTime, until: isoDateTime })).default([]),
});

/** One line of a member's points history, oldest first; balance after it. */
export const pointsEntry = z.object({
  at: isoDateTime,
  kind: z.enum(pointsKinds),
  points: z.number().int(),
  reason: z.string(),
  orderId: id.optional(),
  balance: z.number().int(),
});

/** A member as the list shows her: membership, contact and what is computed from orders and points. */
export const memberRow = z.object({
  contact,
  memberNumber: z.string(),
  joinedOn: isoDate,
  status: z.enum(memberStatuses),
  source: z.enum(joinSources),
  /** The tier's name; absent when the club has no tiers. */
  tier: z.string().optional(),
  points: z.number().int(),
  spend12mCents: z.number().int(),
  totalSpendCents: z.number().int(),
  /** Day of the newest purchase that is not cancelled. */
  lastPurchaseOn: isoDate.optional(),
});

export const memberDetail = z.object({
  member: memberRow,
  ledger: z.array(pointsEntry),
  /** The next tier and what is missing to it (cents or points, by the tier basis). */
  nextTier: z.object({ name: z.string(), missing: z.number().int() }).optional(),
});

/** The member list's filters; every part optional. Without statuses: active members only. */
export const memberFilter = z.strictObject({
  /** Name, member number, e-mail or city. */
  query: z.string().trim().max(200).optional(),
  statuses: z.array(z.enum(memberStatuses)).min(1).max(3).default(['active']),
  tiers: z.array(z.string().trim().min(1).max(40)).max(10).optional(),
  /** City name or postcode prefix ("01" finds 01067 Dresden). */
  place: z.string().trim().max(100).optional(),
  birthdayMonth: z.number().int().min(1).max(12).optional(),
  /** Members whose newest consent record for this channel (and purpose; default: either) grants it. */
  consent: z.strictObject({ channel: z.enum(consentChannels), purpose: z.enum(consentPurposes).optional() }).optional(),
  lastPurchaseAfter: isoDate.optional(),
  lastPurchaseBefore: isoDate.optional(),
  /** Spend in the last 12 months, inclusive bounds. */
  spendMinCents: cents.optional(),
  spendMaxCents: cents.optional(),
  /** Members carrying every one of these tags. */
  tags: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
});

export const memberColumn = z.enum(memberColumnIds);
export const sortDirections = ['asc', 'desc'] as const;
export const memberSort = z.array(z.strictObject({ column: memberColumn, direction: z.enum(sortDirections).default('asc') })).max(3);

export const defaultMemberColumns = [
  'memberNumber', 'firstName', 'lastName', 'street', 'postalCode', 'city', 'email', 'phone', 'birthday', 'tier', 'points', 'joinedOn',
] as const satisfies readonly (typeof memberColumnIds)[number][];

/** What the member list shows and an export writes: filters, columns, order. */
export const memberView = z.strictObject({
  filters: memberFilter.prefault({}),
  columns: z.array(memberColumn).min(1).max(memberColumnIds.length).default([...defaultMemberColumns]),
  /** Default: last name, first name. */
  sort: memberSort.default([]),
});

export const savedView = z.strictObject({
  id,
  name: requiredText(80),
  view: memberView,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const exportFormats = ['xlsx', 'csv-excel-de', 'csv', 'vcard3', 'vcard4'] as const;
export const printKinds = ['list', 'labels-3x8', 'labels-2x7', 'birthdays'] as const;
/** Why a list leaves the app. A mailing purpose leaves out members without consent for its channel. */
export const exportPurposes = ['list', 'email', 'letter', 'phone'] as const;

/** The consent channel a mailing purpose needs; `list` needs none. */
export const purposeChannel = { list: undefined, email: 'email', letter: 'post', phone: 'phone' } as const;

export const exportRequest = z.strictObject({
  view: memberView.prefault({}),
  /** The saved view's name, for the export log. */
  viewName: optionalText(80),
  purpose: z.enum(exportPurposes).default('list'),
  /** Mailing exports only: include members without consent for the channel. Logged. */
  includeWithoutConsent: z.boolean().default(false),
  /** One row per address (same street and postcode), for letters and labels. */
  onePerHousehold: z.boolean().default(false),
  /** Free text for the log, e.g. "Weihnachtsbrief". */
  note: optionalText(200),
});

export const exportLogEntry = z.strictObject({
  id,
  at: isoDateTime,
  by: optionalText(100),
  format: z.enum([...exportFormats, ...printKinds.map((kind) => `print-${kind}` as const)]),
  purpose: z.enum(exportPurposes),
  viewName: optionalText(80),
  view: memberView,
  onePerHousehold: z.boolean(),
  includeWithoutConsent: z.boolean(),
  note: optionalText(200),
  count: z.number().int(),
  leftOutForConsent: z.number().int(),
  fileName: z.string().optional(),
  /** Everyone in it, for a person's right of access (DSGVO Art. 15). */
  contactIds: z.array(id),
});

export type TierBasis = (typeof tierBases)[number];
export type Tier = z.output<typeof tier>;
export type ClubSettings = z.output<typeof clubSettings>;
export type MemberStatus = (typeof memberStatuses)[number];
export type JoinSource = (typeof joinSources)[number];
export type StoredPointsEntry = z.output<typeof storedPointsEntry>;
export type Membership = z.output<typeof membership>;
export type PointsEntry = z.output<typeof pointsEntry>;
export type MemberRow = z.output<typeof memberRow>;
export type MemberDetail = z.output<typeof memberDetail>;
export type MemberFilter = z.input<typeof memberFilter>;
export type MemberView = z.output<typeof memberView>;
export type MemberViewInput = z.input<typeof memberView>;
export type SavedView = z.output<typeof savedView>;
export type ExportFormat = (typeof exportFormats)[number];
export type PrintKind = (typeof printKinds)[number];
export type ExportPurpose = (typeof exportPurposes)[number];
export type ExportRequest = z.output<typeof exportRequest>;
export type ExportLogEntry = z.output<typeof exportLogEntry>;
