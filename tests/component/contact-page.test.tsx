import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { dialog, label, useTestApp } from './app';

const { api, open } = useTestApp();

describe('Kontaktliste: Filter', () => {
  it('narrows the list by tag, place and e-mail, and resets', async () => {
    await api('contacts.create', { firstName: 'Anna', lastName: 'Becker', city: 'Dresden', postalCode: '01067', tags: ['Kundenclub'], email: 'anna@example.de' });
    await api('contacts.create', { firstName: 'Birgit', lastName: 'Schulz', city: 'Kassel', postalCode: '34117', tags: ['Kundenclub'] });
    await api('contacts.create', { firstName: 'Carla', lastName: 'Wolf', city: 'Dresden', postalCode: '01069' });
    const user = await open('/contacts');
    await screen.findByText('3 Kontakte');

    await user.click(screen.getByRole('combobox', { name: 'Tags' }));
    await user.click(await screen.findByRole('option', { name: 'Kundenclub (2)' }));
    expect(await screen.findByText('2 Kontakte')).toBeInTheDocument();
    expect(screen.queryByRole('cell', { name: 'Carla Wolf' })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('Ort oder PLZ'), '01');
    expect(await screen.findByText('1 Kontakt')).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Anna Becker' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Filter zurücksetzen' }));
    await user.click(screen.getByRole('checkbox', { name: 'mit E-Mail' }));
    expect(await screen.findByText('1 Kontakt')).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Anna Becker' })).toBeInTheDocument();
  });
});

describe('Kontaktseite', () => {
  it('shows the recommendation chain both ways, each a link', async () => {
    const anna = await api('contacts.create', { firstName: 'Anna', lastName: 'Becker' });
    const birgit = await api('contacts.create', { firstName: 'Birgit', lastName: 'Schulz', referredBy: anna.id });
    const carla = await api('contacts.create', { firstName: 'Carla', lastName: 'Wolf', referredBy: birgit.id });
    const user = await open(`/contacts/${carla.id}`);

    const recommendations = within(await screen.findByRole('region', { name: 'Empfehlungen' }));
    expect(await recommendations.findByText(/Empfohlen von:/)).toHaveTextContent('Empfohlen von: Birgit Schulz ← Anna Becker');
    expect(recommendations.getByText(/Hat empfohlen:/)).toHaveTextContent('Hat empfohlen: niemand');

    await user.click(recommendations.getByRole('link', { name: 'Birgit Schulz' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Birgit Schulz' })).toBeInTheDocument();
    const birgitsPage = within(await screen.findByRole('region', { name: 'Empfehlungen' }));
    expect(await birgitsPage.findByRole('link', { name: 'Carla Wolf' })).toBeInTheDocument();
    expect(birgitsPage.getByText(/Empfohlen von:/)).toHaveTextContent('Empfohlen von: Anna Becker');
  });

  it('sets and clears "Empfohlen von" with the searchable picker', async () => {
    await api('contacts.create', { firstName: 'Sabine', lastName: 'Meier' });
    const jana = await api('contacts.create', { firstName: 'Jana', lastName: 'Özdemir' });
    const user = await open(`/contacts/${jana.id}/edit`);

    const form = dialog();
    await user.type(await form.findByRole('combobox', { name: 'Empfohlen von' }), 'Meyer');
    await user.click(await screen.findByRole('option', { name: /Sabine Meier/ }));
    await user.click(form.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Kontakt gespeichert.')).toBeInTheDocument();
    await waitFor(async () => expect((await api('contacts.get', { id: jana.id })).referredBy).toBeDefined());

    await user.click(screen.getByRole('button', { name: 'Bearbeiten' }));
    const again = dialog();
    await waitFor(() => expect(again.getByRole('combobox', { name: 'Empfohlen von' })).toHaveValue('Sabine Meier'));
    await user.clear(again.getByRole('combobox', { name: 'Empfohlen von' }));
    await user.click(again.getByRole('button', { name: 'Speichern' }));
    await waitFor(async () => expect((await api('contacts.get', { id: jana.id })).referredBy).toBeUndefined());
  });

  it('records consent with the standard wording and lists it in the log', async () => {
    const anna = await api('contacts.create', { firstName: 'Anna', lastName: 'Becker', email: 'anna@example.de' });
    const user = await open(`/contacts/${anna.id}`);

    await user.click(await screen.findByRole('button', { name: 'Einwilligung erfassen' }));
    const form = dialog();
    expect(form.getByLabelText(label('Wortlaut'))).toHaveValue(
      'Ich bin damit einverstanden, Informationen zu Angeboten und Veranstaltungen per E-Mail zu erhalten. Diese Einwilligung kann ich jederzeit widerrufen.',
    );
    await user.click(form.getByRole('button', { name: 'Speichern' }));

    const log = within(await screen.findByRole('region', { name: 'Einwilligungen' }));
    const row = (await log.findByRole('cell', { name: 'erteilt' })).closest('tr')!;
    expect(within(row).getByText('E-Mail')).toBeInTheDocument();
    expect(within(row).getByText('Werbung')).toBeInTheDocument();
    expect(within(row).getByText('Formular')).toBeInTheDocument();
    const [stored] = (await api('contacts.get', { id: anna.id })).consents;
    expect(stored).toMatchObject({ channel: 'email', purpose: 'marketing', granted: true, source: 'form' });

    // The filter "E-Mail-Werbung erlaubt" now finds her.
    expect((await api('contacts.list', { consent: { channel: 'email', purpose: 'marketing' } })).total).toBe(1);
  });

  it('shows the events the person was invited to, with the reply, linking to the event', async () => {
    const anna = await api('contacts.create', { firstName: 'Anna', lastName: 'Becker' });
    const event = await api('events.create', { title: 'Frühlingsparty', kind: 'party', startsAt: '2030-03-14T19:30:00+01:00' });
    const { added } = await api('invitations.add', { eventId: event.id, contactIds: [anna.id] });
    await api('invitations.setRsvp', { invitationId: added[0]!.id, rsvp: 'yes', plusOnes: 1 });
    const user = await open(`/contacts/${anna.id}`);

    const history = within(await screen.findByRole('region', { name: 'Veranstaltungen' }));
    const row = (await history.findByRole('link', { name: 'Frühlingsparty' })).closest('tr')!;
    expect(within(row).getByText('zugesagt')).toBeInTheDocument();
    await user.click(within(row).getByRole('link', { name: 'Frühlingsparty' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Frühlingsparty' })).toBeInTheDocument();
  });
});

describe('Dubletten', () => {
  it('merges a group into the contact chosen to keep, and the group disappears', async () => {
    await api('contacts.create', { firstName: 'Anna', lastName: 'Becker', email: 'anna@example.de' });
    const second = await api('contacts.create', { firstName: 'Anna', lastName: 'Becker-Wolf', email: 'anna@example.de', phone: '0561 1' });
    await api('contacts.create', { firstName: 'Birgit', lastName: 'Schulz' });
    const user = await open('/contacts');

    await user.click(await screen.findByRole('button', { name: 'Dubletten prüfen' }));
    const group = within(await screen.findByRole('region', { name: 'Anna Becker, Anna Becker-Wolf' }));
    expect(group.getByText('gleiche E-Mail')).toBeInTheDocument();
    await user.click(group.getByRole('radio', { name: /Anna Becker-Wolf/ }));
    await user.click(group.getByRole('button', { name: 'Zusammenführen' }));
    await user.click(dialog().getByRole('button', { name: 'Kontakt zusammenführen' }));

    expect(await screen.findByText('Keine möglichen Dubletten gefunden.')).toBeInTheDocument();
    const { items, total } = await api('contacts.list', {});
    expect(total).toBe(2);
    expect(items.map((contact) => contact.id)).toContain(second.id);
  });
});
