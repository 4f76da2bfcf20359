import type { z } from 'zod';
import { distinctBy } from '../lists';
import { consentChannels, type ConsentChannel, type ConsentInput } from '../schemas/consent';
import { contactCreate } from '../schemas/contact';
import { parseDate, type DateOrder } from './dates';
import type { Column } from './presets';

const textFields = ['firstName', 'lastName', 'fullName', 'street', 'postalCode', 'city', 'country', 'birthday', 'referredBy'] as const;
type TextField = (typeof textFields)[number];
const addressFields: readonly string[] = ['street', 'postalCode', 'city', 'country'];

/** One person as read from a file (a CSV row or a vCard), before any checks. */
export interface RawRecord {
  /** 1-based physical line: the row's first line, or the line of BEGIN:VCARD. */
  line: number;
  texts: Partial<Record<TextField, string>>;
  emails: string[];
  phones: string[];
  mobiles: string[];
  tags: string[];
  notes: string[];
  consents: { channel: ConsentChannel; header: string; value: string }[];
}

export const emptyRecord = (line: number): RawRecord => ({ line, texts: {}, emails: [], phones: [], mobiles: [], tags: [], notes: [], consents: [] });

/** Google, Outlook and Excel separate several values differently: "a ::: b", "a;b", "a, b". */
export const splitTags = (value: string) =>
  value
    .split(/\s*(?::::|;|,)\s*/)
    .map((tag) => tag.trim())
    // Google's system groups ("* myContacts", "* starred") are not the user's labels.
    .filter((tag) => tag !== '' && !tag.startsWith('*'));

const isMobileKind = (kind: string | undefined) => /mobil|cell|handy/i.test(kind ?? '');

/** A CSV row through the resolved columns. */
export function recordFromCells(columns: Column[], line: number, cells: string[]): RawRecord {
  const record = emptyRecord(line);
  const value = (index: number) => (cells[index] ?? '').trim();
  // An address comes whole from the best-ranked group that has one (home before business).
  const addressRanks = columns.flatMap((column, index) => (addressFields.includes(column.field) && value(index) ? [column.rank ?? 0] : []));
  const addressRank = Math.min(...addressRanks);
  const order = columns.map((column, index) => ({ column, index })).sort((a, b) => (a.column.rank ?? 0) - (b.column.rank ?? 0) || a.index - b.index);
  for (const { column, index } of order) {
    const text = value(index);
    const { field } = column;
    if (text === '' || field === 'ignore') continue;
    if (field.startsWith('consent:')) record.consents.push({ channel: field.slice('consent:'.length) as ConsentChannel, header: column.header, value: text });
    else if (field === 'notes') record.notes.push(column.label ? `${column.label}: ${text}` : text);
    else if (field === 'tags') record.tags.push(...splitTags(text));
    else if (field === 'email' || field === 'phone' || field === 'mobile') {
      const list = field === 'email' ? record.emails : field === 'mobile' || isMobileKind(cells[column.kindIndex ?? -1]) ? record.mobiles : record.phones;
      list.push(...text.split(/\s*:::\s*/));
    } else if (!addressFields.includes(field) || (column.rank ?? 0) === addressRank) {
      const current = record.texts[field as TextField];
      record.texts[field as TextField] = current ? `${current}${field === 'street' ? ', ' : ' '}${text}` : text;
    }
  }
  return record;
}

const particles = new Set(['von', 'van', 'vom', 'zu', 'zum', 'zur', 'de', 'der', 'den', 'di', 'da', 'ten', 'ter', 'le', 'la']);

/** "Meier, Sabine", "Sabine Meier", "Klaus-Dieter von Bülow" into first and last name. */
export function splitFullName(fullName: string): { firstName: string; lastName: string } {
  const name = fullName.trim().replace(/\s+/g, ' ');
  const comma = name.indexOf(',');
  if (comma >= 0) return { firstName: name.slice(comma + 1).trim(), lastName: name.slice(0, comma).trim() };
  const words = name.split(' ');
  if (words.length < 2) return { firstName: name, lastName: '' };
  const particle = words.findIndex((word, index) => index > 0 && particles.has(word.toLowerCase()));
  const split = particle > 0 ? particle : words.length - 1;
  return { firstName: words.slice(0, split).join(' '), lastName: words.slice(split).join(' ') };
}

/** How lists write yes and no (consent columns, a product's "aktiv"). */
export const yes = new Set(['ja', 'j', 'x', '1', 'yes', 'y', 'true', 'wahr']);
export const no = new Set(['nein', 'n', '0', 'no', 'false', 'falsch', '-']);

/** Stands in for a missing first or last name (the contact needs both); the preview warns about it. */
export const MISSING_NAME = '–';

export type ImportedFields = Omit<z.output<typeof contactCreate>, 'referredBy'>;

export interface ImportRow {
  line: number;
  /** Validated; empty when `errors` is not. */
  fields: ImportedFields;
  /** The recommender's name as written; the service links it to a contact. */
  referredByName?: string;
  errors: string[];
  warnings: string[];
}

const labels: Record<string, string> = {
  firstName: 'Vorname',
  lastName: 'Nachname',
  email: 'E-Mail-Adresse',
  extraEmails: 'E-Mail-Adresse',
  phone: 'Telefonnummer',
  mobile: 'Mobilnummer',
  extraPhones: 'Telefonnummer',
  street: 'Straße',
  postalCode: 'Postleitzahl',
  city: 'Ort',
  country: 'Land',
  birthday: 'Geburtstag',
  tags: 'Kategorie',
  notes: 'Notizen',
  consents: 'Einwilligung',
};

/** A schema issue as a German reason naming the field (by `names`: contact fields unless told) and the value as the file wrote it. */
export function reasonFor(issue: z.core.$ZodIssue, input: Record<string, unknown>, names: Record<string, string> = labels): string {
  const [field, index] = issue.path as [string, number | undefined];
  const label = names[field] ?? field;
  const value = typeof index === 'number' ? (input[field] as unknown[])[index] : input[field];
  if (issue.code === 'too_big') return Array.isArray(value) ? `Zu viele Einträge: ${label}` : `${label} ist zu lang (höchstens ${issue.maximum} Zeichen)`;
  if (typeof value === 'string' && value.trim() !== '') return `${label} „${value.trim()}“ ist ungültig`;
  return `${label} fehlt`;
}


export interface RowContext {
  fileName: string;
  dateOrder: DateOrder;
}

/**
 * Checks one record and turns it into the fields to store, with German
 * reasons for everything wrong. Consent comes only from consent columns.
 */
export function toImportRow(raw: RawRecord, context: RowContext): ImportRow {
  const errors: string[] = [];
  const warnings: string[] = [];
  const single = (text: string | undefined) => text?.replace(/\s*[\r\n]+\s*/g, ', ').trim() ?? '';

  let firstName = single(raw.texts.firstName);
  let lastName = single(raw.texts.lastName);
  if (!firstName && !lastName && raw.texts.fullName) ({ firstName, lastName } = splitFullName(single(raw.texts.fullName)));
  if (!firstName && !lastName) errors.push('Vor- und Nachname fehlen');
  else if (!firstName || !lastName) {
    warnings.push(`${firstName ? 'Nachname' : 'Vorname'} fehlt, wird als „${MISSING_NAME}“ gespeichert`);
    firstName ||= MISSING_NAME;
    lastName ||= MISSING_NAME;
  }

  const birthday = parseDate(raw.texts.birthday ?? '', context.dateOrder);
  if ('error' in birthday) errors.push(birthday.error);

  const consents: ConsentInput[] = [];
  for (const { channel, header, value } of raw.consents) {
    const answer = value.trim().toLowerCase();
    if (!consentChannels.includes(channel)) errors.push(`Einwilligungskanal „${channel}“ gibt es nicht`);
    else if (!yes.has(answer) && !no.has(answer)) errors.push(`Einwilligung „${value}“ in Spalte „${header}“ ist weder ja noch nein`);
    else {
      consents.push({
        channel,
        purpose: 'marketing',
        granted: yes.has(answer),
        source: 'import',
        wording: `Import: Spalte „${header}“ = „${value}“`,
        sourceDetail: context.fileName,
      });
    }
  }

  const emails = distinctBy(raw.emails.map((email) => email.trim().toLowerCase()).filter(Boolean));
  const mobiles = raw.mobiles.map((number) => number.trim()).filter(Boolean);
  const phones = raw.phones.map((number) => number.trim()).filter(Boolean);
  const extraPhones = distinctBy([...mobiles.slice(1), ...phones.slice(1)], (number) => number.replace(/\D/g, ''));
  const tags = distinctBy(raw.tags, (tag) => tag.toLowerCase());
  const input: Record<string, unknown> = {
    firstName,
    lastName,
    email: emails[0],
    extraEmails: emails.length > 1 ? emails.slice(1) : undefined,
    mobile: mobiles[0],
    phone: phones[0],
    extraPhones: extraPhones.length ? extraPhones : undefined,
    street: single(raw.texts.street),
    postalCode: single(raw.texts.postalCode),
    city: single(raw.texts.city),
    country: single(raw.texts.country),
    birthday: 'value' in birthday ? birthday.value : undefined,
    tags: tags.length ? tags : undefined,
    notes: raw.notes.join('\n').replace(/\r\n?/g, '\n'),
    consents: consents.length ? consents : undefined,
  };
  const parsed = contactCreate.safeParse(input);
  // Missing names are reported above already.
  const issues = parsed.error?.issues.filter((issue) => input[String(issue.path[0])] !== '') ?? [];
  errors.push(...issues.map((issue) => reasonFor(issue, input)));
  const referredByName = single(raw.texts.referredBy) || undefined;
  if (errors.length || !parsed.success) return { line: raw.line, fields: { firstName, lastName }, referredByName, errors: distinctBy(errors), warnings };
  return { line: raw.line, fields: parsed.data, referredByName, errors, warnings };
}
