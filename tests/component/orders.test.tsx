import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { toIsoWithOffset } from '../../renderer/forms/dates';
import { dialog, useTestApp } from './app';

const { api, open } = useTestApp();

/** A party with a host, three guests (two of them there) and a small catalog. */
async function party() {
  const host = await api('contacts.create', { firstName: 'Petra', lastName: 'Schulz' });
  const event = await api('events.create', { title: 'Party bei Petra', kind: 'party', startsAt: toIsoWithOffset('2030-03-14', '19:30'), hostId: host.id });
  const guests = [];
  for (const [firstName, lastName] of [['Anna', 'Becker'], ['Birgit', 'Wolf'], ['Carla', 'Neumann']] as const) guests.push(await api('contacts.create', { firstName, lastName }));
  const { added } = await api('invitations.add', { eventId: event.id, contactIds: guests.map((guest) => guest.id) });
  for (const invitation of added.slice(0, 2)) await api('checkin.checkIn', { eventId: event.id, invitationId: invitation.id });
  for (const [sku, name, priceCents] of [['DK-100', 'Duftkerze Vanille, groß', 2490], ['PF-001', 'Handcreme Ringelblume 75 ml', 1240], ['KH-050', 'Frischhaltedosen-Set (5-teilig)', 5900]] as const) {
    await api('catalog.create', { sku, name, priceCents });
  }
  return { host, event, guests };
}

const orders = () => within(screen.getByRole('table', { name: 'Bestellungen der Veranstaltung' }));
const reward = () => screen.getByRole('status', { name: 'Gastgeberin-Bonus' });

describe('Bestellungen erfassen', () => {
  it('enters a paper order form by keyboard: guest, article numbers, quantity, price, discount, Ctrl+Enter', async () => {
    const { event } = await party();
    const user = await open(`/planning/${event.id}`);

    const guest = await screen.findByRole('combobox', { name: 'Gast' });
    await user.click(guest);
    // Guests who came are offered first.
    expect(await screen.findByRole('option', { name: 'Anna Becker' })).toBeInTheDocument();
    await user.type(guest, 'Anna{Enter}');
    const article = screen.getByRole('combobox', { name: 'Artikel' });
    await waitFor(() => expect(article).toHaveFocus());

    await user.keyboard('DK-100{Enter}');
    const quantity = screen.getByRole('textbox', { name: 'Menge' });
    await waitFor(() => expect(quantity).toHaveFocus());
    expect(screen.getByRole('textbox', { name: 'Einzelpreis' })).toHaveValue('24,90');
    await user.keyboard('2{Enter}');
    await waitFor(() => expect(article).toHaveFocus());

    // A changed price and a discount: 3 × 12,00 € less 10 % = 32,40 €.
    await user.keyboard('PF-001{Enter}');
    await waitFor(() => expect(quantity).toHaveFocus());
    await user.keyboard('3{Tab}');
    await user.clear(screen.getByRole('textbox', { name: 'Einzelpreis' }));
    await user.keyboard('12{Tab}10{Enter}');
    expect(await screen.findByText('Summe: 82,20 €')).toBeInTheDocument();

    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('Bestellung von Anna Becker gespeichert: 82,20 €')).toBeInTheDocument();
    await waitFor(() => expect(guest).toHaveFocus());
    expect(guest).toHaveValue('');

    const row = within(await orders().findByRole('row', { name: /Anna Becker/ }));
    expect(row.getByText('2 × DK-100, 3 × PF-001')).toBeInTheDocument();
    expect(row.getAllByText('82,20 €')).toHaveLength(2); // total and open
    const [stored] = await api('orders.list', { eventId: event.id });
    expect(stored).toMatchObject({ totalCents: 8220, lines: [{ sku: 'DK-100', quantity: 2, unitPriceCents: 2490 }, { sku: 'PF-001', quantity: 3, unitPriceCents: 1200, discountPercent: 10 }] });
  });

  it('records a partial cash payment and shows the open balance', async () => {
    const { event, guests } = await party();
    await api('orders.create', { eventId: event.id, contactId: guests[1]!.id, lines: [{ sku: 'KH-050', quantity: 1 }] });
    const user = await open(`/planning/${event.id}`);

    await user.click(await screen.findByRole('button', { name: 'Zahlung von Birgit Wolf erfassen' }));
    const amount = dialog().getByRole('textbox', { name: 'Betrag' });
    expect(amount).toHaveValue('59,00');
    await user.clear(amount);
    await user.type(amount, '20,50{Enter}');
    expect(await screen.findByText('Zahlung über 20,50 € erfasst, offen: 38,50 €')).toBeInTheDocument();
    const row = within(orders().getByRole('row', { name: /Birgit Wolf/ }));
    await waitFor(() => expect(row.getByText('38,50 €')).toBeInTheDocument());
    expect(row.getByText('20,50 €')).toBeInTheDocument();

    const [stored] = await api('orders.list', { eventId: event.id });
    expect(stored).toMatchObject({ paidCents: 2050, openCents: 3850, payments: [{ method: 'cash', amountCents: 2050 }] });
    const reconciliation = await api('orders.reconciliation', { eventId: event.id });
    expect(reconciliation.byMethod.cash).toBe(2050);
  });

  it('updates the host reward and the amount to the next tier as an order crosses a tier', async () => {
    const { event, guests } = await party();
    // 5 × 24,90 € = 124,50 €: 25,50 € short of the first tier (150 €).
    await api('orders.create', { eventId: event.id, contactId: guests[0]!.id, lines: [{ sku: 'DK-100', quantity: 5 }] });
    const user = await open(`/planning/${event.id}`);
    await waitFor(() => expect(reward()).toHaveTextContent('Noch kein Bonus'));
    expect(reward()).toHaveTextContent('es fehlen 25,50 € Umsatz');

    // 2 × 59,00 € more: 242,50 €, the first tier, 7,50 € short of the second.
    await user.type(screen.getByRole('combobox', { name: 'Gast' }), 'Carla{Enter}');
    await user.type(screen.getByRole('combobox', { name: 'Artikel' }), 'KH-050{Enter}');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Menge' })).toHaveFocus());
    await user.keyboard('2{Enter}{Control>}{Enter}{/Control}');

    await waitFor(() => expect(reward()).toHaveTextContent('Gutschrift gesamt: 24,25 €'));
    expect(reward()).toHaveTextContent('1 Artikel zum halben Preis');
    expect(reward()).toHaveTextContent('Noch 7,50 € bis 10 % + 2 Halbpreis-Artikel');
  });
});
