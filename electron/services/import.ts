import { nanoid } from 'nanoid';
import type { ParsedInputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { parseImportFile } from '../../shared/import/parse';
import { distinctBy } from '../../shared/lists';
import { MISSING_NAME, reasonFor, splitFullName, type ImportedFields, type ImportRow } from '../../shared/import/rows';
import { contact as contactSchema, type Contact } from '../../shared/schemas/contact';
import type { ImportResult } from '../../shared/schemas/import';
import { duplicateKeys, type DuplicateReason } from '../../shared/search/duplicates';
import { phoneDigits, words } from '../../shared/search/normalize';
import type { ClubDocument } from '../store/documents';
import type { Store } from '../store/store';
import { joinAll } from './club-memberships';

/** The preview shows this many rows, plus every likely duplicate (each needs a choice). */
const PREVIEW_ROWS = 20;

type Action = 'create' | 'update' | 'skip';

const nameKey = (firstName: string, lastName: string) => words(`${firstName} ${lastName}`).join(' ');

interface Outcome {
  row: ImportRow;
  action: Action;
  duplicateOf?: { contactId?: string; line?: number; reason: DuplicateReason };
  /** The contact this row creates or updates. */
  targetId?: string;
  /** The recommender this row names, once looked up. */
  referredBy?: Contact;
  /** "Empfohlen von: <name>" for a recommender nobody in the file or store is called: kept in the notes. */
  unresolved?: string;
}

const joinLines = (...lines: (string | undefined)[]) => lines.filter(Boolean).join('\n');

/** The file's non-empty values over the stored ones; lists are merged, a replaced e-mail or number is kept as a further one. */
function merge(current: Contact, fields: ImportedFields, now: string, recordedBy: string | undefined): Contact {
  const { consents, tags, extraEmails, extraPhones, notes, ...rest } = fields;
  const next: Contact = { ...current, updatedAt: now };
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined && value !== MISSING_NAME) Object.assign(next, { [key]: value });
  }
  const emails = distinctBy([current.email, ...(current.extraEmails ?? []), ...(extraEmails ?? [])].filter((email): email is string => !!email));
  const phones = distinctBy(
    [current.phone, current.mobile, ...(current.extraPhones ?? []), ...(extraPhones ?? [])].filter((phone): phone is string => !!phone),
    phoneDigits,
  );
  const taken = new Set([next.phone, next.mobile].filter(Boolean).map((phone) => phoneDigits(phone!)));
  const moreEmails = emails.filter((email) => email !== next.email);
  const morePhones = phones.filter((phone) => !taken.has(phoneDigits(phone)));
  next.extraEmails = moreEmails.length ? moreEmails : undefined;
  next.extraPhones = morePhones.length ? morePhones : undefined;
  next.tags = distinctBy([...current.tags, ...(tags ?? [])], (tag) => tag.toLowerCase());
  if (notes && !current.notes?.includes(notes)) next.notes = joinLines(current.notes, notes);
  next.consents = [...current.consents, ...consentRecords(consents, now, recordedBy)];
  return next;
}

const consentRecords = (consents: ImportedFields['consents'], now: string, recordedBy: string | undefined) =>
  (consents ?? []).map((consent) => ({ ...consent, id: nanoid(), at: now, recordedBy }));

/** A row as the preview shows it: every field as text, the recommender by name, consent as true/false per channel. */
function previewValues({ row, referredBy, unresolved }: Outcome): Record<string, string> {
  const { consents, ...fields } = row.fields;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...fields, notes: joinLines(fields.notes, unresolved) })) {
    if (value !== undefined && value !== '') values[key] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  if (referredBy) values.referredBy = `${referredBy.firstName} ${referredBy.lastName}`;
  for (const consent of consents ?? []) values[`consent:${consent.channel}`] = String(consent.granted);
  return values;
}

export function importService(store: Store) {
  return {
    /**
     * Reads the file, checks every row, finds likely duplicates (in the store
     * and earlier in the file) and recommenders, and writes all contacts in one
     * atomic step — or, if any row is wrong or it is a dry run, nothing.
     */
    async run(input: ParsedInputOf<'contacts.import'>): Promise<ImportResult> {
      const parsed = parseImportFile(input.fileName, Buffer.from(input.contentBase64, 'base64'), input.mapping);
      const errors = [...parsed.errors, ...parsed.rows.flatMap((row) => row.errors.map((reason) => ({ line: row.line, reason })))];
      const now = new Date().toISOString();
      const recordedBy = store.settings.data.settings.operatorName;

      // Every person known so far by duplicate key: the store's, then those this file creates.
      const known = new Map<string, string>();
      const remember = (person: Contact) => {
        for (const { key } of duplicateKeys(person)) if (!known.has(key)) known.set(key, person.id);
      };
      for (const stored of store.contacts()) remember(stored);

      const working = new Map<string, Contact>();
      // New contacts by the line that creates them; the line the last change to a contact came from.
      const createdOnLine = new Map<string, number>();
      const lineOf = new Map<string, number>();
      const outcomes: Outcome[] = [];
      for (const row of parsed.rows) {
        if (row.errors.length) continue;
        const match = duplicateKeys(row.fields).find(({ key }) => known.has(key));
        const matchId = match && known.get(match.key)!;
        const duplicateOf = match && matchId ? { ...(createdOnLine.has(matchId) ? { line: createdOnLine.get(matchId) } : { contactId: matchId }), reason: match.reason } : undefined;
        const action: Action = duplicateOf ? (input.duplicates?.[String(row.line)] ?? 'skip') : 'create';
        let targetId: string | undefined;
        if (action === 'create') {
          targetId = nanoid();
          const { consents, ...fields } = row.fields;
          working.set(targetId, { ...fields, id: targetId, tags: fields.tags ?? [], consents: consentRecords(consents, now, recordedBy), createdAt: now, updatedAt: now });
          createdOnLine.set(targetId, row.line);
        } else if (action === 'update') {
          targetId = matchId!;
          working.set(targetId, merge(working.get(targetId) ?? store.contact(targetId)!, row.fields, now, recordedBy));
        }
        if (targetId) {
          remember(working.get(targetId)!);
          lineOf.set(targetId, row.line);
        }
        outcomes.push({ row, action, duplicateOf, targetId });
      }

      // Recommenders by name, people in this file first; an unknown name stays in the notes.
      const byName = new Map<string, Contact>();
      for (const person of [...working.values(), ...store.contacts()]) {
        const key = nameKey(person.firstName, person.lastName);
        if (!byName.has(key)) byName.set(key, person);
      }
      for (const outcome of outcomes) {
        const name = outcome.row.referredByName;
        if (!name) continue;
        const { firstName, lastName } = splitFullName(name);
        const referrer = byName.get(nameKey(firstName, lastName));
        if (referrer && referrer.id !== outcome.targetId) outcome.referredBy = referrer;
        else outcome.unresolved = `Empfohlen von: ${name}`;
        const target = outcome.targetId ? working.get(outcome.targetId) : undefined;
        if (target && outcome.referredBy) target.referredBy = outcome.referredBy.id;
        else if (target && !target.notes?.includes(outcome.unresolved!)) target.notes = joinLines(target.notes, outcome.unresolved);
      }

      const finals: Contact[] = [];
      for (const [contactId, draft] of working) {
        const checked = contactSchema.safeParse(draft);
        if (checked.success) finals.push(checked.data);
        else errors.push(...checked.error.issues.map((issue) => ({ line: lineOf.get(contactId)!, reason: reasonFor(issue, draft) })));
      }
      errors.sort((a, b) => a.line - b.line);

      const count = (action: Action) => (errors.length ? 0 : outcomes.filter((outcome) => outcome.action === action).length);
      const result: ImportResult = { created: count('create'), updated: count('update'), skipped: count('skip'), errors };
      // Everyone the import creates or updates joins the club; current members stay as they are.
      const joinAllOf = (club: ClubDocument) => joinAll(club, finals.map((final) => final.id), 'import', new Date(now));
      if (input.joinClub) result.joined = errors.length ? 0 : joinAllOf(store.singletons.club.data).joined;
      if (input.dryRun) {
        result.preview = {
          format: parsed.format,
          encoding: parsed.encoding,
          delimiter: parsed.delimiter,
          preset: parsed.preset,
          columns: parsed.columns.map(({ header, field, recognised }) => ({ header, field, recognised })),
          rows: outcomes
            .filter((outcome, index) => index < PREVIEW_ROWS || outcome.duplicateOf)
            .map((outcome) => ({
              line: outcome.row.line,
              values: previewValues(outcome),
              action: outcome.action,
              duplicateOf: outcome.duplicateOf,
              warnings: outcome.row.warnings,
            })),
          total: outcomes.length,
        };
        return result;
      }
      if (errors.length || finals.length === 0) return result;

      // Updates were computed from the stored versions read above; if one changed meanwhile, nothing is written.
      const updatedAt = new Map(finals.filter((final) => !createdOnLine.has(final.id)).map((final) => [final.id, store.contact(final.id)?.updatedAt]));
      return store.transact({ contactIds: finals.map((final) => final.id), singletons: input.joinClub ? ['club'] : [] }, (view) => {
        for (const [contactId, stamp] of updatedAt) {
          if (view.contact(contactId)?.updatedAt !== stamp) throw new AppError('CONFLICT', 'errors.importConflict');
        }
        if (!input.joinClub) return { contacts: finals, result };
        const members = joinAllOf(view.singleton('club'));
        return { contacts: finals, singletons: { club: members.club }, result: { ...result, joined: members.joined } };
      });
    },
  };
}
