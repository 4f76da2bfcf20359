import { nanoid } from 'nanoid';
import type { OutputOf, ParsedInputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { contact as contactSchema, type Contact, type ContactRef } from '../../shared/schemas/contact';
import { duplicateKeys, duplicateReasons, type DuplicateReason } from '../../shared/search/duplicates';
import { parseQuery } from '../../shared/search/query';
import { validationError } from '../dispatcher';
import type { Store } from '../store/store';
import { byName, collator, contactIndex } from './contact-index';
import { distinctBy } from '../../shared/lists';
import { mergeContacts, repointInvitations, repointRecords } from './contact-merge';
import { mergeMemberships } from './club-memberships';
import { normalize } from '../../shared/search/normalize';
import { applyPatch } from './patch';

type Lookup = (id: string) => Contact | undefined;

const ref = ({ id, firstName, lastName }: Contact): ContactRef => ({ id, firstName, lastName });
const notFound = () => new AppError('NOT_FOUND', 'errors.contactNotFound');
const referrerInvalid = (message: string) => new AppError('VALIDATION', 'The recommender is not valid.', [{ path: 'referredBy', message }]);
const oldestFirst = (a: Contact, b: Contact) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || byName(a, b);

/** Who recommended `referrerId`, and so on up to the root; stops at a contact seen before, so a damaged chain cannot loop. */
function* referralChain(lookup: Lookup, referrerId: string | undefined): Generator<Contact> {
  const seen = new Set<string>();
  let current = referrerId ? lookup(referrerId) : undefined;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    yield current;
    current = current.referredBy ? lookup(current.referredBy) : undefined;
  }
}

/** A recommender must be another known contact that was not (indirectly) recommended by this one. */
function checkReferrer(lookup: Lookup, contactId: string, referrerId: string): void {
  if (!lookup(referrerId)) throw referrerInvalid('validation.referrerUnknown');
  for (const above of referralChain(lookup, referrerId)) if (above.id === contactId) throw referrerInvalid('validation.referralCycle');
}

export function contactService(store: Store) {
  const index = contactIndex(store);
  const lookup: Lookup = (id) => store.contact(id);
  const existing = (id: string): Contact => {
    const found = lookup(id);
    if (!found) throw notFound();
    return found;
  };

  return {
    create({ consents, ...fields }: ParsedInputOf<'contacts.create'>): Promise<Contact> {
      const now = new Date().toISOString();
      const id = nanoid();
      const recordedBy = store.settings.data.settings.operatorName;
      const records = (consents ?? []).map((consent) => ({ ...consent, id: nanoid(), at: now, recordedBy }));
      return store.saveContact(id, () => {
        if (fields.referredBy) checkReferrer(lookup, id, fields.referredBy);
        return { ...fields, tags: fields.tags ?? [], consents: records, id, createdAt: now, updatedAt: now };
      });
    },

    list({ limit, offset, ...filter }: ParsedInputOf<'contacts.list'>): OutputOf<'contacts.list'> {
      const found = index.select(filter);
      return { items: found.slice(offset, offset + limit), total: found.length };
    },

    ids: (filter: ParsedInputOf<'contacts.ids'>): OutputOf<'contacts.ids'> => ({ ids: index.select(filter).map((contact) => contact.id) }),

    search: ({ query, limit }: ParsedInputOf<'contacts.search'>): Contact[] => index.search(parseQuery(query), limit),

    get: ({ id }: ParsedInputOf<'contacts.get'>): Contact => existing(id),

    update({ id, ...patch }: ParsedInputOf<'contacts.update'>): Promise<Contact> {
      existing(id);
      return store.saveContact(id, (current) => {
        if (!current) throw notFound();
        if (patch.referredBy) checkReferrer(lookup, id, patch.referredBy);
        return applyPatch(current, { ...patch, tags: patch.tags ?? current.tags, updatedAt: new Date().toISOString() });
      });
    },

    tags(): OutputOf<'contacts.tags'> {
      const counts = new Map<string, number>();
      for (const contact of store.contacts()) for (const tag of contact.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => collator.compare(a.tag, b.tag));
    },

    history({ id }: ParsedInputOf<'contacts.history'>): OutputOf<'contacts.history'> {
      const contact = existing(id);
      const invitations = index
        .eventsOf(id)
        .flatMap((eventId) => {
          const { event, invitations: all } = store.eventDocument(eventId)!;
          return all.filter((invitation) => invitation.contactId === id).map((invitation) => ({ event, invitation }));
        })
        .sort((a, b) => Date.parse(b.event.startsAt) - Date.parse(a.event.startsAt));
      const referredByChain: ContactRef[] = [];
      for (const above of referralChain(lookup, contact.referredBy)) {
        if (above.id === id) break;
        referredByChain.push(ref(above));
      }
      const referrals = index.referralsOf(id).map(existing).sort(byName).map(ref);
      return { invitations, referredByChain, referrals };
    },

    duplicates(): OutputOf<'contacts.duplicates'> {
      const groups = new Map<string, { reason: DuplicateReason; contacts: Contact[] }>();
      for (const contact of index.all()) {
        for (const { reason, key } of duplicateKeys(contact)) {
          const group = groups.get(key);
          if (group) group.contacts.push(contact);
          else groups.set(key, { reason, contacts: [contact] });
        }
      }
      // Two people sharing two addresses are one group, not two; groups come in name order within each reason.
      const found = [...groups.values()].filter((group) => group.contacts.length > 1);
      return distinctBy(found, ({ reason, contacts }) => `${reason}:${contacts.map((contact) => contact.id).join()}`)
        .map(({ reason, contacts }) => ({ reason, contacts: contacts.sort(oldestFirst) }))
        .sort((a, b) => duplicateReasons.indexOf(a.reason) - duplicateReasons.indexOf(b.reason));
    },

    merge({ keepId, mergeIds }: ParsedInputOf<'contacts.merge'>): Promise<Contact> {
      const mergedIds = new Set(mergeIds);
      if (mergedIds.has(keepId)) {
        throw new AppError('VALIDATION', 'A contact cannot be merged into itself.', [{ path: 'mergeIds', message: 'validation.mergeIntoItself' }]);
      }
      const involved = [keepId, ...mergedIds];
      involved.forEach(existing);
      // Everything a merge touches: the contacts, whom the merged ones recommended, every event they are
      // invited to or have orders or tasks at, the orders and tasks outside events, and the club's memberships.
      const namesMerged = (records: ReadonlyArray<{ contactId: string }>) => records.some((record) => mergedIds.has(record.contactId));
      const reach = () => ({
        contactIds: new Set([...involved, ...[...mergedIds].flatMap((id) => index.referralsOf(id))]),
        eventIds: new Set([
          ...involved.flatMap((id) => index.eventsOf(id)),
          // Merges are rare: a scan of the events for orders and tasks is fine here.
          ...[...store.eventDocuments()].filter((document) => namesMerged(document.orders) || namesMerged(document.tasks)).map((document) => document.event.id),
        ]),
      });
      const scope = reach();

      return store.transact({ contactIds: [...scope.contactIds], reorderContactIds: involved, eventIds: [...scope.eventIds], singletons: ['tasks', 'club'] }, (view) => {
        // A recommendation or invitation added while the documents were being held would be left pointing nowhere.
        const now = reach();
        if (![...now.contactIds].every((id) => scope.contactIds.has(id)) || ![...now.eventIds].every((id) => scope.eventIds.has(id))) {
          throw new AppError('CONFLICT', 'errors.changedMeanwhile');
        }
        const kept = view.contact(keepId);
        const merged = [...mergedIds].map((id) => view.contact(id));
        if (!kept || !merged.every((contact) => contact !== undefined)) throw notFound();

        const at = new Date().toISOString();
        const repointed = [...now.contactIds]
          .filter((id) => !involved.includes(id))
          .map((id): Contact => ({ ...view.contact(id)!, referredBy: keepId, updatedAt: at }));
        const changed = new Map(repointed.map((contact) => [contact.id, contact]));
        const afterMerge: Lookup = (id) => (mergedIds.has(id) ? undefined : (changed.get(id) ?? view.contact(id)));
        const referredBy = [kept, ...merged].map((contact) => contact.referredBy).find((id) => id !== undefined && id !== keepId && !mergedIds.has(id));
        // Re-pointed recommendations can close a circle (a merged contact recommended the kept one's recommender); the kept one's own link gives way.
        const closesCircle = referredBy !== undefined && [...referralChain(afterMerge, referredBy)].some((above) => above.id === keepId);
        const parsed = contactSchema.safeParse({ ...mergeContacts(kept, merged, at), ...(referredBy && !closesCircle ? { referredBy } : {}) });
        // Merging can outgrow a limit (ten extra numbers, 5,000 characters of notes); the store must stay loadable.
        if (!parsed.success) throw validationError(parsed.error);

        const eventDocuments = [...now.eventIds].flatMap((eventId) => {
          const document = view.eventDocument(eventId)!;
          const invitations = repointInvitations(document.invitations, keepId, mergedIds);
          const orders = repointRecords(document.orders, keepId, mergedIds);
          const tasks = repointRecords(document.tasks, keepId, mergedIds);
          if (!invitations && !orders && !tasks) return [];
          return [{ ...document, invitations: invitations ?? document.invitations, orders: orders ?? document.orders, tasks: tasks ?? document.tasks }];
        });
        const outsideTasks = view.singleton('tasks');
        // The merged ones' orders outside events move to the kept one's shard.
        const movedOrders = repointRecords([...mergedIds].flatMap((id) => view.reordersOf(id)), keepId, mergedIds);
        const movedTasks = repointRecords(Object.values(outsideTasks.tasks), keepId, mergedIds);
        const club = mergeMemberships(view.singleton('club'), keepId, mergedIds);
        const singletons = {
          ...(movedTasks ? { tasks: { ...outsideTasks, tasks: Object.fromEntries(movedTasks.map((task) => [task.id, task])) } } : {}),
          ...(club ? { club } : {}),
        };
        return { contacts: [parsed.data, ...repointed], removeContacts: [...mergedIds], eventDocuments, reorders: movedOrders, singletons, result: parsed.data };
      });
    },

    /** One change over all of them: an unknown id refuses the whole; only contacts that gain a tag are written. */
    addTags({ contactIds, tags }: ParsedInputOf<'contacts.addTags'>): Promise<OutputOf<'contacts.addTags'>> {
      const ids = [...new Set(contactIds)];
      ids.forEach(existing);
      const wanted = distinctBy(tags, normalize);
      return store.transact({ contactIds: ids }, (view) => {
        const at = new Date().toISOString();
        const changed: Contact[] = [];
        for (const id of ids) {
          const current = view.contact(id);
          if (!current) throw notFound();
          const own = new Set(current.tags.map(normalize));
          const added = wanted.filter((tag) => !own.has(normalize(tag)));
          if (added.length === 0) continue;
          const next = [...current.tags, ...added];
          if (!contactSchema.shape.tags.safeParse(next).success) {
            throw new AppError('VALIDATION', `Contact ${id} would carry too many tags.`, [{ path: 'tags', message: 'validation.tooManyTags' }]);
          }
          changed.push({ ...current, tags: next, updatedAt: at });
        }
        return { contacts: changed, result: { changed: changed.length } };
      });
    },

    recordConsent({ contactId, ...consent }: ParsedInputOf<'contacts.recordConsent'>): Promise<Contact> {
      existing(contactId);
      const at = new Date().toISOString();
      const record = { ...consent, id: nanoid(), at, recordedBy: store.settings.data.settings.operatorName };
      return store.saveContact(contactId, (current) => {
        if (!current) throw notFound();
        return { ...current, consents: [...current.consents, record], updatedAt: at };
      });
    },
  };
}
