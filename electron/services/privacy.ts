import { customAlphabet, nanoid } from 'nanoid';
import type { OutputOf, ParsedInputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Contact } from '../../shared/schemas/contact';
import { INVITATION_CODE_ALPHABET } from '../../shared/schemas/invitation';
import type { Order } from '../../shared/schemas/order';
import type { Erasure, KeptDecision, ReviewEntry } from '../../shared/schemas/privacy';
import type { EventDocument } from '../store/documents';
import type { Store } from '../store/store';
import { clubService } from './club';
import { byName, collator, contactIndex } from './contact-index';
import { orderService } from './orders';

const notFound = () => new AppError('NOT_FOUND', 'errors.contactNotFound');
const ref = ({ id, firstName, lastName }: Contact) => ({ id, firstName, lastName });
type Named = { firstName: string; lastName: string };
const byNameOnly = (a: Named, b: Named) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName);

/** Random, never derived from the name: "Gelöscht 7K2Q". */
const pseudonymCode = customAlphabet(INVITATION_CODE_ALPHABET, 4);
function newPseudonym(erasures: readonly Erasure[]): string {
  const taken = new Set(erasures.map((erasure) => erasure.pseudonym));
  for (;;) {
    const pseudonym = `Gelöscht ${pseudonymCode()}`;
    if (!taken.has(pseudonym)) return pseudonym;
  }
}

const withoutNote = <T extends { note?: string }>({ note: _, ...rest }: T): Omit<T, 'note'> => rest;

/** An erased person's order as kept for the retention periods: lines, amounts, payments, dates and status; no free text. */
const keptOrder = (order: Order): Order => ({ ...withoutNote(order), payments: order.payments.map(withoutNote) });

/**
 * Newest activity per contact from everything stored with events, orders and
 * the club (the contacts' own dates are added by the caller), in ms.
 */
function activityByContact(store: Store): Map<string, number> {
  const newest = new Map<string, number>();
  const seen = (contactId: string, ...instants: Array<string | undefined>) => {
    for (const instant of instants) {
      if (instant === undefined) continue;
      const at = Date.parse(instant);
      if (at > (newest.get(contactId) ?? -Infinity)) newest.set(contactId, at);
    }
  };
  const ordered = (order: Order) => seen(order.contactId, order.createdAt, order.updatedAt, ...order.payments.map((payment) => payment.at));
  for (const { event, invitations, orders } of store.eventDocuments()) {
    // Hosting a party is activity; one planned for later keeps her active until then.
    if (event.hostId !== undefined) seen(event.hostId, event.createdAt, event.startsAt);
    for (const invitation of invitations) {
      seen(invitation.contactId, invitation.invitedAt, invitation.respondedAt, ...invitation.checkins.map((record) => record.at));
    }
    orders.forEach(ordered);
  }
  for (const order of store.reorders()) ordered(order);
  for (const membership of Object.values(store.singletons.club.data.memberships)) {
    seen(membership.contactId, `${membership.joinedOn}T00:00:00Z`, membership.statusChangedAt, ...membership.points.map((entry) => entry.at));
  }
  return newest;
}

/** DSGVO tools: right of access (Art. 15), erasure (Art. 17), review of inactive contacts. */
export function privacyService(store: Store) {
  const index = contactIndex(store);
  const orders = orderService(store);
  const club = clubService(store);
  const privacy = store.singletons.privacy;
  const operator = () => store.settings.data.settings.operatorName;

  /** What an erasure touches: her, whom she recommended, and every event that holds her invitations, orders or tasks or that she hosted. */
  const reach = (contactId: string) => ({
    contactIds: new Set([contactId, ...index.referralsOf(contactId)]),
    eventIds: new Set([
      ...index.eventsOf(contactId),
      // Erasures are rare: a scan of the events is fine here.
      ...[...store.eventDocuments()]
        .filter(({ event, orders, tasks }) => event.hostId === contactId || [...orders, ...tasks].some((record) => record.contactId === contactId))
        .map(({ event }) => event.id),
    ]),
  });

  return {
    async access({ contactId }: ParsedInputOf<'privacy.access'>): Promise<OutputOf<'privacy.access'>> {
      const contact = store.contact(contactId);
      if (!contact) throw notFound();
      const invitations = index
        .eventsOf(contactId)
        .flatMap((eventId) => {
          const { event, invitations: all } = store.eventDocument(eventId)!;
          return all.filter((invitation) => invitation.contactId === contactId).map((invitation) => ({ event, invitation }));
        })
        .sort((a, b) => Date.parse(b.event.startsAt) - Date.parse(a.event.startsAt));
      const exports = (await store.exportLog())
        .filter((entry) => entry.contactIds.includes(contactId))
        .map(({ contactIds: _, ...entry }) => entry)
        .reverse();
      const recommender = contact.referredBy ? store.contact(contact.referredBy) : undefined;
      const recommended = index
        .referralsOf(contactId)
        .flatMap((id) => store.contact(id) ?? [])
        .sort(byName)
        .map(ref);
      return {
        generatedAt: new Date().toISOString(),
        contact,
        invitations,
        orders: orders.list({ contactId }).sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
        club: club.member({ contactId }),
        exports,
        ...(recommender && { recommendedBy: ref(recommender) }),
        recommended,
      };
    },

    /**
     * Anonymises a person in one change: her contact record and club
     * membership go, so every list, search and export drops her; free text
     * tied to her (notes on her orders, payments and invitations, her tasks,
     * whose titles hold her name) goes; her orders and invitations stay with
     * her id for the retention periods and the events' figures, shown under
     * a pseudonym; the audit entry holds no personal data.
     */
    erase({ contactId, reason }: ParsedInputOf<'privacy.erase'>): Promise<OutputOf<'privacy.erase'>> {
      if (!store.contact(contactId)) throw notFound();
      const scope = reach(contactId);
      return store.transact(
        { contactIds: [...scope.contactIds], reorderContactIds: [contactId], eventIds: [...scope.eventIds], singletons: ['tasks', 'club', 'privacy'] },
        (view) => {
          // A recommendation, invitation or order added while the documents were being held would keep her data.
          const now = reach(contactId);
          if (![...now.contactIds].every((id) => scope.contactIds.has(id)) || ![...now.eventIds].every((id) => scope.eventIds.has(id))) {
            throw new AppError('CONFLICT', 'errors.changedMeanwhile');
          }
          const person = view.contact(contactId);
          if (!person) throw notFound();
          const records = view.singleton('privacy');
          const pseudonym = newPseudonym(records.erasures);
          const hers = (record: { contactId: string }) => record.contactId === contactId;
          let keptOrders = 0;
          let keptInvitations = 0;

          // A party booked with her carries her name in its title and her address as its place.
          const fullName = `${person.firstName} ${person.lastName}`.trim();
          const hosted = (event: EventDocument['event']): EventDocument['event'] => {
            if (event.hostId !== contactId) return event;
            const { place, ...rest } = event;
            const atHers = place !== undefined && person.street !== undefined && place.includes(person.street);
            return { ...rest, title: fullName ? event.title.replaceAll(fullName, pseudonym) : event.title, ...(place && !atHers && { place }) };
          };
          const eventDocuments = [...scope.eventIds].map((eventId): EventDocument => {
            const document = view.eventDocument(eventId)!;
            keptOrders += document.orders.filter(hers).length;
            keptInvitations += document.invitations.filter(hers).length;
            return {
              ...document,
              event: hosted(document.event),
              invitations: document.invitations.map((invitation) => (hers(invitation) ? withoutNote(invitation) : invitation)),
              orders: document.orders.map((order) => (hers(order) ? keptOrder(order) : order)),
              tasks: document.tasks.filter((task) => !hers(task)),
            };
          });

          const outsideTasks = view.singleton('tasks');
          const reorders = view.reordersOf(contactId);
          keptOrders += reorders.length;
          const { [contactId]: _membership, ...memberships } = view.singleton('club').memberships;
          const { [contactId]: _kept, ...kept } = records.kept;
          const by = operator();
          const entry: Erasure = {
            id: nanoid(),
            contactId,
            pseudonym,
            at: new Date().toISOString(),
            ...(by && { by }),
            ...(reason && { reason }),
            keptOrders,
            keptInvitations,
          };
          // Whom she recommended lose the link: it is a fact about her, and a link to nobody would fail their next save.
          const recommended = [...now.contactIds]
            .filter((id) => id !== contactId)
            .map((id) => {
              const { referredBy: _, ...rest } = view.contact(id)!;
              return rest;
            });
          return {
            removeContacts: [contactId],
            contacts: recommended,
            eventDocuments,
            reorders: reorders.map(keptOrder),
            singletons: {
              tasks: { ...outsideTasks, tasks: Object.fromEntries(Object.entries(outsideTasks.tasks).filter(([, task]) => !hers(task))) },
              club: { ...view.singleton('club'), memberships },
              privacy: { ...records, erasures: [...records.erasures, entry], kept },
            },
            result: entry,
          };
        },
      );
    },

    erasures: (): OutputOf<'privacy.erasures'> => [...privacy.data.erasures].reverse(),

    review({ years }: ParsedInputOf<'privacy.review'>): ReviewEntry[] {
      const cutoff = new Date();
      cutoff.setFullYear(cutoff.getFullYear() - (years ?? store.settings.data.settings.reviewAfterYears));
      const activity = activityByContact(store);
      const entries: Array<ReviewEntry & { last: number }> = [];
      for (const contact of store.contacts()) {
        const own = [contact.createdAt, contact.updatedAt, ...contact.consents.map((consent) => consent.at)].map(Date.parse);
        const last = Math.max(activity.get(contact.id) ?? -Infinity, ...own);
        const keptAt = privacy.data.kept[contact.id]?.at;
        // A contact kept on purpose comes back once that decision too is older than the period.
        if (Math.max(last, keptAt ? Date.parse(keptAt) : -Infinity) >= cutoff.getTime()) continue;
        entries.push({
          contact: { ...ref(contact), ...(contact.city && { city: contact.city }) },
          createdAt: contact.createdAt,
          lastActivityAt: new Date(last).toISOString(),
          ...(keptAt && { keptAt }),
          last,
        });
      }
      return entries.sort((a, b) => a.last - b.last || byNameOnly(a.contact, b.contact)).map(({ last: _, ...entry }) => entry);
    },

    keep({ contactId, note }: ParsedInputOf<'privacy.keep'>): Promise<KeptDecision> {
      return privacy.update((current) => {
        if (!store.contact(contactId)) throw notFound();
        const by = operator();
        const decision: KeptDecision = { contactId, at: new Date().toISOString(), ...(by && { by }), ...(note && { note }) };
        return { next: { ...current, kept: { ...current.kept, [contactId]: decision } }, result: decision };
      });
    },
  };
}
