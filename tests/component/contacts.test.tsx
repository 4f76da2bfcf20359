import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { dialog, label, useTestApp } from './app';

const { api, open, bridge } = useTestApp();

describe('Kontakte', () => {
  it('creates a contact that then appears in the list', async () => {
    const user = await open('/contacts');
    await user.click(await screen.findByRole('button', { name: 'Kontakt anlegen' }));

    const form = dialog();
    await user.type(form.getByLabelText(label('Vorname')), 'Jana');
    await user.type(form.getByLabelText(label('Nachname')), 'Özdemir');
    await user.type(form.getByLabelText(label('E-Mail')), 'Jana.Oezdemir@example.de');
    await user.type(form.getByLabelText(label('Telefon')), '0561 123456');
    await user.type(form.getByLabelText(label('Straße')), 'Königsplatz 1');
    await user.type(form.getByLabelText(label('PLZ')), '01067');
    await user.type(form.getByLabelText(label('Ort')), 'Dresden');
    await user.type(form.getByLabelText(label('Geburtstag')), '14.03.');
    await user.click(form.getByRole('button', { name: 'Speichern' }));

    expect(await screen.findByText('Kontakt angelegt.')).toBeInTheDocument();
    const row = (await screen.findByRole('cell', { name: 'Jana Özdemir' })).closest('tr')!;
    expect(within(row).getByText('jana.oezdemir@example.de')).toBeInTheDocument();
    expect(within(row).getByText('0561 123456')).toBeInTheDocument();
    expect(within(row).getByText('01067 Dresden')).toBeInTheDocument();
    expect(within(row).getByText('14.03.')).toBeInTheDocument();

    const { items } = await api('contacts.list', {});
    expect(items[0]).toMatchObject({ postalCode: '01067', birthday: '--03-14' });
  });

  it('shows German field errors and saves nothing while the input is invalid', async () => {
    const user = await open('/contacts');
    await user.click(await screen.findByRole('button', { name: 'Kontakt anlegen' }));

    const form = dialog();
    await user.type(form.getByLabelText(label('Vorname')), 'Jana');
    await user.type(form.getByLabelText(label('E-Mail')), 'jana@');
    await user.type(form.getByLabelText(label('Geburtstag')), '31.02.1990');
    await user.click(form.getByRole('button', { name: 'Speichern' }));

    await waitFor(() => expect(form.getByLabelText(label('Nachname'))).toHaveAccessibleDescription('Pflichtfeld'));
    expect(form.getByLabelText(label('E-Mail'))).toHaveAccessibleDescription('Keine gültige E-Mail-Adresse');
    expect(form.getByLabelText(label('Geburtstag'))).toHaveAccessibleDescription('Geburtstag als TT.MM.JJJJ oder TT.MM. eingeben');
    expect((await api('contacts.list', {})).total).toBe(0);
  });

  it('searches as one types, the server doing the matching', async () => {
    await api('contacts.create', { firstName: 'Anna', lastName: 'Becker', city: 'Kassel' });
    await api('contacts.create', { firstName: 'Birgit', lastName: 'Schulz', city: 'Fulda' });
    const user = await open('/contacts');
    expect(await screen.findByRole('cell', { name: 'Anna Becker' })).toBeInTheDocument();
    expect(screen.getByText('2 Kontakte')).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Kontakte suchen' }), 'schul');

    await waitFor(() => expect(screen.queryByRole('cell', { name: 'Anna Becker' })).not.toBeInTheDocument());
    expect(screen.getByRole('cell', { name: 'Birgit Schulz' })).toBeInTheDocument();
    expect(screen.getByText('1 Kontakt')).toBeInTheDocument();

    await user.clear(screen.getByRole('searchbox', { name: 'Kontakte suchen' }));
    await user.type(screen.getByRole('searchbox', { name: 'Kontakte suchen' }), 'niemand');
    expect(await screen.findByText('Kein Kontakt passt zu „niemand“.')).toBeInTheDocument();
  });

  it('renders only the rows in view of a long list, fetching the page scrolled to', async () => {
    for (let i = 1; i <= 250; i++) await api('contacts.create', { firstName: 'Gast', lastName: String(i).padStart(3, '0') });
    await open('/contacts');
    await screen.findByText('250 Kontakte');
    expect(await screen.findByRole('cell', { name: 'Gast 001' })).toBeInTheDocument();
    expect(screen.getAllByRole('row').length).toBeLessThan(60);

    const list = screen.getByRole('region', { name: 'Kontaktliste' });
    list.scrollTop = 45 * 220;
    fireEvent.scroll(list);

    expect(await screen.findByRole('cell', { name: 'Gast 221' })).toBeInTheDocument();
    expect(screen.queryByRole('cell', { name: 'Gast 001' })).not.toBeInTheDocument();
  });

  it('edits a contact, keeping the birthday notation', async () => {
    await api('contacts.create', { firstName: 'Anna', lastName: 'Becker', birthday: '1985-03-14', phone: '0561 1' });
    const user = await open('/contacts');

    await user.click(await screen.findByRole('link', { name: 'Anna Becker' }));
    await user.click(await screen.findByRole('button', { name: 'Bearbeiten' }));
    const form = dialog();
    const birthday = await form.findByLabelText(label('Geburtstag'));
    expect(birthday).toHaveValue('14.03.1985');
    await user.clear(form.getByLabelText(label('Telefon')));
    await user.clear(form.getByLabelText(label('Nachname')));
    await user.type(form.getByLabelText(label('Nachname')), 'Becker-Wolf');
    await user.click(form.getByRole('button', { name: 'Speichern' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Anna Becker-Wolf' })).toBeInTheDocument();
    const { items } = await api('contacts.list', {});
    expect(items[0]).toMatchObject({ lastName: 'Becker-Wolf', birthday: '1985-03-14' });
    expect(items[0]!.phone).toBeUndefined();
  });

  it('opens the new-contact form with Ctrl+Shift+K, even from a text field', async () => {
    await api('contacts.create', { firstName: 'Anna', lastName: 'Becker' });
    const user = await open('/contacts');
    await user.click(await screen.findByRole('searchbox', { name: 'Kontakte suchen' }));
    await user.keyboard('{Control>}{Shift>}K{/Shift}{/Control}');
    expect(await screen.findByRole('dialog', { name: 'Kontakt anlegen' })).toBeInTheDocument();
  });

  it("shows the main process's validation errors on the fields, like its own", async () => {
    // Stands in for a main process with stricter rules than this renderer: the input is
    // changed on the way, and the real dispatcher answers with a VALIDATION error.
    const real = bridge();
    window.kundenkreis = {
      call: (operation, input) =>
        real.call(operation, operation === 'contacts.create' ? { ...(input as object), email: 'not-an-address' } : input),
    };
    const user = await open('/contacts');
    await user.click(await screen.findByRole('button', { name: 'Kontakt anlegen' }));

    const form = dialog();
    await user.type(form.getByLabelText(label('Vorname')), 'Jana');
    await user.type(form.getByLabelText(label('Nachname')), 'Özdemir');
    await user.click(form.getByRole('button', { name: 'Speichern' }));

    await waitFor(() => expect(form.getByLabelText(label('E-Mail'))).toHaveAccessibleDescription('Keine gültige E-Mail-Adresse'));
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect((await api('contacts.list', {})).total).toBe(0);
  });
});
