import type { ImportField } from '../schemas/import';
import type { DateOrder } from './dates';

export type ColumnField = ImportField | 'ignore';

/** What a preset knows about one column. */
interface ColumnEntry {
  field: ColumnField;
  /**
   * 0 for the person's own (home) columns; business, other and further
   * addresses rank after them: an address is taken whole from the best-ranked
   * group that has one, and phones and e-mails are listed in rank order.
   */
  rank?: number;
  /** Notes only: the value is kept as "<label>: <value>". */
  label?: string;
  /** Headers (normalised) of the column naming this number's kind, e.g. Google's "Phone 1 - Label" = Mobile. */
  kindFrom?: string[];
}

export interface Column extends ColumnEntry {
  header: string;
  /** Whether the field came from a preset or the caller's mapping (false: a default, to be checked). */
  recognised: boolean;
  /** Index of the column naming the kind, if the file has it. */
  kindIndex?: number;
}

interface Preset {
  name: string;
  dateOrder: DateOrder;
  /** Columns of a fixed export format nobody needs are ignored; a home-made list's extra columns are kept in the notes. */
  unknown: 'ignore' | 'notes';
  table: Map<string, ColumnEntry>;
  patterns?: [RegExp, (match: RegExpExecArray) => ColumnEntry][];
}

/** "E-Mail 2: Adresse", "e-mail2adresse" and "E-Mail 2 Adresse" alike; "Straße" and "Strasse" alike. */
export function headerKey(header: string): string {
  return header.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/ß/g, 'ss').toLowerCase().replace(/[^a-z0-9]/g, '');
}

function table(...groups: [ColumnEntry, string[]][]): Map<string, ColumnEntry> {
  return new Map(groups.flatMap(([entry, headers]) => headers.map((header): [string, ColumnEntry] => [headerKey(header), entry])));
}

const company: ColumnEntry = { field: 'notes', label: 'Firma' };

const excelDe: Preset = {
  name: 'excel-de',
  dateOrder: 'dmy',
  unknown: 'notes',
  table: table(
    [{ field: 'firstName' }, ['Vorname', 'Vornamen', 'Rufname', 'First Name']],
    [{ field: 'lastName' }, ['Nachname', 'Familienname', 'Zuname', 'Last Name']],
    [{ field: 'fullName' }, ['Name', 'Vor- und Nachname', 'Kunde', 'Kundin', 'Kontakt']],
    [{ field: 'street' }, ['Straße', 'Str.', 'Straße und Hausnummer', 'Straße, Nr.', 'Straße Nr.', 'Adresse', 'Anschrift']],
    [{ field: 'postalCode' }, ['PLZ', 'Postleitzahl']],
    [{ field: 'city' }, ['Ort', 'Wohnort', 'Stadt']],
    [{ field: 'country' }, ['Land']],
    [{ field: 'phone' }, ['Telefon', 'Tel.', 'Telefonnummer', 'Tel. privat', 'Telefon privat', 'Festnetz']],
    [{ field: 'mobile' }, ['Handy', 'Mobil', 'Mobiltelefon', 'Mobilnummer', 'Handynummer', 'Handy-Nr.']],
    [{ field: 'email' }, ['E-Mail', 'E-Mail-Adresse', 'Mail', 'Email']],
    [{ field: 'birthday' }, ['Geburtstag', 'Geb.-Datum', 'Geburtsdatum', 'Geb.', 'Geb.-Tag']],
    [{ field: 'tags' }, ['Kategorie', 'Kategorien', 'Gruppe', 'Gruppen', 'Tags', 'Schlagworte']],
    [{ field: 'notes' }, ['Bemerkung', 'Bemerkungen', 'Notiz', 'Notizen', 'Anmerkung', 'Anmerkungen', 'Kommentar', 'Info']],
    [company, ['Firma']],
    [{ field: 'referredBy' }, ['Empfohlen von', 'Empfehlung von', 'Geworben von']],
    [{ field: 'consent:email' }, ['Newsletter', 'E-Mail-Werbung', 'Einwilligung E-Mail']],
    [{ field: 'consent:phone' }, ['Telefonwerbung', 'Einwilligung Telefon']],
    [{ field: 'consent:sms' }, ['SMS-Werbung', 'Einwilligung SMS']],
    [{ field: 'consent:post' }, ['Post-Werbung', 'Werbung per Post', 'Einwilligung Post']],
  ),
};

const business = { rank: 1 };
const other = { rank: 2 };

const outlookDe: Preset = {
  name: 'outlook-de',
  dateOrder: 'dmy',
  unknown: 'ignore',
  table: table(
    [{ field: 'firstName' }, ['Vorname', 'Weitere Vornamen']],
    [{ field: 'lastName' }, ['Nachname']],
    [company, ['Firma']],
    [{ field: 'street' }, ['Straße privat', 'Straße privat 2', 'Straße privat 3']],
    [{ field: 'city' }, ['Ort privat']],
    [{ field: 'postalCode' }, ['Postleitzahl privat']],
    [{ field: 'country' }, ['Land/Region privat']],
    [{ field: 'street', ...business }, ['Straße geschäftlich', 'Straße geschäftlich 2', 'Straße geschäftlich 3']],
    [{ field: 'city', ...business }, ['Ort geschäftlich']],
    [{ field: 'postalCode', ...business }, ['Postleitzahl geschäftlich']],
    [{ field: 'country', ...business }, ['Land/Region geschäftlich']],
    [{ field: 'street', ...other }, ['Weitere Straße', 'Weitere Straße 2', 'Weitere Straße 3']],
    [{ field: 'city', ...other }, ['Weiterer Ort']],
    [{ field: 'postalCode', ...other }, ['Weitere Postleitzahl']],
    [{ field: 'country', ...other }, ['Weiteres/e Land/Region']],
    [{ field: 'phone' }, ['Telefon privat', 'Telefon privat 2', 'Haupttelefon', 'Autotelefon']],
    [{ field: 'phone', ...business }, ['Telefon geschäftlich', 'Telefon geschäftlich 2', 'Telefon Firma']],
    [{ field: 'phone', ...other }, ['Weiteres Telefon']],
    [{ field: 'mobile' }, ['Mobiltelefon', 'Mobiltelefon 2']],
    [{ field: 'email' }, ['E-Mail-Adresse', 'E-Mail 2: Adresse', 'E-Mail 3: Adresse']],
    [{ field: 'birthday' }, ['Geburtstag']],
    [{ field: 'tags' }, ['Kategorien']],
    [{ field: 'notes' }, ['Notizen']],
    [{ field: 'referredBy' }, ['Empfohlen von']],
  ),
};

const outlookEn: Preset = {
  name: 'outlook-en',
  dateOrder: 'mdy',
  unknown: 'ignore',
  table: table(
    [{ field: 'firstName' }, ['First Name', 'Middle Name']],
    [{ field: 'lastName' }, ['Last Name']],
    [company, ['Company']],
    [{ field: 'street' }, ['Home Street', 'Home Street 2', 'Home Street 3']],
    [{ field: 'city' }, ['Home City']],
    [{ field: 'postalCode' }, ['Home Postal Code']],
    [{ field: 'country' }, ['Home Country/Region']],
    [{ field: 'street', ...business }, ['Business Street', 'Business Street 2', 'Business Street 3']],
    [{ field: 'city', ...business }, ['Business City']],
    [{ field: 'postalCode', ...business }, ['Business Postal Code']],
    [{ field: 'country', ...business }, ['Business Country/Region']],
    [{ field: 'street', ...other }, ['Other Street', 'Other Street 2', 'Other Street 3']],
    [{ field: 'city', ...other }, ['Other City']],
    [{ field: 'postalCode', ...other }, ['Other Postal Code']],
    [{ field: 'country', ...other }, ['Other Country/Region']],
    [{ field: 'phone' }, ['Home Phone', 'Home Phone 2', 'Primary Phone', 'Car Phone']],
    [{ field: 'phone', ...business }, ['Business Phone', 'Business Phone 2', 'Company Main Phone']],
    [{ field: 'phone', ...other }, ['Other Phone']],
    [{ field: 'mobile' }, ['Mobile Phone']],
    [{ field: 'email' }, ['E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address']],
    [{ field: 'birthday' }, ['Birthday']],
    [{ field: 'tags' }, ['Categories']],
    [{ field: 'notes' }, ['Notes']],
    [{ field: 'referredBy' }, ['Referred By']],
  ),
};

/** Google numbers repeated columns ("Address 2 - City"); the first of each is the person's own. */
const google: Preset = {
  name: 'google',
  dateOrder: 'mdy',
  unknown: 'ignore',
  table: table(
    [{ field: 'firstName' }, ['First Name', 'Middle Name', 'Given Name', 'Additional Name']],
    [{ field: 'lastName' }, ['Last Name', 'Family Name']],
    [{ field: 'fullName' }, ['Name']],
    [company, ['Organization Name', 'Organization 1 - Name']],
    [{ field: 'birthday' }, ['Birthday']],
    [{ field: 'notes' }, ['Notes']],
    [{ field: 'tags' }, ['Labels', 'Group Membership']],
  ),
  patterns: [
    [/^email(\d+)value$/, (match) => ({ field: 'email', rank: Number(match[1]) - 1 })],
    [
      /^phone(\d+)value$/,
      (match) => ({ field: 'phone', rank: Number(match[1]) - 1, kindFrom: [`phone${match[1]}label`, `phone${match[1]}type`] }),
    ],
    [/^address(\d+)(street|extendedaddress)$/, (match) => ({ field: 'street', rank: Number(match[1]) - 1 })],
    [/^address(\d+)city$/, (match) => ({ field: 'city', rank: Number(match[1]) - 1 })],
    [/^address(\d+)postalcode$/, (match) => ({ field: 'postalCode', rank: Number(match[1]) - 1 })],
    [/^address(\d+)country$/, (match) => ({ field: 'country', rank: Number(match[1]) - 1 })],
  ],
};

// On a tie the first wins: a short German list is more likely home-made than an Outlook export.
const presets = [excelDe, outlookDe, outlookEn, google];

function lookup(preset: Preset, key: string): ColumnEntry | undefined {
  const entry = preset.table.get(key);
  if (entry) return entry;
  for (const [pattern, make] of preset.patterns ?? []) {
    const match = pattern.exec(key);
    if (match) return make(match);
  }
  return undefined;
}

export interface ResolvedColumns {
  preset?: string;
  dateOrder: DateOrder;
  columns: Column[];
}

/**
 * Picks the preset knowing most of the headers and maps every column; the
 * caller's `mapping` (header -> field) overrides it column by column.
 */
export function resolveColumns(header: string[], mapping: Record<string, ColumnField> = {}): ResolvedColumns {
  const keys = header.map(headerKey);
  const score = (preset: Preset) => keys.filter((key) => key !== '' && lookup(preset, key)).length;
  const best = presets.reduce((winner, preset) => (score(preset) > score(winner) ? preset : winner));
  const preset = score(best) > 0 ? best : undefined;
  const unknown = preset?.unknown ?? 'notes';

  const columns = header.map((text, index): Column => {
    const known = preset && keys[index] ? lookup(preset, keys[index]) : undefined;
    // Own keys only: a column headed "constructor" or "toString" must not find Object.prototype's.
    const chosen = Object.hasOwn(mapping, text) ? mapping[text] : undefined;
    if (chosen !== undefined && chosen !== known?.field) {
      return { header: text, field: chosen, recognised: true, ...(chosen === 'notes' ? { label: text } : {}) };
    }
    if (known) return { header: text, ...known, recognised: true };
    if (text === '' || unknown === 'ignore') return { header: text, field: 'ignore', recognised: false };
    return { header: text, field: 'notes', label: text, recognised: false };
  });

  // "Vorname; Name": next to a first-name column, "Name" is the surname.
  if (columns.some((column) => column.field === 'firstName') && !columns.some((column) => column.field === 'lastName')) {
    for (const column of columns) if (column.field === 'fullName' && !Object.hasOwn(mapping, column.header)) column.field = 'lastName';
  }
  for (const column of columns) {
    const kindIndex = column.kindFrom ? keys.findIndex((key) => column.kindFrom!.includes(key)) : -1;
    if (kindIndex >= 0) column.kindIndex = kindIndex;
  }
  return { preset: preset?.name, dateOrder: preset?.dateOrder ?? 'dmy', columns };
}
