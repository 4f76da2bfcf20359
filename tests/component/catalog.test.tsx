import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { dialog, label, useTestApp } from './app';

const { api, open } = useTestApp();

const csv = (text: string) => new File([text], 'produkte.csv', { type: 'text/csv' });

describe('Produkte', () => {
  it('creates a product with a German price and edits it', async () => {
    const user = await open('/followup/catalog');
    await user.click(await screen.findByRole('button', { name: 'Produkt anlegen' }));
    await user.type(dialog().getByLabelText(label('Art.-Nr.')), 'DK-100');
    await user.type(dialog().getByLabelText(label('Bezeichnung')), 'Duftkerze Vanille');
    await user.type(dialog().getByLabelText(label('Preis')), '24,9x');
    await user.click(dialog().getByRole('button', { name: 'Speichern' }));
    expect(await dialog().findByText('Bitte einen Betrag wie 24,90 eingeben')).toBeInTheDocument();

    await user.clear(dialog().getByLabelText(label('Preis')));
    await user.type(dialog().getByLabelText(label('Preis')), '1.249,00');
    await user.type(dialog().getByLabelText(label('Nachkauf nach Tagen')), '90');
    await user.click(dialog().getByRole('button', { name: 'Speichern' }));

    const table = within(await screen.findByRole('table', { name: 'Produkte' }));
    expect(await table.findByText('Duftkerze Vanille')).toBeInTheDocument();
    expect(table.getByText(/^1\.249,00\s€$/)).toBeInTheDocument();
    expect((await api('catalog.list', {}))[0]).toMatchObject({ sku: 'DK-100', priceCents: 124900, refillDays: 90, active: true });

    await user.click(table.getByRole('button', { name: 'Duftkerze Vanille bearbeiten' }));
    expect(dialog().getByLabelText(label('Preis'))).toHaveValue('1249,00');
    await user.clear(dialog().getByLabelText(label('Nachkauf nach Tagen')));
    await user.click(dialog().getByRole('button', { name: 'Speichern' }));
    await waitFor(async () => expect((await api('catalog.list', {}))[0]?.refillDays).toBeUndefined());

    await user.click(table.getByRole('button', { name: 'Duftkerze Vanille deaktivieren' }));
    await waitFor(() => expect(table.queryByText('Duftkerze Vanille')).not.toBeInTheDocument());
    await user.click(screen.getByRole('switch', { name: 'Inaktive zeigen' }));
    expect(await table.findByText('inaktiv')).toBeInTheDocument();
  });

  it('previews an import with a German reason per bad line, then imports a good file', async () => {
    const user = await open('/followup/catalog');
    await user.click(await screen.findByRole('button', { name: 'Importieren' }));
    await user.upload(screen.getByLabelText('CSV-Datei wählen'), csv('Artikelnummer;Bezeichnung;Kategorie;Preis\nDK-100;Duftkerze;Kerzen;24,90\nDK-101;;Kerzen;12,00\nDK-102;Teelichter;Kerzen;zwölf\n'));
    const errors = await screen.findByRole('alert');
    expect(within(errors).getByText(/^Zeile 3:/)).toBeInTheDocument();
    expect(within(errors).getByText(/^Zeile 4:/)).toBeInTheDocument();
    expect(errors).not.toHaveTextContent(/validation\.|errors\./);
    expect(screen.getByRole('button', { name: /importieren$/ })).toBeDisabled();

    await user.upload(screen.getByLabelText('CSV-Datei wählen'), csv('Artikelnummer;Bezeichnung;Kategorie;Preis\nDK-100;Duftkerze;Kerzen;24,90\nSET-1;Geschenkset;Sets;1.249,00\n'));
    const preview = within(await screen.findByRole('table', { name: 'Vorschau' }));
    expect(await preview.findByText('Geschenkset')).toBeInTheDocument();
    expect(preview.getByText(/^1\.249,00\s€$/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '2 Produkte importieren' }));

    expect(await screen.findByRole('table', { name: 'Produkte' })).toBeInTheDocument();
    expect((await api('catalog.list', {})).map((product) => product.sku).sort()).toEqual(['DK-100', 'SET-1']);
  });
});
