import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { root, useBrowserMode } from './harness';

/**
 * The morning after a party, in Chromium against browser mode: the paper order
 * forms are typed in with the keyboard, cash is recorded, the host's reward
 * grows with every order, a guest books her own party, the event is marked
 * held and its tasks appear; the report adds up, also after a restart. The
 * catalog, the people and the check-ins are set up over the API beforehand.
 */
const app = useBrowserMode('kk-followup-');

const { api } = app;

const euro = (cents: number) => new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(cents / 100);
/** A line as on the paper form; its amount rounded half up per line, as the app does. */
type Line = { sku: string; quantity: number; price: number; discount?: number };
const lineCents = ({ quantity, price, discount = 0 }: Line) => Math.round((quantity * price * (100 - discount)) / 100);
const orderCents = (lines: Line[]) => lines.reduce((sum, line) => sum + lineCents(line), 0);

async function isFocused(page: Page, name: string): Promise<void> {
  await expect.poll(() => page.getByRole('combobox', { name, exact: true }).or(page.getByRole('textbox', { name, exact: true })).evaluate((element) => element === document.activeElement)).toBe(true);
}

/** Types one paper order form: guest, then each line (article number, Enter, quantity, price, discount, Enter), Ctrl+Enter. */
async function enterOrder(page: Page, guest: string, lines: Line[], prices: Map<string, number>): Promise<void> {
  await isFocused(page, 'Gast');
  await page.keyboard.type(guest);
  await page.getByRole('option', { name: new RegExp(`^${guest}`) }).first().waitFor();
  await page.keyboard.press('Enter');
  for (const line of lines) {
    await isFocused(page, 'Artikel');
    await page.keyboard.type(line.sku);
    await page.getByRole('option', { name: new RegExp(`^${line.sku} ·`) }).waitFor();
    await page.keyboard.press('Enter');
    await isFocused(page, 'Menge');
    await page.keyboard.type(String(line.quantity));
    await page.keyboard.press('Tab');
    if (line.price !== prices.get(line.sku)) await page.keyboard.type(`${Math.floor(line.price / 100)},${String(line.price % 100).padStart(2, '0')}`);
    await page.keyboard.press('Tab');
    await page.keyboard.type(String(line.discount ?? 0));
    await page.keyboard.press('Enter');
  }
  await page.getByText(`Summe: ${euro(orderCents(lines))}`).waitFor();
  await page.keyboard.press('Control+Enter');
  await page.getByText(`Bestellung von ${guest} gespeichert: ${euro(orderCents(lines))}`).waitFor();
}

/** A figure of the report: the value under its label. */
const figure = (page: Page, label: string) => page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');

describe('follow-up journey in browser mode', () => {
  it('enters three order forms by keyboard, records cash, follows the host reward, books, marks held, finds tasks and a correct report, also after a restart', async () => {
    const csv = await readFile(join(root, 'tests/fixtures/samples/catalog/produkte.csv'));
    await api('catalog.import', { fileName: 'produkte.csv', contentBase64: csv.toString('base64') });
    const products = await api<{ sku: string; priceCents: number }[]>('catalog.list', {});
    const prices = new Map(products.map((product) => [product.sku, product.priceCents]));
    const person = (firstName: string, lastName: string) => api<{ id: string }>('contacts.create', { firstName, lastName, email: `${firstName.toLowerCase()}@example.de` });
    const host = await person('Petra', 'Schulz');
    const guests = [await person('Anna', 'Becker'), await person('Birgit', 'Wolf'), await person('Carla', 'Neumann')];
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const event = await api<{ id: string }>('events.create', { title: 'Duftparty bei Petra', kind: 'party', startsAt: `${yesterday}T19:00:00+01:00`, hostId: host.id });
    const { added } = await api<{ added: { id: string }[] }>('invitations.add', { eventId: event.id, contactIds: guests.map((guest) => guest.id) });
    for (const invitation of added) await api('checkin.checkIn', { eventId: event.id, invitationId: invitation.id });

    const page = await app.newPage();
    await page.goto(`${app.url()}/#/planning/${event.id}`);
    const reward = page.getByRole('status', { name: 'Gastgeberin-Bonus' });
    await reward.getByText('Noch kein Bonus').waitFor();
    await page.getByRole('combobox', { name: 'Gast', exact: true }).focus();

    // Three paper forms; the first tier needs 150 € party sales, the second 250 €.
    const anna: Line[] = [{ sku: 'DK-100', quantity: 2, price: 2490 }, { sku: 'PF-001', quantity: 1, price: 1240 }];
    const birgit: Line[] = [{ sku: 'KH-050', quantity: 1, price: 5900 }, { sku: 'DK-101', quantity: 1, price: 1990 }];
    const carla: Line[] = [{ sku: 'KH-010', quantity: 3, price: 3900, discount: 5 }];
    let sales = 0;
    await enterOrder(page, 'Anna Becker', anna, prices);
    sales += orderCents(anna);
    await reward.getByText(`es fehlen ${euro(15_000 - sales)} Umsatz`).waitFor();
    await enterOrder(page, 'Birgit Wolf', birgit, prices);
    sales += orderCents(birgit);
    await reward.getByText(`es fehlen ${euro(15_000 - sales)} Umsatz`).waitFor();
    await enterOrder(page, 'Carla Neumann', carla, prices);
    sales += orderCents(carla);
    expect(sales).toBeGreaterThanOrEqual(25_000);
    const credit = Math.round(sales / 10);
    await reward.getByText(`Gutschrift gesamt: ${euro(credit)}`).waitFor();
    await reward.getByText('2 Artikel zum halben Preis').waitFor();
    await reward.getByText(`Noch ${euro(40_000 - sales)} bis 15 % + 3 Halbpreis-Artikel`).waitFor();

    // Anna pays part of it in cash.
    const orders = page.getByRole('table', { name: 'Bestellungen der Veranstaltung' });
    await orders.getByRole('button', { name: 'Zahlung von Anna Becker erfassen' }).focus();
    await page.keyboard.press('Enter');
    const payment = page.getByRole('dialog');
    await expect.poll(() => payment.getByRole('textbox', { name: 'Betrag' }).inputValue()).toBe('62,20');
    await isFocused(page, 'Betrag');
    await page.keyboard.type('30');
    await page.keyboard.press('Enter');
    const paid = 3000;
    await page.getByText(`Zahlung über ${euro(paid)} erfasst, offen: ${euro(orderCents(anna) - paid)}`).waitFor();
    await orders.getByRole('row', { name: /Anna Becker/ }).getByText(euro(orderCents(anna) - paid)).waitFor();

    // Birgit wants to host.
    await orders.getByRole('button', { name: 'Birgit Wolf möchte Gastgeberin werden' }).focus();
    await page.keyboard.press('Enter');
    const booking = page.getByRole('dialog');
    await isFocused(page, 'Datum');
    await page.keyboard.type('15.05.2031');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('19:30');
    await page.keyboard.press('Enter');
    await booking.getByText(/^Gebucht: Party bei Birgit Wolf am/).waitFor();
    await reward.getByText('Hier gebucht:').waitFor();
    await booking.getByRole('link', { name: /^Zur Veranstaltung/ }).click();
    await page.getByRole('status', { name: 'Gastgeberin-Bonus' }).getByRole('link', { name: 'Duftparty bei Petra' }).waitFor();
    await page.goBack();

    // Held: the follow-up tasks appear.
    await page.getByRole('button', { name: 'Als durchgeführt markieren' }).click();
    await page.getByText('Status: durchgeführt.').waitFor();
    await page.goto(`${app.url()}/#/followup`);
    await page.getByText('Termin mit Birgit Wolf abstimmen').waitFor();
    const tasks = await api<{ kind: string; contact: { firstName: string } }[]>('tasks.list', { eventId: event.id });
    expect(tasks.filter((task) => task.kind === 'thankYou').map((task) => task.contact.firstName).sort()).toEqual(['Anna', 'Birgit', 'Carla']);
    expect(tasks.filter((task) => task.kind === 'delivery')).toHaveLength(3);

    const checkReport = async () => {
      await page.goto(`${app.url()}/#/planning/${event.id}`);
      await page.getByRole('link', { name: 'Auswertung' }).click();
      await page.getByRole('heading', { name: 'Auswertung: Duftparty bei Petra' }).waitFor();
      const expected: [string, string][] = [
        ['Eingeladen', '3'],
        ['Gekommen', '3'],
        ['Kaufende Gäste', '3'],
        ['Umsatz', euro(sales)],
        ['Ø Bestellung', euro(Math.round(sales / 3))],
        ['Bezahlt', euro(paid)],
        ['Offen', euro(sales - paid)],
      ];
      for (const [label, value] of expected) await expect.poll(() => figure(page, label).textContent()).toBe(value);
      await page.getByRole('figure', { name: 'Umsatz nach Artikel' }).waitFor();
      await page.getByRole('table', { name: 'Meistverkaufte Artikel' }).getByRole('row', { name: /Frischhaltedosen-Set/ }).waitFor();
      await page.getByText(`Gutschrift gesamt: ${euro(credit)}`).waitFor();
      await page.getByRole('link', { name: 'Party bei Birgit Wolf' }).waitFor();
    };
    await checkReport();

    await app.restart();
    await checkReport();
    await page.goto(`${app.url()}/#/planning/${event.id}`);
    for (const guest of ['Anna Becker', 'Birgit Wolf', 'Carla Neumann']) await orders.getByRole('row', { name: new RegExp(guest) }).waitFor();
    await page.goto(`${app.url()}/#/followup`);
    await page.getByText('Termin mit Birgit Wolf abstimmen').waitFor();
    await page.close();
  });
});
