import { nanoid } from 'nanoid';
import { mayContact, type MemberColumnId } from '../../shared/club/columns';
import type { OutputOf, ParsedInputOf } from '../../shared/contract';
import { distinctBy } from '../../shared/lists';
import { purposeChannel, type ExportFormat, type ExportLogEntry, type ExportRequest, type MemberRow } from '../../shared/schemas/club';
import type { Locale, Settings } from '../../shared/schemas/settings';
import { householdKey } from '../../shared/search/normalize';
import type { Store } from '../store/store';
import { memberRows } from './club';
import { byName } from './contact-index';
import { excelCsv, standardCsv } from './export-formats/csv';
import { memberVcards } from './export-formats/vcard';
import { memberWorkbook } from './export-formats/xlsx';
import { localDate } from '../../shared/days';

/**
 * Member exports and prints (DESIGN.md §2): exactly the view — its filters,
 * columns and order — less, for a mailing, the members without consent for
 * its channel, and with one per household, the later members at an address
 * already in. Every file and every print is logged with everyone in it.
 */

interface Context {
  locale: Locale;
  currency: Settings['currency'];
  clubName: string;
  now: Date;
}

const encoder = new TextEncoder();

let lastLogged = { at: 0, count: 0 };
/**
 * A log entry's id: the time, a count of the entries logged in the same
 * millisecond, then randomness. Read back from its files, the log sorts by
 * time and then id, so two exports in one millisecond keep their order.
 */
function logEntryId(at: Date): string {
  const ms = at.getTime();
  lastLogged = { at: ms, count: ms === lastLogged.at ? lastLogged.count + 1 : 0 };
  return `${ms.toString(36).padStart(9, '0')}${lastLogged.count.toString(36).padStart(3, '0')}${nanoid(10)}`;
}

const formats: Record<ExportFormat, { extension: string; write(rows: MemberRow[], columns: MemberColumnId[], context: Context): Promise<Uint8Array> | Uint8Array }> = {
  xlsx: { extension: 'xlsx', write: (rows, columns, context) => memberWorkbook(rows, columns, context) },
  'csv-excel-de': { extension: 'csv', write: (rows, columns, { locale }) => excelCsv(rows, columns, locale) },
  csv: { extension: 'csv', write: (rows, columns) => standardCsv(rows, columns) },
  vcard3: { extension: 'vcf', write: (rows, _columns, { locale }) => encoder.encode(memberVcards(rows, 3, locale)) },
  vcard4: { extension: 'vcf', write: (rows, _columns, { locale }) => encoder.encode(memberVcards(rows, 4, locale)) },
};

interface Selection {
  rows: MemberRow[];
  /** Members of the view without consent for the mailing's channel, kept or not. */
  withoutConsent: number;
  leftOutForConsent: number;
  /** Reachable, but without what the printout needs (labels: a postal address). */
  leftOutUnprintable: number;
  /** A mailing that keeps members without consent on purpose. */
  override: boolean;
}

/**
 * Consent first (who may be written to at all), then what a printout needs,
 * then one per household (the first of each address in the list's order).
 */
function select(rows: readonly MemberRow[], request: ExportRequest, printable: (row: MemberRow) => boolean = () => true): Selection {
  const channel = purposeChannel[request.purpose];
  const override = channel !== undefined && request.includeWithoutConsent;
  const consenting = channel ? rows.filter((row) => mayContact(row, channel)) : rows;
  const reachable = override ? rows : consenting;
  const usable = reachable.filter(printable);
  // Without an address a member is a household of her own: her id never equals a "street|postcode" key.
  const kept = request.onePerHousehold ? distinctBy(usable, (row) => householdKey(row.contact) ?? row.contact.id) : usable;
  const withoutConsent = rows.length - consenting.length;
  return { rows: kept, withoutConsent, leftOutForConsent: override ? 0 : withoutConsent, leftOutUnprintable: reachable.length - usable.length, override };
}

/** A label with a name alone cannot be posted. */
const hasPostalAddress = ({ contact }: MemberRow) => Boolean(contact.street && contact.postalCode && contact.city);

/** Month and day, then name: the year of birth does not matter to a birthday list. */
function byBirthday(rows: readonly MemberRow[]): MemberRow[] {
  return rows
    .filter((row) => row.contact.birthday !== undefined)
    .sort((a, b) => a.contact.birthday!.slice(-5).localeCompare(b.contact.birthday!.slice(-5)) || byName(a.contact, b.contact));
}

/** "Kundenclub-Mitglieder-2026-11-27.xlsx": the club's name without characters file systems refuse, and today's local date. */
function fileName(clubName: string, locale: Locale, now: Date, extension: string): string {
  const club = [...clubName.replace(/[\\/:*?"<>|\x00-\x1f\x7f\s]+/g, '-')].slice(0, 60).join('').replace(/^[-.]+|[-.]+$/g, '');
  return `${club || 'Kundenclub'}-${locale === 'de' ? 'Mitglieder' : 'Members'}-${localDate(now)}.${extension}`;
}

export function exportService(store: Store) {
  const context = (): Context => {
    const { locale, currency } = store.settings.data.settings;
    return { locale, currency, clubName: store.singletons.club.data.settings.name, now: new Date() };
  };
  const viewRows = (request: ExportRequest) => memberRows(store, request.view.filters, request.view.sort);

  /** Written after the file or print is made, so a request that fails leaves no entry. */
  const log = (request: ExportRequest, format: ExportLogEntry['format'], selection: Selection, at: Date, file?: string) =>
    store.appendExportLog({
      id: logEntryId(at),
      at: at.toISOString(),
      by: store.settings.data.settings.operatorName,
      format,
      purpose: request.purpose,
      viewName: request.viewName,
      view: request.view,
      onePerHousehold: request.onePerHousehold,
      includeWithoutConsent: selection.override,
      note: request.note,
      count: selection.rows.length,
      leftOutForConsent: selection.leftOutForConsent,
      fileName: file,
      contactIds: selection.rows.map((row) => row.contact.id),
    });

  return {
    create: async ({ format, ...request }: ParsedInputOf<'exports.create'>): Promise<OutputOf<'exports.create'>> => {
      const selection = select(viewRows(request), request);
      const current = context();
      const { extension, write } = formats[format];
      const bytes = await write(selection.rows, request.view.columns, current);
      const name = fileName(current.clubName, current.locale, current.now, extension);
      await log(request, format, selection, current.now, name);
      return { fileName: name, contentBase64: Buffer.from(bytes).toString('base64'), count: selection.rows.length, leftOutForConsent: selection.leftOutForConsent };
    },

    print: async ({ kind, ...request }: ParsedInputOf<'exports.print'>): Promise<OutputOf<'exports.print'>> => {
      const rows = viewRows(request);
      // The birthday list goes through the year by day and month, whatever the view's order.
      const selection = select(kind === 'birthdays' ? byBirthday(rows) : rows, request, kind.startsWith('labels') ? hasPostalAddress : undefined);
      const current = context();
      await log(request, `print-${kind}`, selection, current.now);
      return {
        rows: selection.rows,
        columns: request.view.columns,
        count: selection.rows.length,
        leftOutForConsent: selection.leftOutForConsent,
        leftOutWithoutAddress: selection.leftOutUnprintable,
        clubName: current.clubName,
      };
    },

    preview: (request: ParsedInputOf<'exports.preview'>): OutputOf<'exports.preview'> => {
      const { rows, leftOutForConsent, withoutConsent } = select(viewRows(request), request);
      return { count: rows.length, leftOutForConsent, withoutConsent };
    },

    log: async ({ limit }: ParsedInputOf<'exports.log'>): Promise<OutputOf<'exports.log'>> =>
      (await store.exportLog())
        .toReversed()
        .slice(0, limit)
        .map(({ contactIds: _contactIds, ...entry }) => entry),
  };
}
