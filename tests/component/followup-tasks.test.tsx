import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useTestApp } from './app';

const { api, open } = useTestApp();

/** A party two days ago: Anna came, Berta did not; marking it held generates their tasks, due the day after. */
async function heldParty() {
  const anna = await api('contacts.create', { firstName: 'Anna', lastName: 'Becker', email: 'anna@example.de', street: 'Gartenstraße 5', postalCode: '34117', city: 'Kassel' });
  const berta = await api('contacts.create', { firstName: 'Berta', lastName: 'Schulz' });
  const day = new Date();
  day.setDate(day.getDate() - 2);
  day.setHours(19, 30, 0, 0);
  const event = await api('events.create', { title: 'Frühlingsparty', kind: 'party', startsAt: day.toISOString() });
  await api('invitations.add', { eventId: event.id, contactIds: [anna.id, berta.id] });
  await api('events.setStatus', { id: event.id, status: 'invited' });
  await api('checkin.checkIn', { eventId: event.id, contactId: anna.id });
  await api('events.setStatus', { id: event.id, status: 'held' });
  return { anna, berta, event };
}

describe('Nachbereitung: Aufgaben', () => {
  it('groups the tasks by due date, names their kind and opens a ready thank-you mail', async () => {
    await heldParty();
    const opened = vi.spyOn(window, 'open').mockImplementation(() => null);
    const user = await open('/followup');

    const overdue = within(await screen.findByRole('region', { name: 'Überfällig' }));
    expect(overdue.getByText('Dankeschön')).toBeInTheDocument();
    expect(overdue.getByText('Schade-dass-du-nicht-da-warst')).toBeInTheDocument();
    expect(overdue.getByRole('link', { name: 'Anna Becker' })).toHaveAttribute('href', expect.stringMatching(/#\/contacts\//));
    expect(await overdue.findAllByRole('link', { name: 'Frühlingsparty' })).toHaveLength(2);
    expect(overdue.getByRole('button', { name: 'E-Mail an Berta Schulz' })).toBeDisabled();

    await user.click(overdue.getByRole('button', { name: 'E-Mail an Anna Becker' }));
    const body = 'Hallo Anna,\r\n\r\nvielen Dank, dass du bei Frühlingsparty dabei warst!';
    expect(opened).toHaveBeenLastCalledWith(expect.stringMatching(/^mailto:anna%40example\.de\?subject=/), '_blank');
    const url = opened.mock.lastCall![0] as string;
    expect(url).toContain(`subject=${encodeURIComponent('Danke für deinen Besuch bei Frühlingsparty')}&`);
    expect(url).toContain(`body=${encodeURIComponent(body)}`);
  });

  it('completes a task with undo, and shows completed ones on request', async () => {
    await heldParty();
    const user = await open('/followup');
    const overdue = within(await screen.findByRole('region', { name: 'Überfällig' }));
    await user.click(overdue.getByRole('checkbox', { name: 'Erledigt: Danke an Anna Becker' }));

    await waitFor(() => expect(screen.queryByRole('checkbox', { name: 'Erledigt: Danke an Anna Becker' })).not.toBeInTheDocument());
    expect((await api('tasks.list', { status: 'done' })).map((task) => task.kind)).toEqual(['thankYou']);
    await user.click(await screen.findByRole('button', { name: 'Rückgängig' }));
    expect(await screen.findByRole('checkbox', { name: 'Erledigt: Danke an Anna Becker' })).not.toBeChecked();
    expect(await api('tasks.list', { status: 'done' })).toEqual([]);

    await user.click(overdue.getByRole('checkbox', { name: 'Erledigt: Danke an Anna Becker' }));
    await user.click(screen.getByRole('switch', { name: 'Erledigte zeigen' }));
    const done = within(await screen.findByRole('region', { name: 'Erledigt' }));
    expect(done.getByRole('checkbox', { name: 'Erledigt: Danke an Anna Becker' })).toBeChecked();
  });

  it('prints a letter with address, date, greeting and text', async () => {
    await heldParty();
    const user = await open('/followup');
    const overdue = within(await screen.findByRole('region', { name: 'Überfällig' }));
    await user.click(overdue.getByRole('button', { name: 'Brief an Anna Becker' }));

    const letter = within(await screen.findByRole('article', { name: 'Brief an Anna Becker' }));
    expect(letter.getByText(/Gartenstraße 5\s+34117 Kassel/)).toBeInTheDocument();
    expect(letter.getByText(new Date().toLocaleDateString('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric' }))).toBeInTheDocument();
    expect(letter.getByText('Hallo Anna,')).toBeInTheDocument();
    expect(letter.getByText(/^vielen Dank, dass du bei Frühlingsparty dabei warst!/)).toBeInTheDocument();
  });
});
