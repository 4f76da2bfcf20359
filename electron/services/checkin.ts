import { hostname } from 'node:os';
import { nanoid } from 'nanoid';
import type { OutputOf, ParsedInputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { checkinCounts, currentCheckin, type CheckinRecord } from '../../shared/schemas/checkin';
import { contact as contactSchema, type Contact } from '../../shared/schemas/contact';
import type { Invitation, InvitationView } from '../../shared/schemas/invitation';
import { doorOrder } from '../../shared/search/door';
import { duplicateKeys } from '../../shared/search/duplicates';
import { householdKey } from '../../shared/search/normalize';
import { parseQuery } from '../../shared/search/query';
import { validationError } from '../dispatcher';
import type { EventDocument } from '../store/documents';
import type { Store } from '../store/store';
import { joinClub } from './club-memberships';
import { contactIndex } from './contact-index';
import { invitationIndex, type CreateInvitation } from './invitation-index';
import { contactView, invitationService } from './invitations';

const eventNotFound = () => new AppError('NOT_FOUND', 'errors.eventNotFound');
const invitationNotFound = () => new AppError('NOT_FOUND', 'errors.invitationNotFound');
const contactNotFound = () => new AppError('NOT_FOUND', 'errors.contactNotFound');

/** This computer's name, for records of a station that gives none. */
const thisDevice = hostname().trim().slice(0, 100) || 'Kundenkreis';

// Matches of an e-mail address or number to confirm as the same person; more would be a shared family address at most.
const DUPLICATE_CANDIDATES = 50;

/** The door is open until the event is closed; a cancelled one never opens. */
function openForDoor(document: EventDocument | undefined): EventDocument {
  if (!document) throw eventNotFound();
  if (document.event.status === 'cancelled') throw new AppError('CONFLICT', 'errors.eventCancelled');
  if (document.event.status === 'closed') throw new AppError('CONFLICT', 'errors.eventNotOpen');
  return document;
}

/** Street and postcode as one key, so that "Hauptstr. 5" and "Hauptstraße 5" are one household; none without both. */
const householdOf = (contact: Contact | undefined) => (contact ? householdKey(contact) : undefined);

/** Someone who came without an invitation: she is there, so she said yes. */
export function walkInInvitation(create: CreateInvitation, contactId: string, at: string, plusOnes: number): Invitation {
  return { ...create(contactId, at), rsvp: 'yes', respondedAt: at, plusOnes, walkIn: true };
}

/** Thrown out of a check-in's write when the guest is already there: nothing is written, the earlier check-in is the answer. */
class AlreadyThere extends Error {
  constructor(readonly answer: OutputOf<'checkin.checkIn'>) {
    super('already checked in');
  }
}

/**
 * The door: check-ins and undos are records appended to the invitation in the
 * event's document, one durable write of that one document each; a walk-in
 * writes her contact and the event together (Store.transact).
 */
export function checkinService(store: Store) {
  const invitations = invitationIndex(store);
  const contacts = contactIndex(store);
  const guestList = invitationService(store);

  function record(at: string, device: string | undefined, fields: Pick<CheckinRecord, 'kind' | 'companions' | 'undoes'>): CheckinRecord {
    const operator = store.settings.data.settings.operatorName;
    return { id: nanoid(), at, device: device ?? thisDevice, ...(operator && { operator }), ...fields };
  }

  function view(invitation: Invitation): InvitationView {
    const contact = store.contact(invitation.contactId);
    if (!contact) throw contactNotFound();
    return { ...invitation, contact: contactView(contact) };
  }

  /** The invitation a code names; it must be one of this event's. */
  function invitationWithCode(eventId: string, code: string): string {
    const invitationId = invitations.invitationIdOf(code);
    if (!invitationId) throw new AppError('NOT_FOUND', 'errors.codeUnknown');
    if (invitations.eventIdOf(invitationId) !== eventId) throw new AppError('NOT_FOUND', 'errors.codeOtherEvent');
    return invitationId;
  }

  /** A contact that shares the walk-in's e-mail address or phone number: found by the search scan, confirmed by the duplicate keys. */
  function knownPerson(person: ParsedInputOf<'checkin.walkIn'>['contact']): Contact | undefined {
    const keys = new Set(duplicateKeys(person).map(({ key }) => key));
    for (const value of [person.email, person.phone]) {
      if (!value) continue;
      const found = contacts.search(parseQuery(value), DUPLICATE_CANDIDATES).find((candidate) => duplicateKeys(candidate).some(({ key }) => keys.has(key)));
      if (found) return found;
    }
    return undefined;
  }

  return {
    checkIn(input: ParsedInputOf<'checkin.checkIn'>): Promise<OutputOf<'checkin.checkIn'>> {
      const { eventId, contactId, companions, household, device } = input;
      const invitationId = input.code === undefined ? input.invitationId : invitationWithCode(eventId, input.code);
      // Only a contact without an invitation gets a new one (a walk-in); the factory makes a code only when used.
      return invitations.withNewInvitations(async (create) => {
        let answer: OutputOf<'checkin.checkIn'> | undefined;
        try {
          await store.saveEventDocument(eventId, (current) => {
            const document = openForDoor(current);
            const at = new Date().toISOString();
            const found = document.invitations.find((invitation) => (invitationId ? invitation.id === invitationId : invitation.contactId === contactId));
            if (!found && !(contactId && store.contact(contactId))) throw contactId ? contactNotFound() : invitationNotFound();
            const guest = found ?? walkInInvitation(create, contactId!, at, companions ?? 0);
            const guests = found ? document.invitations : [...document.invitations, guest];
            const earlier = currentCheckin(guest.checkins);
            if (earlier) throw new AlreadyThere({ invitation: view(guest), record: earlier, alreadyCheckedIn: true, household: [] });

            const arrivals = new Map([[guest.id, record(at, device, { kind: 'checkin', companions: companions ?? guest.plusOnes })]]);
            const address = household ? householdOf(store.contact(guest.contactId)) : undefined;
            if (address) {
              // Those who declined stay out: the host adds them with a keystroke if they came after all.
              for (const other of guests) {
                if (other === guest || other.rsvp === 'no' || currentCheckin(other.checkins) || householdOf(store.contact(other.contactId)) !== address) continue;
                arrivals.set(other.id, record(at, device, { kind: 'checkin', companions: other.plusOnes }));
              }
            }
            const next = guests.map((invitation) => {
              const arrival = arrivals.get(invitation.id);
              return arrival ? { ...invitation, checkins: [...invitation.checkins, arrival] } : invitation;
            });
            const arrived = next.filter((invitation) => arrivals.has(invitation.id)).map(view);
            answer = {
              invitation: arrived.find((invitation) => invitation.id === guest.id)!,
              record: arrivals.get(guest.id)!,
              alreadyCheckedIn: false,
              household: arrived.filter((invitation) => invitation.id !== guest.id),
            };
            return { ...document, invitations: next };
          });
        } catch (error) {
          if (error instanceof AlreadyThere) return error.answer;
          throw error;
        }
        return answer!;
      });
    },

    async undo({ eventId, invitationId, device }: ParsedInputOf<'checkin.undo'>): Promise<OutputOf<'checkin.undo'>> {
      let answer: OutputOf<'checkin.undo'> | undefined;
      await store.saveEventDocument(eventId, (current) => {
        const document = openForDoor(current);
        const guest = document.invitations.find((invitation) => invitation.id === invitationId);
        if (!guest) throw invitationNotFound();
        const here = currentCheckin(guest.checkins);
        if (!here) throw new AppError('CONFLICT', 'errors.notCheckedIn');
        const undo = record(new Date().toISOString(), device, { kind: 'undo', companions: 0, undoes: here.id });
        // A walk-in's invitation stays: the records are the audit trail.
        const next = { ...guest, checkins: [...guest.checkins, undo] };
        answer = { invitation: view(next), record: undo };
        return { ...document, invitations: document.invitations.map((invitation) => (invitation === guest ? next : invitation)) };
      });
      return answer!;
    },

    async walkIn({ eventId, contact: person, consents, broughtBy, device, joinClub: joins }: ParsedInputOf<'checkin.walkIn'>): Promise<OutputOf<'checkin.walkIn'>> {
      openForDoor(store.eventDocument(eventId));
      const known = knownPerson(person);
      // The renderer offers the existing contact instead (checkin.search finds her by the same e-mail or number).
      if (known) throw new AppError('VALIDATION', `Already known as contact ${known.id}.`, [{ path: 'contact', message: 'validation.walkInDuplicate' }]);
      const id = nanoid();
      return invitations.withNewInvitations((create) =>
        // Contact, check-in and membership in one journaled change: a crash never leaves one without the others.
        store.transact({ contactIds: [id], eventIds: [eventId], singletons: joins ? ['club'] : [] }, (current) => {
          const document = openForDoor(current.eventDocument(eventId));
          if (broughtBy && !current.contact(broughtBy)) {
            throw new AppError('VALIDATION', 'The person who brought the guest is not known.', [{ path: 'broughtBy', message: 'validation.referrerUnknown' }]);
          }
          const { hostId } = document.event;
          const referredBy = broughtBy ?? (hostId && current.contact(hostId) ? hostId : undefined);
          const at = new Date().toISOString();
          const recordedBy = store.settings.data.settings.operatorName;
          const parsed = contactSchema.safeParse({
            ...person,
            id,
            tags: [],
            ...(referredBy && { referredBy }),
            consents: consents.map((consent) => ({ ...consent, source: 'door', id: nanoid(), at, ...(recordedBy && { recordedBy }) })),
            createdAt: at,
            updatedAt: at,
          });
          if (!parsed.success) throw validationError(parsed.error);
          const checkin = record(at, device, { kind: 'checkin', companions: 0 });
          const invitation = { ...walkInInvitation(create, id, at, 0), checkins: [checkin] };
          const member = joins ? joinClub(current.singleton('club'), id, 'door', new Date(at)) : undefined;
          return {
            contacts: [parsed.data],
            eventDocuments: [{ ...document, invitations: [...document.invitations, invitation] }],
            ...(member && { singletons: { club: member.club } }),
            result: {
              contact: parsed.data,
              invitation: { ...invitation, contact: contactView(parsed.data) },
              record: checkin,
              ...(member && { memberNumber: member.membership.memberNumber }),
            },
          };
        }),
      );
    },

    state({ eventId }: ParsedInputOf<'checkin.state'>): OutputOf<'checkin.state'> {
      const guests = guestList.list({ eventId });
      return { counts: checkinCounts(guests), guests };
    },

    search({ eventId, query, limit }: ParsedInputOf<'checkin.search'>): OutputOf<'checkin.search'> {
      const document = store.eventDocument(eventId);
      if (!document) throw eventNotFound();
      const code = query.toUpperCase();
      const invited = new Map<string, Invitation>();
      let byCode: Contact | undefined;
      for (const invitation of document.invitations) {
        invited.set(invitation.contactId, invitation);
        if (invitation.code === code) byCode = store.contact(invitation.contactId);
      }
      const terms = parseQuery(query);
      const guests = contacts.searchAmong(invited.keys(), terms);
      // However many guests match, `limit` others are left after taking them out.
      const others = contacts.search(terms, limit + invited.size).filter((contact) => !invited.has(contact.id));
      return doorOrder(byCode, guests, others, limit).map((contact) => {
        const invitation = invited.get(contact.id);
        return { contact, ...(invitation && { invitation: { ...invitation, contact: contactView(contact) } }) };
      });
    },
  };
}
