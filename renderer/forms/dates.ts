/**
 * The one place where typed German dates and times become the contract's ISO
 * strings and back. Parsing checks the format only: whether a day exists
 * (30.02.2026) is decided by the shared schema, so renderer and main agree.
 */

import type { ValidationIssue } from '../../shared/errors';

const pad = (value: number | string) => String(value).padStart(2, '0');

/** "14.03.2026" or "4.3.2026" -> "2026-03-14"; null when the text is not shaped like a date. */
export function parseGermanDate(text: string): string | null {
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [, day, month, year] = match;
  return `${year}-${pad(month!)}-${pad(day!)}`;
}

/** "19:30", "19.30", "1930" or "19" -> "19:30" / "19:00"; null when not a time of day. */
export function parseTime(text: string): string | null {
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  if (hours > 23 || minutes > 59) return null;
  return `${pad(hours)}:${pad(minutes)}`;
}

/**
 * The shape checks of a typed "Datum", "Beginn" and (where the form has one)
 * "Ende": what the shared schema cannot judge, since it only sees the ISO
 * date-time built from them. Date and start are required; the end is optional
 * and checked only when the form has it (`end` present) and it is filled in.
 */
export function dateTimeIssues(values: { date: string; start: string; end?: string }): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (values.date.trim() === '') issues.push({ path: 'date', message: 'validation.required' });
  else if (!parseGermanDate(values.date)) issues.push({ path: 'date', message: 'validation.dateFormat' });
  if (values.start.trim() === '') issues.push({ path: 'start', message: 'validation.required' });
  else if (!parseTime(values.start)) issues.push({ path: 'start', message: 'validation.time' });
  if (values.end !== undefined && values.end.trim() !== '' && !parseTime(values.end)) issues.push({ path: 'end', message: 'validation.time' });
  return issues;
}

/**
 * "2026-03-14" + "19:30" -> "2026-03-14T19:30:00+01:00", with the offset this
 * computer's time zone has at that moment (summer time included). The date is
 * kept as given, even an impossible one, for the schema to reject.
 */
export function toIsoWithOffset(isoDate: string, time: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const [hours, minutes] = time.split(':').map(Number);
  const local = new Date(year ?? 0, (month ?? 1) - 1, day ?? 1, hours ?? 0, minutes ?? 0);
  const offset = -local.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${isoDate}T${time}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An ISO date-time shown as the local day "14.03.2026". */
export function isoToGermanDate(iso: string): string {
  const date = new Date(iso);
  return `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()}`;
}

/** An ISO date-time shown as the local time "19:30". */
export function isoToTime(iso: string): string {
  const date = new Date(iso);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * Birthday as typed: "14.03.1985" -> "1985-03-14", "14.03." -> "--03-14" (year
 * unknown, as in vCard), "" -> undefined. Anything else is returned unchanged so
 * that the shared schema rejects it with its own message.
 */
export function parseBirthday(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const full = parseGermanDate(trimmed);
  if (full) return full;
  const dayMonth = /^(\d{1,2})\.(\d{1,2})\.?$/.exec(trimmed);
  return dayMonth ? `--${pad(dayMonth[2]!)}-${pad(dayMonth[1]!)}` : trimmed;
}

/** The stored birthday back in the form's notation. */
export function birthdayToGerman(birthday: string | undefined): string {
  if (!birthday) return '';
  if (birthday.startsWith('--')) {
    const [month, day] = birthday.slice(2).split('-');
    return `${day}.${month}.`;
  }
  const [year, month, day] = birthday.split('-');
  return `${day}.${month}.${year}`;
}
