import { customAlphabet, nanoid } from 'nanoid';
import { INVITATION_CODE_ALPHABET, type Invitation } from '../../shared/schemas/invitation';
import type { EventDocument } from '../store/documents';
import type { Store } from '../store/store';
import { changesBetween } from './index-changes';
import { perStore } from './per-store';

const randomCode = customAlphabet(INVITATION_CODE_ALPHABET, 6);

/** Makes a new pending invitation with a code no other invitation has. */
export type CreateInvitation = (contactId: string, invitedAt: string) => Invitation;

/**
 * Where each invitation lives and which codes are taken, across all events,
 * kept current from the store's change events. One per store, shared by the
 * services that write invitations.
 */
export class InvitationIndex {
  private readonly eventOf = new Map<string, string>();
  /** Code → invitation id: a code typed or scanned at the door finds its guest without a scan. */
  private readonly codes = new Map<string, string>();
  // Codes handed out for a write that has not committed yet, so that two concurrent writes never pick the same one.
  private readonly reserved = new Set<string>();

  constructor(store: Store) {
    for (const document of store.eventDocuments()) this.track(document, undefined);
    store.onEventChange((next, previous) => this.track(next, previous));
  }

  private track(next: EventDocument, previous: EventDocument | undefined): void {
    // Changes to the event alone keep the same array (store.saveEvent): nothing to do.
    if (previous?.invitations === next.invitations) return;
    const { removed, added } = changesBetween(previous?.invitations ?? [], next.invitations);
    for (const invitation of removed) {
      this.eventOf.delete(invitation.id);
      this.codes.delete(invitation.code);
    }
    for (const invitation of added) {
      this.eventOf.set(invitation.id, next.event.id);
      this.codes.set(invitation.code, invitation.id);
    }
  }

  /** The event holding this invitation. */
  eventIdOf(invitationId: string): string | undefined {
    return this.eventOf.get(invitationId);
  }

  /** The invitation with this code (upper case), in whichever event. */
  invitationIdOf(code: string): string | undefined {
    return this.codes.get(code);
  }

  /**
   * Runs `write` with a factory for new pending invitations whose codes are
   * unique across all events, including invitations being written concurrently.
   */
  async withNewInvitations<R>(write: (create: CreateInvitation) => Promise<R>): Promise<R> {
    const handedOut: string[] = [];
    const create: CreateInvitation = (contactId, invitedAt) => {
      let code = randomCode();
      while (this.codes.has(code) || this.reserved.has(code)) code = randomCode();
      this.reserved.add(code);
      handedOut.push(code);
      return { id: nanoid(), contactId, code, rsvp: 'pending', plusOnes: 0, invitedAt, walkIn: false, checkins: [] };
    };
    try {
      return await write(create);
    } finally {
      // Committed codes are in `codes` by now (the store's listener ran before the write resolved).
      for (const code of handedOut) this.reserved.delete(code);
    }
  }
}

export const invitationIndex = perStore((store) => new InvitationIndex(store));
