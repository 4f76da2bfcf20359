import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { label, useTestApp } from './app';

/**
 * Encryption at rest in the renderer against the real backend: the section in
 * Einstellungen, and the unlock screen after a restart.
 */
const { api, open, reopen } = useTestApp();
const renderApp = (route: string) => open(route, { waitForNavigation: false });

const passphrase = 'Lindenblüte im Mai 2026';
const nextPassphrase = 'Kastanienallee 17, Hinterhaus';
const wrongPassphrase = 'Das Passwort stimmt nicht. Bitte noch einmal eingeben und auf Groß- und Kleinschreibung achten.';

describe('Verschlüsselung in Einstellungen', () => {
  it('turns encryption on with the password typed twice alike, after warning that it cannot be recovered', async () => {
    const user = await renderApp('/settings');
    const section = within(await screen.findByRole('region', { name: 'Verschlüsselung' }));
    expect(await section.findByText(/Die Daten sind nicht verschlüsselt/)).toBeInTheDocument();
    await user.click(section.getByRole('button', { name: 'Verschlüsselung einschalten' }));

    const dialog = within(await screen.findByRole('dialog', { name: 'Verschlüsselung einschalten' }));
    expect(dialog.getByText(/Ein vergessenes Passwort lässt sich nicht wiederherstellen/)).toBeInTheDocument();
    expect(dialog.getByText(/Auch alle vorhandenen und künftigen Sicherungen werden verschlüsselt/)).toBeInTheDocument();
    const first = dialog.getByLabelText(label('Passwort'));
    await waitFor(() => expect(first).toHaveFocus());

    await user.type(first, 'zu kurz');
    await user.type(dialog.getByLabelText(label('Passwort wiederholen')), 'zu kurz');
    await user.click(dialog.getByRole('button', { name: 'Verschlüsselung einschalten' }));
    expect(await dialog.findByText('Mindestens 10 Zeichen')).toBeInTheDocument();

    await user.clear(first);
    await user.type(first, passphrase);
    await user.click(dialog.getByRole('button', { name: 'Verschlüsselung einschalten' }));
    expect(await dialog.findByText('Die beiden Passwörter stimmen nicht überein')).toBeInTheDocument();
    expect(await api('encryption.status', {})).toEqual({ enabled: false });

    await user.clear(dialog.getByLabelText(label('Passwort wiederholen')));
    await user.type(dialog.getByLabelText(label('Passwort wiederholen')), passphrase);
    await user.click(dialog.getByRole('button', { name: 'Verschlüsselung einschalten' }));

    expect(await screen.findByText('Die Verschlüsselung ist eingeschaltet.', undefined, { timeout: 15_000 })).toBeInTheDocument();
    expect(await section.findByText(/Die Daten und alle Sicherungen sind mit einem Passwort verschlüsselt/)).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await api('encryption.status', {})).toEqual({ enabled: true });
  });

  it('changes the password only with the right current one, then turns encryption off with the new one', async () => {
    await api('encryption.enable', { passphrase });
    const user = await renderApp('/settings');
    const section = within(await screen.findByRole('region', { name: 'Verschlüsselung' }));
    await user.click(await section.findByRole('button', { name: 'Passwort ändern' }));

    let dialog = within(await screen.findByRole('dialog', { name: 'Passwort ändern' }));
    const current = dialog.getByLabelText(label('Aktuelles Passwort'));
    await user.type(current, 'Lindenblüte im Juni 2026');
    await user.type(dialog.getByLabelText(label('Neues Passwort')), nextPassphrase);
    await user.type(dialog.getByLabelText(label('Passwort wiederholen')), nextPassphrase);
    await user.click(dialog.getByRole('button', { name: 'Passwort ändern' }));
    expect(await dialog.findByText(wrongPassphrase, undefined, { timeout: 15_000 })).toBeInTheDocument();
    expect(current).toHaveAccessibleDescription(wrongPassphrase);

    await user.clear(current);
    await user.type(current, passphrase);
    await user.click(dialog.getByRole('button', { name: 'Passwort ändern' }));
    expect(await screen.findByText('Das Passwort wurde geändert.', undefined, { timeout: 15_000 })).toBeInTheDocument();

    await user.click(section.getByRole('button', { name: 'Verschlüsselung ausschalten' }));
    dialog = within(await screen.findByRole('dialog', { name: 'Verschlüsselung ausschalten' }));
    // The old password no longer fits.
    await user.type(dialog.getByLabelText(label('Aktuelles Passwort')), passphrase);
    await user.click(dialog.getByRole('button', { name: 'Verschlüsselung ausschalten' }));
    expect(await dialog.findByText(wrongPassphrase, undefined, { timeout: 15_000 })).toBeInTheDocument();
    await user.clear(dialog.getByLabelText(label('Aktuelles Passwort')));
    await user.type(dialog.getByLabelText(label('Aktuelles Passwort')), nextPassphrase);
    await user.click(dialog.getByRole('button', { name: 'Verschlüsselung ausschalten' }));

    expect(await screen.findByText('Die Verschlüsselung ist ausgeschaltet.', undefined, { timeout: 15_000 })).toBeInTheDocument();
    expect(await section.findByText(/Die Daten sind nicht verschlüsselt/)).toBeInTheDocument();
    expect(await api('encryption.status', {})).toEqual({ enabled: false });
  });
});

describe('unlock screen', () => {
  it('asks for the password at start, says so at the field when it is wrong, and opens the app with the right one', async () => {
    await api('contacts.create', { firstName: 'Wilhelmine', lastName: 'Schwarzenbeck' });
    await api('encryption.enable', { passphrase });
    await reopen();

    const user = await renderApp('/contacts');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kundenkreis entsperren' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    const field = screen.getByLabelText(label('Passwort'));
    expect(field).toHaveFocus();

    await user.type(field, 'Lindenblüte im Juni 2026{Enter}');
    expect(await screen.findByText(wrongPassphrase, undefined, { timeout: 15_000 })).toBeInTheDocument();
    expect(field).toHaveAccessibleDescription(wrongPassphrase);
    expect(field).toHaveValue('Lindenblüte im Juni 2026');
    expect(field).toHaveFocus();
    expect(await api('app.status', {})).toMatchObject({ state: 'locked' });

    await user.clear(field);
    await user.type(field, `${passphrase}{Enter}`);
    expect(await screen.findByRole('navigation', undefined, { timeout: 15_000 })).toBeInTheDocument();
    expect(await screen.findByText('Schwarzenbeck', { exact: false })).toBeInTheDocument();
  });
});
