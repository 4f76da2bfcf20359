import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { dialog, label, useTestApp } from './app';

const { api, open } = useTestApp();

/** The contact page's club section, and one of its facts ("Mitgliedsnummer" → "KC-00001"). */
async function clubSection() {
  const section = within(await screen.findByRole('region', { name: 'Kundenclub' }));
  const fact = (name: string) => section.getByText(name, { selector: 'dt' }).nextElementSibling!;
  return { section, fact };
}

describe('Kontaktseite: Kundenclub', () => {
  it('takes a contact into the club and shows her new member number', async () => {
    const anna = await api('contacts.create', { firstName: 'Anna', lastName: 'Becker' });
    const user = await open(`/contacts/${anna.id}`);
    const { section, fact } = await clubSection();
    expect(await section.findByText('Noch kein Mitglied im Kundenclub.')).toBeInTheDocument();

    await user.click(section.getByRole('button', { name: 'In den Kundenclub aufnehmen' }));

    expect(await screen.findByText('Aufgenommen mit der Mitgliedsnummer KC-00001.')).toBeInTheDocument();
    await waitFor(() => expect(fact('Mitgliedsnummer')).toHaveTextContent('KC-00001'));
    expect(fact('Status')).toHaveTextContent('aktiv');
    expect(fact('Punktestand')).toHaveTextContent('0 Punkte');
    expect((await api('club.member', { contactId: anna.id }))?.member).toMatchObject({ memberNumber: 'KC-00001', status: 'active', source: 'contact' });
  });

  it('books a correction into balance and history, and refuses to redeem more than the balance', async () => {
    const anna = await api('contacts.create', { firstName: 'Anna', lastName: 'Becker' });
    await api('club.join', { contactId: anna.id });
    const user = await open(`/contacts/${anna.id}`);
    const { section, fact } = await clubSection();

    await user.click(await section.findByRole('button', { name: 'Punkte buchen' }));
    await user.type(dialog().getByLabelText(label('Punkte \\(mit Minus zum Abziehen, z\\. B\\. -20\\)')), '50');
    await user.type(dialog().getByLabelText(label('Grund')), 'Willkommen');
    await user.click(dialog().getByRole('button', { name: 'Buchen' }));
    expect(await screen.findByText('Gebucht. Neuer Stand: 50 Punkte.')).toBeInTheDocument();
    await waitFor(() => expect(fact('Punktestand')).toHaveTextContent('50 Punkte'));
    const history = within(section.getByRole('region', { name: 'Punkteverlauf' }));
    const [, row] = history.getAllByRole('row');
    expect(within(row!).getAllByRole('cell').map((cell) => cell.textContent).slice(1)).toEqual(['Korrektur', 'Willkommen', '+50', '50']);

    await user.click(section.getByRole('button', { name: 'Punkte buchen' }));
    await user.click(dialog().getByRole('radio', { name: 'Einlösung' }));
    await user.type(dialog().getByLabelText(label('Eingelöste Punkte')), '80');
    await user.type(dialog().getByLabelText(label('Grund')), 'Gutschein');
    await user.click(dialog().getByRole('button', { name: 'Buchen' }));
    expect(await dialog().findByText('Nicht genug Punkte: Es lassen sich höchstens so viele einlösen, wie auf dem Punktekonto stehen.')).toBeInTheDocument();

    const points = dialog().getByLabelText(label('Eingelöste Punkte'));
    await user.clear(points);
    await user.type(points, '20');
    await user.click(dialog().getByRole('button', { name: 'Buchen' }));
    await waitFor(() => expect(fact('Punktestand')).toHaveTextContent('30 Punkte'));
    const [, newest] = history.getAllByRole('row');
    expect(within(newest!).getAllByRole('cell').map((cell) => cell.textContent).slice(1)).toEqual(['Einlösung', 'Gutschein', '-20', '30']);
    expect((await api('club.member', { contactId: anna.id }))?.ledger.map((entry) => entry.points)).toEqual([50, -20]);
  });

  it('shows the tier and what is missing to the next one: euros by spend, points by points', async () => {
    const anna = await api('contacts.create', { firstName: 'Anna', lastName: 'Becker' });
    await api('club.join', { contactId: anna.id });
    await api('catalog.create', { sku: 'TOPF-1', name: 'Bräter', priceCents: 19_000 });
    await api('orders.create', { contactId: anna.id, lines: [{ sku: 'TOPF-1', quantity: 2 }] });
    await open(`/contacts/${anna.id}`);
    const { fact } = await clubSection();
    // The default tiers: Silber from 250 €, Gold from 500 €.
    await waitFor(() => expect(fact('Stufe')).toHaveTextContent('Silber · noch 120,00 € bis Gold'));
    expect(fact('Umsatz der letzten 12 Monate')).toHaveTextContent('380,00 €');

    await api('club.settings.update', { tierBasis: 'points', tiers: [{ name: 'Bronze', threshold: 0 }, { name: 'Silber', threshold: 300 }, { name: 'Gold', threshold: 460 }] });
    cleanup();
    await open(`/contacts/${anna.id}`);
    const again = await clubSection();
    // One point per euro: 380 points.
    await waitFor(() => expect(again.fact('Stufe')).toHaveTextContent('Silber · noch 80 Punkte bis Gold'));
  });

  it('pauses, ends and renews a membership under the same member number', async () => {
    const first = await api('contacts.create', { firstName: 'Birgit', lastName: 'Schulz' });
    await api('club.join', { contactId: first.id });
    const anna = await api('contacts.create', { firstName: 'Anna', lastName: 'Becker' });
    await api('club.join', { contactId: anna.id });
    const user = await open(`/contacts/${anna.id}`);
    const { section, fact } = await clubSection();
    await waitFor(() => expect(fact('Mitgliedsnummer')).toHaveTextContent('KC-00002'));

    await user.click(section.getByRole('button', { name: 'Pausieren' }));
    await waitFor(() => expect(fact('Status')).toHaveTextContent('pausiert'));
    await user.click(section.getByRole('button', { name: 'Reaktivieren' }));
    await waitFor(() => expect(fact('Status')).toHaveTextContent('aktiv'));

    await user.click(section.getByRole('button', { name: 'Austreten' }));
    expect(dialog().getByText(/Anna Becker tritt aus dem Kundenclub aus/)).toBeInTheDocument();
    await user.click(dialog().getByRole('button', { name: 'Austreten' }));
    await waitFor(() => expect(fact('Status')).toHaveTextContent('ausgetreten'));
    expect(fact('Mitgliedsnummer')).toHaveTextContent('KC-00002');
    expect(section.queryByRole('button', { name: 'Punkte buchen' })).not.toBeInTheDocument();

    await user.click(section.getByRole('button', { name: 'Wieder aufnehmen' }));
    expect(await screen.findByText('Wieder aufgenommen, Mitgliedsnummer KC-00002.')).toBeInTheDocument();
    await waitFor(() => expect(fact('Status')).toHaveTextContent('aktiv'));
    expect((await api('club.member', { contactId: anna.id }))?.member).toMatchObject({ memberNumber: 'KC-00002', status: 'active' });
  });
});
