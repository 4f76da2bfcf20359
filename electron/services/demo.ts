import { nanoid } from 'nanoid';
import { AppError } from '../../shared/errors';
import { contactFields, type Contact } from '../../shared/schemas/contact';
import type { CheckinRecord } from '../../shared/schemas/checkin';
import type { ConsentRecord } from '../../shared/schemas/consent';
import { eventFields, type Event, type EventKind, type EventStatus } from '../../shared/schemas/event';
import type { Rsvp } from '../../shared/schemas/invitation';
import { currentVersion } from '../store/documents';
import type { Store } from '../store/store';
import { walkInInvitation } from './checkin';
import { invitationIndex } from './invitation-index';

/**
 * A realistic German dataset for trying the app and for screenshots: about
 * 150 contacts of a rep's circle with recommendation chains, club members and
 * consent, and a dozen events around today with invitee lists and replies;
 * past events have their check-ins (and no-shows) and a walk-in or two who
 * gave consent at the door. Seeded, so the same seed and date give the same data.
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
const CLUB_TAG = 'Kundenclub';
const tagPool = ['Stammkundin', 'Gastgeberin', 'Interesse Beratung', 'Nachbarschaft', 'Kollegin'];
const CONSENT_WORDING = 'Ich möchte per E-Mail über Angebote und Termine informiert werden.';
const notes = ['Allergie: Lavendel', 'Kommt meist mit Freundin', 'Bevorzugt Abendtermine', 'Hat Interesse an Gastgeberaktion'];
const DOOR_DEVICE = 'Laptop an der Tür';
// How likely an invitee turns up, by her reply.
const turnsUp: Record<Rsvp, number> = { yes: 0.9, maybe: 0.5, pending: 0.15, no: 0.03 };

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
  const shuffle = <T>(list: readonly T[]): T[] => {
    const shuffled = [...list];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    return shuffled;
  };
  return { next, pick, shuffle, chance: (p: number) => next() < p, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

const ascii = (text: string) => text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
const pad = (n: number) => String(n).padStart(2, '0');
const DAY = 86_400_000;

/** Local wall-clock time in Germany as ISO 8601 with its offset (CET or CEST). */
export function berlinDateTime(date: Date, hour: number, minute = 0): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const guess = new Date(`${day}T${pad(hour)}:${pad(minute)}:00Z`);
  const zoned = guess.toLocaleString('en-US', { timeZone: 'Europe/Berlin', hour12: false, hour: '2-digit' });
  const offsetHours = (Number(zoned) - guess.getUTCHours() + 24) % 24;
  return `${day}T${pad(hour)}:${pad(minute)}:00+${pad(offsetHours)}:00`;
}

/** A record at the door; an undo takes back the check-in before it. */
type DemoCheckin = Pick<CheckinRecord, 'kind' | 'at' | 'companions'>;

interface DemoInvitee {
  /** Index into the dataset's contacts. */
  contact: number;
  rsvp: Rsvp;
  plusOnes: number;
  invitedAt: string;
  respondedAt?: string;
  checkins: DemoCheckin[];
}

export function demoDataset(now: Date, seed = 20261127) {
  const r = random(seed);
  const at = (time: number) => new Date(time).toISOString();
  // Recommendation chains of up to three people: depth 0 for a contact nobody recommended.
  const chains: Array<{ depth: number; city?: string }> = [];
  const contacts = Array.from({ length: 150 }, (_, index) => {
    const firstName = r.pick(firstNames);
    const lastName = r.pick(lastNames);
    const [postalCode, city] = r.pick(places);
    const year = r.int(1950, 2002);
    const month = r.int(1, 12);
    const day = r.int(1, 28);
    const fields = contactFields.parse({
      firstName,
      lastName,
      email: r.chance(0.85) ? `${ascii(firstName)}.${ascii(lastName)}${r.int(1, 99)}@${r.pick(mailDomains)}` : undefined,
      phone: r.chance(0.9) ? `0${r.int(151, 179)} ${r.int(1000000, 9999999)}` : undefined,
      street: `${r.pick(streets)} ${r.int(1, 120)}`,
      postalCode,
      city,
      birthday: r.chance(0.8) ? (r.chance(0.8) ? `${year}-${pad(month)}-${pad(day)}` : `--${pad(month)}-${pad(day)}`) : undefined,
      tags: [...(r.chance(0.2) ? [CLUB_TAG] : []), ...(r.chance(0.4) ? [r.pick(tagPool)] : [])],
      notes: r.chance(0.1) ? r.pick(notes) : undefined,
    });
    // Older contacts first, so that whoever recommended someone was taken down before them.
    const createdAt = now.getTime() - (1500 - index * 9 - r.int(0, 8)) * DAY;
    let referrer: number | undefined;
    if (index >= 10 && r.chance(0.3)) {
      const open = chains.flatMap((chain, earlier) => (chain.depth < 2 ? [earlier] : []));
      const neighbours = open.filter((earlier) => chains[earlier]!.city === city);
      referrer = r.pick(neighbours.length > 0 ? neighbours : open);
    }
    chains.push({ depth: referrer === undefined ? 0 : chains[referrer]!.depth + 1, city });
    const consent = fields.email && r.chance(0.6) ? { at: at(createdAt + r.int(0, 20) * DAY), source: 'form' as ConsentRecord['source'] } : undefined;
    return { fields, createdAt: at(createdAt), referrer, consent };
  });
  // Walk-ins are added once all events are made, so that no earlier event invites them.
  const walkInContacts: typeof contacts = [];

  /** Who came, when and with how many; now and then a guest checked in by mistake and undone a minute later. */
  function door(startsAt: number, { rsvp, plusOnes }: Pick<DemoInvitee, 'rsvp' | 'plusOnes'>): DemoCheckin[] {
    const arrival = startsAt + r.int(-15, 35) * 60_000;
    if (r.chance(turnsUp[rsvp])) return [{ kind: 'checkin', at: at(arrival), companions: rsvp === 'yes' ? plusOnes : 0 }];
    if (!r.chance(0.08)) return [];
    return [
      { kind: 'checkin', at: at(arrival), companions: 0 },
      { kind: 'undo', at: at(arrival + r.int(1, 3) * 60_000), companions: 0 },
    ];
  }

  /** New people at the door, brought by a guest (or the host) and registered with their consent. */
  function walkIns(startsAt: number, hostIndex: number | undefined, guests: readonly DemoInvitee[]): Array<{ contact: number; at: string }> {
    const arrived = guests.filter((guest) => guest.checkins.at(-1)?.kind === 'checkin').map((guest) => guest.contact);
    // Chains stay at most three people long.
    const bringers = [...arrived, ...(hostIndex === undefined ? [] : [hostIndex])].filter((index) => chains[index]!.depth < 2);
    return Array.from({ length: r.int(1, 2) }, () => {
      const firstName = r.pick(firstNames);
      const lastName = r.pick(lastNames);
      const arrival = at(startsAt + r.int(0, 40) * 60_000);
      const fields = contactFields.parse({
        firstName,
        lastName,
        email: r.chance(0.8) ? `${ascii(firstName)}.${ascii(lastName)}${r.int(1, 99)}@${r.pick(mailDomains)}` : undefined,
        phone: r.chance(0.7) ? `0${r.int(151, 179)} ${r.int(1000000, 9999999)}` : undefined,
      });
      const consent = fields.email && r.chance(0.75) ? { at: arrival, source: 'door' as const } : undefined;
      walkInContacts.push({ fields, createdAt: arrival, referrer: bringers.length > 0 ? r.pick(bringers) : undefined, consent });
      return { contact: contacts.length + walkInContacts.length - 1, at: arrival };
    });
  }

  /** A host's friends first (same town, then a shared tag); club evenings invite club members first. */
  function invitees(hostIndex: number | undefined, kind: EventKind): number[] {
    const host = hostIndex === undefined ? undefined : contacts[hostIndex]!.fields;
    const affinity = ({ fields }: (typeof contacts)[number]) =>
      host
        ? (fields.city === host.city ? 2 : 0) + (fields.tags?.some((tag) => host.tags?.includes(tag)) ? 1 : 0)
        : kind === 'club' && fields.tags?.includes(CLUB_TAG)
          ? 1
          : 0;
    return r
      .shuffle(contacts.map((_, index) => index).filter((index) => index !== hostIndex))
      .sort((a, b) => affinity(contacts[b]!) - affinity(contacts[a]!))
      .slice(0, r.int(8, 20));
  }

  function reply(answered: number): Pick<DemoInvitee, 'rsvp' | 'plusOnes'> {
    if (!r.chance(answered)) return { rsvp: 'pending', plusOnes: 0 };
    const roll = r.next();
    const rsvp: Rsvp = roll < 0.6 ? 'yes' : roll < 0.85 ? 'no' : 'maybe';
    return { rsvp, plusOnes: rsvp === 'yes' && r.chance(0.25) ? r.int(1, 2) : 0 };
  }

  const kinds: Array<[EventKind, string]> = [
    ['party', 'Homeparty bei'],
    ['presentation', 'Präsentation bei'],
    ['club', 'Clubabend'],
    ['online', 'Online-Präsentation'],
  ];
  const events = Array.from({ length: 12 }, (_, index) => {
    const offsetDays = (index - 6) * 9 + r.int(-3, 3);
    const date = new Date(now.getTime() + offsetDays * DAY);
    const [kind, label] = r.pick(kinds);
    const hostIndex = r.int(0, contacts.length - 1);
    const host = contacts[hostIndex]!.fields;
    const hosted = kind === 'party' || kind === 'presentation';
    const startHour = kind === 'online' ? 20 : r.pick([18, 19, 19, 20]);
    const status: EventStatus = offsetDays < -14 ? 'closed' : offsetDays < 0 ? 'held' : offsetDays < 21 ? 'invited' : 'planned';
    const fields = eventFields.parse({
      title: hosted ? `${label} ${host.firstName} ${host.lastName}` : `${label} ${pad(date.getUTCDate())}.${pad(date.getUTCMonth() + 1)}.`,
      kind,
      startsAt: berlinDateTime(date, startHour, r.pick([0, 30])),
      endsAt: berlinDateTime(date, startHour + 2, 30),
      place: kind === 'online' ? 'Videokonferenz' : kind === 'club' ? 'Vereinsheim, Lindenstraße 4' : `${host.street}, ${host.postalCode} ${host.city}`,
      capacity: kind === 'club' ? 30 : r.int(8, 16),
    });
    const startsAt = Date.parse(fields.startsAt);
    // Past events: invited weeks before, nearly everyone answered. Near ones: invitations out, many still open. Later ones: a list not yet sent.
    const past = status === 'held' || status === 'closed';
    const guests = invitees(hosted ? hostIndex : undefined, kind).map((contact): DemoInvitee => {
      if (status === 'planned') return { contact, rsvp: 'pending', plusOnes: 0, invitedAt: at(now.getTime() - r.int(0, 3) * DAY), checkins: [] };
      const invitedAt = past ? startsAt - r.int(14, 24) * DAY : now.getTime() - r.int(3, 10) * DAY;
      const answer = reply(past ? 0.9 : 0.55);
      const until = Math.min(startsAt, now.getTime());
      return {
        contact,
        ...answer,
        invitedAt: at(invitedAt),
        ...(answer.rsvp !== 'pending' && { respondedAt: at(invitedAt + r.next() * (until - invitedAt)) }),
        checkins: past ? door(startsAt, answer) : [],
      };
    });
    const createdAt = at(Math.min(startsAt - 28 * DAY, now.getTime() - 7 * DAY));
    const hostOf = hosted ? hostIndex : undefined;
    return { fields, status, createdAt, hostIndex: hostOf, invitees: guests, walkIns: past ? walkIns(startsAt, hostOf, guests) : [] };
  });
  return { contacts: [...contacts, ...walkInContacts], events };
}

/** The door's records with ids; each undo names the check-in before it. */
function records(checkins: readonly DemoCheckin[]): CheckinRecord[] {
  const made: CheckinRecord[] = [];
  for (const checkin of checkins) {
    const undoes = checkin.kind === 'undo' ? made.at(-1)?.id : undefined;
    made.push({ ...checkin, id: nanoid(), device: DOOR_DEVICE, ...(undoes && { undoes }) });
  }
  return made;
}

export function demoService(store: Store) {
  const index = invitationIndex(store);
  return {
    async load(): Promise<{ contacts: number; events: number }> {
      if (!store.isEmpty()) throw new AppError('CONFLICT', 'errors.demoNotEmpty');
      const dataset = demoDataset(new Date());
      const ids = dataset.contacts.map(() => nanoid());
      const contacts = dataset.contacts.map(({ fields, createdAt, referrer, consent }, i): Contact => ({
        ...fields,
        tags: fields.tags ?? [],
        ...(referrer !== undefined && { referredBy: ids[referrer] }),
        consents: consent ? [{ id: nanoid(), channel: 'email', purpose: 'marketing', granted: true, wording: CONSENT_WORDING, ...consent } satisfies ConsentRecord] : [],
        id: ids[i]!,
        createdAt,
        updatedAt: createdAt,
      }));
      // One write through the journal instead of one per contact.
      await store.transact({ contactIds: ids }, () => ({ contacts, result: undefined }));
      for (const { fields, status, createdAt, hostIndex, invitees, walkIns } of dataset.events) {
        const id = nanoid();
        const event: Event = { ...fields, id, status, hostId: hostIndex === undefined ? undefined : ids[hostIndex], createdAt, updatedAt: createdAt };
        await index.withNewInvitations((create) =>
          store.saveEventDocument(id, () => ({
            schemaVersion: currentVersion.event,
            event,
            invitations: [
              ...invitees.map(({ contact, invitedAt, checkins, ...answer }) => ({ ...create(ids[contact]!, invitedAt), ...answer, checkins: records(checkins) })),
              ...walkIns.map(({ contact, at }) => ({ ...walkInInvitation(create, ids[contact]!, at, 0), checkins: records([{ kind: 'checkin', at, companions: 0 }]) })),
            ],
          })),
        );
      }
      return { contacts: contacts.length, events: dataset.events.length };
    },
  };
}
