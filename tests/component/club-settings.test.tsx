import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { label, useTestApp } from './app';

const { api, open } = useTestApp();

async function openClubSettings() {
  const user = await open('/settings');
  const form = within(await screen.findByRole('form', { name: 'Kundenclub' }));
  return { user, form };
}

describe('Einstellungen: Kundenclub', () => {
  it('saves name, number format, tiers by points and the points rules; the page shows them when opened again', async () => {
    await api('club.settings.update', { pointsExpireMonths: 12 });
    const { user, form } = await openClubSettings();

    const name = form.getByLabelText(label('Name des Clubs'));
    await user.clear(name);
    await user.type(name, 'Glanzclub');
    const format = form.getByLabelText(label('Format der Mitgliedsnummer'));
    expect(form.getByText('Beispiel: KC-00001')).toBeInTheDocument();
    await user.clear(format);
    await user.type(format, 'GC-{{n:3}');
    expect(form.getByText('Beispiel: GC-001')).toBeInTheDocument();

    // Switching the basis keeps the thresholds, read in points: 250,00 € become 250 points.
    expect(form.getByLabelText('Stufe 2: ab Umsatz (€)')).toHaveValue('250,00');
    await user.click(form.getByRole('radio', { name: 'Punkten' }));
    expect(form.getByLabelText('Stufe 2: ab Punkten')).toHaveValue('250');
    await user.click(form.getByRole('button', { name: 'Stufe 2 entfernen' }));
    await user.click(form.getByRole('button', { name: 'Stufe hinzufügen' }));
    await user.type(form.getByLabelText('Stufe 3: Name'), 'Platin');
    await user.type(form.getByLabelText('Stufe 3: ab Punkten'), '1000');

    await user.clear(form.getByLabelText('Punkte je Euro Umsatz'));
    await user.type(form.getByLabelText('Punkte je Euro Umsatz'), '0,5');
    await user.clear(form.getByLabelText('Punkte zum Geburtstag'));
    await user.type(form.getByLabelText('Punkte zum Geburtstag'), '100');
    // Empty: points never expire.
    await user.clear(form.getByLabelText('Punkte verfallen nach (Monaten)'));
    await user.click(form.getByRole('button', { name: 'Club-Einstellungen speichern' }));

    expect(await screen.findByText('Club-Einstellungen gespeichert.')).toBeInTheDocument();
    const saved = await api('club.settings.get', {});
    expect(saved).toEqual({
      name: 'Glanzclub',
      memberNumberFormat: 'GC-{n:3}',
      tierBasis: 'points',
      tiers: [
        { name: 'Bronze', threshold: 0 },
        { name: 'Gold', threshold: 500 },
        { name: 'Platin', threshold: 1000 },
      ],
      pointsPerEuro: 0.5,
      birthdayBonus: 100,
    });

    cleanup();
    const again = await openClubSettings();
    expect(again.form.getByLabelText(label('Name des Clubs'))).toHaveValue('Glanzclub');
    expect(again.form.getByText('Beispiel: GC-001')).toBeInTheDocument();
    expect(again.form.getByRole('radio', { name: 'Punkten' })).toBeChecked();
    expect(again.form.getByLabelText('Stufe 3: Name')).toHaveValue('Platin');
    expect(again.form.getByLabelText('Stufe 3: ab Punkten')).toHaveValue('1000');
    expect(again.form.getByLabelText('Punkte je Euro Umsatz')).toHaveValue('0,5');
    expect(again.form.getByLabelText('Punkte verfallen nach (Monaten)')).toHaveValue('');
  });

  it('refuses a number format without {n} and tiers that do not go up, in German, and saves nothing', async () => {
    const { user, form } = await openClubSettings();
    const format = form.getByLabelText(label('Format der Mitgliedsnummer'));
    await user.clear(format);
    await user.type(format, 'KC-00');
    expect(form.queryByText(/^Beispiel:/)).not.toBeInTheDocument();
    const gold = form.getByLabelText('Stufe 3: ab Umsatz (€)');
    await user.clear(gold);
    await user.type(gold, '100');
    await user.click(form.getByRole('button', { name: 'Club-Einstellungen speichern' }));

    expect(await form.findByText('Das Format braucht genau einen Platzhalter {n} für die laufende Nummer, z. B. KC-{n:5}.')).toBeInTheDocument();
    expect(form.getByRole('alert')).toHaveTextContent('Die Schwellen der Stufen müssen aufsteigen.');
    expect(screen.queryByText('Club-Einstellungen gespeichert.')).not.toBeInTheDocument();
    await waitFor(async () => expect(await api('club.settings.get', {})).toMatchObject({ memberNumberFormat: 'KC-{n:5}', tiers: expect.arrayContaining([{ name: 'Gold', threshold: 50_000 }]) }));
  });
});
