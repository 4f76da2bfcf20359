import { nanoid } from 'nanoid';
import type { OutputOf, ParsedInputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Event, EventKind, EventStatus } from '../../shared/schemas/event';
import { newEventDocument } from '../store/documents';
import type { Store } from '../store/store';
import { eventCalendar } from './ics';
import { invitationIndex } from './invitation-index';
import { applyPatch } from './patch';
import { bookingTask, heldFollowUps, withFollowUps } from './tasks';
import { addDays, localDate } from '../../shared/days';

// Messages are i18n keys: the renderer shows them in the user's language.
const notFound = () => new AppError('NOT_FOUND', 'errors.eventNotFound');

function checkHost(store: Store, hostId: string | undefined): void {
  if (hostId !== undefined && !store.contact(hostId)) {
    throw new AppError('VALIDATION', 'The host is not a known contact.', [{ path: 'hostId', message: 'validation.hostUnknown' }]);
  }
}

/** The lifecycle geplant → eingeladen → durchgeführt → abgeschlossen. */
const lifecycle: readonly EventStatus[] = ['planned', 'invited', 'held', 'closed'];

/** Forward, also skipping steps; one step back to correct a mistake, except out of closed; nothing out of cancelled. */
function checkTransition(from: EventStatus, to: EventStatus): void {
  if (from === 'cancelled') throw new AppError('CONFLICT', 'errors.eventCancelled');
  const step = lifecycle.indexOf(to) - lifecycle.indexOf(from);
  if (step < -1 || (step === -1 && from === 'closed')) throw new AppError('CONFLICT', 'errors.statusTransition');
}

/** The same instant written with the offset of `like` (e.g. +01:00), so an event keeps the local times it was entered in. */
function atOffsetOf(instant: number, like: string): string {
  const offset = /(?:Z|[+-]\d{2}:\d{2})$/.exec(like)?.[0] ?? 'Z';
  const minutes = offset === 'Z' ? 0 : (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return new Date(instant + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, offset);
}

const bookedTitles: Record<EventKind, string> = {
  party: 'Home-Party bei',
  presentation: 'Präsentation bei',
  club: 'Clubabend bei',
  online: 'Online-Präsentation bei',
};

export function eventService(store: Store) {
  const index = invitationIndex(store);
  return {
    /** The new event and the call in the source event's tasks, in one atomic write. */
    async book({ eventId, contactId, startsAt, kind, title }: ParsedInputOf<'events.book'>): Promise<Event> {
      const source = store.event(eventId);
      if (!source) throw notFound();
      if (source.status === 'cancelled') throw new AppError('CONFLICT', 'errors.eventCancelled');
      const host = store.contact(contactId);
      if (!host) throw new AppError('NOT_FOUND', 'errors.contactNotFound');
      const now = new Date().toISOString();
      const id = nanoid();
      const town = [host.postalCode, host.city].filter(Boolean).join(' ');
      const place = kind === 'online' ? undefined : [host.street, town].filter(Boolean).join(', ') || undefined;
      const booked: Event = {
        id,
        kind,
        title: title ?? `${bookedTitles[kind]} ${host.firstName} ${host.lastName}`.slice(0, 200),
        startsAt,
        ...(place && { place }),
        hostId: contactId,
        status: 'planned',
        bookedAtEventId: eventId,
        createdAt: now,
        updatedAt: now,
      };
      // Due the day after the party, or tomorrow when the booking is entered later.
      const today = localDate();
      const due = addDays(source.startsAt.slice(0, 10) > today ? source.startsAt.slice(0, 10) : today, 1);
      return store.transact({ eventIds: [eventId], newEventIds: [id] }, (view) => {
        const current = view.eventDocument(eventId);
        if (!current) throw notFound();
        if (current.event.status === 'cancelled') throw new AppError('CONFLICT', 'errors.eventCancelled');
        return { eventDocuments: [newEventDocument(booked), withFollowUps(current, [bookingTask(host, eventId, due, now)])], result: booked };
      });
    },
    async create(input: ParsedInputOf<'events.create'>): Promise<Event> {
      checkHost(store, input.hostId);
      const now = new Date().toISOString();
      const id = nanoid();
      return store.saveEvent(id, () => ({ ...input, id, status: 'planned', createdAt: now, updatedAt: now }));
    },

    list(input: ParsedInputOf<'events.list'>): Event[] {
      const from = input.from ? Date.parse(input.from) : -Infinity;
      const to = input.to ? Date.parse(input.to) : Infinity;
      return [...store.events()]
        .filter((event) => {
          const start = Date.parse(event.startsAt);
          return start >= from && start <= to && (!input.status || input.status.includes(event.status));
        })
        .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    },

    get({ id }: ParsedInputOf<'events.get'>): Event {
      const found = store.event(id);
      if (!found) throw notFound();
      return found;
    },

    update({ id, ...patch }: ParsedInputOf<'events.update'>): Promise<Event> {
      const found = store.event(id);
      if (!found) throw notFound();
      // An erased host stays on the event she held; saving the event unchanged must not fail on her.
      if (patch.hostId !== found.hostId) checkHost(store, patch.hostId ?? undefined);
      return store.saveEvent(id, (current) => {
        if (!current) throw notFound();
        if (current.status === 'cancelled') throw new AppError('CONFLICT', 'errors.eventCancelled');
        const next = applyPatch(current, { ...patch, updatedAt: new Date().toISOString() });
        if (next.endsAt !== undefined && Date.parse(next.endsAt) <= Date.parse(next.startsAt)) {
          throw new AppError('VALIDATION', 'The event ends before it starts.', [{ path: 'endsAt', message: 'validation.endsBeforeStart' }]);
        }
        return next;
      });
    },

    cancel({ id, reason }: ParsedInputOf<'events.cancel'>): Promise<Event> {
      if (!store.event(id)) throw notFound();
      return store.saveEvent(id, (current) => {
        if (!current) throw notFound();
        if (current.status === 'cancelled') throw new AppError('CONFLICT', 'errors.eventAlreadyCancelled');
        if (current.status === 'held' || current.status === 'closed') {
          throw new AppError('CONFLICT', 'errors.eventTookPlace');
        }
        return { ...current, status: 'cancelled', cancelReason: reason || undefined, updatedAt: new Date().toISOString() };
      });
    },

    /** Held (or closed): the follow-up tasks are generated in the same write; again later, only those missing. */
    async setStatus({ id, status }: ParsedInputOf<'events.setStatus'>): Promise<Event> {
      if (!store.event(id)) throw notFound();
      const saved = await store.saveEventDocument(id, (current) => {
        if (!current) throw notFound();
        if (current.event.status === status) return current;
        checkTransition(current.event.status, status);
        const now = new Date().toISOString();
        const next = { ...current, event: { ...current.event, status, updatedAt: now } };
        return status === 'held' || status === 'closed' ? withFollowUps(next, heldFollowUps(store, next, now)) : next;
      });
      return saved.event;
    },

    async duplicate({ id, startsAt, withInvitees }: ParsedInputOf<'events.duplicate'>): Promise<Event> {
      const source = store.eventDocument(id);
      if (!source) throw notFound();
      const { kind, title, place, hostId, capacity, notes, endsAt } = source.event;
      const now = new Date().toISOString();
      const copy: Event = {
        id: nanoid(),
        kind,
        title,
        startsAt,
        ...(endsAt && { endsAt: atOffsetOf(Date.parse(startsAt) + Date.parse(endsAt) - Date.parse(source.event.startsAt), startsAt) }),
        ...(place && { place }),
        // A host merged away or erased since then is left out rather than refusing the copy.
        ...(hostId && store.contact(hostId) && { hostId }),
        ...(capacity && { capacity }),
        ...(notes && { notes }),
        status: 'planned',
        createdAt: now,
        updatedAt: now,
      };
      // Everyone on the list, walk-ins too (they came last time), as fresh invitations.
      const invitees = withInvitees ? source.invitations.map((invitation) => invitation.contactId).filter((contactId) => store.contact(contactId)) : [];
      const saved = await index.withNewInvitations((create) =>
        store.saveEventDocument(copy.id, () => ({
          ...newEventDocument(copy),
          invitations: invitees.map((contactId) => create(contactId, now)),
        })),
      );
      return saved.event;
    },

    ics({ id }: ParsedInputOf<'events.ics'>): OutputOf<'events.ics'> {
      const found = store.event(id);
      if (!found) throw notFound();
      const host = found.hostId ? store.contact(found.hostId) : undefined;
      return eventCalendar(found, { host, locale: store.settings.data.settings.locale, now: new Date() });
    },
  };
}
