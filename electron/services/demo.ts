import { nanoid } from 'nanoid';
import { AppError } from '../../shared/errors';
import type { Product } from '../../shared/schemas/catalog';
import { contactFields, type Contact } from '../../shared/schemas/contact';
import type { CheckinRecord } from '../../shared/schemas/checkin';
import type { ConsentRecord } from '../../shared/schemas/consent';
import { eventFields, type Event, type EventKind, type EventStatus } from '../../shared/schemas/event';
import type { Rsvp } from '../../shared/schemas/invitation';
import { formatMemberNumber } from '../../shared/club/points';
import type { JoinSource, Membership, MemberStatus, StoredPointsEntry } from '../../shared/schemas/club';
import { lineTotalCents } from '../../shared/orders';
import type { Order, Payment, PaymentMethod } from '../../shared/schemas/order';
import { newEventDocument } from '../store/documents';
import type { Store } from '../store/store';
import { walkInInvitation } from './checkin';
import { invitationIndex } from './invitation-index';
import { heldFollowUps, withFollowUps } from './tasks';
import { localDate } from '../../shared/days';
import { seededRandom } from '../../shared/random';

/**
 * A realistic German dataset for trying the app and for screenshots: about
 * 150 contacts of a rep's circle with recommendation chains, consent and a
 * customer club (memberships, some paused, one ended, a few points entered by
 * hand), and a dozen events around today with invitee lists and replies;
 * past events have their check-ins (and no-shows) and a walk-in or two who
 * gave consent at the door. A catalog of about thirty products; orders from
 * most who came to past events (and their hosts) with payments, a few reorders
 * between parties, an upcoming party booked at a past one, and the follow-up
 * tasks of past events. Seeded, so the same seed and date give the same data.
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
/** A party-plan catalog: sku, name, category, price in cents, refill interval in days for what gets used up. */
const catalog: Array<[string, string, string, number, number?]> = [
  ['K-1001', 'Gewürzmühle Keramik', 'Küche', 2490],
  ['K-1002', 'Schmortopf 24 cm', 'Küche', 12900],
  ['K-1003', 'Pfannenwender Silikon', 'Küche', 1190],
  ['K-1004', 'Küchenmesser Santoku', 'Küche', 5990],
  ['K-1005', 'Schneidebrett Eiche', 'Küche', 3490],
  ['K-1006', 'Ofenform Stoneware', 'Küche', 4490],
  ['K-1007', 'Zitruspresse', 'Küche', 1690],
  ['K-1008', 'Backmatte Dauerbackfolie', 'Küche', 1490],
  ['V-2001', 'Gewürzmischung Italienische Kräuter', 'Vorrat', 790, 60],
  ['V-2002', 'Grillgewürz Rauchpaprika', 'Vorrat', 890, 60],
  ['V-2003', 'Curry mild', 'Vorrat', 850, 60],
  ['V-2004', 'Dip-Mix Knoblauch', 'Vorrat', 590, 45],
  ['V-2005', 'Olivenöl nativ extra 500 ml', 'Vorrat', 1490, 45],
  ['D-3001', 'Raumduft Lavendel', 'Duft', 1990, 90],
  ['D-3002', 'Duftkerze Vanille', 'Duft', 1790, 60],
  ['D-3003', 'Duftstäbchen Zeder', 'Duft', 2490, 90],
  ['D-3004', 'Wäscheparfum Frische Brise', 'Duft', 1290, 60],
  ['D-3005', 'Aromadiffuser Porzellan', 'Duft', 3990],
  ['P-4001', 'Handcreme Mandel 75 ml', 'Pflege', 990, 60],
  ['P-4002', 'Duschgel Zitronengras', 'Pflege', 890, 45],
  ['P-4003', 'Gesichtscreme Hyaluron', 'Pflege', 3490, 90],
  ['P-4004', 'Körperbutter Sheabutter', 'Pflege', 1890, 90],
  ['P-4005', 'Haarkur Argan', 'Pflege', 1690, 60],
  ['P-4006', 'Lippenbalsam Honig', 'Pflege', 490, 60],
  ['R-5001', 'Allzweckreiniger Konzentrat', 'Reinigung', 1290, 90],
  ['R-5002', 'Mikrofasertuch-Set', 'Reinigung', 1990],
  ['R-5003', 'Spülmittel Orange', 'Reinigung', 690, 60],
  ['W-6001', 'Windlicht Glas', 'Wohnen', 2290],
  ['W-6002', 'Servierschale Bambus', 'Wohnen', 2790],
  ['W-6003', 'Geschenkset Genießerabend', 'Wohnen', 4990],
];
const paymentMethods: readonly PaymentMethod[] = ['cash', 'cash', 'card', 'transfer', 'paypal'];
// How likely an invitee turns up, by her reply.
const turnsUp: Record<Rsvp, number> = { yes: 0.9, maybe: 0.5, pending: 0.15, no: 0.03 };


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

type DemoPayment = Pick<Payment, 'method' | 'amountCents' | 'at'>;

/** An order by indexes into the dataset's contacts, events and catalog. */
interface DemoOrder {
  contact: number;
  event: number | undefined;
  lines: Array<{ product: number; quantity: number }>;
  status: Order['status'];
  createdAt: string;
  payments: DemoPayment[];
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
  const r = seededRandom(seed);
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
    return { fields, status, createdAt, hostIndex: hostOf, invitees: guests, walkIns: past ? walkIns(startsAt, hostOf, guests) : [], bookedAt: undefined as number | undefined };
  });
  // A guest of the last past event booked the first upcoming one: a party at her place.
  const bookedAt = events.findLastIndex((event) => event.status === 'held' || event.status === 'closed');
  const booking = events.findIndex((event) => event.status === 'invited' || event.status === 'planned');
  const booker = events[bookedAt]?.invitees.find((guest) => guest.checkins.at(-1)?.kind === 'checkin')?.contact;
  if (booker !== undefined && booking >= 0) {
    const upcoming = events[booking]!;
    const host = contacts[booker]!.fields;
    events[booking] = {
      ...upcoming,
      fields: { ...upcoming.fields, kind: 'party', title: `Homeparty bei ${host.firstName} ${host.lastName}`, place: `${host.street}, ${host.postalCode} ${host.city}` },
      hostIndex: booker,
      bookedAt,
      invitees: upcoming.invitees.filter((guest) => guest.contact !== booker),
    };
  }

  /** Paid in full mostly; now and then part in cash; at events not yet closed some still owe it all. */
  function payments(totalCents: number, after: number, closed: boolean): DemoPayment[] {
    const roll = r.next();
    if (!closed && roll < 0.2) return [];
    const paidAt = at(after + r.int(0, 3) * DAY);
    if (roll < (closed ? 0.1 : 0.4)) return [{ method: 'cash', amountCents: Math.max(500, Math.floor(totalCents / 2 / 500) * 500), at: paidAt }];
    return [{ method: r.pick(paymentMethods), amountCents: totalCents, at: paidAt }];
  }
  function order(contact: number, event: number | undefined, createdAt: number, status: DemoOrder['status'], products: readonly number[] = catalog.map((_, index) => index)): DemoOrder {
    const lines = r.shuffle(products).slice(0, r.int(1, 4)).map((product) => ({ product, quantity: r.chance(0.8) ? 1 : r.int(2, 3) }));
    const totalCents = lines.reduce((sum, line) => sum + lineTotalCents({ quantity: line.quantity, unitPriceCents: catalog[line.product]![3], discountPercent: 0 }), 0);
    return { contact, event, lines, status, createdAt: at(createdAt), payments: payments(totalCents, createdAt, status === 'delivered') };
  }
  // Past events: most who came ordered, and the host; entered the next morning from the paper forms.
  const orders: DemoOrder[] = events.flatMap((event, index) => {
    if (event.status !== 'held' && event.status !== 'closed') return [];
    const came = [...event.invitees.filter((guest) => guest.checkins.at(-1)?.kind === 'checkin').map((guest) => guest.contact), ...event.walkIns.map((walkIn) => walkIn.contact)];
    const buyers = [...came.filter(() => r.chance(0.8)), ...(event.hostIndex === undefined ? [] : [event.hostIndex])];
    const entered = Date.parse(event.fields.startsAt) + DAY;
    return buyers.map((buyer) => order(buyer, index, entered, event.status === 'closed' ? 'delivered' : r.pick(['open', 'placed'] as const)));
  });
  // Reorders between parties: club members refill what they use up.
  const refillable = catalog.flatMap((product, index) => (product[4] === undefined ? [] : [index]));
  const members = contacts.flatMap(({ fields }, index) => (fields.tags?.includes(CLUB_TAG) ? [index] : []));
  for (const member of r.shuffle(members).slice(0, 3)) orders.push(order(member, undefined, now.getTime() - r.int(20, 80) * DAY, 'delivered', refillable));
  return { contacts: [...contacts, ...walkInContacts], events, orders, club: clubMembers(r, now, contacts, walkInContacts.map(({ createdAt }) => createdAt)) };
}

interface DemoMember {
  /** Index into the dataset's contacts. */
  contact: number;
  joinedAt: number;
  status: MemberStatus;
  statusChangedAt?: string;
  source: JoinSource;
  points: Array<Pick<StoredPointsEntry, 'at' | 'kind' | 'points' | 'reason'>>;
}

/**
 * The customer club: everyone tagged so and about a third of the others,
 * joined some time after being taken down, and a third of the walk-ins, who
 * joined at the door. A few paused, one left; a few got a bonus and redeemed
 * part of it.
 */
function clubMembers(r: ReturnType<typeof seededRandom>, now: Date, contacts: ReadonlyArray<{ fields: { tags?: string[] }; createdAt: string }>, walkInsAt: readonly string[]): DemoMember[] {
  const today = now.getTime();
  const members: DemoMember[] = [];
  for (const [index, { fields, createdAt }] of contacts.entries()) {
    if (!fields.tags?.includes(CLUB_TAG) && !r.chance(0.3)) continue;
    const known = Date.parse(createdAt);
    const joinedAt = Math.min(known + r.int(0, 365) * DAY, today - DAY);
    members.push({ contact: index, joinedAt, status: r.chance(0.1) ? 'paused' : 'active', source: 'contact', points: [] });
  }
  for (const [index, at] of walkInsAt.entries()) {
    if (r.chance(0.35)) members.push({ contact: contacts.length + index, joinedAt: Date.parse(at), status: 'active', source: 'door', points: [] });
  }
  const earliest = [...members].sort((a, b) => a.joinedAt - b.joinedAt);
  const left = earliest[0]!;
  left.status = 'left';
  left.statusChangedAt = new Date(left.joinedAt + (today - left.joinedAt) / 2).toISOString();
  // The bonus comes first, so that a redemption never takes more than there is.
  for (const member of r.shuffle(earliest.slice(1).filter((member) => member.joinedAt < today - 90 * DAY)).slice(0, 4)) {
    const bonusAt = member.joinedAt + r.int(1, 20) * DAY;
    member.points.push({ at: new Date(bonusAt).toISOString(), kind: 'adjustment', points: 100, reason: 'Bonus für die Gastgeberaktion' });
    if (r.chance(0.5)) member.points.push({ at: new Date(bonusAt + r.int(10, 40) * DAY).toISOString(), kind: 'redemption', points: -50, reason: 'Gutschein über 5 € eingelöst' });
  }
  return members.sort((a, b) => a.joinedAt - b.joinedAt);
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
  const clubSettings = store.singletons.club.data.settings;
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
      const productIds = catalog.map(() => nanoid());
      const products = catalog.map(([sku, name, category, priceCents, refillDays], i): Product => ({
        id: productIds[i]!,
        sku,
        name,
        category,
        priceCents,
        active: true,
        ...(refillDays !== undefined && { refillDays }),
        createdAt: dataset.contacts[0]!.createdAt,
        updatedAt: dataset.contacts[0]!.createdAt,
      }));
      await store.singletons.catalog.update((current) => ({ next: { ...current, products: Object.fromEntries(products.map((product) => [product.id, product])) }, result: undefined }));
      const eventIds = dataset.events.map(() => nanoid());
      const orders = dataset.orders.map(({ contact, event, lines, status, createdAt, payments }): Order => ({
        id: nanoid(),
        ...(event !== undefined && { eventId: eventIds[event] }),
        contactId: ids[contact]!,
        lines: lines.map(({ product, quantity }) => ({ productId: productIds[product]!, sku: products[product]!.sku, name: products[product]!.name, quantity, unitPriceCents: products[product]!.priceCents, discountPercent: 0 })),
        status,
        payments: payments.map((payment) => ({ ...payment, id: nanoid() })),
        createdAt,
        updatedAt: payments.at(-1)?.at ?? createdAt,
      }));
      const reorders = orders.filter((order) => !order.eventId);
      await store.transact({ reorderContactIds: reorders.map((order) => order.contactId) }, () => ({ reorders, result: undefined }));
      for (const [i, { fields, status, createdAt, hostIndex, invitees, walkIns, bookedAt }] of dataset.events.entries()) {
        const id = eventIds[i]!;
        const event: Event = {
          ...fields,
          id,
          status,
          hostId: hostIndex === undefined ? undefined : ids[hostIndex],
          ...(bookedAt !== undefined && { bookedAtEventId: eventIds[bookedAt] }),
          createdAt,
          updatedAt: createdAt,
        };
        await index.withNewInvitations((create) =>
          store.saveEventDocument(id, () => ({
            ...newEventDocument(event),
            orders: orders.filter((order) => order.eventId === id),
            invitations: [
              ...invitees.map(({ contact, invitedAt, checkins, ...answer }) => ({ ...create(ids[contact]!, invitedAt), ...answer, checkins: records(checkins) })),
              ...walkIns.map(({ contact, at }) => ({ ...walkInInvitation(create, ids[contact]!, at, 0), checkins: records([{ kind: 'checkin', at, companions: 0 }]) })),
            ],
          })),
        );
      }
      const memberships = dataset.club.map(({ contact, joinedAt, status, statusChangedAt, source, points }, i): Membership => ({
        contactId: ids[contact]!,
        memberNumber: formatMemberNumber(clubSettings.memberNumberFormat, i + 1),
        joinedOn: localDate(new Date(joinedAt)),
        status,
        ...(statusChangedAt && { statusChangedAt }),
        source,
        points: points.map((entry) => ({ ...entry, id: nanoid() })),
        absences: [],
      }));
      await store.singletons.club.update((current) => ({
        next: { ...current, memberships: Object.fromEntries(memberships.map((membership) => [membership.contactId, membership])), nextMemberNumber: memberships.length + 1 },
        result: undefined,
      }));
      // Once every event is on file (bookings point forward): the follow-up of past events, done for closed ones.
      for (const [i, { status, fields }] of dataset.events.entries()) {
        if (status !== 'held' && status !== 'closed') continue;
        const createdAt = new Date(Date.parse(fields.startsAt) + DAY).toISOString();
        await store.saveEventDocument(eventIds[i]!, (current) => {
          const document = withFollowUps(current!, heldFollowUps(store, current!, createdAt));
          if (status === 'held') return document;
          return { ...document, tasks: document.tasks.map((task) => ({ ...task, done: true, doneAt: `${task.due}T10:00:00Z` })) };
        });
      }
      return { contacts: contacts.length, events: dataset.events.length };
    },
  };
}
