import { nanoid } from 'nanoid';
import { AppError } from '../../shared/errors';
import { contactFields, type Contact } from '../../shared/schemas/contact';
import { eventFields, type Event, type EventKind, type EventStatus } from '../../shared/schemas/event';
import type { Store } from '../store/store';

/**
 * A realistic German dataset for trying the app and for screenshots: about
 * 150 contacts of a rep's circle and a dozen events around today. Seeded, so
 * the same seed and date give the same data.
 */

const firstNames = [
  'Anna', 'Sabine', 'Petra', 'Claudia', 'Andrea', 'Stefanie', 'Nicole', 'Katrin', 'Julia', 'Melanie', 'Sandra', 'Susanne',
  'Birgit', 'Monika', 'Jana', 'Lena', 'Laura', 'Sarah', 'Lisa', 'Marie', 'Sophie', 'Hannah', 'Ursula', 'Renate', 'Heike',
  'Tanja', 'Kerstin', 'Silke', 'Anja', 'Christina', 'Jessica', 'Franziska', 'Elke', 'Gabriele', 'Ingrid', 'Jürgen',
  'Thomas', 'Michael', 'Andreas', 'Stefan', 'Markus', 'Jörg', 'Frank', 'Tobias', 'Lukas', 'Jonas', 'Björn', 'Uwe',
];
const lastNames = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer',
  'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger',
  'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Schmitz', 'Krause', 'Meier', 'Lehmann', 'Schmid', 'Schulze',
  'Maier', 'Köhler', 'Herrmann', 'König', 'Walter', 'Mayer', 'Huber', 'Kaiser', 'Fuchs', 'Peters', 'Lang', 'Scholz',
  'Möller', 'Weiß', 'Jung', 'Hahn', 'Vogel', 'Friedrich', 'Keller', 'Günther', 'Frank', 'Berger', 'Winkler', 'Roth',
  'Beck', 'Lorenz', 'Baumann', 'Franke', 'Albrecht', 'Schuster', 'Simon', 'Ludwig', 'Böhm', 'Winter', 'Kraus',
];
// Real postcodes with their towns; several in the east keep a leading zero.
const places: Array<[string, string]> = [
  ['01067', 'Dresden'], ['01309', 'Dresden'], ['04109', 'Leipzig'], ['04277', 'Leipzig'], ['06108', 'Halle (Saale)'],
  ['07743', 'Jena'], ['09111', 'Chemnitz'], ['10115', 'Berlin'], ['10437', 'Berlin'], ['20095', 'Hamburg'],
  ['30159', 'Hannover'], ['33602', 'Bielefeld'], ['40213', 'Düsseldorf'], ['44135', 'Dortmund'], ['48143', 'Münster'],
  ['50667', 'Köln'], ['53111', 'Bonn'], ['60311', 'Frankfurt am Main'], ['65183', 'Wiesbaden'], ['68159', 'Mannheim'],
  ['69117', 'Heidelberg'], ['70173', 'Stuttgart'], ['76133', 'Karlsruhe'], ['79098', 'Freiburg im Breisgau'],
  ['80331', 'München'], ['86150', 'Augsburg'], ['90402', 'Nürnberg'], ['93047', 'Regensburg'], ['97070', 'Würzburg'],
];
const streets = [
  'Hauptstraße', 'Schulstraße', 'Gartenstraße', 'Bahnhofstraße', 'Dorfstraße', 'Bergstraße', 'Birkenweg', 'Lindenstraße',
  'Kirchstraße', 'Waldstraße', 'Ringstraße', 'Schillerstraße', 'Goethestraße', 'Am Mühlbach', 'Rosenweg', 'Ahornweg',
  'Friedhofstraße', 'Wiesenweg', 'Jahnstraße', 'Mozartstraße',
];
const mailDomains = ['web.de', 'gmx.de', 't-online.de', 'gmail.com', 'posteo.de', 'freenet.de'];
const tagPool = ['Stammkundin', 'Gastgeberin', 'Interesse Beratung', 'Kundenclub', 'Nachbarschaft', 'Kollegin'];
const notes = ['Allergie: Lavendel', 'Kommt meist mit Freundin', 'Bevorzugt Abendtermine', 'Hat Interesse an Gastgeberaktion'];

function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return { next, pick, chance: (p: number) => next() < p, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

const ascii = (text: string) => text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
const pad = (n: number) => String(n).padStart(2, '0');

/** Local wall-clock time in Germany as ISO 8601 with its offset (CET or CEST). */
export function berlinDateTime(date: Date, hour: number, minute = 0): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const guess = new Date(`${day}T${pad(hour)}:${pad(minute)}:00Z`);
  const zoned = guess.toLocaleString('en-US', { timeZone: 'Europe/Berlin', hour12: false, hour: '2-digit' });
  const offsetHours = (Number(zoned) - guess.getUTCHours() + 24) % 24;
  return `${day}T${pad(hour)}:${pad(minute)}:00+${pad(offsetHours)}:00`;
}

export function demoDataset(now: Date, seed = 20261127) {
  const r = random(seed);
  const contacts = Array.from({ length: 150 }, () => {
    const firstName = r.pick(firstNames);
    const lastName = r.pick(lastNames);
    const [postalCode, city] = r.pick(places);
    const year = r.int(1950, 2002);
    const month = r.int(1, 12);
    const day = r.int(1, 28);
    return contactFields.parse({
      firstName,
      lastName,
      email: r.chance(0.85) ? `${ascii(firstName)}.${ascii(lastName)}${r.int(1, 99)}@${r.pick(mailDomains)}` : undefined,
      phone: r.chance(0.9) ? `0${r.int(151, 179)} ${r.int(1000000, 9999999)}` : undefined,
      street: `${r.pick(streets)} ${r.int(1, 120)}`,
      postalCode,
      city,
      birthday: r.chance(0.8) ? (r.chance(0.8) ? `${year}-${pad(month)}-${pad(day)}` : `--${pad(month)}-${pad(day)}`) : undefined,
      tags: r.chance(0.5) ? [r.pick(tagPool)] : [],
      notes: r.chance(0.1) ? r.pick(notes) : undefined,
    });
  });

  const kinds: Array<[EventKind, string]> = [
    ['party', 'Homeparty bei'],
    ['presentation', 'Frühjahrs-Präsentation bei'],
    ['club', 'Clubabend'],
    ['online', 'Online-Präsentation'],
  ];
  const events = Array.from({ length: 12 }, (_, index) => {
    const offsetDays = (index - 6) * 9 + r.int(-3, 3);
    const date = new Date(now.getTime() + offsetDays * 86_400_000);
    const [kind, label] = r.pick(kinds);
    const hostIndex = r.int(0, contacts.length - 1);
    const host = contacts[hostIndex]!;
    const startHour = kind === 'online' ? 20 : r.pick([18, 19, 19, 20]);
    const status: EventStatus = offsetDays < -14 ? 'closed' : offsetDays < 0 ? 'held' : offsetDays < 10 ? 'invited' : 'planned';
    const fields = eventFields.parse({
      title: kind === 'party' || kind === 'presentation' ? `${label} ${host.firstName} ${host.lastName}` : `${label} ${pad(date.getUTCDate())}.${pad(date.getUTCMonth() + 1)}.`,
      kind,
      startsAt: berlinDateTime(date, startHour, r.pick([0, 30])),
      endsAt: berlinDateTime(date, startHour + 2, 30),
      place: kind === 'online' ? 'Videokonferenz' : kind === 'club' ? 'Vereinsheim, Lindenstraße 4' : `${host.street}, ${host.postalCode} ${host.city}`,
      capacity: kind === 'club' ? 30 : r.int(8, 16),
    });
    return { fields, status, hostIndex: kind === 'party' || kind === 'presentation' ? hostIndex : undefined };
  });
  return { contacts, events };
}

export function demoService(store: Store) {
  return {
    async load(): Promise<{ contacts: number; events: number }> {
      if (!store.isEmpty()) throw new AppError('CONFLICT', 'errors.demoNotEmpty');
      const now = new Date();
      const stamp = now.toISOString();
      const dataset = demoDataset(now);
      const saved: Contact[] = [];
      for (const fields of dataset.contacts) {
        const id = nanoid();
        saved.push(await store.saveContact(id, () => ({ ...fields, tags: fields.tags ?? [], id, createdAt: stamp, updatedAt: stamp })));
      }
      for (const { fields, status, hostIndex } of dataset.events) {
        const id = nanoid();
        const event: Event = { ...fields, id, status, hostId: hostIndex === undefined ? undefined : saved[hostIndex]?.id, createdAt: stamp, updatedAt: stamp };
        await store.saveEvent(id, () => event);
      }
      return { contacts: saved.length, events: dataset.events.length };
    },
  };
}
