import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './app';

const { api, open } = useTestApp();
const samples = join(__dirname, '../fixtures/samples/contacts');
const sample = (name: string, type = 'text/csv') => new File([readFileSync(join(samples, name))], name, { type });

describe('Import', () => {
  it('lists every bad line of broken.csv with a German reason and keeps the import button disabled', async () => {
    const user = await open('/contacts/import');
    await user.upload(await screen.findByLabelText('Datei auswählen (CSV, TXT oder vCard)'), sample('broken.csv'));

    const errors = await screen.findByRole('alert', undefined, { timeout: 5000 });
    expect(within(errors).getByText('4 fehlerhafte Zeilen')).toBeInTheDocument();
    for (const text of [
      'Zeile 3: Anführungszeichen nicht geschlossen',
      'Zeile 4: Datum 31.02.1990 gibt es nicht',
      'Zeile 4: E-Mail-Adresse „gisela-at-example.de“ ist ungültig',
      'Zeile 5: Zu viele Spalten (6 statt 4)',
      'Zeile 8: Zu wenige Spalten (2 statt 4)',
    ]) {
      expect(within(errors).getByText(text)).toBeInTheDocument();
    }
    expect(screen.getByText('Es wird nichts importiert, bis die Datei korrigiert ist.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Kontakte? importieren$/ })).toBeDisabled();
    expect((await api('contacts.list', {})).total).toBe(0);
  });

  it('imports the Google sample after a preview of the rows as they will be stored', async () => {
    const user = await open('/contacts/import');
    await user.upload(await screen.findByLabelText('Datei auswählen (CSV, TXT oder vCard)'), sample('google-contacts.csv'));

    expect(await screen.findByText(/Vorlage: Google Kontakte/, undefined, { timeout: 5000 })).toBeInTheDocument();
    const preview = within(screen.getByRole('region', { name: 'Vorschau' }));
    expect(preview.getByRole('cell', { name: 'Sabine' })).toBeInTheDocument();
    expect(preview.getByRole('cell', { name: '01067' })).toBeInTheDocument();
    expect(preview.getByRole('cell', { name: '12.04.1979' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Spalte „First Name“' })).toHaveValue('Vorname');
    expect((await api('contacts.list', {})).total).toBe(0);

    const run = screen.getByRole('button', { name: /^\d+ Kontakte importieren$/ });
    const count = Number(run.textContent!.match(/\d+/)![0]);
    await user.click(run);

    expect(await screen.findByText('Import abgeschlossen')).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`^${count} angelegt, 0 aktualisiert`))).toBeInTheDocument();
    const { items, total } = await api('contacts.list', { query: 'Sabine' });
    expect(total).toBeGreaterThan(0);
    expect(items[0]).toMatchObject({ firstName: 'Sabine', postalCode: '01067', birthday: '1979-04-12' });

    await user.click(screen.getByRole('button', { name: 'Zur Kontaktliste' }));
    expect(await screen.findByText(`${count} Kontakte`)).toBeInTheDocument();
  });

  it('re-checks the file when a column is mapped differently', async () => {
    const user = await open('/contacts/import');
    await user.upload(await screen.findByLabelText('Datei auswählen (CSV, TXT oder vCard)'), sample('excel-liste-semikolon.csv'));
    const preview = () => within(screen.getByRole('region', { name: 'Vorschau' }));
    await waitFor(() => expect(preview().getAllByRole('columnheader').map((th) => th.textContent)).toContain('Ort'), { timeout: 5000 });

    await user.click(screen.getByRole('combobox', { name: /^Spalte „Ort“$/ }));
    await user.click(screen.getByRole('option', { name: 'nicht importieren' }));

    await waitFor(() => expect(preview().getAllByRole('columnheader').map((th) => th.textContent)).not.toContain('Ort'));
  });

  it('marks a likely duplicate of a stored contact and lets it update that contact', async () => {
    const sabine = await api('contacts.create', { firstName: 'Sabine', lastName: 'Meier', email: 'sabine.meier@example.de' });
    const user = await open('/contacts/import');
    await user.upload(await screen.findByLabelText('Datei auswählen (CSV, TXT oder vCard)'), sample('google-contacts.csv'));

    const choice = await screen.findByRole('combobox', { name: /^Was tun mit Zeile \d+\?$/ }, { timeout: 5000 });
    const row = within(choice.closest('tr')!);
    expect(row.getByText('gleiche E-Mail wie ein vorhandener Kontakt')).toBeInTheDocument();
    expect(choice).toHaveValue('Überspringen');
    const before = Number(screen.getByRole('button', { name: /Kontakte importieren$/ }).textContent!.match(/\d+/)![0]);

    await user.click(choice);
    await user.click(screen.getByRole('option', { name: 'Aktualisieren' }));
    expect(await screen.findByRole('button', { name: `${before + 1} Kontakte importieren` })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: `${before + 1} Kontakte importieren` }));

    expect(await screen.findByText(`${before} angelegt, 1 aktualisiert, 0 übersprungen.`)).toBeInTheDocument();
    expect(await api('contacts.get', { id: sabine.id })).toMatchObject({ postalCode: '01067', birthday: '1979-04-12' });
  });
});
