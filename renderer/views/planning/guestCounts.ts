import type { InvitationView } from '../../../shared/schemas/invitation';

/** The counts at the top of an invitee list; seats are the guests who said yes plus their companions. */
export function guestCounts(invitations: readonly Pick<InvitationView, 'rsvp' | 'plusOnes'>[]) {
  const counts = { invited: invitations.length, yes: 0, no: 0, maybe: 0, pending: 0, plusOnes: 0, seats: 0 };
  for (const { rsvp, plusOnes } of invitations) {
    counts[rsvp] += 1;
    if (rsvp === 'yes') counts.plusOnes += plusOnes;
  }
  counts.seats = counts.yes + counts.plusOnes;
  return counts;
}

const collator = new Intl.Collator('de', { sensitivity: 'base' });

/** Guests by last name, then first name, as on a paper list. */
export const byName = (a: InvitationView, b: InvitationView) =>
  collator.compare(a.contact.lastName, b.contact.lastName) || collator.compare(a.contact.firstName, b.contact.firstName);
