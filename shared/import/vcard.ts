import { decodeCharset } from './decode';
import { emptyRecord, type RawRecord } from './rows';

/**
 * vCard 2.1, 3.0 and 4.0 as phones, Outlook, Apple and Google write them.
 * A small parser of our own: the maintained libraries (ical.js) read 3.0 and
 * 4.0 but not 2.1's QUOTED-PRINTABLE values with CHARSET parameters, which
 * older phones and Outlook still export.
 */

interface Property {
  line: number;
  name: string;
  params: Map<string, string[]>;
  /** Decoded (quoted-printable, charset), still escaped. */
  value: string;
}

/** Splits on `separator` outside double quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === separator && !quoted) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

/** Splits on an unescaped `separator` and resolves the escapes \\ \, \; \n. */
export function splitEscaped(value: string, separator?: ';' | ','): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!;
    if (char === '\\' && index + 1 < value.length) {
      const next = value[++index]!;
      current += next === 'n' || next === 'N' ? '\n' : next;
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim());
}

/** Runs of =XX are bytes in the property's charset; anything else is text already. */
function decodeQuotedPrintable(value: string, charset: string | undefined): string {
  return value.replace(/(?:=[0-9A-Fa-f]{2})+/g, (run) =>
    decodeCharset(Uint8Array.from(run.slice(1).split('='), (hex) => parseInt(hex, 16)), charset),
  );
}

const isQuotedPrintable = (head: string) => /(^|[;:=])QUOTED-PRINTABLE([;:]|$)/i.test(head);

/** Physical lines to logical ones: folded lines (leading space or tab) and quoted-printable soft breaks joined. */
function logicalLines(text: string): { line: number; text: string }[] {
  const result: { line: number; text: string }[] = [];
  text.split(/\r\n|\n|\r/).forEach((physical, index) => {
    const previous = result.at(-1);
    const head = previous ? previous.text.slice(0, previous.text.indexOf(':') + 1) : '';
    if (previous && head && isQuotedPrintable(head) && previous.text.endsWith('=')) previous.text = previous.text.slice(0, -1) + physical;
    else if (previous && /^[ \t]/.test(physical)) previous.text += physical.slice(1);
    else result.push({ line: index + 1, text: physical });
  });
  return result;
}

function parseProperty(line: number, text: string): Property | undefined {
  const [head = '', ...rest] = splitOutsideQuotes(text, ':');
  if (rest.length === 0) return undefined;
  const [nameWithGroup = '', ...rawParams] = splitOutsideQuotes(head, ';');
  // "item1.EMAIL": Apple's grouping prefix.
  const name = nameWithGroup.slice(nameWithGroup.lastIndexOf('.') + 1).toUpperCase();
  const params = new Map<string, string[]>();
  for (const param of rawParams) {
    const equals = param.indexOf('=');
    // vCard 2.1 writes bare values: TEL;CELL;VOICE, ADR;HOME;QUOTED-PRINTABLE.
    const key = equals < 0 ? (/^(QUOTED-PRINTABLE|BASE64|8BIT|7BIT)$/i.test(param) ? 'ENCODING' : 'TYPE') : param.slice(0, equals).toUpperCase();
    const values = (equals < 0 ? param : param.slice(equals + 1)).replace(/"/g, '').split(',').map((value) => value.trim().toUpperCase());
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  const raw = rest.join(':');
  const value = params.get('ENCODING')?.includes('QUOTED-PRINTABLE') ? decodeQuotedPrintable(raw, params.get('CHARSET')?.[0]) : raw;
  return { line, name, params, value };
}

const hasType = (property: Property, type: string) =>
  property.params.get('TYPE')?.includes(type) === true || (type === 'PREF' && property.params.has('PREF'));
/** Preferred ones first (TYPE=pref in 2.1/3.0, PREF=1 in 4.0), otherwise file order. */
const preferredFirst = (properties: Property[]) => [...properties].sort((a, b) => Number(hasType(b, 'PREF')) - Number(hasType(a, 'PREF')));

function toRecord(line: number, properties: Property[]): RawRecord {
  const record = emptyRecord(line);
  const all = (name: string) => properties.filter((property) => property.name === name);
  const one = (name: string) => all(name)[0];

  const [lastName = '', given = '', additional = ''] = splitEscaped(one('N')?.value ?? '', ';');
  record.texts.lastName = lastName;
  record.texts.firstName = [given, additional].filter(Boolean).join(' ');
  record.texts.fullName = splitEscaped(one('FN')?.value ?? '')[0];
  record.texts.birthday = one('BDAY')?.value.trim();

  record.emails = preferredFirst(all('EMAIL')).map((property) => splitEscaped(property.value)[0]!);
  const phones = preferredFirst(all('TEL'));
  // vCard 4.0 may write numbers as URIs (tel:+49…).
  const number = (property: Property) => property.value.trim().replace(/^tel:/i, '');
  record.mobiles = phones.filter((property) => hasType(property, 'CELL')).map(number);
  // A fax number is kept, but never as the number to call.
  record.phones = [
    ...phones.filter((property) => !hasType(property, 'CELL') && !hasType(property, 'FAX')),
    ...phones.filter((property) => !hasType(property, 'CELL') && hasType(property, 'FAX')),
  ].map(number);

  // The home (or preferred) address is the contact's; further ones go to the notes.
  const addresses = [...all('ADR')].sort((a, b) => Number(hasType(b, 'HOME') || hasType(b, 'PREF')) - Number(hasType(a, 'HOME') || hasType(a, 'PREF')));
  addresses.forEach((property, index) => {
    const [, extended = '', street = '', city = '', , postalCode = '', country = ''] = splitEscaped(property.value, ';');
    const fullStreet = [street, extended].filter(Boolean).join(', ');
    if (index === 0) Object.assign(record.texts, { street: fullStreet, city, postalCode, country });
    else record.notes.push(`Weitere Anschrift: ${[fullStreet, [postalCode, city].filter(Boolean).join(' '), country].filter(Boolean).join(', ')}`);
  });

  record.tags = all('CATEGORIES').flatMap((property) => splitEscaped(property.value, ','));
  for (const property of all('ORG')) record.notes.push(`Firma: ${splitEscaped(property.value, ';').filter(Boolean).join(', ')}`);
  for (const property of all('NOTE')) record.notes.push(splitEscaped(property.value)[0]!);
  return record;
}

export function parseVcards(text: string): { records: RawRecord[]; errors: { line: number; reason: string }[] } {
  const records: RawRecord[] = [];
  const errors: { line: number; reason: string }[] = [];
  let card: { line: number; properties: Property[] } | undefined;
  for (const { line, text: content } of logicalLines(text)) {
    if (content.trim() === '') continue;
    const property = parseProperty(line, content);
    const value = property?.value.trim().toUpperCase();
    if (property?.name === 'BEGIN' && value === 'VCARD') {
      if (card) errors.push({ line: card.line, reason: 'END:VCARD fehlt' });
      card = { line, properties: [] };
    } else if (property?.name === 'END' && value === 'VCARD' && card) {
      records.push(toRecord(card.line, card.properties));
      card = undefined;
    } else if (!card) errors.push({ line, reason: 'Zeile gehört zu keiner vCard (BEGIN:VCARD fehlt)' });
    else if (property) card.properties.push(property);
    else errors.push({ line, reason: `Zeile „${content.slice(0, 40)}“ ist keine vCard-Eigenschaft` });
  }
  if (card) errors.push({ line: card.line, reason: 'END:VCARD fehlt' });
  if (records.length === 0 && errors.length === 0) errors.push({ line: 1, reason: 'Die Datei enthält keine vCard' });
  return { records, errors };
}
