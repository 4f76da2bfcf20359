import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localDate } from '../../shared/days';
import { fileNamePart } from '../../renderer/views/contacts/PrivacyActions';
import { dialog, useTestApp } from './app';

const { api, open } = useTestApp();

// happy-dom neither makes object URLs nor downloads: the spies stand in and keep the file and its name.
let files: Blob[];
let downloads: string[];
beforeEach(() => {
  files = [];
  downloads = [];
  URL.createObjectURL = (blob: Blob) => {
    files.push(blob);
    return 'blob:access';
  };
  URL.revokeObjectURL = () => {};
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const wording = 'Ja, ich möchte Neuigkeiten vom Kundenclub per E-Mail erhalten.';

/** Jördis with a consent, an order at a party and a payment. */
async function seed() {
  const product = await api('catalog.create', { sku: 'K-100', name: 'Kräuterbalsam', priceCents: 2490 });
  const person = await api('contacts.create', { firstName: 'Jördis', lastName: 'Müller-Lüdenscheidt', email: 'joerdis@example.de', city: 'Dresden' });
  await api('contacts.recordConsent', { contactId: person.id, channel: 'email', purpose: 'club', granted: true, source: 'form', wording });
  const party = await api('events.create', { kind: 'party', title: 'Herbstparty', startsAt: '2026-10-01T19:00:00+02:00' });
  await api('invitations.add', { eventId: party.id, contactIds: [person.id] });
  const order = await api('orders.create', { eventId: party.id, contactId: person.id, lines: [{ productId: product.id, quantity: 3 }] });
  await api('orders.addPayment', { orderId: order.id, method: 'cash', amountCents: 5000 });
  return { person, party, order };
}

describe('Kontaktseite: Datenschutz', () => {
  it('shows the consent log with wording, source and the time to the second', async () => {
    const { person } = await seed();
    await open(`/contacts/${person.id}`);
    const log = within(await screen.findByRole('region', { name: 'Einwilligungen' }));
    const row = log.getByRole('row', { name: new RegExp(wording) });
    expect(row).toHaveTextContent('Formular');
    expect(row).toHaveTextContent(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}/);
  });

  it('downloads everything about her as a JSON file named after her', async () => {
    const { person, order } = await seed();
    const user = await open(`/contacts/${person.id}`);
    await user.click(await screen.findByRole('button', { name: 'Auskunft nach Art. 15 DSGVO über Jördis Müller-Lüdenscheidt' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Als JSON-Datei herunterladen' }));

    await waitFor(() => expect(downloads).toEqual([`auskunft-mueller-luedenscheidt-joerdis-${localDate()}.json`]));
    const report = JSON.parse(await files[0]!.text());
    expect(report.contact).toMatchObject({ firstName: 'Jördis', email: 'joerdis@example.de' });
    expect(report.orders.map((entry: { id: string }) => entry.id)).toEqual([order.id]);
    expect(report.contact.consents[0].wording).toBe(wording);
    expect(await screen.findByText(/Die Auskunft wurde als auskunft-mueller/)).toBeInTheDocument();
  });

  it('prints the report with a heading per section, money and dates in the locale', async () => {
    const { person } = await seed();
    const user = await open(`/contacts/${person.id}`);
    await user.click(await screen.findByRole('button', { name: /Auskunft nach Art\. 15/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Druckansicht öffnen' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Auskunft nach Art. 15 DSGVO' })).toBeInTheDocument();
    for (const section of ['Kontaktdaten', 'Einwilligungen', 'Einladungen und Check-ins', 'Bestellungen und Zahlungen', 'Kundenclub', 'Empfehlungen']) {
      expect(screen.getByRole('heading', { level: 2, name: section })).toBeInTheDocument();
    }
    const orders = within(screen.getByRole('region', { name: 'Bestellungen und Zahlungen' }));
    expect(orders.getByText(/Summe 74,70\s€, bezahlt 50,00\s€, offen 24,70\s€/)).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Einladungen und Check-ins' })).getByText('Herbstparty')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Einwilligungen' })).getByText(wording)).toBeInTheDocument();
    expect(screen.getByText('Über: Jördis Müller-Lüdenscheidt')).toBeInTheDocument();
  });

  it('anonymises only once her last name is typed, then lists her nowhere', async () => {
    const { person, order } = await seed();
    await api('contacts.create', { firstName: 'Bernd', lastName: 'Berger' });
    const user = await open(`/contacts/${person.id}`);
    await user.click(await screen.findByRole('button', { name: 'Anonymisieren (Art. 17)' }));

    const modal = dialog();
    expect(modal.getByText(/Bestellungen mit Positionen, Beträgen/)).toBeInTheDocument();
    const submit = modal.getByRole('button', { name: 'Endgültig anonymisieren' });
    expect(submit).toBeDisabled();
    const confirm = modal.getByRole('textbox', { name: 'Zur Bestätigung den Nachnamen „Müller-Lüdenscheidt“ eingeben' });
    await waitFor(() => expect(confirm).toHaveFocus());
    await user.type(confirm, 'Müller');
    expect(submit).toBeDisabled();
    await user.type(confirm, '-lüdenscheidt');
    expect(submit).toBeEnabled();
    await user.type(modal.getByRole('textbox', { name: 'Grund (freiwillig, ohne Namen)' }), 'Wunsch per Telefon');
    await user.click(submit);

    const [erasure] = await waitFor(async () => {
      const entries = await api('privacy.erasures', {});
      expect(entries).toHaveLength(1);
      return entries;
    });
    expect(await screen.findByText(`Jördis Müller-Lüdenscheidt wurde anonymisiert. Bestellungen erscheinen jetzt unter „${erasure!.pseudonym}“.`)).toBeInTheDocument();
    expect(await screen.findByText('1 Kontakt')).toBeInTheDocument();
    expect(screen.queryByText(/Müller-Lüdenscheidt/, { selector: 'td, a' })).not.toBeInTheDocument();
    expect(erasure).toMatchObject({ reason: 'Wunsch per Telefon', keptOrders: 1, keptInvitations: 1 });
    expect((await api('orders.list', { contactId: person.id })).map((kept) => kept.id)).toEqual([order.id]);
  });
});

describe('Datenschutz-Seite', () => {
  /** A contact added long ago (only Date is faked: the files are written for real). */
  async function createdLongAgo(fields: { firstName: string; lastName: string; city?: string }) {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2019-03-01T10:00:00Z'));
    try {
      return await api('contacts.create', fields);
    } finally {
      vi.useRealTimers();
    }
  }

  it('lists contacts without activity; "Behalten" takes one off, "Anonymisieren" erases and logs the other', async () => {
    await createdLongAgo({ firstName: 'Olga', lastName: 'Alt', city: 'Görlitz' });
    await createdLongAgo({ firstName: 'Otto', lastName: 'Ohnesorg' });
    await api('contacts.create', { firstName: 'Nora', lastName: 'Neu' });
    const user = await open('/privacy');

    expect(await screen.findByRole('heading', { level: 1, name: 'Datenschutz' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Exportprotokoll/ })).toHaveAttribute('href', '#/club/log');
    const review = within(screen.getByRole('region', { name: 'Kontakte ohne Aktivität' }));
    expect(await review.findByText('2 Kontakte zu prüfen')).toBeInTheDocument();
    expect(review.getByRole('cell', { name: 'Görlitz' })).toBeInTheDocument();
    expect(review.queryByText('Nora Neu')).not.toBeInTheDocument();

    await user.click(review.getByRole('button', { name: 'Olga Alt behalten' }));
    expect(await screen.findByText('Olga Alt bleibt gespeichert.')).toBeInTheDocument();
    expect(await review.findByText('1 Kontakt zu prüfen')).toBeInTheDocument();

    await user.click(review.getByRole('button', { name: 'Otto Ohnesorg anonymisieren' }));
    const confirm = dialog().getByRole('textbox', { name: /Nachnamen „Ohnesorg“/ });
    await waitFor(() => expect(confirm).toHaveFocus());
    await user.type(confirm, 'ohnesorg');
    await user.click(dialog().getByRole('button', { name: 'Endgültig anonymisieren' }));
    expect(await review.findByText('Kein Kontakt ist seit über 3 Jahren ohne Aktivität.')).toBeInTheDocument();
    const log = within(screen.getByRole('region', { name: 'Protokoll der Anonymisierungen' }));
    expect(await log.findByText(/^Gelöscht [A-Z2-9]{4}$/)).toBeInTheDocument();
    expect(log.getByText('0 Bestellungen, 0 Einladungen')).toBeInTheDocument();
    expect(log.queryByText(/Ohnesorg/)).not.toBeInTheDocument();
  });

  it('saves the period in the settings', async () => {
    const user = await open('/privacy');
    await user.click(await screen.findByRole('combobox', { name: 'Ohne Aktivität seit' }));
    await user.click(await screen.findByRole('option', { name: '5 Jahren' }));
    await waitFor(async () => expect((await api('settings.get', {})).reviewAfterYears).toBe(5));
    expect(await screen.findByText('Kein Kontakt ist seit über 5 Jahren ohne Aktivität.')).toBeInTheDocument();
  });
});

describe('file names', () => {
  it('spells names the way file systems and mail programs take them', () => {
    expect(fileNamePart('Müller-Lüdenscheidt')).toBe('mueller-luedenscheidt');
    expect(fileNamePart('Çelik Straße')).toBe('celik-strasse');
  });
});
