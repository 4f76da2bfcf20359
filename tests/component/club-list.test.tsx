import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { dialog, label, useTestApp } from './app';
import { addMember, memberRow, pointTiers, shownColumns, shownMembers } from './club-members';

const { api, open } = useTestApp();

// The list keeps its view for the session; each test starts with the standard view.
beforeEach(() => sessionStorage.clear());

async function dresdenAndKassel() {
  await pointTiers(api);
  await addMember(api, { firstName: 'Anna', lastName: 'Becker', postalCode: '01067', city: 'Dresden', birthday: '1985-03-14', points: 600 });
  await addMember(api, { firstName: 'Bernd', lastName: 'Adler', postalCode: '01307', city: 'Dresden', birthday: '--07-02' });
  await addMember(api, { firstName: 'Clara', lastName: 'Zander', postalCode: '34117', city: 'Kassel', points: 700 });
  await addMember(api, { firstName: 'Dora', lastName: 'Ober', postalCode: '01099', city: 'Dresden', status: 'paused' });
  await addMember(api, { firstName: 'Emil', lastName: 'Öztürk', postalCode: '34119', city: 'Kassel', status: 'left' });
}

describe('Kundenclub: Mitgliederliste', () => {
  it('shows the active members and filters them by tier and by postcode prefix', async () => {
    await dresdenAndKassel();
    const user = await open('/club');

    expect(await screen.findByRole('heading', { level: 1, name: 'Kundenclub' })).toBeInTheDocument();
    expect(await screen.findByText('3 Mitglieder')).toBeInTheDocument();
    expect(shownMembers()).toEqual(['Bernd Adler', 'Anna Becker', 'Clara Zander']);
    // Cells read as dates and tiers, birthdays without a year as TT.MM.
    expect(within(memberRow('Anna Becker')).getByRole('cell', { name: '14.03.1985' })).toBeInTheDocument();
    expect(within(memberRow('Anna Becker')).getByRole('cell', { name: 'Gold' })).toBeInTheDocument();
    expect(within(memberRow('Bernd Adler')).getByRole('cell', { name: '02.07.' })).toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Stufe' }));
    await user.click(screen.getByRole('option', { name: 'Gold (2)' }));
    await waitFor(() => expect(shownMembers()).toEqual(['Anna Becker', 'Clara Zander']));

    await user.type(screen.getByRole('textbox', { name: 'Ort oder PLZ' }), '01');
    await waitFor(() => expect(shownMembers()).toEqual(['Anna Becker']));
    expect(screen.getByText('1 Mitglied')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Filter zurücksetzen' }));
    await waitFor(() => expect(shownMembers()).toEqual(['Bernd Adler', 'Anna Becker', 'Clara Zander']));

    // Paused and former members only when their status is chosen.
    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(screen.getByRole('option', { name: 'pausiert' }));
    await user.click(screen.getByRole('option', { name: 'ausgetreten' }));
    await waitFor(() => expect(shownMembers()).toEqual(['Bernd Adler', 'Anna Becker', 'Dora Ober', 'Emil Öztürk', 'Clara Zander']));
  });

  it('filters by the less common filters behind "Mehr Filter" and says which typed value it cannot read', async () => {
    await addMember(api, { firstName: 'Anna', lastName: 'Becker', birthday: '1985-03-14', consents: ['email'] });
    await addMember(api, { firstName: 'Bernd', lastName: 'Adler', birthday: '1990-07-02' });
    const user = await open('/club');
    await screen.findByText('2 Mitglieder');

    await user.click(screen.getByRole('button', { name: 'Mehr Filter' }));
    await user.click(screen.getByRole('combobox', { name: 'Einwilligung' }));
    await user.click(screen.getByRole('option', { name: 'E-Mail' }));
    await waitFor(() => expect(shownMembers()).toEqual(['Anna Becker']));

    await user.click(screen.getByRole('button', { name: 'Filter zurücksetzen' }));
    await user.click(screen.getByRole('combobox', { name: 'Geburtstagsmonat' }));
    await user.click(screen.getByRole('option', { name: 'Juli' }));
    await waitFor(() => expect(shownMembers()).toEqual(['Bernd Adler']));

    // Nobody has bought anything yet, so a spend from 1 € on matches nobody.
    await user.type(screen.getByRole('textbox', { name: 'Umsatz 12 Monate von' }), '1,00');
    expect(await screen.findByText('Kein Mitglied passt zu diesen Filtern.')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Letzter Kauf nach' }), '31.02.2026');
    expect(screen.getByRole('textbox', { name: 'Letzter Kauf nach' })).toHaveAccessibleDescription('Dieses Datum gibt es nicht');

    // The message offers the reset too, next to the one in the filter bar.
    await user.click(screen.getAllByRole('button', { name: 'Filter zurücksetzen' })[1]!);
    await waitFor(() => expect(shownMembers()).toEqual(['Bernd Adler', 'Anna Becker']));
  });

  it('adds, moves and removes columns with the column chooser', async () => {
    await addMember(api, { firstName: 'Anna', lastName: 'Becker', email: 'anna@example.de' });
    const user = await open('/club');
    await screen.findByText('1 Mitglied');
    expect(shownColumns()).toEqual(['Mitgliedsnummer', 'Vorname', 'Nachname', 'Straße', 'PLZ', 'Ort', 'E-Mail', 'Telefon', 'Geburtstag', 'Stufe', 'Punkte', 'Mitglied seit']);
    expect(within(memberRow('Anna Becker')).getByRole('cell', { name: 'anna@example.de' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Spalten' }));
    await user.click(screen.getByRole('checkbox', { name: 'Status' }));
    await user.click(screen.getByRole('checkbox', { name: 'Umsatz 12 Monate' }));
    await user.click(screen.getByRole('checkbox', { name: 'E-Mail' }));
    await user.click(screen.getByRole('button', { name: '„Status“ nach vorn' }));

    expect(shownColumns()).toEqual(['Mitgliedsnummer', 'Vorname', 'Nachname', 'Straße', 'PLZ', 'Ort', 'Telefon', 'Geburtstag', 'Stufe', 'Punkte', 'Status', 'Mitglied seit', 'Umsatz 12 Monate']);
    const row = within(memberRow('Anna Becker'));
    expect(row.getByText('aktiv')).toBeInTheDocument();
    expect(row.getByRole('cell', { name: /^0,00\s€$/ })).toBeInTheDocument();
    expect(row.queryByRole('cell', { name: 'anna@example.de' })).not.toBeInTheDocument();
  });

  it('sorts by a header click, ascending, descending, then back to name order, in German order', async () => {
    await addMember(api, { firstName: 'Bernd', lastName: 'Adler', city: 'Zwickau' });
    await addMember(api, { firstName: 'Dora', lastName: 'Ober', city: 'Ulm' });
    await addMember(api, { firstName: 'Emil', lastName: 'Öztürk', city: 'Aachen' });
    await addMember(api, { firstName: 'Clara', lastName: 'Zander', city: 'Überlingen' });
    const user = await open('/club');
    await screen.findByText('4 Mitglieder');
    // Ö sorts with O, not after Z.
    expect(shownMembers()).toEqual(['Bernd Adler', 'Dora Ober', 'Emil Öztürk', 'Clara Zander']);
    const city = screen.getByRole('columnheader', { name: 'Ort' });
    expect(city).toHaveAttribute('aria-sort', 'none');

    await user.click(within(city).getByRole('button', { name: 'Ort' }));
    await waitFor(() => expect(shownMembers()).toEqual(['Emil Öztürk', 'Clara Zander', 'Dora Ober', 'Bernd Adler']));
    expect(city).toHaveAttribute('aria-sort', 'ascending');

    await user.click(within(city).getByRole('button', { name: 'Ort' }));
    await waitFor(() => expect(shownMembers()).toEqual(['Bernd Adler', 'Dora Ober', 'Clara Zander', 'Emil Öztürk']));
    expect(city).toHaveAttribute('aria-sort', 'descending');

    await user.click(within(city).getByRole('button', { name: 'Ort' }));
    await waitFor(() => expect(shownMembers()).toEqual(['Bernd Adler', 'Dora Ober', 'Emil Öztürk', 'Clara Zander']));
    expect(city).toHaveAttribute('aria-sort', 'none');
  });

  it('renders only the rows in view of a long list, fetching the page scrolled to', async () => {
    for (let i = 1; i <= 260; i++) await addMember(api, { firstName: 'Gast', lastName: String(i).padStart(3, '0') });
    await open('/club');
    await screen.findByText('260 Mitglieder');
    expect(shownMembers()[0]).toBe('Gast 001');
    expect(screen.getAllByRole('row').length).toBeLessThan(60);

    const list = screen.getByRole('region', { name: 'Mitgliederliste' });
    list.scrollTop = 45 * 240;
    fireEvent.scroll(list);

    await waitFor(() => expect(shownMembers()).toContain('Gast 241'));
    expect(shownMembers()).not.toContain('Gast 001');
  });

  it('opens the contact on a row click', async () => {
    await addMember(api, { firstName: 'Anna', lastName: 'Becker' });
    const user = await open('/club');
    await screen.findByText('1 Mitglied');
    await user.click(within(memberRow('Anna Becker')).getByRole('cell', { name: 'Becker' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Anna Becker' })).toBeInTheDocument();
  });

  it('saves a view and restores its filters, columns and order when chosen again', async () => {
    await dresdenAndKassel();
    const user = await open('/club');
    await screen.findByText('3 Mitglieder');

    await user.type(screen.getByRole('textbox', { name: 'Ort oder PLZ' }), '01');
    await user.click(screen.getByRole('button', { name: 'Spalten' }));
    await user.click(screen.getByRole('checkbox', { name: 'Status' }));
    await user.click(within(screen.getByRole('columnheader', { name: 'Vorname' })).getByRole('button'));
    await waitFor(() => expect(shownMembers()).toEqual(['Anna Becker', 'Bernd Adler']));

    await user.click(screen.getByRole('button', { name: 'Ansicht speichern' }));
    await user.type(dialog().getByLabelText(label('Name der Ansicht')), 'Dresden');
    await user.click(dialog().getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Ansicht „Dresden“ gespeichert.')).toBeInTheDocument();
    const [saved] = await api('club.views.list', {});
    expect(saved).toMatchObject({ name: 'Dresden', view: { filters: { place: '01' }, sort: [{ column: 'firstName', direction: 'asc' }] } });
    expect(saved!.view.columns.at(-1)).toBe('status');

    // Back to the standard view, then the saved one again.
    await user.click(screen.getByRole('combobox', { name: 'Gespeicherte Ansicht' }));
    await user.click(screen.getByRole('option', { name: 'Standardansicht' }));
    await waitFor(() => expect(shownMembers()).toEqual(['Bernd Adler', 'Anna Becker', 'Clara Zander']));
    expect(screen.queryByRole('columnheader', { name: 'Status' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Gespeicherte Ansicht' }));
    await user.click(screen.getByRole('option', { name: 'Dresden' }));
    await waitFor(() => expect(shownMembers()).toEqual(['Anna Becker', 'Bernd Adler']));
    expect(screen.getByRole('textbox', { name: 'Ort oder PLZ' })).toHaveValue('01');
    expect(screen.getByRole('columnheader', { name: 'Status' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Vorname' })).toHaveAttribute('aria-sort', 'ascending');

    // Stored with the data: a new start of the app (no session left) still offers it.
    cleanup();
    sessionStorage.clear();
    const again = await open('/club');
    await screen.findByText('3 Mitglieder');
    await again.click(screen.getByRole('combobox', { name: 'Gespeicherte Ansicht' }));
    await again.click(screen.getByRole('option', { name: 'Dresden' }));
    await waitFor(() => expect(shownMembers()).toEqual(['Anna Becker', 'Bernd Adler']));

    await again.click(screen.getByRole('button', { name: 'Ansicht löschen' }));
    await again.click(dialog().getByRole('button', { name: 'Ansicht löschen' }));
    expect(await screen.findByText('Ansicht „Dresden“ gelöscht.')).toBeInTheDocument();
    expect(await api('club.views.list', {})).toEqual([]);
  });

  it('keeps the view when one leaves the list and comes back', async () => {
    await dresdenAndKassel();
    const user = await open('/club');
    await screen.findByText('3 Mitglieder');
    await user.type(screen.getByRole('textbox', { name: 'Ort oder PLZ' }), '34');
    await waitFor(() => expect(shownMembers()).toEqual(['Clara Zander']));

    await user.click(screen.getByRole('link', { name: 'Kontakte' }));
    await screen.findByRole('heading', { level: 1, name: 'Kontakte' });
    await user.click(screen.getByRole('link', { name: 'Kundenclub' }));

    await waitFor(() => expect(shownMembers()).toEqual(['Clara Zander']));
    expect(screen.getByRole('textbox', { name: 'Ort oder PLZ' })).toHaveValue('34');
  });

  it('explains how members join when the club has none', async () => {
    const user = await open('/club');
    expect(await screen.findByRole('heading', { name: 'Noch keine Mitglieder' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Zu den Kontakten' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Kontakte' })).toBeInTheDocument();
  });

  it('says when filters match nobody and resets them from there', async () => {
    await addMember(api, { firstName: 'Anna', lastName: 'Becker', city: 'Dresden' });
    const user = await open('/club');
    await screen.findByText('1 Mitglied');
    await user.type(screen.getByRole('textbox', { name: 'Ort oder PLZ' }), 'Kassel');
    expect(await screen.findByText('Kein Mitglied passt zu diesen Filtern.')).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Filter zurücksetzen' })[1]!);
    await waitFor(() => expect(shownMembers()).toEqual(['Anna Becker']));
  });
});
