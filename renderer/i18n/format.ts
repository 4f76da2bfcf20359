import type { Locale } from '../../shared/schemas/settings';

/**
 * Dates and money formatted by the app's language through Intl. English uses
 * British conventions (day before month, 24-hour clock), closest to what a rep in
 * Germany, Austria or Switzerland expects when she switches to English.
 */
const intlLocales: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };
const dayjsLocales: Record<Locale, string> = { de: 'de', en: 'en-gb' };

const toIntl = (locale: string) => intlLocales[locale as Locale] ?? locale;
export const dayjsLocale = (locale: Locale) => dayjsLocales[locale];

const dateTimeOptions: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};

// Making an Intl formatter costs far more than formatting: a scrolling list of members formats hundreds of cells a second.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}

/** "Sa., 14.03.2026, 19:30" from an ISO date-time, in the computer's time zone. */
export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(toIntl(locale), dateTimeOptions).format(new Date(iso));
}

/** "14.03.2026, 19:30:05": a recorded moment to the second (consent records, audit entries). */
export function formatInstant(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(toIntl(locale), { ...dateTimeOptions, weekday: undefined, second: '2-digit' }).format(new Date(iso));
}

/** "Sa., 14.03.2026, 19:30–22:00"; the end may be absent. */
export function formatDateTimeRange(startIso: string, endIso: string | undefined, locale: string): string {
  if (!endIso) return formatDateTime(startIso, locale);
  return new Intl.DateTimeFormat(toIntl(locale), dateTimeOptions).formatRange(new Date(startIso), new Date(endIso));
}

/**
 * A calendar date `YYYY-MM-DD` ("14.03.1985") or a day without year `--MM-DD`
 * ("14.03."). Formatted in UTC because it is a day, not a moment.
 */
export function formatDate(isoDate: string, locale: string): string {
  const dayOnly = isoDate.startsWith('--');
  const [year, month, day] = dayOnly ? [2000, ...isoDate.slice(2).split('-').map(Number)] : isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 2000, (month ?? 1) - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions = dayOnly
    ? { day: '2-digit', month: '2-digit', timeZone: 'UTC' }
    : { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' };
  return cached(`date|${locale}|${dayOnly}`, () => new Intl.DateTimeFormat(toIntl(locale), options)).format(date);
}

/** Money is integer cents throughout the app: 123450 -> "1.234,50 €". */
export function formatMoney(cents: number, currency: string, locale: string): string {
  return cached(`money|${locale}|${currency}`, () => new Intl.NumberFormat(toIntl(locale), { style: 'currency', currency })).format(cents / 100);
}

/** "19:42" from an ISO date-time, in the computer's time zone. */
export function formatTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(toIntl(locale), { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}
