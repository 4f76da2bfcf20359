import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { printRoute, type PrintRequest } from '../../renderer/views/club/printRequest';
import { useTestApp } from './app';

const { api, open } = useTestApp();

const postConsent = { channel: 'post', purpose: 'marketing', granted: true, source: 'form', wording: 'Ich möchte Post bekommen.' } as const;

async function member(contact: InputOf<'contacts.create'>) {
  const created = await api('contacts.create', contact);
  await api('club.join', { contactId: created.id });
  return created;
}

/** Goes to a route of the running app as a link would (happy-dom announces no hash change by itself). */
function navigate(route: string) {
  window.location.hash = `#${route}`;
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** A club printout as the member list opens it: within the running app, by its route. */
async function openPrint(kind: Parameters<typeof printRoute>[0], request: PrintRequest) {
  await open('/contacts');
  navigate(printRoute(kind, request));
  await screen.findByRole('button', { name: 'Drucken' });
}

const labelTexts = (sheet: HTMLElement) => within(sheet).getAllByRole('listitem').map((label) => [...label.children].map((line) => line.textContent));

describe('Kundenclub: Ausdrucke', () => {
  it('prints 30 address labels 3 × 8 on two sheets of 24 and 6, and says who was left out for lack of consent', async () => {
    for (let index = 1; index <= 33; index++) {
      const number = String(index).padStart(2, '0');
      await member({ firstName: `Kundin${number}`, lastName: 'Muster', street: `Lindenweg ${index}`, postalCode: '34117', city: 'Kassel', consents: index <= 30 ? [postConsent] : [] });
    }
    await openPrint('labels-3x8', { purpose: 'letter' });

    const sheets = await screen.findAllByRole('list', { name: /^Etikettenbogen/ });
    expect(sheets.map((sheet) => sheet.getAttribute('aria-label'))).toEqual(['Etikettenbogen 1 von 2', 'Etikettenbogen 2 von 2']);
    expect(within(sheets[0]!).getAllByRole('listitem')).toHaveLength(24);
    expect(within(sheets[1]!).getAllByRole('listitem')).toHaveLength(6);
    expect(labelTexts(sheets[0]!)[0]).toEqual(['Kundin01 Muster', 'Lindenweg 1', '34117 Kassel']);
    // On screen only: the printer never sees it.
    expect(screen.getByText('3 ohne Einwilligung nicht gedruckt.').closest('.no-print')).not.toBeNull();
  });

  it('prints one label per household on 2 × 7 sheets, with the country only outside Germany, and none without an address', async () => {
    await member({ firstName: 'Anna', lastName: 'Becker', street: 'Lindenweg 3', postalCode: '34117', city: 'Kassel' });
    await member({ firstName: 'Bernd', lastName: 'Becker', street: 'Lindenweg 3', postalCode: '34117', city: 'Kassel' });
    await member({ firstName: 'Carla', lastName: 'Wolf', street: 'Hauptstraße 1', postalCode: '5020', city: 'Salzburg', country: 'Österreich' });
    await member({ firstName: 'Dora', lastName: 'Ohne', city: 'Kassel' });
    await openPrint('labels-2x7', { onePerHousehold: true });
    expect(await screen.findByText('1 ohne vollständige Anschrift (Straße, PLZ, Ort) bekommt kein Etikett.')).toBeInTheDocument();

    const [sheet, ...more] = await screen.findAllByRole('list', { name: /^Etikettenbogen/ });
    expect(more).toHaveLength(0);
    expect(labelTexts(sheet!)).toEqual([
      ['Anna Becker', 'Lindenweg 3', '34117 Kassel'],
      ['Carla Wolf', 'Hauptstraße 1', '5020 Salzburg', 'Österreich'],
    ]);
  });

  it('groups the birthday list by month and gives the age only when the year of birth is known', async () => {
    await member({ firstName: 'Anna', lastName: 'Becker', birthday: '1966-03-14', phone: '0561 123' });
    await member({ firstName: 'Birgit', lastName: 'Schulz', birthday: '--03-02', email: 'birgit@example.de' });
    await member({ firstName: 'Carla', lastName: 'Wolf', birthday: '1990-11-05' });
    await member({ firstName: 'Dora', lastName: 'Neu' });
    await openPrint('birthdays', {});
    const year = new Date().getFullYear();

    expect(await screen.findByRole('heading', { level: 1, name: `Kundenclub – Geburtstage ${year}` })).toBeInTheDocument();
    const months = screen.getAllByRole('region').map((month) => [
      month.getAttribute('aria-label'),
      within(month)
        .getAllByRole('row')
        .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent)),
    ]);
    expect(months).toEqual([
      [
        'März',
        [
          ['02.03.', 'Birgit Schulz', '', '', 'birgit@example.de'],
          ['14.03.', 'Anna Becker', `wird ${year - 1966}`, '0561 123', ''],
        ],
      ],
      ['November', [['05.11.', 'Carla Wolf', `wird ${year - 1990}`, '', '']]],
    ]);
    expect(screen.queryByText(/Dora/)).not.toBeInTheDocument();
  });

  it('prints the member list with the view’s columns, headed in German and formatted', async () => {
    await api('club.settings.update', { name: 'Glanzclub' });
    const anna = await member({ firstName: 'Anna', lastName: 'Becker', birthday: '--12-24' });
    await api('club.addPoints', { contactId: anna.id, kind: 'adjustment', points: 1500, reason: 'Übernahme' });
    await openPrint('list', { view: { columns: ['memberNumber', 'lastName', 'birthday', 'points', 'status'] }, viewName: 'Weihnachten' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Glanzclub – Weihnachten' })).toBeInTheDocument();
    expect(screen.getByText(/· 1 Mitglied$/)).toBeInTheDocument();
    expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Mitgliedsnummer', 'Nachname', 'Geburtstag', 'Punkte', 'Status']);
    expect(screen.getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['KC-00001', 'Becker', '24.12.', '1.500', 'aktiv']);
  });

  it('says so when the print link is broken instead of printing something else', async () => {
    await open('/contacts');
    navigate('/print/club/labels-3x8?q=%7Bkaputt');
    expect(await screen.findByText('Dieser Druckauftrag ist unvollständig oder beschädigt. Bitte in der Mitgliederliste neu drucken.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Drucken' })).toBeDisabled();
  });

  it('prints the membership card from the contact page with the member number as a QR code', async () => {
    const anna = await member({ firstName: 'Anna', lastName: 'Becker' });
    const user = await open(`/contacts/${anna.id}`);
    await user.click(await screen.findByRole('link', { name: 'Mitgliedskarte drucken' }));

    const card = within(await screen.findByRole('article', { name: 'Mitgliedskarte von Anna Becker' }));
    expect(card.getByText('Kundenclub')).toBeInTheDocument();
    expect(card.getByText('Anna Becker')).toBeInTheDocument();
    expect(card.getByText('KC-00001')).toBeInTheDocument();
    expect(card.getByText(`Mitglied seit ${new Date().toLocaleDateString('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric' })}`)).toBeInTheDocument();
    expect(card.getByText('Stufe: Bronze')).toBeInTheDocument();
    expect(await card.findByRole('img', { name: 'QR-Code der Mitgliedsnummer KC-00001' })).toHaveAttribute('src', expect.stringMatching(/^data:image\/svg\+xml/));
    expect(screen.queryByRole('navigation', { name: 'Hauptnavigation' })).not.toBeInTheDocument();
  });
});
