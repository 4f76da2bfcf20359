import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RecoveryScreen } from '../../renderer/views/recovery/RecoveryScreen';
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
    file: 'contacts/part-03.json',
    reason: 'Unexpected end of JSON input',
  };

  it('names the broken file, the reason, the folder and the backup, and says nothing was overwritten', () => {
    render(
      <MantineProvider env="test">
        <RecoveryScreen status={{ ...status, backup: 'backups/2026-03-14T19-30-00' }} />
      </MantineProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Eine Datendatei lässt sich nicht lesen' })).toBeInTheDocument();
    expect(screen.getByText('Es wurde nichts überschrieben: Alle Dateien sind unverändert.')).toBeInTheDocument();
    expect(screen.getByText('contacts/part-03.json')).toBeInTheDocument();
    expect(screen.getByText(/Unexpected end of JSON input/)).toBeInTheDocument();
    expect(screen.getByText('/home/petra/Kundenkreis')).toBeInTheDocument();
    expect(screen.getByText('backups/2026-03-14T19-30-00')).toBeInTheDocument();
    expect(screen.getByText(/aus dem Sicherungsordner in den Datenordner kopieren/)).toBeInTheDocument();
  });

  it('says so when no backup holds a good copy', () => {
    render(
      <MantineProvider env="test">
        <RecoveryScreen status={status} />
      </MantineProvider>,
    );
    expect(screen.getByText('Keine Sicherung mit einer guten Kopie gefunden.')).toBeInTheDocument();
  });
});
