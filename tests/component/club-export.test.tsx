import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readPrintRequest } from '../../renderer/views/club/printRequest';
import { dialog, useTestApp } from './app';
import { addMember } from './club-members';

const { api, open } = useTestApp();

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// happy-dom neither makes object URLs nor downloads: the spies stand in and keep the file and its name.
let createObjectURL: ReturnType<typeof vi.fn<(blob: Blob) => string>>;
let downloads: string[];
beforeEach(() => {
  sessionStorage.clear();
  createObjectURL = vi.fn((_blob: Blob) => 'blob:export');
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = () => {};
  downloads = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});
afterEach(() => vi.restoreAllMocks());

/** Anna may get e-mails; Bernd and Clara never said so. */
async function membersWithAndWithoutConsent() {
  await addMember(api, { firstName: 'Anna', lastName: 'Becker', email: 'anna@example.de', consents: ['email'] });
  await addMember(api, { firstName: 'Bernd', lastName: 'Adler', email: 'bernd@example.de' });
  await addMember(api, { firstName: 'Clara', lastName: 'Zander', email: 'clara@example.de' });
}

describe('Kundenclub: Export', () => {
  it('leaves out members without consent for an e-mail mailing, says how many, and exports the rest', async () => {
    await membersWithAndWithoutConsent();
    const user = await open('/club');
    await screen.findByText('3 Mitglieder');
    await user.click(screen.getByRole('button', { name: 'Exportieren' }));

    expect(await dialog().findByText('Enthält 3 Mitglieder.')).toBeInTheDocument();
    // A list needs no consent, so there is nothing to override.
    expect(dialog().queryByRole('checkbox', { name: 'Trotzdem alle exportieren (ohne Einwilligung)' })).not.toBeInTheDocument();

    await user.click(dialog().getByRole('radio', { name: 'E-Mail-Aussendung' }));
    expect(await dialog().findByText('2 Mitglieder ohne Einwilligung für E-Mail werden weggelassen.')).toBeInTheDocument();
    expect(await dialog().findByText('Enthält 1 Mitglied.')).toBeInTheDocument();
    const override = dialog().getByRole('checkbox', { name: 'Trotzdem alle exportieren (ohne Einwilligung)' });
    expect(override).not.toBeChecked();

    // Ticking it includes them, with a warning; unticking leaves them out again.
    await user.click(override);
    expect(await dialog().findByText('Enthält 3 Mitglieder.')).toBeInTheDocument();
    expect(dialog().getByText('2 Mitglieder ohne Einwilligung für E-Mail werden trotzdem exportiert.')).toBeInTheDocument();
    expect(dialog().getByText(/Werbung ohne Einwilligung ist in aller Regel nicht erlaubt/)).toBeInTheDocument();
    await user.click(override);
    expect(await dialog().findByText('Enthält 1 Mitglied.')).toBeInTheDocument();

    await user.type(dialog().getByRole('textbox', { name: 'Notiz' }), 'Newsletter Mai');
    await user.click(dialog().getByRole('button', { name: 'Exportieren' }));

    expect(await screen.findByText('1 Mitglied exportiert, 2 ohne Einwilligung weggelassen.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(createObjectURL).toHaveBeenCalledOnce();
    expect(createObjectURL.mock.calls[0]![0].type).toBe(xlsx);
    expect(downloads).toEqual([expect.stringMatching(/\.xlsx$/)]);
    const [entry] = await api('exports.log', {});
    expect(entry).toMatchObject({ format: 'xlsx', purpose: 'email', count: 1, leftOutForConsent: 2, includeWithoutConsent: false, note: 'Newsletter Mai' });
  });

  it('writes exactly the chosen saved view: its filters, columns and order, logged under its name', async () => {
    await membersWithAndWithoutConsent();
    await addMember(api, { firstName: 'Dora', lastName: 'Ober', status: 'paused' });
    await api('club.views.save', {
      name: 'Alle nach Name rückwärts',
      view: { filters: { statuses: ['active', 'paused'] }, columns: ['lastName', 'firstName', 'email'], sort: [{ column: 'lastName', direction: 'desc' }] },
    });
    const user = await open('/club');
    await screen.findByText('3 Mitglieder');
    await user.click(screen.getByRole('combobox', { name: 'Gespeicherte Ansicht' }));
    await user.click(screen.getByRole('option', { name: 'Alle nach Name rückwärts' }));
    await screen.findByText('4 Mitglieder');

    await user.click(screen.getByRole('button', { name: 'Exportieren' }));
    expect(dialog().getByText('Die Ansicht „Alle nach Name rückwärts“ wie gerade gezeigt: ihre Filter, Spalten und Reihenfolge.')).toBeInTheDocument();
    await user.click(dialog().getByRole('combobox', { name: 'Format' }));
    await user.click(screen.getByRole('option', { name: 'CSV Standard (UTF-8, Komma)' }));
    await user.click(dialog().getByRole('button', { name: 'Exportieren' }));

    expect(await screen.findByText('4 Mitglieder exportiert.')).toBeInTheDocument();
    const file = createObjectURL.mock.calls[0]![0];
    expect(file.type).toBe('text/csv');
    expect(downloads).toEqual([expect.stringMatching(/\.csv$/)]);
    const lines = (await file.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    // The standard CSV is for other programs: its header names the columns by their ids.
    expect(lines).toEqual(['lastName,firstName,email', 'Zander,Clara,clara@example.de', 'Ober,Dora,', 'Becker,Anna,anna@example.de', 'Adler,Bernd,bernd@example.de']);
    const [entry] = await api('exports.log', {});
    expect(entry).toMatchObject({ format: 'csv', purpose: 'list', count: 4, viewName: 'Alle nach Name rückwärts' });
  });

  it('opens a printout of the same view with the chosen purpose', async () => {
    await membersWithAndWithoutConsent();
    const user = await open('/club');
    await screen.findByText('3 Mitglieder');
    await user.click(screen.getByRole('button', { name: 'Exportieren' }));
    await user.click(dialog().getByRole('radio', { name: 'Brief' }));
    await user.click(dialog().getByRole('checkbox', { name: 'Ein Eintrag pro Haushalt' }));
    await user.click(dialog().getByRole('button', { name: 'Adressetiketten 3 × 8' }));

    await waitFor(() => expect(window.location.hash).toMatch(/^#\/print\/club\/labels-3x8\?q=/));
    const request = readPrintRequest(new URLSearchParams(window.location.hash.split('?')[1]).get('q'));
    expect(request).toMatchObject({ purpose: 'letter', onePerHousehold: true, includeWithoutConsent: false, view: { filters: { statuses: ['active'] } } });
  });
});
