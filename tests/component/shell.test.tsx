import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contactShardOf, paths } from '../../electron/store/documents';
import { createQueryClient } from '../../renderer/api/queries';
import { App } from '../../renderer/App';
import { RecoveryScreen } from '../../renderer/views/recovery/RecoveryScreen';
import { startTestBackend } from '../helpers/backend';
import { useTestApp } from './app';

const { open } = useTestApp();

describe('App shell', () => {
  it('names every section in the navigation and marks the current one', async () => {
    await open('/contacts');
    const nav = within(screen.getByRole('navigation', { name: 'Hauptnavigation' }));
    for (const name of ['Planung', 'Check-in', 'Nachbereitung', 'Kundenclub', 'Kontakte', 'Einstellungen']) {
      expect(nav.getByRole('link', { name })).toBeInTheDocument();
    }
    expect(nav.getByRole('link', { name: 'Kontakte' })).toHaveAttribute('aria-current', 'page');
    expect(nav.getByText('Neue Veranstaltung')).toBeInTheDocument();
  });

  it.each([
    ['/checkin', 'Einlass am Veranstaltungstag', 'Zur Planung', 'Planung'],
    ['/followup', 'Keine offenen Aufgaben', 'Zur Planung', 'Planung'],
    ['/club', 'Noch keine Mitglieder', 'Zu den Kontakten', 'Kontakte'],
  ])('explains what %s will hold and leads on instead of a blank page', async (route, title, action, target) => {
    const user = await open(route);
    expect(await screen.findByRole('heading', { name: title })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: action }));
    expect(await screen.findByRole('heading', { level: 1, name: target })).toBeInTheDocument();
  });
});

describe('Recovery screen', () => {
  const status = {
    state: 'recovery' as const,
    version: '0.1.0',
    dataDir: '/home/petra/Kundenkreis',
    broken: [
      { file: 'contacts/3f.json', reason: 'not valid JSON (Unexpected end of JSON input)', backup: 'backups/2026-03-14T19-30-00-000Z' },
      { file: 'events/Herbstparty01.json', reason: 'does not match the expected structure (event.title: Pflichtfeld)', backup: 'backups/2026-03-13T08-00-00-000Z' },
    ],
  };
  const renderScreen = (shown: typeof status) =>
    render(
      <MantineProvider env="test">
        <QueryClientProvider client={createQueryClient()}>
          <RecoveryScreen status={shown} />
        </QueryClientProvider>
      </MantineProvider>,
    );

  it('names every broken file with its reason and the backup holding a good copy, and says nothing was overwritten', () => {
    renderScreen(status);
    expect(screen.getByRole('heading', { name: 'Datendateien lassen sich nicht lesen' })).toBeInTheDocument();
    expect(screen.getByText('Es wurde nichts überschrieben: Alle Dateien sind unverändert.')).toBeInTheDocument();
    expect(screen.getByText('/home/petra/Kundenkreis')).toBeInTheDocument();
    const rows = within(screen.getByRole('table', { name: 'Beschädigte Dateien' })).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'contacts/3f.jsonnot valid JSON (Unexpected end of JSON input)backups/2026-03-14T19-30-00-000Z',
      'events/Herbstparty01.jsondoes not match the expected structure (event.title: Pflichtfeld)backups/2026-03-13T08-00-00-000Z',
    ]);
    expect(screen.getByRole('button', { name: 'Diese Kopien wiederherstellen' })).toBeInTheDocument();
  });

  it('offers no restore when a file has no good copy, and says what to do instead', () => {
    renderScreen({ ...status, broken: [status.broken[0]!, { file: 'settings.json', reason: 'not valid JSON' }] as typeof status.broken });
    expect(screen.getByText('Keine Sicherung mit einer guten Kopie')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Diese Kopien wiederherstellen' })).not.toBeInTheDocument();
    expect(screen.getByText(/aus einer eigenen Sicherung ersetzen/)).toBeInTheDocument();
  });

  it('restores the good copies and opens the app with the data back', async () => {
    const backend = await startTestBackend();
    try {
      const call = async (operation: string, input: unknown) => {
        const envelope = await backend.bridge.call(operation, input);
        if (!envelope.ok) throw new Error(envelope.error.message);
        return envelope.data as { id: string };
      };
      const anna = await call('contacts.create', { firstName: 'Anna', lastName: 'Adler' });
      await call('backups.create', {});
      await writeFile(join(backend.dataDir, paths.contactShard(contactShardOf(anna.id))), '{"schemaVersion":2,"contacts":{');
      await backend.reopen();
      window.kundenkreis = backend.bridge;
      window.location.hash = '#/contacts';
      const user = userEvent.setup();
      render(<App env="test" />);

      await user.click(await screen.findByRole('button', { name: 'Diese Kopien wiederherstellen' }));
      expect(await screen.findByRole('link', { name: 'Anna Adler' }, { timeout: 5000 })).toBeInTheDocument();
    } finally {
      await backend.close();
    }
  });
});
