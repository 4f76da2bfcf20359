import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { toIsoWithOffset } from '../../renderer/forms/dates';
import { dialog, label, useTestApp } from './app';

const { api, open } = useTestApp();

/** Anna, a guest of Petra's party, and a small catalog. */
async function customer() {
  const host = await api('contacts.create', { firstName: 'Petra', lastName: 'Schulz' });
  const anna = await api('contacts.create', { firstName: 'Anna', lastName: 'Becker' });
  const event = await api('events.create', { title: 'Party bei Petra', kind: 'party', startsAt: toIsoWithOffset('2030-03-14', '19:30'), hostId: host.id });
  await api('invitations.add', { eventId: event.id, contactIds: [anna.id] });
  for (const [sku, name, priceCents] of [['DK-100', 'Duftkerze Vanille, groß', 2490], ['PF-001', 'Handcreme Ringelblume 75 ml', 1240]] as const) {
    await api('catalog.create', { sku, name, priceCents });
  }
  return { anna, event };
}

describe('Nachbestellungen', () => {
  it('enters a reorder on the contact page by keyboard, lists it with her party order and takes a partial payment', async () => {
    const { anna, event } = await customer();
    await api('orders.create', { eventId: event.id, contactId: anna.id, lines: [{ sku: 'PF-001', quantity: 1 }] });
    const user = await open(`/contacts/${anna.id}`);

    const orders = within(await screen.findByRole('table', { name: 'Bestellungen von Anna Becker' }));
    const partyRow = within(await orders.findByRole('row', { name: /Party bei Petra/ }));
    expect(partyRow.getByRole('link', { name: 'Party bei Petra' })).toHaveAttribute('href', `#/planning/${event.id}`);

    await user.click(screen.getByRole('button', { name: 'Nachbestellung erfassen' }));
    // No "Gast": the order is hers; the article comes first.
    expect(dialog().queryByRole('combobox', { name: 'Gast' })).not.toBeInTheDocument();
    const article = dialog().getByRole('combobox', { name: 'Artikel' });
    await waitFor(() => expect(article).toHaveFocus());
    await user.keyboard('DK-100{Enter}');
    await waitFor(() => expect(dialog().getByRole('textbox', { name: 'Menge' })).toHaveFocus());
    await user.keyboard('2{Enter}');
    await waitFor(() => expect(article).toHaveFocus());
    await user.keyboard('{Control>}{Enter}{/Control}');

    expect(await screen.findByText('Bestellung von Anna Becker gespeichert: 49,80 €')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const reorder = within(await orders.findByRole('row', { name: /Nachbestellung/ }));
    expect(reorder.getByText('2 × DK-100')).toBeInTheDocument();
    expect(reorder.getAllByText('49,80 €')).toHaveLength(2); // total and open
    const [stored] = await api('orders.list', { withoutEvent: true });
    expect(stored).toMatchObject({ contactId: anna.id, totalCents: 4980, lines: [{ sku: 'DK-100', quantity: 2 }] });
    expect(stored!.eventId).toBeUndefined();

    await user.click(reorder.getByRole('button', { name: 'Zahlung von Anna Becker erfassen' }));
    const amount = dialog().getByRole('textbox', { name: 'Betrag' });
    await user.clear(amount);
    await user.type(amount, '20{Enter}');
    expect(await screen.findByText('Zahlung über 20,00 € erfasst, offen: 29,80 €')).toBeInTheDocument();
    await waitFor(() => expect(reorder.getByText('29,80 €')).toBeInTheDocument());
    expect(reorder.getByText('20,00 €')).toBeInTheDocument();
    // The party order is untouched.
    expect(partyRow.getAllByText('12,40 €')).toHaveLength(2);
  });

  it('books a party from the invitee list of an invited event', async () => {
    const { anna, event } = await customer();
    await api('events.setStatus', { id: event.id, status: 'invited' });
    const user = await open(`/planning/${event.id}`);
    const invitees = within(await screen.findByRole('region', { name: 'Gäste' }));
    await user.click(await invitees.findByRole('button', { name: 'Anna Becker möchte Gastgeberin werden' }));
    await user.type(dialog().getByRole('textbox', { name: label('Datum') }), '15.05.2031');
    await user.click(dialog().getByRole('button', { name: 'Party buchen' }));
    expect(await dialog().findByText(/^Gebucht: Party bei Anna Becker am/)).toBeInTheDocument();

    const booked = (await api('events.list', {})).find((entry) => entry.hostId === anna.id);
    expect(booked).toMatchObject({ status: 'planned', bookedAtEventId: event.id, startsAt: toIsoWithOffset('2031-05-15', '19:00') });
  });
});
