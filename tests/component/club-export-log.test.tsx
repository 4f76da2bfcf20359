import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './app';
import { addMember } from './club-members';

const { api, open } = useTestApp();

const logRows = () =>
  within(screen.getByRole('table', { name: 'Exportprotokoll' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));

describe('Kundenclub: Exportprotokoll', () => {
  it('lists every export newest first with format, purpose, counts and note, and filters them', async () => {
    await api('settings.update', { operatorName: 'Sabine' });
    await addMember(api, { firstName: 'Anna', lastName: 'Becker', consents: ['email'] });
    await addMember(api, { firstName: 'Bernd', lastName: 'Adler' });
    await api('exports.create', { format: 'xlsx', note: 'Liste für den Lieferanten' });
    await api('exports.create', { format: 'csv-excel-de', purpose: 'email' });
    await api('exports.create', { format: 'vcard3', purpose: 'email', includeWithoutConsent: true, note: 'Adventsgruß' });

    const user = await open('/club');
    await user.click(await screen.findByRole('button', { name: 'Exportprotokoll' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Exportprotokoll' })).toBeInTheDocument();
    await screen.findByRole('table', { name: 'Exportprotokoll' });
    expect(logRows().map(([, by, format, purpose, , count, leftOut, note]) => [by, format, purpose, count, leftOut, note])).toEqual([
      ['Sabine', 'vCard 3.0 (Telefone)', 'E-Mail-Aussendungohne Einwilligung exportiert', '2', '0', 'Adventsgruß'],
      ['Sabine', 'CSV für Excel (Deutsch)', 'E-Mail-Aussendung', '1', '1', ''],
      ['Sabine', 'XLSX (Excel)', 'Liste (ohne Werbezweck)', '2', '0', 'Liste für den Lieferanten'],
    ]);

    await user.type(screen.getByRole('searchbox', { name: 'Suchen' }), 'lieferant');
    await waitFor(() => expect(logRows().map((row) => row[2])).toEqual(['XLSX (Excel)']));
    await user.clear(screen.getByRole('searchbox', { name: 'Suchen' }));

    await user.click(screen.getByRole('combobox', { name: 'Wofür?' }));
    await user.click(screen.getByRole('option', { name: 'E-Mail-Aussendung' }));
    await waitFor(() => expect(logRows().map((row) => row[2])).toEqual(['vCard 3.0 (Telefone)', 'CSV für Excel (Deutsch)']));
  });

  it('says when nothing was exported yet', async () => {
    await open('/club/log');
    expect(await screen.findByText('Noch nichts exportiert oder gedruckt.')).toBeInTheDocument();
  });
});
