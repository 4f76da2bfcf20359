import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { toIsoWithOffset } from '../../renderer/forms/dates';
import { formatTime } from '../../renderer/i18n/format';
import { dialog, label, useTestApp } from './app';

const { api, open, bridge } = useTestApp();

const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/**
 * Tonight's party: Anna (yes, +1, an allergy) and Bernd live at the same
 * address, Carla has not replied, Dora is a contact who was not invited.
 */
async function party() {
  const host = await api('contacts.create', { firstName: 'Petra', lastName: 'Schulz', city: 'Kassel' });
  const event = await api('events.create', { title: 'Frühlings-Party', kind: 'party', startsAt: toIsoWithOffset(today(), '19:00'), hostId: host.id });
  const anna = await api('contacts.create', { firstName: 'Anna', lastName: 'Müller', notes: 'Allergie: Lavendel', street: 'Lindenweg 3', postalCode: '34117' });
  const bernd = await api('contacts.create', { firstName: 'Bernd', lastName: 'Krause', street: 'Lindenweg 3', postalCode: '34117' });
  const carla = await api('contacts.create', { firstName: 'Carla', lastName: 'Wolf', email: 'carla@example.de' });
  const dora = await api('contacts.create', { firstName: 'Dora', lastName: 'Neu', email: 'dora@example.de' });
  await api('invitations.add', { eventId: event.id, contactIds: [anna.id, bernd.id, carla.id] });
  const invitations = await api('invitations.list', { eventId: event.id });
  const invitationOf = (contactId: string) => invitations.find((invitation) => invitation.contactId === contactId)!;
  await api('invitations.setRsvp', { invitationId: invitationOf(anna.id).id, rsvp: 'yes', plusOnes: 1 });
  await api('invitations.setRsvp', { invitationId: invitationOf(bernd.id).id, rsvp: 'yes' });
  return { host, event, anna, bernd, carla, dora, invitationOf };
}

async function openDoor(eventId: string) {
  const user = await open(`/checkin/${eventId}`);
  const search = await screen.findByRole('combobox', { name: 'Gast suchen' });
  await waitFor(() => expect(search).toHaveFocus());
  return { user, search };
}

/** One count at the top, e.g. "2 da". */
const count = (name: string) => within(screen.getByRole('status', { name: 'Zählung' })).getByText(name, { selector: 'span' }).parentElement!;

/** Holds back the door's search of all contacts (checkin.search) until `answer()`, as a slow main process would; `hold()` again. */
function holdContactSearch() {
  const real = bridge();
  let gate = Promise.resolve();
  let answer = () => {};
  const hold = () => {
    gate = new Promise<void>((resolve) => (answer = resolve));
  };
  hold();
  window.kundenkreis = {
    call: async (operation, input) => {
      if (operation === 'checkin.search') await gate;
      return real.call(operation, input);
    },
  };
  return { hold, answer: () => answer() };
}

describe('Einlass: suchen und einchecken', () => {
  it('checks in the top invited guest after three letters and Enter; the counts change and the field keeps the focus', async () => {
    const { event } = await party();
    const { user, search } = await openDoor(event.id);
    await waitFor(() => expect(count('eingeladen')).toHaveTextContent('3 eingeladen'));
    expect(count('zugesagt')).toHaveTextContent('2 zugesagt');
    expect(count('da')).toHaveTextContent('0 da');
    expect(count('noch nicht da')).toHaveTextContent('3 noch nicht da');

    await user.type(search, 'Mül');
    const row = await screen.findByRole('option', { name: /^Anna Müller/ });
    expect(row).toHaveAttribute('aria-selected', 'true');
    expect(row).toHaveTextContent('zugesagt');
    expect(row).toHaveTextContent('+1');
    expect(row).toHaveTextContent('Allergie: Lavendel');
    expect(row).toHaveTextContent('Haushalt: Bernd Krause');
    await user.keyboard('{Enter}');

    expect(await screen.findByText('Anna Müller ist da (+1)')).toBeInTheDocument();
    await waitFor(() => expect(count('da')).toHaveTextContent('2 da'));
    expect(count('noch nicht da')).toHaveTextContent('2 noch nicht da');
    expect(search).toHaveValue('');
    expect(search).toHaveFocus();
  });

  it('finds a surname spelt differently, and ↑/↓ choose among the matches', async () => {
    const { event } = await party();
    const annette = await api('contacts.create', { firstName: 'Annette', lastName: 'Vogel' });
    await api('invitations.add', { eventId: event.id, contactIds: [annette.id] });
    const { user, search } = await openDoor(event.id);
    await user.type(search, 'Mueller');
    expect(await screen.findByRole('option', { name: /^Anna Müller/ })).toBeInTheDocument();

    await user.clear(search);
    await user.type(search, 'Ann');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    await user.keyboard('{ArrowDown}');
    const [, second] = screen.getAllByRole('option');
    expect(second).toHaveAttribute('aria-selected', 'true');
    expect(search).toHaveAttribute('aria-activedescendant', second!.id);
    const name = second!.textContent!.startsWith('Annette') ? 'Annette Vogel' : 'Anna Müller';
    await user.keyboard('{Enter}');
    expect(await screen.findByText(new RegExp(`^${name} ist da`))).toBeInTheDocument();
  });

  it('warns of a repeated check-in with the time of the first, and never counts twice', async () => {
    const { event, invitationOf, anna } = await party();
    const first = await api('checkin.checkIn', { eventId: event.id, invitationId: invitationOf(anna.id).id });
    const { user, search } = await openDoor(event.id);
    await waitFor(() => expect(count('da')).toHaveTextContent('2 da'));
    await user.type(search, 'Anna');
    expect(await screen.findByRole('option', { name: /da seit/ })).toBeInTheDocument();
    await user.keyboard('{Enter}');

    const warning = await screen.findByRole('alert');
    expect(warning).toHaveTextContent(`Schon da seit ${formatTime(first.record.at, 'de')}`);
    expect(warning).toHaveTextContent('Anna Müller');
    expect(count('da')).toHaveTextContent('2 da');
    expect(search).toHaveFocus();
  });

  it('Esc clears the search', async () => {
    const { event } = await party();
    const { user, search } = await openDoor(event.id);
    await user.type(search, 'Wolf');
    expect(await screen.findByRole('option', { name: /^Carla Wolf/ })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(search).toHaveValue('');
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
  });

  it('checks in someone who was not invited from "Weitere Kontakte"', async () => {
    const { event } = await party();
    const { user, search } = await openDoor(event.id);
    await user.type(search, 'Dora');
    const others = await screen.findByRole('group', { name: 'Weitere Kontakte' });
    expect(within(others).getByRole('option', { name: /^Dora Neu/ })).toHaveTextContent('nicht eingeladen');
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Dora Neu ist da')).toBeInTheDocument();
    await waitFor(() => expect(count('ohne Einladung')).toHaveTextContent('1 ohne Einladung'));
  });

  it('says so when nobody matches', async () => {
    const { event } = await party();
    const { user, search } = await openDoor(event.id);
    await user.type(search, 'Zacharias{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Niemand gefunden für „Zacharias“.');
  });

  it('lists the invited guests at once; the other contacts join below when the search of all contacts answers, and the selection stays', async () => {
    const { event } = await party();
    const lena = await api('contacts.create', { firstName: 'Lena', lastName: 'Müller' });
    const search = holdContactSearch();
    const door = await openDoor(event.id);
    await waitFor(() => expect(count('eingeladen')).toHaveTextContent('3 eingeladen'));

    await door.user.type(door.search, 'Mül');
    const anna = await screen.findByRole('option', { name: /^Anna Müller/ });
    expect(anna).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('listbox', { name: 'Treffer' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByRole('option', { name: /^Lena Müller/ })).not.toBeInTheDocument();

    search.answer();
    const others = await screen.findByRole('group', { name: 'Weitere Kontakte' });
    expect(within(others).getByRole('option', { name: /^Lena Müller/ })).toBeInTheDocument();
    expect(screen.getByRole('listbox', { name: 'Treffer' })).toHaveAttribute('aria-busy', 'false');
    expect(screen.getAllByRole('option')[0]).toHaveTextContent('Anna Müller');
    expect(screen.getByRole('option', { name: /^Anna Müller/ })).toHaveAttribute('aria-selected', 'true');

    await door.user.keyboard('{ArrowDown}{Enter}');
    expect(await screen.findByText('Lena Müller ist da')).toBeInTheDocument();
    const { guests } = await api('checkin.state', { eventId: event.id });
    expect(guests.find((guest) => guest.contactId === lena.id)?.walkIn).toBe(true);
  });

  it('Enter checks in an invited guest before the search of all contacts answers, and waits for it when no guest matches', async () => {
    const { event } = await party();
    const search = holdContactSearch();
    const { user, search: field } = await openDoor(event.id);
    await waitFor(() => expect(count('eingeladen')).toHaveTextContent('3 eingeladen'));

    await user.type(field, 'Wolf');
    await screen.findByRole('option', { name: /^Carla Wolf/ });
    await user.keyboard('{Enter}');
    // Stored while the search is still out (the feedback comes with the refreshed lists, which include it).
    await waitFor(async () => expect((await api('checkin.state', { eventId: event.id })).counts.arrived).toBe(1));
    search.answer();
    expect(await screen.findByText('Carla Wolf ist da')).toBeInTheDocument();
    await waitFor(() => expect(field).toHaveValue(''));

    // Dora was not invited: only the answer of the main process knows her.
    search.hold();
    await user.type(field, 'Dora{Enter}');
    search.answer();
    expect(await screen.findByText('Dora Neu ist da')).toBeInTheDocument();
  });
});

describe('Einlass: Codes', () => {
  it('checks in at once by a code typed like a USB scanner, in any case', async () => {
    const { event, invitationOf, carla } = await party();
    const { user, search } = await openDoor(event.id);
    await user.type(search, `${invitationOf(carla.id).code.toLowerCase()}{Enter}`);
    expect(await screen.findByText('Carla Wolf ist da')).toBeInTheDocument();
    await waitFor(() => expect(count('da')).toHaveTextContent('1 da'));
    expect(search).toHaveValue('');
    expect(search).toHaveFocus();
  });

  it('names a code of another event as such', async () => {
    const { event, carla, host } = await party();
    const other = await api('events.create', { title: 'Clubabend', kind: 'club', startsAt: toIsoWithOffset(today(), '20:00'), hostId: host.id });
    const [invitation] = (await api('invitations.add', { eventId: other.id, contactIds: [carla.id] })).added;
    const { user, search } = await openDoor(event.id);
    await user.type(search, `${invitation!.code}{Enter}`);
    expect(await screen.findByRole('alert')).toHaveTextContent('Dieser Einladungscode gehört zu einer anderen Veranstaltung.');
  });
});

describe('Einlass: Rückgängig', () => {
  it('Ctrl+Z undoes the last action; the guest list takes back any check-in', async () => {
    const { event } = await party();
    const { user, search } = await openDoor(event.id);
    await user.type(search, 'Wolf{Enter}');
    expect(await screen.findByText('Carla Wolf ist da')).toBeInTheDocument();
    await waitFor(() => expect(count('da')).toHaveTextContent('1 da'));

    await user.keyboard('{Control>}z{/Control}');
    expect(await screen.findByText('Check-in von Carla Wolf zurückgenommen')).toBeInTheDocument();
    await waitFor(() => expect(count('da')).toHaveTextContent('0 da'));
    expect(search).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Rückgängig' })).toBeDisabled();

    await user.type(search, 'Anna{Enter}');
    expect(await screen.findByText('Anna Müller ist da (+1)')).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Check-in von Anna Müller zurücknehmen' }));
    expect(await screen.findByText('Check-in von Anna Müller zurückgenommen')).toBeInTheDocument();
    await waitFor(() => expect(count('da')).toHaveTextContent('0 da'));
    await waitFor(() => expect(search).toHaveFocus());
    // She left this session's history with it: nothing is left to undo.
    expect(screen.getByRole('button', { name: 'Rückgängig' })).toBeDisabled();

    const { guests } = await api('checkin.state', { eventId: event.id });
    const carla = guests.find((guest) => guest.contact.firstName === 'Carla')!;
    expect(carla.checkins.map((record) => record.kind)).toEqual(['checkin', 'undo']);
  });
});

describe('Einlass: Gruppen', () => {
  it('Alt+Enter checks in the whole household, Shift+Enter sets the companions', async () => {
    const { event } = await party();
    const { user, search } = await openDoor(event.id);
    await user.type(search, 'Anna');
    await screen.findByRole('option', { name: /^Anna Müller/ });
    await user.keyboard('{Alt>}{Enter}{/Alt}');
    expect(await screen.findByText('Anna Müller ist da (+1)')).toBeInTheDocument();
    expect(screen.getByText('Mit Haushalt: Bernd Krause')).toBeInTheDocument();
    await waitFor(() => expect(count('da')).toHaveTextContent('3 da'));

    await user.type(search, 'Wolf');
    await screen.findByRole('option', { name: /^Carla Wolf/ });
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    const companions = dialog().getByRole('textbox', { name: 'Begleitpersonen' });
    await waitFor(() => expect(companions).toHaveFocus());
    await user.clear(companions);
    await user.type(companions, '2{Enter}');
    expect(await screen.findByText('Carla Wolf ist da (+2)')).toBeInTheDocument();
    await waitFor(() => expect(count('da')).toHaveTextContent('6 da'));
    await waitFor(() => expect(search).toHaveFocus());
  });
});

describe('Einlass: ohne Einladung', () => {
  it('Ctrl+N takes down a walk-in with her consent in the exact wording shown', async () => {
    const { event, host } = await party();
    const { user, search } = await openDoor(event.id);
    await user.keyboard('{Control>}n{/Control}');
    const form = dialog();
    const firstName = form.getByLabelText(label('Vorname'));
    await waitFor(() => expect(firstName).toHaveFocus());
    await user.type(firstName, 'Erika');
    await user.type(form.getByLabelText(label('Nachname')), 'Braun');
    await user.type(form.getByLabelText(label('E-Mail')), 'erika@example.de');
    const wording = 'Ich möchte per E-Mail über Angebote und Termine informiert werden.';
    await user.click(form.getByRole('checkbox', { name: wording }));
    expect(form.getByRole('checkbox', { name: 'Ich bin einverstanden, telefonisch kontaktiert zu werden.' })).not.toBeChecked();
    await user.type(form.getByLabelText(label('Telefon')), '0561 123{Enter}');

    expect(await screen.findByText('Erika Braun ist da')).toBeInTheDocument();
    expect(screen.getByText('Ohne Einladung aufgenommen')).toBeInTheDocument();
    await waitFor(() => expect(count('ohne Einladung')).toHaveTextContent('1 ohne Einladung'));
    await waitFor(() => expect(search).toHaveFocus());

    const [erika] = await api('contacts.search', { query: 'Erika Braun' });
    expect(erika).toMatchObject({ email: 'erika@example.de', phone: '0561 123', referredBy: host.id });
    expect(erika!.consents).toEqual([expect.objectContaining({ channel: 'email', purpose: 'marketing', granted: true, source: 'door', wording })]);

    // Ctrl+Z undoes the walk-in's check-in.
    await user.keyboard('{Control>}z{/Control}');
    expect(await screen.findByText('Check-in von Erika Braun zurückgenommen')).toBeInTheDocument();
    await waitFor(() => expect(count('ohne Einladung')).toHaveTextContent('0 ohne Einladung'));
  });

  it('offers a known person instead of entering her twice, and Esc closes the form', async () => {
    const { event } = await party();
    const { user, search } = await openDoor(event.id);
    await user.type(search, 'Dora Neu');
    await user.keyboard('{Control>}n{/Control}');
    const form = dialog();
    // What was typed into the search starts the form.
    expect(form.getByLabelText(label('Vorname'))).toHaveValue('Dora');
    expect(form.getByLabelText(label('Nachname'))).toHaveValue('Neu');
    const known = within(await form.findByRole('region', { name: /Schon bekannt/ }));
    expect(known.getByText(/Ist das Dora Neu\?/)).toBeInTheDocument();
    await user.click(known.getByRole('button', { name: 'Dora Neu einchecken' }));

    expect(await screen.findByText('Dora Neu ist da')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(search).toHaveValue('');
    expect((await api('contacts.search', { query: 'Dora' })).length).toBe(1);

    await user.keyboard('{Control>}n{/Control}');
    await waitFor(() => expect(dialog().getByLabelText(label('Vorname'))).toHaveFocus());
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(search).toHaveFocus());
  });

  it('refuses a walk-in with the e-mail of a known contact, in words', async () => {
    const { event } = await party();
    const { user } = await openDoor(event.id);
    await user.keyboard('{Control>}n{/Control}');
    const form = dialog();
    await user.type(form.getByLabelText(label('Vorname')), 'Dorothea');
    await user.type(form.getByLabelText(label('Nachname')), 'Neumann');
    await user.type(form.getByLabelText(label('E-Mail')), 'dora@example.de');
    await user.click(form.getByRole('button', { name: 'Aufnehmen und einchecken' }));
    expect(await form.findByRole('alert')).toHaveTextContent('Diese Person ist schon bekannt');
  });
});

describe('Einlass: Türmodus und Selbst-Check-in', () => {
  it('self check-in shows nothing until typed and then only first name and initial', async () => {
    const { event } = await party();
    const { user, search } = await openDoor(event.id);
    await user.click(screen.getByRole('switch', { name: /^Selbst-Check-in/ }));
    await waitFor(() => expect(search).toHaveFocus());
    expect(screen.queryByRole('status', { name: 'Zählung' })).not.toBeInTheDocument();
    expect(screen.queryByRole('tab')).not.toBeInTheDocument();
    expect(screen.queryByText(/Anna|Bernd|Carla/)).not.toBeInTheDocument();

    await user.type(search, 'Müller');
    const row = await screen.findByRole('option', { name: /^Anna M\./ });
    expect(row).not.toHaveTextContent('Müller');
    expect(row).not.toHaveTextContent('Allergie');
    expect(row).not.toHaveTextContent('Haushalt');
    // Contacts who are not on the guest list are nobody's business at the door.
    await user.clear(search);
    await user.type(search, 'Dora');
    await waitFor(() => expect(screen.queryByRole('option')).not.toBeInTheDocument());

    await user.clear(search);
    await user.type(search, 'Anna{Enter}');
    expect(await screen.findByText('Anna M. ist da (+1)')).toBeInTheDocument();
  });

  it('door mode hides the navigation, and leaving it asks first', async () => {
    const { event } = await party();
    const { user, search } = await openDoor(event.id);
    await user.click(screen.getByRole('button', { name: 'Türmodus' }));
    expect(screen.queryByRole('navigation', { name: 'Hauptnavigation' })).not.toBeInTheDocument();
    expect(screen.queryByRole('switch', { name: /^Selbst-Check-in/ })).not.toBeInTheDocument();
    await waitFor(() => expect(search).toHaveFocus());

    await user.keyboard('{Control>}{Shift>}q{/Shift}{/Control}');
    await user.click(dialog().getByRole('button', { name: 'Abbrechen' }));
    await waitFor(() => expect(search).toHaveFocus());
    expect(screen.queryByRole('navigation', { name: 'Hauptnavigation' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Türmodus verlassen' }));
    await user.click(dialog().getByRole('button', { name: 'Verlassen' }));
    expect(await screen.findByRole('navigation', { name: 'Hauptnavigation' })).toBeInTheDocument();
  });
});

describe('Einlass: Listen und Start', () => {
  it('lists the no-shows: invited, not declined, not there', async () => {
    const { event, carla, invitationOf, anna } = await party();
    await api('invitations.setRsvp', { invitationId: invitationOf(carla.id).id, rsvp: 'no' });
    await api('checkin.checkIn', { eventId: event.id, invitationId: invitationOf(anna.id).id });
    const { user, search } = await openDoor(event.id);
    await user.click(await screen.findByRole('tab', { name: 'Nicht erschienen (1)' }));
    const panel = within(screen.getByRole('tabpanel'));
    expect(panel.getByRole('button', { name: 'Bernd Krause einchecken' })).toBeInTheDocument();
    expect(panel.queryByText(/Anna Müller|Carla Wolf/)).not.toBeInTheDocument();
    await waitFor(() => expect(search).toHaveFocus());
  });

  it('starts with today’s event first', async () => {
    const { host } = await party();
    await api('events.create', { title: 'Clubabend nächstes Jahr', kind: 'club', startsAt: toIsoWithOffset(`${Number(today().slice(0, 4)) + 1}-03-14`, '19:30'), hostId: host.id });
    const user = await open('/checkin');
    const todays = within(await screen.findByRole('region', { name: 'Heute' }));
    expect(screen.getByRole('region', { name: 'Demnächst' })).toHaveTextContent('Clubabend nächstes Jahr');
    await user.click(todays.getByRole('link', { name: /Frühlings-Party/ }));
    expect(await screen.findByRole('combobox', { name: 'Gast suchen' })).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Name am Einlass festlegen' })).toHaveAttribute('href', '#/settings');
  });

  it('opens from the event page, and names who does the door', async () => {
    const { event } = await party();
    await api('settings.update', { operatorName: 'Petra' });
    const user = await open(`/planning/${event.id}`);
    await user.click(await screen.findByRole('link', { name: 'Check-in öffnen' }));
    expect(await screen.findByRole('combobox', { name: 'Gast suchen' })).toBeInTheDocument();
    expect(screen.getByText(/Einlass: Petra/)).toBeInTheDocument();
  });
});
