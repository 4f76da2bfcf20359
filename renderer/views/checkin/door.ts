import { currentCheckin } from '../../../shared/schemas/checkin';
import { householdKey } from '../../../shared/search/normalize';
import type { Contact, ContactRef } from '../../../shared/schemas/contact';
import type { Event } from '../../../shared/schemas/event';
import { invitationCode, type InvitationView } from '../../../shared/schemas/invitation';
import { byName } from '../planning/guestCounts';

/** What a USB scanner types from a printed card: six characters of the code alphabet, in any case. */
export const isInvitationCode = (text: string) => invitationCode.safeParse(text.trim().toUpperCase()).success;

/** Self check-in shows people to each other only by first name and initial ("Anna M."). */
export const doorName = (contact: Pick<ContactRef, 'firstName' | 'lastName'>, privacy: boolean) =>
  privacy ? `${contact.firstName} ${contact.lastName.charAt(0)}.` : `${contact.firstName} ${contact.lastName}`;

/** When the guest's check-in in force was made, if she is there. */
export const arrivedAt = (invitation: Pick<InvitationView, 'checkins'>) => currentCheckin(invitation.checkins)?.at;

/** Invited guests who did not decline and are not there: whom to follow up after the event. */
export const noShows = (guests: readonly InvitationView[]) =>
  guests.filter((guest) => !guest.walkIn && guest.rsvp !== 'no' && !arrivedAt(guest)).sort(byName);

/** Who Alt+Enter would check in along with her: the others at her address who did not decline and are not there yet. */
export function householdOf(contact: Contact, invitationId: string, guests: readonly InvitationView[], addresses: ReadonlyMap<string, string | undefined>) {
  const key = householdKey(contact);
  if (!key) return [];
  return guests.filter((guest) => guest.id !== invitationId && guest.rsvp !== 'no' && !arrivedAt(guest) && addresses.get(guest.contactId) === key);
}

/** The events a door opens for: today's (and running ones), the next ones, and the most recent past ones. */
export function eventsForDoor(events: readonly Event[], now: Date) {
  const dayStart = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const dayEnd = dayStart + 24 * 60 * 60 * 1000;
  const open = [...events].filter((event) => event.status !== 'cancelled').sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const starts = (event: Event) => Date.parse(event.startsAt);
  const ends = (event: Event) => Date.parse(event.endsAt ?? event.startsAt);
  return {
    today: open.filter((event) => (starts(event) >= dayStart && starts(event) < dayEnd) || (starts(event) < dayStart && ends(event) >= dayStart)),
    upcoming: open.filter((event) => starts(event) >= dayEnd).slice(0, 10),
    recent: open
      .filter((event) => ends(event) < dayStart)
      .reverse()
      .slice(0, 10),
  };
}
