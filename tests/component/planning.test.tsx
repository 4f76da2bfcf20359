import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { dialog, label, useTestApp } from './app';

const { api, open } = useTestApp();

describe('Planung', () => {
  it('greets an empty data folder with a start screen that can load the demo data', async () => {
    const user = await open();
    expect(await screen.findByRole('heading', { name: 'Willkommen bei Kundenkreis' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Veranstaltung anlegen' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Kontakt anlegen' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Demodaten laden' }));

    expect(await screen.findByText(/^Demodaten geladen:/)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Anstehend' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Demodaten laden' })).not.toBeInTheDocument();
    expect((await api('events.list', {})).length).toBeGreaterThan(0);
  });

  it('creates an event from the form and lists it with kind, place and status', async () => {
    const user = await open();
    await user.click(await screen.findByRole('button', { name: 'Veranstaltung anlegen' }));

    const form = dialog();
    await user.type(form.getByLabelText(label('Titel')), 'Frühlingsparty bei Anna');
    await user.click(form.getByRole('combobox', { name: label('Art') }));
    await user.click(screen.getByRole('option', { name: 'Home-Party' }));
    await user.type(form.getByLabelText(label('Datum')), '14.03.2030');
    await user.type(form.getByLabelText(label('Beginn')), '19:30');
    await user.type(form.getByLabelText(label('Ende')), '22:00');
    await user.type(form.getByLabelText(label('Ort')), 'Kassel, Wohnzimmer');
    await user.type(form.getByLabelText(label('Kapazität')), '12');
    await user.click(form.getByRole('button', { name: 'Speichern' }));

    expect(await screen.findByText('Veranstaltung angelegt.')).toBeInTheDocument();
    const row = (await screen.findByRole('cell', { name: 'Frühlingsparty bei Anna' })).closest('tr')!;
    expect(within(row).getByText('Home-Party')).toBeInTheDocument();
    expect(within(row).getByText('Kassel, Wohnzimmer')).toBeInTheDocument();
    expect(within(row).getByText('Geplant')).toBeInTheDocument();
    expect(within(row).getByText(/14\.03\.2030/)).toBeInTheDocument();

    const [stored] = await api('events.list', {});
    expect(stored).toMatchObject({ kind: 'party', capacity: 12, place: 'Kassel, Wohnzimmer' });
    expect(Date.parse(stored!.startsAt)).toBe(new Date(2030, 2, 14, 19, 30).getTime());
    expect(stored!.startsAt).toMatch(/^2030-03-14T19:30:00[+-]\d\d:\d\d$/);
  });

  it('rejects a day that does not exist under "Datum" and creates nothing', async () => {
    const user = await open();
    await user.click(await screen.findByRole('button', { name: 'Veranstaltung anlegen' }));

    const form = dialog();
    await user.type(form.getByLabelText(label('Titel')), 'Clubabend');
    await user.type(form.getByLabelText(label('Datum')), '30.02.2026');
    await user.type(form.getByLabelText(label('Beginn')), '19:30');
    await user.click(form.getByRole('button', { name: 'Speichern' }));

    const date = form.getByLabelText(label('Datum'));
    await waitFor(() => expect(date).toHaveAccessibleDescription('Dieses Datum gibt es nicht'));
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(await api('events.list', {})).toEqual([]);
  });

  it('shows every field error at once, in German', async () => {
    const user = await open();
    await user.click(await screen.findByRole('button', { name: 'Veranstaltung anlegen' }));

    const form = dialog();
    await user.type(form.getByLabelText(label('Datum')), '1.4.2030');
    await user.type(form.getByLabelText(label('Beginn')), '20:00');
    await user.type(form.getByLabelText(label('Ende')), '18:00');
    await user.type(form.getByLabelText(label('Kapazität')), '0');
    await user.click(form.getByRole('button', { name: 'Speichern' }));

    await waitFor(() => expect(form.getByLabelText(label('Titel'))).toHaveAccessibleDescription('Pflichtfeld'));
    expect(form.getByLabelText(label('Ende'))).toHaveAccessibleDescription('Ende liegt vor dem Beginn');
    expect(form.getByLabelText(label('Kapazität'))).toHaveAccessibleDescription('Zwischen 1 und 10.000 Plätzen');
    expect(await api('events.list', {})).toEqual([]);
  });

  it('edits an event from the agenda and cancels it on its page with a reason', async () => {
    await api('contacts.create', { firstName: 'Anna', lastName: 'Becker' });
    await api('events.create', { title: 'Präsentation Herbst', kind: 'presentation', startsAt: '2030-10-02T19:00:00+02:00' });
    const user = await open();

    await user.click(await screen.findByRole('button', { name: 'Präsentation Herbst bearbeiten' }));
    const form = dialog();
    const title = await form.findByLabelText(label('Titel'));
    expect(form.getByLabelText(label('Datum'))).toHaveValue('02.10.2030');
    await user.clear(title);
    await user.type(title, 'Herbstpräsentation');
    await user.click(form.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Herbstpräsentation' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Veranstaltung absagen' }));
    const confirm = dialog();
    await user.type(confirm.getByLabelText('Grund (optional)'), 'Gastgeberin krank');
    await user.click(confirm.getByRole('button', { name: 'Veranstaltung absagen' }));

    expect(await screen.findByText('Abgesagt: Gastgeberin krank')).toBeInTheDocument();
    const [stored] = await api('events.list', {});
    expect(stored).toMatchObject({ title: 'Herbstpräsentation', status: 'cancelled', cancelReason: 'Gastgeberin krank' });
  });

  it('lists upcoming events soonest first, then past ones most recent first', async () => {
    const event = (title: string, startsAt: string) => api('events.create', { title, kind: 'club', startsAt });
    await event('Clubabend 2020', '2020-05-05T19:00:00+02:00');
    await event('Clubabend 2031', '2031-05-05T19:00:00+02:00');
    await event('Clubabend 2021', '2021-05-05T19:00:00+02:00');
    await event('Clubabend 2030', '2030-05-05T19:00:00+02:00');
    await open();

    const upcoming = within(await screen.findByRole('region', { name: 'Anstehend' }));
    const past = within(screen.getByRole('region', { name: 'Vergangen' }));
    const titles = (section: typeof upcoming) => section.getAllByRole('row').slice(1).map((row) => (row as HTMLTableRowElement).cells[2]?.textContent);
    expect(titles(upcoming)).toEqual(['Clubabend 2030', 'Clubabend 2031']);
    expect(titles(past)).toEqual(['Clubabend 2021', 'Clubabend 2020']);
    expect(upcoming.getAllByText('Kundenclub-Abend')).toHaveLength(2);
  });

  it('opens the new-event form with Ctrl+Shift+E from any view', async () => {
    const user = await open('/contacts');
    await user.keyboard('{Control>}{Shift>}E{/Shift}{/Control}');
    expect(await screen.findByRole('dialog', { name: 'Veranstaltung anlegen' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Planung' })).toBeInTheDocument();
  });
});
