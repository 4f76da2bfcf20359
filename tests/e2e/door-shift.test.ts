import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { root, useBrowserMode } from './harness';

/**
 * A whole door shift in Chromium against browser mode, with the keyboard
 * only: the host types, presses Enter, Ctrl+Z and Ctrl+N; the data is set up
 * over the API beforehand, as the rep would have planned it.
 */
const app = useBrowserMode('kk-door-');

const { api } = app;

type Counts = { invited: number; accepted: number; arrived: number; walkIns: number; notArrived: number };

async function expectCounts(page: Page, counts: Counts): Promise<void> {
  const region = page.getByRole('status', { name: 'Zählung' });
  const expected = [
    `${counts.invited} eingeladen`,
    `${counts.accepted} zugesagt`,
    `${counts.arrived} da`,
    `${counts.walkIns} ohne Einladung`,
    `${counts.notArrived} noch nicht da`,
  ];
  for (const text of expected) await region.getByText(new RegExp(`^${text}$`)).waitFor();
}

async function searchHasFocus(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id)).toBeTruthy();
  await expect.poll(() => page.getByRole('combobox', { name: 'Gast suchen' }).evaluate((element) => element === document.activeElement)).toBe(true);
}

describe('door shift in browser mode', () => {
  it('checks guests in by name, phonetic name and code, warns, undoes, registers a walk-in, and keeps it all over a restart', async () => {
    const person = (firstName: string, lastName: string, extra: object = {}) => api<{ id: string }>('contacts.create', { firstName, lastName, ...extra });
    const anna = await person('Anna', 'Müller', { notes: 'Allergie: Lavendel' });
    const sabine = await person('Sabine', 'Meier');
    const joerg = await person('Jörg', 'Schröder');
    await person('Petra', 'Schmitt');
    const event = await api<{ id: string }>('events.create', { title: 'Herbstparty', kind: 'party', startsAt: '2030-10-10T19:00:00+02:00', hostId: anna.id });
    const { added } = await api<{ added: Array<{ id: string; contactId: string; code: string }> }>('invitations.add', {
      eventId: event.id,
      contactIds: [anna.id, sabine.id, joerg.id],
    });
    const invitationOf = (contactId: string) => added.find((invitation) => invitation.contactId === contactId)!;
    await api('invitations.setRsvp', { invitationId: invitationOf(anna.id).id, rsvp: 'yes' });
    await api('invitations.setRsvp', { invitationId: invitationOf(sabine.id).id, rsvp: 'yes', plusOnes: 1 });

    const page = await app.newPage();
    await page.goto(`${app.url()}/#/checkin/${event.id}`);
    await searchHasFocus(page);
    await expectCounts(page, { invited: 3, accepted: 2, arrived: 0, walkIns: 0, notArrived: 3 });

    // Three letters and Enter.
    await page.keyboard.type('Mül');
    await page.getByRole('option', { name: /^Anna Müller/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Anna Müller ist da').waitFor();
    await expectCounts(page, { invited: 3, accepted: 2, arrived: 1, walkIns: 0, notArrived: 2 });
    await searchHasFocus(page);

    // A phonetic variant of the surname: "Maier" finds Sabine Meier, who brings one companion.
    await page.keyboard.type('Maier');
    await page.getByRole('option', { name: /^Sabine Meier/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Sabine Meier ist da (+1)').waitFor();
    await expectCounts(page, { invited: 3, accepted: 2, arrived: 3, walkIns: 0, notArrived: 1 });

    // A second check-in warns with the time of the first and counts nothing.
    await page.keyboard.type('Mül');
    await page.getByRole('option', { name: /^Anna Müller/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: /Schon da seit \d{2}:\d{2}/ }).waitFor();
    await expectCounts(page, { invited: 3, accepted: 2, arrived: 3, walkIns: 0, notArrived: 1 });

    // Ctrl+Z takes back the last check-in.
    await page.keyboard.press('Control+z');
    await page.getByText('Check-in von Sabine Meier zurückgenommen').waitFor();
    await expectCounts(page, { invited: 3, accepted: 2, arrived: 1, walkIns: 0, notArrived: 2 });

    // A USB scanner types the printed code and Enter.
    await page.keyboard.type(invitationOf(joerg.id).code.toLowerCase(), { delay: 5 });
    await page.keyboard.press('Enter');
    await page.getByText('Jörg Schröder ist da').waitFor();
    await expectCounts(page, { invited: 3, accepted: 2, arrived: 2, walkIns: 0, notArrived: 1 });

    // A walk-in with e-mail consent, in the form Ctrl+N opens.
    await page.keyboard.press('Control+n');
    const form = page.getByRole('dialog', { name: 'Gast ohne Einladung aufnehmen' });
    await form.waitFor();
    // The form takes the keyboard once it has focused its first field (later on a busy machine).
    await expect.poll(() => form.getByRole('textbox', { name: /^Vorname/ }).evaluate((field) => field === document.activeElement)).toBe(true);
    await page.keyboard.type('Dora');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Neu');
    await form.getByLabel('E-Mail', { exact: true }).focus();
    await page.keyboard.type('dora.neu@web.de');
    await form.getByRole('checkbox', { name: 'Ich möchte per E-Mail über Angebote und Termine informiert werden.' }).focus();
    await page.keyboard.press('Space');
    await form.getByLabel('E-Mail', { exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Dora Neu ist da').waitFor();
    await expectCounts(page, { invited: 3, accepted: 2, arrived: 3, walkIns: 1, notArrived: 1 });
    await searchHasFocus(page);

    const [dora] = await api<Array<{ id: string; consents: Array<{ channel: string; purpose: string; granted: boolean; source: string; wording: string }> }>>('contacts.search', { query: 'Dora Neu' });
    expect(dora?.consents).toEqual([
      expect.objectContaining({ channel: 'email', purpose: 'marketing', granted: true, source: 'door', wording: 'Ich möchte per E-Mail über Angebote und Termine informiert werden.' }),
    ]);

    await mkdir(join(root, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(root, 'test-results/door-de.png') });
    await page.close();

    await app.restart();
    const again = await app.newPage();
    await again.goto(`${app.url()}/#/checkin/${event.id}`);
    await expectCounts(again, { invited: 3, accepted: 2, arrived: 3, walkIns: 1, notArrived: 1 });
    const state = await api<{ guests: Array<{ contactId: string; checkins: Array<{ kind: string }> }> }>('checkin.state', { eventId: event.id });
    const kinds = (contactId: string) => state.guests.find((guest) => guest.contactId === contactId)?.checkins.map((record) => record.kind);
    expect(kinds(anna.id)).toEqual(['checkin']);
    expect(kinds(sabine.id)).toEqual(['checkin', 'undo']);
    expect(kinds(joerg.id)).toEqual(['checkin']);
    expect(kinds(dora!.id)).toEqual(['checkin']);
    await again.close();
  });
});
