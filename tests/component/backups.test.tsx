import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dialog, useTestApp } from './app';

const { api, open } = useTestApp();

// happy-dom neither makes object URLs nor downloads: the spies keep the file and its name.
let saved: Array<{ name: string; blob: Blob }>;
beforeEach(() => {
  saved = [];
  let blob: Blob | undefined;
  URL.createObjectURL = (made: Blob) => {
    blob = made;
    return 'blob:archive';
  };
  URL.revokeObjectURL = () => {};
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blob! });
  });
});
afterEach(() => vi.restoreAllMocks());

const lastNames = async () => (await api('contacts.list', {})).items.map((contact) => contact.lastName).sort();
const backupRows = () => within(screen.getByRole('table', { name: 'Sicherungen' })).getAllByRole('row').slice(1);

describe('Datensicherung', () => {
  it('is found in the navigation and lists the backups with time, reason and size', async () => {
    await api('contacts.create', { firstName: 'Anna', lastName: 'Adler' });
    await api('backups.create', {});
    const user = await open('/planning');
    await user.click(within(screen.getByRole('navigation')).getByRole('link', { name: 'Datensicherung' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Datensicherung' })).toBeInTheDocument();
    const [row] = await waitFor(() => backupRows());
    expect(within(row!).getByText('Von Hand')).toBeInTheDocument();
    expect(within(row!).getByText(/^\d+ kB$/)).toBeInTheDocument();
    expect(within(row!).getByText(/^\w{2}\., \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/)).toBeInTheDocument();
  });

  it('backs up now', async () => {
    const user = await open('/data');
    expect(await screen.findByText('Noch keine Sicherung vorhanden.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Jetzt sichern' }));
    expect(await screen.findByText('Sicherung angelegt.')).toBeInTheDocument();
    await waitFor(() => expect(backupRows()).toHaveLength(1));
    expect((await api('backups.list', {})).backups).toHaveLength(1);
  });

  it('restores a backup after a confirmation that says the current state is saved first, then shows the app afresh', async () => {
    await api('contacts.create', { firstName: 'Anna', lastName: 'Adler' });
    await api('backups.create', {});
    await api('contacts.create', { firstName: 'Berta', lastName: 'Bauer' });
    const user = await open('/data');
    const [row] = await waitFor(() => backupRows());

    await user.click(within(row!).getByRole('button', { name: /^Sicherung vom .* wiederherstellen$/ }));
    expect(dialog().getByText('Der aktuelle Stand wird vorher gesichert und lässt sich genauso wiederherstellen.')).toBeInTheDocument();
    await user.click(dialog().getByRole('button', { name: 'Abbrechen' }));
    expect(await lastNames()).toEqual(['Adler', 'Bauer']);

    await user.click(within(row!).getByRole('button', { name: /^Sicherung vom .* wiederherstellen$/ }));
    await user.click(dialog().getByRole('button', { name: 'Wiederherstellen' }));
    expect(await screen.findByText(/ist wiederhergestellt\.$/)).toBeInTheDocument();
    await waitFor(() => expect(window.location.hash).toBe('#/planning'));
    expect(await lastNames()).toEqual(['Adler']);
    const { backups } = await api('backups.list', {});
    expect(backups.map((backup) => backup.label)).toEqual(['before-restore', 'manual']);
  });

  it('shows where the backups are when no file manager can open them', async () => {
    const user = await open('/data');
    await user.click(await screen.findByRole('button', { name: 'Ordner öffnen' }));
    const { folder } = await api('backups.list', {});
    expect(await screen.findByText(folder)).toBeInTheDocument();
  });

  it('saves how many backups are kept', async () => {
    const user = await open('/data');
    const keep = await screen.findByRole('textbox', { name: 'Anzahl aufbewahrter Sicherungen' });
    await user.clear(keep);
    await user.type(keep, '3');
    await user.click(screen.getByRole('button', { name: 'Übernehmen' }));
    expect(await screen.findByText('Es werden 3 Sicherungen aufbewahrt.')).toBeInTheDocument();
    expect((await api('settings.get', {})).backupsKept).toBe(3);
  });

  it('exports the data as an archive and takes it back over after confirming what it replaces', async () => {
    await api('contacts.create', { firstName: 'Anna', lastName: 'Adler' });
    const user = await open('/data');
    await user.click(await screen.findByRole('button', { name: 'Daten exportieren (Umzug)' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toMatch(/^kundenkreis-daten-\d{4}-\d{2}-\d{2}\.json\.gz$/);

    await api('contacts.create', { firstName: 'Berta', lastName: 'Bauer' });
    await api('events.create', { title: 'Clubabend', kind: 'club', startsAt: '2026-12-10T19:00:00+01:00' });
    const archive = new File([await saved[0]!.blob.arrayBuffer()], saved[0]!.name, { type: 'application/gzip' });
    await user.upload(screen.getByLabelText('Archivdatei auswählen (.json.gz)'), archive);
    await user.click(screen.getByRole('button', { name: 'Daten importieren' }));

    expect(
      await screen.findByText(`Im Datenordner sind schon Daten (Kontakte: 2, Veranstaltungen: 1). Sie werden durch die Daten aus „${archive.name}“ ersetzt.`),
    ).toBeInTheDocument();
    expect(await lastNames()).toEqual(['Adler', 'Bauer']);
    await user.click(dialog().getByRole('button', { name: 'Ersetzen' }));
    expect(await screen.findByText('Daten übernommen (Kontakte: 1, Veranstaltungen: 0).')).toBeInTheDocument();
    expect(await lastNames()).toEqual(['Adler']);
    await waitFor(() => expect(window.location.hash).toBe('#/planning'));
  });

  it('names what is wrong with a file that is no archive, and changes nothing', async () => {
    await api('contacts.create', { firstName: 'Anna', lastName: 'Adler' });
    const user = await open('/data');
    await user.upload(await screen.findByLabelText('Archivdatei auswählen (.json.gz)'), new File(['Vorname;Nachname'], 'kundenkreis-daten-2026-11-27.json.gz'));
    await user.click(screen.getByRole('button', { name: 'Daten importieren' }));
    expect(await screen.findByText(/kein lesbares Kundenkreis-Archiv/)).toBeInTheDocument();
    expect(await lastNames()).toEqual(['Adler']);
  });
});
