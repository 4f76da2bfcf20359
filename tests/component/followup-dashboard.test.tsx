import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './app';

const { api, open } = useTestApp();

describe('Nachbereitung: Auswertung', () => {
  it('shows the KPIs and every chart with a table of its figures', async () => {
    await api('settings.update', { commissionPercent: 20 });
    const candle = await api('catalog.create', { sku: 'DK-100', name: 'Duftkerze', priceCents: 2490 });
    const set = await api('catalog.create', { sku: 'SET-1', name: 'Geschenkset', priceCents: 12_450 });
    const host = await api('contacts.create', { firstName: 'Petra', lastName: 'Schulz' });
    const anna = await api('contacts.create', { firstName: 'Anna', lastName: 'Becker', referredBy: host.id });
    const berta = await api('contacts.create', { firstName: 'Berta', lastName: 'Klein' });
    const day = new Date();
    day.setDate(day.getDate() - 3);
    const event = await api('events.create', { title: 'Frühlingsparty', kind: 'party', startsAt: day.toISOString(), hostId: host.id });
    await api('invitations.add', { eventId: event.id, contactIds: [anna.id, berta.id] });
    await api('checkin.checkIn', { eventId: event.id, contactId: anna.id });
    await api('orders.create', { eventId: event.id, contactId: anna.id, lines: [{ productId: candle.id, quantity: 2 }, { productId: set.id, quantity: 1 }] });
    await api('events.setStatus', { id: event.id, status: 'held' });

    await open('/followup/reports');
    // 2 × 24,90 € + 124,50 € = 174,30 €; 20 % commission 34,86 €.
    expect(await screen.findByText(/^174,30\s€$/, { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByText(/^34,86\s€$/)).toBeInTheDocument();

    const products = within(screen.getByRole('table', { name: 'Meistverkaufte Produkte' }));
    expect(products.getByRole('row', { name: /Geschenkset 124,50\s€/ })).toBeInTheDocument();
    expect(products.getByRole('row', { name: /Duftkerze 49,80\s€/ })).toBeInTheDocument();
    const funnel = within(screen.getByRole('table', { name: 'Von der Einladung zum Kauf' }));
    expect(funnel.getByRole('row', { name: 'Gekommen 1' })).toBeInTheDocument();
    expect(funnel.getByRole('row', { name: 'Gekauft 1' })).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Gastgeberinnen mit dem meisten Umsatz' })).getByRole('row', { name: /Petra Schulz 174,30\s€/ })).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Umsatz und Veranstaltungen pro Monat' })).getByRole('row', { name: /174,30\s€ 1$/ })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Empfehlungsketten mit dem meisten Umsatz' })).toBeInTheDocument();
  });
});
