import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { toIsoWithOffset } from '../../renderer/forms/dates';
import { dialog, label, useTestApp } from './app';
import { localDate } from '../../shared/days';

const { api, open } = useTestApp();

describe('Kundenclub: Beitritt am Einlass und beim Import', () => {
  it('a walk-in who ticks "Tritt dem Kundenclub bei" becomes a member, and the door says her number', async () => {
    const event = await api('events.create', { title: 'Herbst-Party', kind: 'party', startsAt: toIsoWithOffset(localDate(new Date()), '19:00') });
    const user = await open(`/checkin/${event.id}`);
    await screen.findByRole('combobox', { name: 'Gast suchen' });
    await user.click(screen.getByRole('button', { name: /^Ohne Einladung/ }));
    const form = dialog();
    await user.type(form.getByLabelText(label('Vorname')), 'Erika');
    await user.type(form.getByLabelText(label('Nachname')), 'Braun');
    await user.click(form.getByRole('checkbox', { name: 'Tritt dem Kundenclub bei' }));
    await user.click(form.getByRole('button', { name: 'Aufnehmen und einchecken' }));

    expect(await screen.findByText('Erika Braun ist da')).toBeInTheDocument();
    expect(screen.getByText('Ohne Einladung aufgenommen · Kundenclub-Mitglied KC-00001')).toBeInTheDocument();
    const [erika] = await api('contacts.search', { query: 'Erika Braun' });
    expect((await api('club.member', { contactId: erika!.id }))?.member).toMatchObject({ memberNumber: 'KC-00001', status: 'active', source: 'door' });
  });

  it('imports a list with "alle in den Kundenclub aufnehmen": every imported contact is a member', async () => {
    const user = await open('/contacts/import');
    const file = new File(['Vorname;Nachname;E-Mail\nAnna;Becker;anna@example.de\nBirgit;Schulz;birgit@example.de\n'], 'club.csv', { type: 'text/csv' });
    await user.upload(await screen.findByLabelText('Datei auswählen (CSV, TXT oder vCard)'), file);
    await user.click(await screen.findByRole('checkbox', { name: 'Alle importierten Kontakte in den Kundenclub aufnehmen' }, { timeout: 5000 }));
    expect(await screen.findByText('2 Kontakte werden Mitglied.')).toBeInTheDocument();
    expect((await api('club.members', {})).total).toBe(0);

    await user.click(screen.getByRole('button', { name: '2 Kontakte importieren' }));
    expect(await screen.findByText('Import abgeschlossen')).toBeInTheDocument();
    expect(screen.getByText('2 Kontakte in den Kundenclub aufgenommen.')).toBeInTheDocument();
    await waitFor(async () =>
      expect((await api('club.members', {})).items.map((row) => [row.contact.firstName, row.memberNumber, row.source])).toEqual([
        ['Anna', 'KC-00001', 'import'],
        ['Birgit', 'KC-00002', 'import'],
      ]),
    );
  });
});
