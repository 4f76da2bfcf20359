import { nanoid } from 'nanoid';
import type { ParsedInputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Event } from '../../shared/schemas/event';
import type { Store } from '../store/store';
import { applyPatch } from './patch';

// Messages are i18n keys: the renderer shows them in the user's language.
const notFound = () => new AppError('NOT_FOUND', 'errors.eventNotFound');

function checkHost(store: Store, hostId: string | undefined): void {
  if (hostId !== undefined && !store.contact(hostId)) {
    throw new AppError('VALIDATION', 'The host is not a known contact.', [{ path: 'hostId', message: 'validation.hostUnknown' }]);
  }
}

export function eventService(store: Store) {
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
  };
}
