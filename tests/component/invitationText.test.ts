import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../renderer/views/contacts/importFile';
import { guestCounts } from '../../renderer/views/planning/guestCounts';
import { fillTemplate, mailtoUrl } from '../../renderer/views/planning/invitationText';

describe('invitation text', () => {
  const values = {
    vorname: 'Anna',
    nachname: 'Becker',
    gastgeberin: 'Petra Schulz',
    titel: 'Home-Party',
    datum: 'Samstag, 14. März 2026',
    uhrzeit: '19:30',
    ort: 'Kassel',
  };

  it('fills every placeholder, in any letter case', () => {
    const template = 'Hallo {vorname} {Nachname}, {titel} bei {gastgeberin} am {datum} um {uhrzeit} in {ORT}.';
    expect(fillTemplate(template, values)).toBe('Hallo Anna Becker, Home-Party bei Petra Schulz am Samstag, 14. März 2026 um 19:30 in Kassel.');
  });

  it('leaves unknown placeholders visible and no stray space where a value is empty', () => {
    expect(fillTemplate('Hallo {vorname} {nachname}, bis {bald}!', { ...values, nachname: '' })).toBe('Hallo Anna, bis {bald}!');
  });

  it('builds mailto links with every part percent-encoded', () => {
    const url = mailtoUrl({ to: ['anna@example.de'], subject: 'Einladung: Party & mehr', body: 'Hallo Anna,\nbis bald' });
    expect(url).toBe('mailto:anna%40example.de?subject=Einladung%3A%20Party%20%26%20mehr&body=Hallo%20Anna%2C%0D%0Abis%20bald');
    expect(mailtoUrl({ bcc: ['a@x.de', 'b@x.de'], subject: 'S', body: 'B' })).toBe('mailto:?bcc=a%40x.de,b%40x.de&subject=S&body=B');
  });
});

describe('guest counts', () => {
  it('counts replies and seats (accepted guests plus their companions)', () => {
    const counts = guestCounts([
      { rsvp: 'yes', plusOnes: 2 },
      { rsvp: 'yes', plusOnes: 0 },
      { rsvp: 'no', plusOnes: 1 },
      { rsvp: 'maybe', plusOnes: 0 },
      { rsvp: 'pending', plusOnes: 0 },
    ]);
    expect(counts).toEqual({ invited: 5, yes: 2, no: 1, maybe: 1, pending: 1, plusOnes: 2, seats: 4 });
  });
});

describe('file bytes for the import', () => {
  it('encodes large files in slices, without overflowing the stack', () => {
    const bytes = new Uint8Array(3_000_000).map((_, index) => index % 256);
    const encoded = bytesToBase64(bytes);
    expect(Buffer.from(encoded, 'base64').equals(Buffer.from(bytes))).toBe(true);
    expect(bytesToBase64(new Uint8Array([0xe4, 0xf6, 0xfc]))).toBe('5Pb8');
  });
});
