import { nanoid } from 'nanoid';
import type { OutputOf, ParsedInputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Event, EventStatus } from '../../shared/schemas/event';
import { currentVersion } from '../store/documents';
import type { Store } from '../store/store';
import { eventCalendar } from './ics';
import { invitationIndex } from './invitation-index';
import { applyPatch } from './patch';

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

export function eventService(store: Store) {
  const index = invitationIndex(store);
  return {
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
      if (!store.event(id)) throw notFound();
      checkHost(store, patch.hostId ?? undefined);
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

    setStatus({ id, status }: ParsedInputOf<'events.setStatus'>): Promise<Event> {
      if (!store.event(id)) throw notFound();
      return store.saveEvent(id, (current) => {
        if (!current) throw notFound();
        if (current.status === status) return current;
        checkTransition(current.status, status);
        return { ...current, status, updatedAt: new Date().toISOString() };
      });
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
          schemaVersion: currentVersion.event,
          event: copy,
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
