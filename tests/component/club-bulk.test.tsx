import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { toIsoWithOffset } from '../../renderer/forms/dates';
import { dialog, label, useTestApp } from './app';
import { addMember, shownMembers } from './club-members';

const { api, open } = useTestApp();

beforeEach(() => sessionStorage.clear());

async function threeMembers() {
  const anna = await addMember(api, { firstName: 'Anna', lastName: 'Becker' });
  const bernd = await addMember(api, { firstName: 'Bernd', lastName: 'Adler' });
  const clara = await addMember(api, { firstName: 'Clara', lastName: 'Zander' });
  return { anna, bernd, clara };
}

describe('Kundenclub: Sammelaktionen', () => {
  it('adds a tag to the chosen members, which the tag filter then offers', async () => {
    const { anna, bernd, clara } = await threeMembers();
    const user = await open('/club');
    await screen.findByText('3 Mitglieder');

    await user.click(screen.getByRole('checkbox', { name: 'Anna Becker auswählen' }));
    await user.click(screen.getByRole('checkbox', { name: 'Bernd Adler auswählen' }));
    expect(screen.getByText('2 Mitglieder ausgewählt')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Schlagwort hinzufügen' }));
    expect(dialog().getByText('Bei 2 Mitgliedern hinzufügen:')).toBeInTheDocument();
    await user.type(dialog().getByRole('combobox', { name: label('Schlagwort') }), 'VIP');
    await user.click(dialog().getByRole('button', { name: 'Hinzufügen' }));

    expect(await screen.findByText('„VIP“ bei 2 Mitgliedern hinzugefügt.')).toBeInTheDocument();
    expect((await api('contacts.get', { id: anna.id })).tags).toEqual(['VIP']);
    expect((await api('contacts.get', { id: bernd.id })).tags).toEqual(['VIP']);
    expect((await api('contacts.get', { id: clara.id })).tags).toEqual([]);

    await user.click(screen.getByRole('combobox', { name: 'Schlagwort' }));
    await user.click(await screen.findByRole('option', { name: 'VIP (2)' }));
    await waitFor(() => expect(shownMembers()).toEqual(['Bernd Adler', 'Anna Becker']));
  });

  it('invites every matching member to an upcoming event, counting those invited already', async () => {
    const { clara } = await threeMembers();
    const event = await api('events.create', { title: 'Herbst-Party', kind: 'party', startsAt: toIsoWithOffset('2099-10-14', '19:30') });
    await api('events.create', { title: 'Alte Party', kind: 'party', startsAt: toIsoWithOffset('2020-10-14', '19:30') });
    await api('invitations.add', { eventId: event.id, contactIds: [clara.id] });
    const user = await open('/club');
    await screen.findByText('3 Mitglieder');

    await user.click(screen.getByRole('checkbox', { name: 'Alle 3 auswählen' }));
    expect(await screen.findByText('3 Mitglieder ausgewählt')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Anna Becker auswählen' })).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Zu Veranstaltung einladen' }));
    await user.click(dialog().getByRole('combobox', { name: label('Veranstaltung') }));
    // Only events ahead are offered.
    expect(screen.queryByRole('option', { name: /^Alte Party/ })).not.toBeInTheDocument();
    await user.click(await screen.findByRole('option', { name: /^Herbst-Party/ }));
    await user.click(dialog().getByRole('button', { name: 'Einladen' }));

    expect(await screen.findByText('2 Gäste eingeladen, 1 war(en) schon eingeladen.')).toBeInTheDocument();
    expect(await api('invitations.list', { eventId: event.id })).toHaveLength(3);
  });
});
