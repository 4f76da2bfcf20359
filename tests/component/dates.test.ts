import { describe, expect, it } from 'vitest';
import {
  birthdayToGerman,
  isoToGermanDate,
  isoToTime,
  parseBirthday,
  parseGermanDate,
  parseTime,
  toIsoWithOffset,
} from '../../renderer/forms/dates';
import { formatDate, formatDateTime, formatMoney } from '../../renderer/i18n/format';

describe('typed dates and times', () => {
  it('reads German dates by their shape, leaving the calendar to the shared schema', () => {
    expect(parseGermanDate('14.03.2026')).toBe('2026-03-14');
    expect(parseGermanDate(' 4.3.2026 ')).toBe('2026-03-04');
    expect(parseGermanDate('30.02.2026')).toBe('2026-02-30');
    expect(parseGermanDate('2026-03-14')).toBeNull();
    expect(parseGermanDate('14.03.26')).toBeNull();
    expect(parseGermanDate('')).toBeNull();
  });

  it('reads times as people type them', () => {
    expect(parseTime('19:30')).toBe('19:30');
    expect(parseTime('9.05')).toBe('09:05');
    expect(parseTime('1930')).toBe('19:30');
    expect(parseTime('19')).toBe('19:00');
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('19:60')).toBeNull();
    expect(parseTime('abends')).toBeNull();
  });

  it('adds the offset this computer has on that day, summer time included', () => {
    for (const [date, time, local] of [
      ['2026-01-15', '19:30', new Date(2026, 0, 15, 19, 30)],
      ['2026-07-15', '08:00', new Date(2026, 6, 15, 8, 0)],
    ] as const) {
      const iso = toIsoWithOffset(date, time);
      expect(iso).toMatch(new RegExp(`^${date}T${time}:00[+-]\\d\\d:\\d\\d$`));
      expect(Date.parse(iso)).toBe(local.getTime());
    }
    expect(toIsoWithOffset('2026-02-30', '19:30')).toMatch(/^2026-02-30T19:30:00[+-]\d\d:\d\d$/);
  });

  it('shows a stored date-time back in the form notation', () => {
    const iso = toIsoWithOffset('2026-03-04', '07:05');
    expect(isoToGermanDate(iso)).toBe('04.03.2026');
    expect(isoToTime(iso)).toBe('07:05');
  });

  it('reads birthdays with or without a year', () => {
    expect(parseBirthday('14.03.1985')).toBe('1985-03-14');
    expect(parseBirthday('14.03.')).toBe('--03-14');
    expect(parseBirthday('4.3')).toBe('--03-04');
    expect(parseBirthday('  ')).toBeUndefined();
    expect(parseBirthday('März')).toBe('März');
    expect(birthdayToGerman('1985-03-14')).toBe('14.03.1985');
    expect(birthdayToGerman('--03-14')).toBe('14.03.');
    expect(birthdayToGerman(undefined)).toBe('');
  });
});

describe('formatting by language', () => {
  it('formats money from cents', () => {
    expect(formatMoney(123450, 'EUR', 'de')).toMatch(/^1\.234,50\s€$/);
    expect(formatMoney(123450, 'EUR', 'en')).toBe('€1,234.50');
    expect(formatMoney(-5, 'CHF', 'de')).toMatch(/^-0,05\sCHF$/);
  });

  it('formats days, with and without a year', () => {
    expect(formatDate('1985-03-14', 'de')).toBe('14.03.1985');
    expect(formatDate('--03-14', 'de')).toBe('14.03.');
    expect(formatDate('1985-03-14', 'en')).toBe('14/03/1985');
  });

  it('formats a moment in local time with the weekday', () => {
    const iso = toIsoWithOffset('2026-03-14', '19:30');
    expect(formatDateTime(iso, 'de')).toBe('Sa., 14.03.2026, 19:30');
    expect(formatDateTime(iso, 'en')).toBe('Sat, 14/03/2026, 19:30');
  });
});
