import type { MemberRow } from '../schemas/club';
import { hasConsent, type ConsentChannel } from '../schemas/consent';

/**
 * Every column the member list can show and an export can write, with the
 * kind of its value. The kind decides how each format writes it: `code` stays
 * text everywhere (postcode 01067, phone numbers), `date` becomes a real date
 * cell in XLSX and TT.MM.JJJJ in the German CSV, `money` is cents.
 */
export const memberColumnKinds = {
  memberNumber: 'code',
  firstName: 'text',
  lastName: 'text',
  street: 'text',
  postalCode: 'code',
  city: 'text',
  country: 'text',
  email: 'text',
  phone: 'code',
  mobile: 'code',
  birthday: 'birthday',
  tags: 'text',
  tier: 'text',
  points: 'integer',
  status: 'status',
  joinedOn: 'date',
  source: 'source',
  spend12m: 'money',
  totalSpend: 'money',
  lastPurchase: 'date',
  consentEmail: 'boolean',
  consentPost: 'boolean',
  consentPhone: 'boolean',
  consentSms: 'boolean',
  notes: 'text',
} as const;

export type MemberColumnId = keyof typeof memberColumnKinds;
export type MemberColumnKind = (typeof memberColumnKinds)[MemberColumnId];
export const memberColumnIds = Object.keys(memberColumnKinds) as [MemberColumnId, ...MemberColumnId[]];

/**
 * A cell's value before a format writes it: text, a number (cents for money),
 * an ISO date (birthdays may be `--MM-DD` without a year), a boolean, or
 * undefined for an empty cell. Status and source are their codes.
 */
export type CellValue = string | number | boolean | undefined;

const anyPurposeConsent = (row: MemberRow, channel: ConsentChannel) =>
  hasConsent(row.contact.consents, channel, 'marketing') || hasConsent(row.contact.consents, channel, 'club');

export function memberCell(row: MemberRow, column: MemberColumnId): CellValue {
  const { contact } = row;
  switch (column) {
    case 'memberNumber':
      return row.memberNumber;
    case 'tags':
      return contact.tags.length > 0 ? contact.tags.join(', ') : undefined;
    case 'tier':
      return row.tier;
    case 'points':
      return row.points;
    case 'status':
      return row.status;
    case 'joinedOn':
      return row.joinedOn;
    case 'source':
      return row.source;
    case 'spend12m':
      return row.spend12mCents;
    case 'totalSpend':
      return row.totalSpendCents;
    case 'lastPurchase':
      return row.lastPurchaseOn;
    case 'consentEmail':
      return anyPurposeConsent(row, 'email');
    case 'consentPost':
      return anyPurposeConsent(row, 'post');
    case 'consentPhone':
      return anyPurposeConsent(row, 'phone');
    case 'consentSms':
      return anyPurposeConsent(row, 'sms');
    default:
      return contact[column];
  }
}

/** Whether the member may be contacted on this channel: her newest record for it grants consent, for marketing or for the club. */
export const mayContact = anyPurposeConsent;
