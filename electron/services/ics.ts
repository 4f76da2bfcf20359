import type { Contact } from '../../shared/schemas/contact';
import type { Event, EventKind } from '../../shared/schemas/event';
import type { Locale } from '../../shared/schemas/settings';

/**
 * An event as an iCalendar file (RFC 5545) for the rep's own calendar. A
 * small writer rather than a library: the `ics` package folds by characters
 * (lines with umlauts exceed 75 octets), ical.js leaves continuation lines at
 * 76 octets and the last line without CRLF.
 */

const labels: Record<Locale, { kinds: Record<EventKind, string>; host: string; cancelled: string }> = {
  de: { kinds: { presentation: 'Präsentation', party: 'Homeparty', club: 'Clubabend', online: 'Online' }, host: 'Gastgeberin', cancelled: 'Abgesagt' },
  en: { kinds: { presentation: 'Presentation', party: 'Home party', club: 'Club evening', online: 'Online' }, host: 'Host', cancelled: 'Cancelled' },
};

/** A TEXT value (§3.3.11): backslash, semicolon, comma and line breaks escaped; other control characters are not allowed. */
function text(value: string): string {
  return value
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\r\n?|\n/g, '\\n')
    .replace(/[\x00-\x08\x0a-\x1f\x7f]/g, '');
}

/** A UTC DATE-TIME: 20261204T180000Z. */
const utc = (instant: string | Date) => new Date(instant).toISOString().replace(/[-:]|\.\d{3}/g, '');

const octets = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** Folds a content line longer than 75 octets (§3.1): CRLF and a space, never inside a UTF-8 sequence. */
export function fold(line: string): string {
  let folded = '';
  let length = 0;
  for (const char of line) {
    const size = octets(char.codePointAt(0)!);
    if (length + size > 75) {
      folded += '\r\n ';
      length = 1;
    }
    folded += char;
    length += size;
  }
  return folded;
}

/** "2026-12-04 Homeparty bei Anna.ics": the date as entered, and the title without characters that file systems refuse. */
function fileName(event: Event): string {
  const title = [...event.title.replace(/[\\/:*?"<>|\x00-\x1f\x7f]+/g, ' ').replace(/\s+/g, ' ').trim()].slice(0, 80).join('').trim();
  return `${[event.startsAt.slice(0, 10), title].filter(Boolean).join(' ')}.ics`;
}

export function eventCalendar(
  event: Event,
  { host, locale, now }: { host: Contact | undefined; locale: Locale; now: Date },
): { fileName: string; content: string } {
  const label = labels[locale];
  const description = [
    label.kinds[event.kind],
    host && `${label.host}: ${host.firstName} ${host.lastName}`,
    event.notes,
    event.status === 'cancelled' && [label.cancelled, event.cancelReason].filter(Boolean).join(': '),
  ].filter(Boolean);
  // Grows with every change, so a calendar importing the file again takes it as the newer version.
  const sequence = Math.max(0, Math.floor((Date.parse(event.updatedAt) - Date.parse(event.createdAt)) / 1000));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kundenkreis//Kundenkreis//DE',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.id}@kundenkreis`,
    `DTSTAMP:${utc(now)}`,
    `DTSTART:${utc(event.startsAt)}`,
    ...(event.endsAt ? [`DTEND:${utc(event.endsAt)}`] : []),
    `SEQUENCE:${sequence}`,
    `LAST-MODIFIED:${utc(event.updatedAt)}`,
    `SUMMARY:${text(event.title)}`,
    ...(event.place ? [`LOCATION:${text(event.place)}`] : []),
    `DESCRIPTION:${text(description.join('\n'))}`,
    `STATUS:${event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return { fileName: fileName(event), content: `${lines.map(fold).join('\r\n')}\r\n` };
}
