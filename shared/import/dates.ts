/**
 * Dates as people's files write them, to the stored forms `YYYY-MM-DD` or
 * `--MM-DD` (day and month only). `order` says how to read a slashed date:
 * Outlook in English and Google write US `m/d/yyyy`.
 */
export type DateOrder = 'dmy' | 'mdy';
export type ParsedDate = { value: string | undefined } | { error: string };

const pad = (value: number) => String(value).padStart(2, '0');

function daysInMonth(month: number, year: number | undefined): number {
  // Without a year, 29 February is a real birthday.
  return new Date(Date.UTC(year ?? 2024, month, 0)).getUTCDate();
}

/** Two-digit years are birthdays: 45 is 1945, 07 is 2007. */
function fullYear(year: string): number {
  if (year.length === 4) return Number(year);
  const short = Number(year);
  return short > new Date().getFullYear() % 100 ? 1900 + short : 2000 + short;
}

function build(input: string, day: number, month: number, year: number | undefined): ParsedDate {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(month, year)) return { error: `Datum ${input} gibt es nicht` };
  return { value: year === undefined ? `--${pad(month)}-${pad(day)}` : `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}` };
}

export function parseDate(raw: string, order: DateOrder = 'dmy'): ParsedDate {
  const input = raw.trim();
  // Outlook writes "no date" as 0/0/00 (English) or 0.0.00 (German).
  if (input === '' || /^0+([./])0+\1(?:0+)$/.test(input)) return { value: undefined };
  let match = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/.exec(input);
  if (match) return build(input, Number(match[1]), Number(match[2]), fullYear(match[3]!));
  match = /^(\d{1,2})\.(\d{1,2})\.?$/.exec(input);
  if (match) return build(input, Number(match[1]), Number(match[2]), undefined);
  match = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(input);
  if (match) {
    const [first, second] = [Number(match[1]), Number(match[2])];
    return order === 'mdy' ? build(input, second, first, fullYear(match[3]!)) : build(input, first, second, fullYear(match[3]!));
  }
  // ISO and vCard: 1983-09-09, 19830909, 1983-09-09T00:00:00Z, --12-01, --1201.
  match = /^(\d{4})-?(\d{2})-?(\d{2})(?:T[\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(input);
  if (match) return build(input, Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^--(\d{2})-?(\d{2})$/.exec(input);
  if (match) return build(input, Number(match[2]), Number(match[1]), undefined);
  return { error: `Datum „${input}“ nicht erkannt (erwartet z. B. 24.12.1980)` };
}
