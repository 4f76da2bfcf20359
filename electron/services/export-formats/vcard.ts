import ICAL from 'ical.js';
import { memberColumnLabels } from '../../../shared/club/column-labels';
import type { MemberRow } from '../../../shared/schemas/club';
import type { Locale } from '../../../shared/schemas/settings';
import { fold } from '../ics';

/**
 * Members as vCards for the phone's address book: 3.0 (what phones read) or
 * 4.0. ical.js writes each property (escaping, structured values, the date
 * forms of each version); we fold the lines ourselves, because ical.js leaves
 * continuation lines at 76 octets (see ics.ts), and end the file with CRLF.
 * The view's columns do not apply: a card carries what an address book uses.
 */

export type VcardVersion = 3 | 4;

/** A jCard property (RFC 7095): name, parameters, value type, value(s). */
type JCardProperty = [name: string, parameters: Record<string, string>, type: string, ...values: unknown[]];

const present = (value: string | undefined): value is string => value !== undefined && value !== '';

function cardProperties(row: MemberRow, version: VcardVersion, locale: Locale): JCardProperty[] {
  const { contact } = row;
  // 3.0 writes parameter values in capitals by custom; 4.0's examples write them small.
  const typed = (type: string) => ({ type: version === 3 ? type.toUpperCase() : type });
  const phone = (number: string, parameters: Record<string, string>): JCardProperty => ['tel', parameters, version === 3 ? 'phone-number' : 'text', number];
  const { street, postalCode, city, country } = contact;
  // 3.0 knows only full dates; 4.0 writes a birthday without year as --MMDD.
  const birthday = contact.birthday?.startsWith('--') && version === 3 ? undefined : contact.birthday;
  const categories = [...contact.tags, row.tier].filter(present);
  return [
    ['version', {}, 'text', version === 3 ? '3.0' : '4.0'],
    ['n', {}, 'text', [contact.lastName, contact.firstName, '', '', '']],
    ['fn', {}, 'text', `${contact.firstName} ${contact.lastName}`],
    ...[contact.email, ...(contact.extraEmails ?? [])]
      .filter(present)
      .map((email): JCardProperty => ['email', version === 3 ? typed('internet') : {}, 'text', email]),
    ...(contact.phone ? [phone(contact.phone, typed('voice'))] : []),
    ...(contact.mobile ? [phone(contact.mobile, typed('cell'))] : []),
    // Further numbers from imports: their kind is unknown.
    ...(contact.extraPhones ?? []).map((number) => phone(number, {})),
    ...([street, postalCode, city, country].some(present)
      ? [['adr', typed('home'), 'text', ['', '', street ?? '', city ?? '', '', postalCode ?? '', country ?? '']] satisfies JCardProperty]
      : []),
    ...(birthday ? [['bday', {}, version === 3 ? 'date' : 'date-and-or-time', birthday] satisfies JCardProperty] : []),
    ...(categories.length > 0 ? [['categories', {}, 'text', ...categories] satisfies JCardProperty] : []),
    ['note', {}, 'text', `${memberColumnLabels[locale].memberNumber}: ${row.memberNumber}`],
    ['uid', {}, 'text', contact.id],
  ];
}

export function memberVcards(rows: readonly MemberRow[], version: VcardVersion, locale: Locale): string {
  const design = ICAL.design.getDesignSet(version === 3 ? 'vcard3' : 'vcard');
  return rows
    .map((row) => {
      const lines = cardProperties(row, version, locale).map((property) => fold(ICAL.stringify.property(property, design, true)));
      return ['BEGIN:VCARD', ...lines, 'END:VCARD', ''].join('\r\n');
    })
    .join('');
}
