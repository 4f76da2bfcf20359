import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { label, useTestApp } from './app';

const { api, open } = useTestApp();

describe('Einstellungen', () => {
  it('switches the whole app to English at once and remembers it', async () => {
    const user = await open('/settings');
    const nav = within(screen.getByRole('navigation'));
    expect(nav.getByRole('link', { name: 'Planung' })).toBeInTheDocument();

    await user.click(await screen.findByRole('radio', { name: 'English' }));

    await waitFor(() => expect(nav.getByRole('link', { name: 'Planning' })).toBeInTheDocument());
    expect(nav.getByRole('link', { name: 'Contacts' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect((await api('settings.get', {})).locale).toBe('en');
  });

  it('starts in the stored language', async () => {
    await api('settings.update', { locale: 'en' });
    await open('/planning');
    expect(await screen.findByRole('button', { name: 'Load demo data' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Customer club' })).toBeInTheDocument();
  });

  it('saves the name at the door and the currency, with a money example in that currency', async () => {
    const user = await open('/settings');
    const name = await screen.findByLabelText(label('Name am Einlass'));
    await user.type(name, 'Petra');
    await user.click(screen.getByRole('combobox', { name: label('Währung') }));
    await user.click(screen.getByRole('option', { name: 'CHF' }));
    expect(screen.getByText(/Beispiel: 1.234,50\sCHF/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Speichern' }));

    expect(await screen.findByText('Einstellungen gespeichert.')).toBeInTheDocument();
    expect(await api('settings.get', {})).toMatchObject({ operatorName: 'Petra', currency: 'CHF', locale: 'de' });
  });

  it('previews the invitation text with its placeholders filled, and saves it', async () => {
    const user = await open('/settings');
    const preview = within(await screen.findByRole('region', { name: 'Vorschau' }));
    expect(preview.getByText(/^Hallo Anna,/)).toBeInTheDocument();

    const subject = screen.getByLabelText('Betreff');
    await user.type(subject, 'Einladung zu {{titel} bei {{gastgeberin}');
    await user.type(screen.getByLabelText('Text'), 'Liebe {{vorname} {{nachname}, wir sehen uns am {{datum} um {{uhrzeit} in {{ort}.');
    expect(preview.getByText('Einladung zu Frühlings-Home-Party bei Petra Schulz')).toBeInTheDocument();
    expect(preview.getByText('Liebe Anna Becker, wir sehen uns am Samstag, 14. März 2026 um 19:30 in Gartenstraße 5, 34117 Kassel.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Einladungstext speichern' }));

    await waitFor(async () => expect((await api('settings.get', {})).invitationSubject).toBe('Einladung zu {titel} bei {gastgeberin}'));
  });
});
