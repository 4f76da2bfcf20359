import { nanoid } from 'nanoid';
import type { ParsedInputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { birthdayIn } from '../../shared/club/points';
import { currentCheckin } from '../../shared/schemas/checkin';
import type { Contact } from '../../shared/schemas/contact';
import type { Order } from '../../shared/schemas/order';
import type { Task, TaskKind, TaskView } from '../../shared/schemas/task';
import type { EventDocument } from '../store/documents';
import type { Store } from '../store/store';
import { addDays, localDate } from '../../shared/days';
import { nameOf } from './contact-names';

const BIRTHDAY_DAYS_AHEAD = 14;
const DELIVERY_DAYS = 14;

const fullName = (contact: Contact) => `${contact.firstName} ${contact.lastName}`;

/**
 * Ids of computed tasks (reorders, birthdays) must be the same at every call,
 * so that completing one can be recorded: a 53-bit hash (cyrb53) of what
 * makes the task, short enough for the id format.
 */
function stableTaskId(kind: TaskKind, ...parts: string[]): string {
  const text = parts.join('|');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${kind}-${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

/** Generated tasks are told apart by kind, person and order, so generating again adds only what is missing. */
const followUpKey = (task: Task) => `${task.kind}:${task.contactId}:${task.orderId ?? ''}`;

/** The document with those of `candidates` it does not hold yet. */
export function withFollowUps(document: EventDocument, candidates: readonly Task[]): EventDocument {
  const present = new Set(document.tasks.map(followUpKey));
  const added = candidates.filter((task) => !present.has(followUpKey(task)) && present.add(followUpKey(task)));
  return added.length === 0 ? document : { ...document, tasks: [...document.tasks, ...added] };
}

export function bookingTask(host: Contact, eventId: string, due: string, now: string): Task {
  return { id: nanoid(), kind: 'booking', title: `Termin mit ${fullName(host)} abstimmen`, contactId: host.id, eventId, due, done: false, createdAt: now };
}

/**
 * The follow-up of a held event: thanks to everyone who came, a "schade" to
 * invitees who did not (declined or stayed away), a delivery per order, a call
 * to each guest who booked a party of her own. People no longer on file are left out.
 */
export function heldFollowUps(store: Store, document: EventDocument, now: string): Task[] {
  const { event } = document;
  const nextDay = addDays(event.startsAt.slice(0, 10), 1);
  const task = (kind: TaskKind, contact: Contact, title: string, due: string, orderId?: string): Task => ({
    id: nanoid(),
    kind,
    title,
    contactId: contact.id,
    eventId: event.id,
    ...(orderId && { orderId }),
    due,
    done: false,
    createdAt: now,
  });
  const tasks: Task[] = [];
  for (const invitation of document.invitations) {
    const guest = store.contact(invitation.contactId);
    if (!guest) continue;
    if (currentCheckin(invitation.checkins)) tasks.push(task('thankYou', guest, `Danke an ${fullName(guest)}`, nextDay));
    else if (!invitation.walkIn) tasks.push(task('missedYou', guest, `Schade, dass du nicht da warst – ${fullName(guest)}`, nextDay));
  }
  for (const order of document.orders) {
    const buyer = store.contact(order.contactId);
    if (buyer && order.status !== 'cancelled') {
      tasks.push(task('delivery', buyer, `Lieferung an ${fullName(buyer)}`, addDays(event.startsAt.slice(0, 10), DELIVERY_DAYS), order.id));
    }
  }
  for (const booked of store.events()) {
    const host = booked.hostId === undefined ? undefined : store.contact(booked.hostId);
    if (booked.bookedAtEventId === event.id && booked.status !== 'cancelled' && host) tasks.push(bookingTask(host, event.id, nextDay, now));
  }
  return tasks;
}

/**
 * Reorder reminders are computed from the orders, not stored: orders outside
 * events and orders entered after the party count too, and a changed or
 * cancelled order changes its reminder. Per person and product only her newest
 * order counts (an earlier reminder is answered by the reorder), once delivered;
 * due its order date plus the product's refill interval (orders keep no delivery date).
 */
function reorderTasks(store: Store): Task[] {
  const products = store.singletons.catalog.data.products;
  const newest = new Map<string, Order>();
  const orders = [...[...store.eventDocuments()].flatMap((document) => document.orders), ...store.reorders()];
  for (const order of orders) {
    if (order.status === 'cancelled') continue;
    for (const line of order.lines) {
      const key = `${order.contactId}|${line.productId}`;
      const known = newest.get(key);
      if (!known || known.createdAt < order.createdAt) newest.set(key, order);
    }
  }
  const tasks: Task[] = [];
  for (const [key, order] of newest) {
    const productId = key.slice(key.indexOf('|') + 1);
    const refillDays = products[productId]?.refillDays;
    const line = order.lines.find((candidate) => candidate.productId === productId)!;
    // An erased person's kept orders are for the tax office, not for offering her more.
    if (order.status !== 'delivered' || refillDays === undefined || !store.contact(order.contactId)) continue;
    tasks.push({
      id: stableTaskId('reorder', order.id, productId),
      kind: 'reorder',
      title: `Nachbestellung anbieten: ${line.name}`,
      contactId: order.contactId,
      orderId: order.id,
      productId,
      due: addDays(localDate(new Date(order.createdAt)), refillDays),
      done: false,
      createdAt: order.updatedAt,
    });
  }
  return tasks;
}

/** Birthday greetings for active club members whose birthday falls within the next two weeks (29 February: the 28th in other years). */
function birthdayTasks(store: Store, today: string): Task[] {
  const until = addDays(today, BIRTHDAY_DAYS_AHEAD);
  const year = Number(today.slice(0, 4));
  const tasks: Task[] = [];
  for (const membership of Object.values(store.singletons.club.data.memberships)) {
    const contact = store.contact(membership.contactId);
    if (membership.status !== 'active' || !contact?.birthday) continue;
    const thisYear = birthdayIn(contact.birthday, year);
    const due = thisYear >= today ? thisYear : birthdayIn(contact.birthday, year + 1);
    if (due > until) continue;
    tasks.push({
      id: stableTaskId('birthday', contact.id, due.slice(0, 4)),
      kind: 'birthday',
      title: `Geburtstagsgruß an ${fullName(contact)}`,
      contactId: contact.id,
      due,
      done: false,
      createdAt: `${addDays(due, -BIRTHDAY_DAYS_AHEAD)}T00:00:00Z`,
    });
  }
  return tasks;
}

const computedKinds: readonly TaskKind[] = ['reorder', 'birthday'];

export function taskService(store: Store) {
  /** Tasks outside events: those computed now, each replaced by its stored record once completed, and the stored ones. */
  function tasksOutsideEvents(): Map<string, Task> {
    const tasks = new Map([...reorderTasks(store), ...birthdayTasks(store, localDate())].map((task) => [task.id, task]));
    for (const task of Object.values(store.singletons.tasks.data.tasks)) tasks.set(task.id, task);
    return tasks;
  }

  function view(task: Task): TaskView {
    const contact = store.contact(task.contactId);
    const phone = contact?.phone ?? contact?.mobile;
    return {
      ...task,
      contact: {
        ...nameOf(store, task.contactId),
        ...(contact?.email && { email: contact.email }),
        ...(phone && { phone }),
      },
    };
  }

  const toggle = (task: Task, done: boolean): Task => {
    const { doneAt: _, ...open } = task;
    return done ? { ...open, done, doneAt: new Date().toISOString() } : { ...open, done };
  };

  return {
    /** Sorted by due date; dueBefore keeps tasks due earlier than that day. */
    list({ status, eventId, dueBefore }: ParsedInputOf<'tasks.list'>): TaskView[] {
      const tasks = [...store.eventDocuments()].flatMap((document) => document.tasks);
      if (eventId === undefined) tasks.push(...tasksOutsideEvents().values());
      return tasks
        .filter(
          (task) =>
            (eventId === undefined || task.eventId === eventId) &&
            (status === 'all' || task.done === (status === 'done')) &&
            (dueBefore === undefined || task.due < dueBefore),
        )
        .sort((a, b) => a.due.localeCompare(b.due) || a.title.localeCompare(b.title, 'de'))
        .map(view);
    },

    async complete({ taskId, done }: ParsedInputOf<'tasks.complete'>): Promise<TaskView> {
      const notFound = () => new AppError('NOT_FOUND', 'errors.taskNotFound');
      const holder = [...store.eventDocuments()].find((document) => document.tasks.some((task) => task.id === taskId));
      if (holder) {
        let changed: Task | undefined;
        await store.saveEventDocument(holder.event.id, (current) => {
          if (!current) throw notFound();
          const tasks = current.tasks.map((task) => (task.id === taskId ? (changed = toggle(task, done)) : task));
          if (!changed) throw notFound();
          return { ...current, tasks };
        });
        return view(changed!);
      }
      const task = tasksOutsideEvents().get(taskId);
      if (!task) throw notFound();
      const changed = toggle(task, done);
      await store.singletons.tasks.update((current) => {
        const { [taskId]: _, ...others } = current.tasks;
        // A computed task taken back to open is computed again rather than stored.
        const keep = done || !computedKinds.includes(task.kind);
        return { next: { ...current, tasks: keep ? { ...others, [taskId]: changed } : others }, result: undefined };
      });
      return view(changed);
    },
  };
}
