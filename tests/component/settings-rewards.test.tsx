import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './app';

const { api, open } = useTestApp();

describe('Einstellungen: Gastgeberinnen-Bonus', () => {
  it('shows the example of the rules live, takes a preset, edits tiers and saves the rules and the commission', async () => {
    const user = await open('/settings');
    const form = within(await screen.findByRole('form', { name: 'Gastgeberinnen-Bonus' }));
    // The first preset: 10 % and 2 half-price items from 250 €.
    expect(form.getByText(/^Bei 320,00\s€ Umsatz .*: 32,00\s€ Gutschrift und 2 Artikel zum halben Preis$/)).toBeInTheDocument();

    await user.clear(form.getByLabelText('Stufe 2: Gutschrift in %'));
    await user.type(form.getByLabelText('Stufe 2: Gutschrift in %'), '12,5');
    expect(form.getByText(/: 40,00\s€ Gutschrift und 2 Artikel/)).toBeInTheDocument();

    await user.click(form.getByRole('button', { name: 'Stufe 2 entfernen' }));
    expect(form.getByText(/: 32,00\s€ Gutschrift und 1 Artikel/)).toBeInTheDocument();
    await user.click(form.getByRole('button', { name: 'Stufe hinzufügen' }));
    await user.type(form.getByLabelText('Stufe 4: ab Umsatz'), '300');
    await user.type(form.getByLabelText('Stufe 4: Gutschrift in %'), '20');
    expect(form.getByText(/: 64,00\s€ Gutschrift/)).toBeInTheDocument();
    await user.type(form.getByLabelText('Höchstens (€)'), '50');
    expect(form.getByText(/: 50,00\s€ Gutschrift/)).toBeInTheDocument();

    await user.click(form.getByRole('combobox', { name: 'Vorlage übernehmen' }));
    await user.click(screen.getByRole('option', { name: '10 % ab 200 €, Halbpreis ab 550 €' }));
    expect(form.getByText(/: 32,00\s€ Gutschrift und 0 Artikel/)).toBeInTheDocument();
    await user.click(form.getByRole('button', { name: 'Bonus-Regeln speichern' }));
    await waitFor(async () => expect((await api('settings.get', {})).hostRewards?.name).toBe('10 % ab 200 €, Halbpreis ab 550 €'));

    await user.type(screen.getByLabelText('Provision in %'), '22');
    await user.click(screen.getByRole('button', { name: 'Provision speichern' }));
    await waitFor(async () => expect((await api('settings.get', {})).commissionPercent).toBe(22));
  });
});
