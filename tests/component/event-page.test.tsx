import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { toIsoWithOffset } from '../../renderer/forms/dates';
import { dialog, label, useTestApp } from './app';

const { api, open } = useTestApp();
// Times as the computer shows them, whatever its time zone.
const at = (date: string, time: string) => toIsoWithOffset(date, time);

async function clubEvening(capacity = 2) {
  const host = await api('contacts.create', { firstName: 'Petra', lastName: 'Schulz', street: 'Gartenstraße 5', postalCode: '34117', city: 'Kassel' });
  const event = await api('events.create', { title: 'Clubabend März', kind: 'club', startsAt: at('2030-03-14', '19:30'), capacity, hostId: host.id, place: 'Kassel' });
  const members = [];
  for (const [firstName, lastName, email] of [['Anna', 'Becker', 'anna@example.de'], ['Birgit', 'Schulz', undefined], ['Carla', 'Wolf', 'carla@example.de']] as const) {
    members.push(await api('contacts.create', { firstName, lastName, ...(email ? { email } : {}), tags: ['Kundenclub'], phone: '0561 1' }));
  }
  await api('contacts.create', { firstName: 'Dora', lastName: 'Neu' });
  return { host, event, members };
}

describe('Veranstaltung: Gastgeberin', () => {
  it('picks the host by search and takes her address as the place', async () => {
    await api('contacts.create', { firstName: 'Petra', lastName: 'Schulz', street: 'Gartenstraße 5', postalCode: '34117', city: 'Kassel' });
    const user = await open('/planning/new');
    const form = dialog();
    await user.type(await form.findByLabelText(label('Titel')), 'Home-Party bei Petra');
    await user.type(form.getByLabelText(label('Datum')), '14.03.2030');
    await user.type(form.getByLabelText(label('Beginn')), '19:30');
    await user.type(form.getByRole('combobox', { name: 'Gastgeberin' }), 'Schultz');
    await user.click(await screen.findByRole('option', { name: /Petra Schulz/ }));
    expect(form.getByLabelText(label('Ort'))).toHaveValue('Gartenstraße 5, 34117 Kassel');
    await user.click(form.getByRole('button', { name: 'Speichern' }));

    await user.click(await screen.findByRole('link', { name: 'Home-Party bei Petra' }));
    const details = await screen.findByText('Gastgeberin');
    expect(details.nextElementSibling).toHaveTextContent('Petra Schulz');
    const [stored] = await api('events.list', {});
    expect(stored).toMatchObject({ place: 'Gartenstraße 5, 34117 Kassel', hostId: expect.any(String) });
  });
});

describe('Veranstaltung: Gästeliste', () => {
  it('invites everybody tagged Kundenclub in one step, and replies change the counts', async () => {
    const { event } = await clubEvening(2);
    const user = await open(`/planning/${event.id}`);

    await user.click(await screen.findByRole('button', { name: 'Gäste hinzufügen' }));
    const add = dialog();
    await user.click(add.getByRole('combobox', { name: 'Tags' }));
    await user.click(await screen.findByRole('option', { name: 'Kundenclub (3)' }));
    expect(await add.findByText('3 Kontakte passen')).toBeInTheDocument();
    await user.click(add.getByRole('button', { name: 'Alle 3 einladen' }));

    expect(await screen.findByText('3 Gäste eingeladen.')).toBeInTheDocument();
    const counts = within(screen.getByRole('status', { name: 'Antworten' }));
    expect(await counts.findByText('eingeladen: 3')).toBeInTheDocument();
    expect(counts.getByText('offen: 3')).toBeInTheDocument();
    expect(counts.getByText('0 von 2 Plätzen')).toBeInTheDocument();
    const invitations = await api('invitations.list', { eventId: event.id });
    expect(invitations).toHaveLength(3);
    for (const invitation of invitations) expect(screen.getByRole('cell', { name: invitation.code })).toBeInTheDocument();

    const annaReply = screen.getByRole('radiogroup', { name: 'Antwort von Anna Becker' });
    await user.click(within(annaReply).getByRole('radio', { name: 'zugesagt' }));
    await waitFor(() => expect(counts.getByText('zugesagt: 1')).toBeInTheDocument());
    const plusOnes = screen.getByRole('textbox', { name: 'Begleitpersonen von Anna Becker' });
    await user.clear(plusOnes);
    await user.type(plusOnes, '2{Enter}');
    expect(await counts.findByText('3 von 2 Plätzen – überbucht')).toBeInTheDocument();
    expect(counts.getByText('(+2 Begleitpersonen)', { exact: false })).toBeInTheDocument();
    await user.click(within(screen.getByRole('radiogroup', { name: 'Antwort von Birgit Schulz' })).getByRole('radio', { name: 'abgesagt' }));
    await waitFor(() => expect(counts.getByText('abgesagt: 1')).toBeInTheDocument());
    expect(counts.getByText('offen: 1')).toBeInTheDocument();

    await user.click(screen.getByRole('switch', { name: 'noch keine Antwort' }));
    expect(screen.queryByRole('link', { name: 'Anna Becker' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Carla Wolf' })).toBeInTheDocument();

    const stored = await api('invitations.list', { eventId: event.id });
    expect(stored.find((invitation) => invitation.contact.firstName === 'Anna')).toMatchObject({ rsvp: 'yes', plusOnes: 2 });
  });

  it('adds one person by search and a new person inline', async () => {
    const { event } = await clubEvening();
    const user = await open(`/planning/${event.id}`);
    await user.click(await screen.findByRole('button', { name: 'Gäste hinzufügen' }));

    await user.click(dialog().getByRole('tab', { name: 'Einzeln suchen' }));
    await user.type(dialog().getByRole('combobox', { name: 'Person' }), 'Dora');
    await user.click(await screen.findByRole('option', { name: /Dora Neu/ }));
    await user.click(dialog().getByRole('button', { name: 'Einladen' }));
    expect(await screen.findByText('1 Gast eingeladen.')).toBeInTheDocument();

    await user.click(dialog().getByRole('tab', { name: 'Neue Person' }));
    await user.type(dialog().getByLabelText(label('Vorname')), 'Erika');
    await user.type(dialog().getByLabelText(label('Nachname')), 'Braun');
    await user.type(dialog().getByLabelText(label('E-Mail')), 'erika@example.de');
    await user.click(dialog().getByRole('button', { name: 'Anlegen und einladen' }));
    await waitFor(async () => expect(await api('invitations.list', { eventId: event.id })).toHaveLength(2));
    expect((await api('contacts.search', { query: 'Erika' }))[0]).toMatchObject({ email: 'erika@example.de' });
  });

  it('removes a guest after asking, and "Rückgängig" invites her again', async () => {
    const { event, members } = await clubEvening();
    await api('invitations.add', { eventId: event.id, contactIds: members.map((member) => member.id) });
    const user = await open(`/planning/${event.id}`);

    await user.click(await screen.findByRole('button', { name: 'Anna Becker von der Gästeliste nehmen' }));
    await user.click(dialog().getByRole('button', { name: 'Von der Gästeliste nehmen' }));
    expect(await screen.findByText('Anna Becker ist nicht mehr eingeladen.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Anna Becker' })).not.toBeInTheDocument());
    expect(await api('invitations.list', { eventId: event.id })).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Rückgängig' }));
    expect(await screen.findByRole('link', { name: 'Anna Becker' })).toBeInTheDocument();
    expect(await api('invitations.list', { eventId: event.id })).toHaveLength(3);
  });

  it('opens the personal invitation and one for everybody in BCC in the mail program', async () => {
    const { event, members } = await clubEvening();
    await api('settings.update', { invitationSubject: 'Einladung: {titel}', invitationTemplate: 'Hallo {vorname}, am {datum} um {uhrzeit} bei {gastgeberin}.' });
    await api('invitations.add', { eventId: event.id, contactIds: members.map((member) => member.id) });
    const opened = vi.spyOn(window, 'open').mockImplementation(() => null);
    const user = await open(`/planning/${event.id}`);

    await user.click(await screen.findByRole('button', { name: 'Einladung an Anna Becker per E-Mail' }));
    expect(opened).toHaveBeenLastCalledWith(
      `mailto:anna%40example.de?subject=${encodeURIComponent('Einladung: Clubabend März')}&body=${encodeURIComponent('Hallo Anna, am Donnerstag, 14. März 2030 um 19:30 bei Petra Schulz.')}`,
      '_blank',
    );
    expect(screen.getByRole('button', { name: 'Einladung an Birgit Schulz per E-Mail' })).toBeDisabled();
    expect(screen.getByText(/Kundenkreis verschickt nichts selbst/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'An alle per E-Mail (BCC, 2 Adressen)' }));
    const url = opened.mock.lastCall![0] as string;
    expect(url).toMatch(/^mailto:\?bcc=anna%40example\.de,carla%40example\.de&/);
    expect(decodeURIComponent(url)).toContain('Hallo zusammen, am');
    opened.mockRestore();
  });
});

describe('Veranstaltung: Ablauf', () => {
  it('moves the status along, and duplicates the event with its guests at a new date', async () => {
    const { event, members } = await clubEvening();
    await api('invitations.add', { eventId: event.id, contactIds: [members[0]!.id] });
    const user = await open(`/planning/${event.id}`);

    await user.click(await screen.findByRole('button', { name: 'Als eingeladen markieren' }));
    // The badge shows the new status once it is stored ("Eingeladen" also names other things on the page now).
    await waitFor(async () => expect((await api('events.get', { id: event.id })).status).toBe('invited'));
    expect(await screen.findByRole('button', { name: 'Als durchgeführt markieren' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Duplizieren' }));
    const form = dialog();
    await user.type(form.getByLabelText(label('Datum')), '11.04.2030');
    await user.click(form.getByRole('checkbox', { name: 'mit denselben Gästen' }));
    await user.click(form.getByRole('button', { name: 'Speichern' }));

    await waitFor(() => expect(window.location.hash).not.toBe(`#/planning/${event.id}`));
    const copyId = window.location.hash.replace('#/planning/', '');
    expect(await screen.findByRole('link', { name: 'Anna Becker' })).toBeInTheDocument();
    const copy = await api('events.get', { id: copyId });
    expect(copy).toMatchObject({ title: 'Clubabend März', status: 'planned' });
    expect(Date.parse(copy.startsAt)).toBe(new Date(2030, 3, 11, 19, 30).getTime());
  });

  it('offers the calendar file for download', async () => {
    const { event } = await clubEvening();
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => (created.push(blob), 'blob:ics'));
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toMatch(/\.ics$/);
    });
    const user = await open(`/planning/${event.id}`);

    await user.click(await screen.findByRole('button', { name: 'Kalenderdatei (.ics)' }));
    await waitFor(() => expect(clicked).toHaveBeenCalled());
    expect(await created[0]!.text()).toContain('BEGIN:VCALENDAR');
    clicked.mockRestore();
  });
});

describe('Druck', () => {
  it('prints a guest list with every invitee, and cards with the invitation code', async () => {
    const { event, members } = await clubEvening();
    await api('invitations.add', { eventId: event.id, contactIds: members.map((member) => member.id) });
    const user = await open(`/planning/${event.id}`);

    await user.click(await screen.findByRole('link', { name: 'Gästeliste drucken' }));
    expect(await screen.findByRole('heading', { name: 'Gästeliste: Clubabend März' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Hauptnavigation' })).not.toBeInTheDocument();
    for (const name of ['Becker, Anna', 'Schulz, Birgit', 'Wolf, Carla']) expect(screen.getByRole('cell', { name })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Unterschrift/Notiz' })).toBeInTheDocument();
    const print = vi.fn();
    window.print = print; // happy-dom has no print dialog
    await user.click(screen.getByRole('button', { name: 'Drucken' }));
    expect(print).toHaveBeenCalled();

    await user.click(screen.getByRole('link', { name: 'Zurück' }));
    await user.click(await screen.findByRole('link', { name: 'Einladungskarten drucken' }));
    const card = within(await screen.findByRole('article', { name: 'Einladungskarte für Anna Becker' }));
    const [anna] = (await api('invitations.list', { eventId: event.id })).filter((invitation) => invitation.contact.firstName === 'Anna');
    expect(card.getByText(anna!.code)).toBeInTheDocument();
    expect(await card.findByRole('img', { name: `QR-Code der Einladung ${anna!.code}` })).toHaveAttribute('src', expect.stringMatching(/^data:image\/svg\+xml/));
    expect(card.getByText('Gastgeberin: Petra Schulz')).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(3);
  });
});

describe('Kalender', () => {
  it('shows the events of a month by day and opens one', async () => {
    await api('events.create', { title: 'Frühlingsparty', kind: 'party', startsAt: at('2030-03-14', '19:30') });
    await api('events.create', { title: 'Aprilabend', kind: 'club', startsAt: at('2030-04-02', '19:00') });
    const user = await open('/planning/calendar?month=2030-03');

    const day = within(await screen.findByRole('group', { name: 'Donnerstag, 14. März' }));
    expect(await day.findByRole('button', { name: '19:30 Frühlingsparty' })).toBeInTheDocument();
    expect(screen.queryByText(/Aprilabend/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Nächster Monat' }));
    expect(await screen.findByRole('heading', { name: 'April 2030' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: '19:00 Aprilabend' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Aprilabend' })).toBeInTheDocument();
  });
});
