import { describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/schemas/contact';
import type { OrderView } from '../../shared/schemas/order';
import type { TaskView } from '../../shared/schemas/task';
import { useTestBackend } from '../helpers/api';
import { heldParty } from '../helpers/followup';
import { addDays, localDate } from '../../shared/days';

const { call, ok, reopen } = useTestBackend();
const list = (input: Record<string, unknown> = {}) => ok<TaskView[]>('tasks.list', input);
const brief = (tasks: TaskView[]) => tasks.map(({ kind, title, due }) => `${kind} ${due} ${title}`);

describe('tasks when an event is marked held', () => {
  it('thanks everyone who came, misses no-shows and declines, delivers every order and calls every guest who booked', async () => {
    const { event, anna, clara, eva, order } = await heldParty(ok);
    const delivered = await order(anna, [{ sku: 'K-100', quantity: 2 }]);
    const cancelled = await order(eva, [{ sku: 'D-200', quantity: 1 }]);
    await ok('orders.setStatus', { id: cancelled.id, status: 'cancelled' });
    await ok('events.book', { eventId: event.id, contactId: clara.id, startsAt: '2026-04-18T19:00:00+02:00' });

    await ok('events.setStatus', { id: event.id, status: 'held' });
    const tasks = await list({ eventId: event.id });
    expect(brief(tasks.filter((task) => task.kind !== 'booking'))).toEqual([
      'thankYou 2026-03-15 Danke an Anna Adler',
      'thankYou 2026-03-15 Danke an Clara Christ',
      'thankYou 2026-03-15 Danke an Wanda Walk',
      'missedYou 2026-03-15 Schade, dass du nicht da warst – Dora Dorn',
      'missedYou 2026-03-15 Schade, dass du nicht da warst – Eva Engel',
      'delivery 2026-03-28 Lieferung an Anna Adler',
    ]);
    // The call was made when she booked: due the day after, or tomorrow when the party lies in the past.
    const callDue = addDays(localDate() > '2026-03-14' ? localDate() : '2026-03-14', 1);
    expect(tasks.filter((task) => task.kind === 'booking').map((task) => [task.contactId, task.due, task.title])).toEqual([[clara.id, callDue, 'Termin mit Clara Christ abstimmen']]);
    expect(tasks.find((task) => task.kind === 'delivery')).toMatchObject({ orderId: delivered.id, contactId: anna.id });
    expect(tasks.find((task) => task.contactId === clara.id && task.kind === 'thankYou')!.contact).toEqual({ id: clara.id, firstName: 'Clara', lastName: 'Christ', email: 'clara@example.org', phone: '0171 1234567' });
  });

  it('adds only what is missing when held is set again after a step back', async () => {
    const { event, anna, clara, order } = await heldParty(ok);
    await ok('events.setStatus', { id: event.id, status: 'held' });
    const first = await list({ eventId: event.id });
    await ok('events.setStatus', { id: event.id, status: 'invited' });
    await order(clara, [{ sku: 'K-300', quantity: 1 }]);
    await ok('events.setStatus', { id: event.id, status: 'held' });
    await ok('events.setStatus', { id: event.id, status: 'held' });
    await ok('events.setStatus', { id: event.id, status: 'closed' });
    const again = await list({ eventId: event.id, status: 'all' });
    expect(again.length).toBe(first.length + 1);
    expect(again.filter((task) => task.kind === 'delivery').map((task) => task.contactId)).toEqual([clara.id]);
    expect(again.filter((task) => task.contactId === anna.id).map((task) => task.kind)).toEqual(['thankYou']);
  });
});

describe('tasks.list and tasks.complete', () => {
  it('toggles a task done and open again, durably', async () => {
    const { event, eva } = await heldParty(ok);
    await ok('events.setStatus', { id: event.id, status: 'held' });
    const missed = (await list({ eventId: event.id })).find((task) => task.contactId === eva.id)!;
    const done = await ok<TaskView>('tasks.complete', { taskId: missed.id });
    expect(done).toMatchObject({ id: missed.id, done: true, doneAt: expect.any(String) });
    await reopen();
    expect(await list({ status: 'done' })).toEqual([done]);
    expect((await list()).some((task) => task.id === missed.id)).toBe(false);
    const open = await ok<TaskView>('tasks.complete', { taskId: missed.id, done: false });
    expect(open.done).toBe(false);
    expect(open.doneAt).toBeUndefined();
    expect(await list({ status: 'done' })).toEqual([]);
  });

  it('filters by due date and sorts by it', async () => {
    const { event, anna, order } = await heldParty(ok);
    await order(anna, [{ sku: 'K-100', quantity: 1 }]);
    await ok('events.setStatus', { id: event.id, status: 'held' });
    const all = await list();
    expect(all.map((task) => task.due)).toEqual([...all.map((task) => task.due)].sort());
    expect((await list({ dueBefore: '2026-03-16' })).map((task) => task.kind)).not.toContain('delivery');
    expect((await list({ dueBefore: '2026-03-29' })).map((task) => task.kind)).toContain('delivery');
    expect(await list({ dueBefore: '2026-03-15' })).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown task and VALIDATION for a malformed one', async () => {
    expect(await call('tasks.complete', { taskId: 'no-such-task' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'errors.taskNotFound' } });
    expect(await call('tasks.complete', { taskId: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('tasks.list', { status: 'later' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('reorder reminders', () => {
  it('come from delivered orders of refillable products, due the order date plus the refill interval, the newest order per product only', async () => {
    const { anna, clara, order } = await heldParty(ok);
    const deliver = (placed: OrderView) => ok('orders.setStatus', { id: placed.id, status: 'delivered' });
    const reorders = async () => (await list({ status: 'all' })).filter((task) => task.kind === 'reorder');
    const first = await order(anna, [{ sku: 'D-200', quantity: 1 }, { sku: 'K-100', quantity: 1 }]);
    expect(await reorders()).toEqual([]);
    await deliver(first);
    const due = addDays(localDate(), 90);
    expect(await reorders()).toEqual([expect.objectContaining({ contactId: anna.id, orderId: first.id, title: 'Nachbestellung anbieten: Raumduft Lavendel', due, done: false })]);

    // Her reorder outside events answers the first reminder; Clara's order counts for her alone.
    const again = await order(anna, [{ sku: 'D-200', quantity: 2 }], null);
    await deliver(again);
    await deliver(await order(clara, [{ sku: 'D-200', quantity: 1 }]));
    const tasks = await reorders();
    expect(tasks.map((task) => [task.contactId, task.orderId])).toEqual(expect.arrayContaining([[anna.id, again.id], [clara.id, expect.any(String)]]));
    expect(tasks).toHaveLength(2);

    const done = await ok<TaskView>('tasks.complete', { taskId: tasks[0]!.id });
    await reopen();
    expect((await reorders()).find((task) => task.id === done.id)).toMatchObject({ done: true });
    await ok('tasks.complete', { taskId: done.id, done: false });
    expect((await reorders()).find((task) => task.id === done.id)).toMatchObject({ done: false });
  });
});

describe('birthday greetings', () => {
  it('are due for active club members whose birthday falls in the next 14 days, and can be marked done', async () => {
    const monthDay = (days: number) => addDays(localDate(), days).slice(5);
    const member = async (firstName: string, birthday: string, status: 'active' | 'paused' | 'none' = 'active') => {
      const contact = await ok<Contact>('contacts.create', { firstName, lastName: 'Club', birthday, tags: ['Kundenclub'] });
      if (status !== 'none') await ok('club.join', { contactId: contact.id });
      if (status === 'paused') await ok('club.setStatus', { contactId: contact.id, status });
      return contact;
    };
    const soon = await member('Gerda', `1961-${monthDay(5)}`);
    const today = await member('Hanna', `--${monthDay(0)}`);
    await member('Ilse', `1970-${monthDay(20)}`);
    await member('Jutta', `1970-${monthDay(3)}`, 'none');
    await member('Karin', `1970-${monthDay(2)}`, 'paused');

    const birthdays = async (status = 'open') => (await list({ status })).filter((task) => task.kind === 'birthday');
    const open = await birthdays();
    expect(open.map((task) => [task.contactId, task.due, task.title])).toEqual([
      [today.id, localDate(), 'Geburtstagsgruß an Hanna Club'],
      [soon.id, addDays(localDate(), 5), 'Geburtstagsgruß an Gerda Club'],
    ]);

    await ok('tasks.complete', { taskId: open[1]!.id });
    await reopen();
    expect((await birthdays()).map((task) => task.contactId)).toEqual([today.id]);
    expect((await birthdays('done')).map((task) => [task.id, task.contactId])).toEqual([[open[1]!.id, soon.id]]);
  });
});
