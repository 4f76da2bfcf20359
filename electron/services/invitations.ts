import type { OutputOf, ParsedInputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Contact } from '../../shared/schemas/contact';
import type { Invitation, InvitationView } from '../../shared/schemas/invitation';
import type { EventDocument } from '../store/documents';
import type { Store } from '../store/store';
import { invitationIndex } from './invitation-index';
import { nameOf } from './contact-names';

const eventNotFound = () => new AppError('NOT_FOUND', 'errors.eventNotFound');
const invitationNotFound = () => new AppError('NOT_FOUND', 'errors.invitationNotFound');

/** Invitee lists of cancelled and closed events are settled. */
function checkOpen(document: EventDocument): void {
  if (document.event.status === 'cancelled' || document.event.status === 'closed') {
    throw new AppError('CONFLICT', 'errors.eventNotOpen');
  }
}

const german = new Intl.Collator('de', { sensitivity: 'base', numeric: true });
const byName = (a: InvitationView, b: InvitationView) =>
  german.compare(a.contact.lastName, b.contact.lastName) || german.compare(a.contact.firstName, b.contact.firstName);

export function contactView({ id, firstName, lastName, email, phone, mobile }: Contact): InvitationView['contact'] {
  return { id, firstName, lastName, ...(email && { email }), ...(phone && { phone }), ...(mobile && { mobile }) };
}

export function invitationService(store: Store) {
  const index = invitationIndex(store);

  /** Changes one invitation of an open event; `change` gets it and answers its next version (or null to remove it). */
  async function changeInvitation(invitationId: string, change: (current: Invitation) => Invitation | null): Promise<Invitation> {
    const eventId = index.eventIdOf(invitationId);
    if (!eventId) throw invitationNotFound();
    let result: Invitation | undefined;
    await store.saveEventDocument(eventId, (current) => {
      if (!current) throw eventNotFound();
      const found = current.invitations.find((invitation) => invitation.id === invitationId);
      if (!found) throw invitationNotFound();
      checkOpen(current);
      const next = change(found);
      result = next ?? found;
      const invitations = next
        ? current.invitations.map((invitation) => (invitation === found ? next : invitation))
        : current.invitations.filter((invitation) => invitation !== found);
      return { ...current, invitations };
    });
    return result!;
  }

  return {
    add({ eventId, contactIds }: ParsedInputOf<'invitations.add'>): Promise<OutputOf<'invitations.add'>> {
      return index.withNewInvitations(async (create) => {
        let outcome: OutputOf<'invitations.add'> = { added: [], alreadyInvited: 0 };
        await store.saveEventDocument(eventId, (current) => {
          if (!current) throw eventNotFound();
          if (contactIds.some((contactId) => !store.contact(contactId))) {
            throw new AppError('VALIDATION', 'Some contacts are not known.', [{ path: 'contactIds', message: 'validation.contactUnknown' }]);
          }
          checkOpen(current);
          const invited = new Set(current.invitations.map((invitation) => invitation.contactId));
          const now = new Date().toISOString();
          const added: Invitation[] = [];
          let alreadyInvited = 0;
          for (const contactId of new Set(contactIds)) {
            if (invited.has(contactId)) alreadyInvited++;
            else added.push(create(contactId, now));
          }
          outcome = { added, alreadyInvited };
          return added.length === 0 ? current : { ...current, invitations: [...current.invitations, ...added] };
        });
        return outcome;
      });
    },

    remove({ invitationId }: ParsedInputOf<'invitations.remove'>): Promise<Invitation> {
      return changeInvitation(invitationId, () => null);
    },

    setRsvp({ invitationId, rsvp, plusOnes }: ParsedInputOf<'invitations.setRsvp'>): Promise<Invitation> {
      // Over capacity is recorded all the same: the rep decides; the lists show the counts.
      return changeInvitation(invitationId, ({ respondedAt: _previous, ...current }) => ({
        ...current,
        rsvp,
        plusOnes: plusOnes ?? current.plusOnes,
        ...(rsvp !== 'pending' && { respondedAt: new Date().toISOString() }),
      }));
    },

    list({ eventId }: ParsedInputOf<'invitations.list'>): InvitationView[] {
      const document = store.eventDocument(eventId);
      if (!document) throw eventNotFound();
      return document.invitations
        .map((invitation) => {
          const contact = store.contact(invitation.contactId);
          // An erased guest's invitation stays under her pseudonym, so the list counts what the event's report counts.
          return { ...invitation, contact: contact ? contactView(contact) : nameOf(store, invitation.contactId) };
        })
        .sort(byName);
    },
  };
}
