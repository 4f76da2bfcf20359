/**
 * The benchmark's dataset (DESIGN.md §3), generated through the real
 * operations of the dispatcher, as the app writes them: contacts by CSV
 * import (one all-or-nothing write per batch, the first ones joining the
 * club), events, invitations and orders (at events and reorders outside
 * them) one operation each. The content is
 * seeded and the same on every run; ids are random, as the app makes them.
 */
import type { Dispatch } from '../electron/dispatcher';
import { seededRandom } from '../shared/random';

export type Size = 'small' | 'large';

export interface SizeSpec {
  contacts: number;
  /** Contacts that join the club (the first ones imported). */
  members: number;
  /** Past events, each with `invitationsPerEvent` guests and `(orders - reorders) / events` orders. */
  events: number;
  invitationsPerEvent: number;
  /** All orders: at the events, and `reorders` of them outside events. */
  orders: number;
  reorders: number;
  products: number;
}

export const sizes: Record<Size, SizeSpec> = {
  small: { contacts: 2_000, members: 1_000, events: 100, invitationsPerEvent: 25, orders: 4_000, reorders: 800, products: 60 },
  large: { contacts: 50_000, members: 10_000, events: 2_000, invitationsPerEvent: 25, orders: 100_000, reorders: 20_000, products: 300 },
};

/** Guests of the one upcoming event the door view is measured at. */
const DOOR_GUESTS = 500;
/** Contacts per import (each one durable all-or-nothing write of every contact shard). */
const IMPORT_BATCH = 5_000;
/** Events whose invitations and orders are written at the same time (each its own document, so their writes overlap). */
const PARALLEL_EVENTS = 8;
/** Reorders written at the same time (those of contacts in different shards overlap). */
const PARALLEL_REORDERS = 8;

export interface Dataset {
  contactIds: string[];
  /** The past events with their guests (invitation ids). */
  events: Array<{ id: string; invitationIds: string[] }>;
  /** The upcoming event with DOOR_GUESTS invitations. */
  door: { id: string; invitationIds: string[] };
  productIds: string[];
  counts: { contacts: number; members: number; events: number; invitations: number; orders: number; reorders: number; orderLines: number; products: number };
}


const firstNames = [
  'Anna', 'Sabine', 'Petra', 'Claudia', 'Jürgen', 'Lena', 'Sophie', 'Thomas', 'Björn', 'Marie', 'Uwe', 'Hannah', 'Jörg', 'Katrin',
  'Franziska', 'Gisela', 'Ursula', 'Renate', 'Monika', 'Brigitte', 'Käthe', 'Jana', 'Nicole', 'Stefanie', 'Andrea', 'Birgit', 'Sören',
  'Maximilian', 'Lukas', 'Jürgen', 'Hildegard', 'Dörte', 'Bärbel', 'Ilse', 'Annegret', 'Mia', 'Emma', 'Leonie', 'Zoë', 'René',
];
/** Common surnames with their spelling variants (Meier/Maier/Meyer/Mayer, Schmidt/Schmitt, …): what phonetic search is for. */
const commonLastNames = [
  'Müller', 'Mueller', 'Möller', 'Schmidt', 'Schmitt', 'Schmid', 'Schneider', 'Fischer', 'Meier', 'Maier', 'Meyer', 'Mayer', 'Weber',
  'Wagner', 'Becker', 'Schulz', 'Schultz', 'Hoffmann', 'Hofmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder',
  'Schroeder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitz', 'Werner', 'Krause',
  'Köhler', 'Kähler', 'Lehmann', 'Weiß', 'Weiss', 'Jäger', 'Günther', 'Böhm', 'Würz', 'Yılmaz', 'Nowak', 'Müller-Lüdenscheidt',
];
/** Rarer surnames built from common parts: Rosenbaum, Kleinschmidt, Grünwald, … */
const stems = ['Rosen', 'Klein', 'Groß', 'Grün', 'Schön', 'Berg', 'Stein', 'Linden', 'Tannen', 'Buch', 'Hahn', 'Kirch', 'Feld', 'Wald', 'Brück', 'Mühl', 'Sonnen', 'Weiden', 'Eich', 'Hoch'];
const endings = ['baum', 'schmidt', 'wald', 'berg', 'mann', 'feld', 'hoff', 'ner', 'bach', 'hausen', 'thal', 'meier', 'brink', 'kamp', 'städter'];
const streets = ['Hauptstraße', 'Bahnhofstraße', 'Schulstraße', 'Gartenstraße', 'Lindenweg', 'Am Mühlbach', 'Goethestraße', 'Kirchplatz', 'Birkenallee', 'Rosenstraße', 'Wiesengrund', 'Bergstraße'];
const cities: Array<[string, string]> = [
  ['01', 'Dresden'], ['04', 'Leipzig'], ['10', 'Berlin'], ['20', 'Hamburg'], ['28', 'Bremen'], ['30', 'Hannover'], ['33', 'Bielefeld'],
  ['40', 'Düsseldorf'], ['44', 'Dortmund'], ['50', 'Köln'], ['53', 'Bonn'], ['60', 'Frankfurt am Main'], ['66', 'Saarbrücken'],
  ['70', 'Stuttgart'], ['79', 'Freiburg im Breisgau'], ['80', 'München'], ['86', 'Augsburg'], ['90', 'Nürnberg'], ['97', 'Würzburg'], ['99', 'Erfurt'],
];
const providers = ['web.de', 'gmx.de', 't-online.de', 'gmail.com', 'posteo.de', 'freenet.de'];
const tags = ['Gastgeberin', 'Stammkundin', 'Beraterin-Interesse', 'Newsletter', 'VIP', 'Familie', 'Nachbarschaft'];
const productWords = ['Pfanne', 'Topf', 'Schüssel', 'Messer', 'Reibe', 'Dose', 'Brotbox', 'Küchenhelfer', 'Schneidbrett', 'Mixbecher', 'Sieb', 'Auflaufform'];
const productKinds = ['Classic', 'Premium', 'Öko', 'Junior', 'Maxi', 'Mini', 'Gourmet', 'Frühling'];

const asciiFold = (text: string) =>
  text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').normalize('NFD').replace(/[^a-z0-9]/g, '');
const csvLine = (values: Array<string | number>) => values.map((value) => String(value).replace(/;/g, ',')).join(';');
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** One contact as a line of the German Excel CSV the import reads. */
function contactLine(rng: ReturnType<typeof seededRandom>, index: number): string {
  const firstName = rng.pick(firstNames);
  const lastName = rng.next() < 0.6 ? rng.pick(commonLastNames) : `${rng.pick(stems)}${rng.pick(endings)}`;
  const [prefix, city] = rng.pick(cities);
  const postalCode = `${prefix}${String(rng.below(1000)).padStart(3, '0')}`;
  const email = rng.next() < 0.8 ? `${asciiFold(firstName)}.${asciiFold(lastName)}${index}@${rng.pick(providers)}` : '';
  // Unique numbers: the import's duplicate check would otherwise (rightly) flag two people with one number.
  const phone = rng.next() < 0.7 ? `0${151 + rng.below(30)} ${String(1_000_000 + index).padStart(8, '0')}` : '';
  const birthday = rng.next() < 0.6 ? `${1 + rng.below(28)}.${1 + rng.below(12)}.${1940 + rng.below(66)}` : '';
  const tagList = rng.sample(tags, rng.below(3)).join(', ');
  return csvLine([firstName, lastName, email, phone, `${rng.pick(streets)} ${1 + rng.below(120)}`, postalCode, city, birthday, tagList]);
}

const contactHeader = ['Vorname', 'Nachname', 'E-Mail', 'Telefon', 'Straße', 'PLZ', 'Ort', 'Geburtstag', 'Tags'];
const contactMapping = {
  Vorname: 'firstName', Nachname: 'lastName', 'E-Mail': 'email', Telefon: 'phone', Straße: 'street', PLZ: 'postalCode', Ort: 'city', Geburtstag: 'birthday', Tags: 'tags',
} as const;

/** Calls an operation; a refusal stops the generation with its error. */
async function call<T>(dispatch: Dispatch, operation: string, input: unknown): Promise<T> {
  const answer = await dispatch(operation, input);
  if (!answer.ok) throw new Error(`${operation} failed while generating the dataset: ${JSON.stringify(answer.error)}`);
  return answer.data as T;
}

/** Runs `work` on every item, `parallel` at a time. */
async function inParallel<T>(items: readonly T[], parallel: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < items.length) {
      const index = nextIndex++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/**
 * Fills an empty, open data folder. `progress` gets a line per step (the
 * caller prints it to stderr).
 */
export async function generateDataset(dispatch: Dispatch, size: Size, progress: (line: string) => void, seed = 42): Promise<Dataset> {
  const spec = sizes[size];
  const rng = seededRandom(seed);

  const catalogCsv = [
    'Artikelnummer;Bezeichnung;Kategorie;Preis',
    ...Array.from({ length: spec.products }, (_, i) => {
      const cents = 490 + rng.below(20_000);
      return csvLine([`KK-${1000 + i}`, `${rng.pick(productWords)} ${rng.pick(productKinds)} ${i}`, rng.pick(['Küche', 'Backen', 'Aufbewahrung', 'Kinder']), `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`]);
    }),
  ].join('\r\n');
  await call(dispatch, 'catalog.import', { fileName: 'katalog.csv', contentBase64: base64(catalogCsv) });
  const productIds = (await call<Array<{ id: string }>>(dispatch, 'catalog.list', {})).map((product) => product.id);

  for (let start = 0; start < spec.contacts; ) {
    // The members first, in imports of their own.
    const joinClub = start < spec.members;
    const count = Math.min(IMPORT_BATCH, (joinClub ? spec.members : spec.contacts) - start);
    const lines = Array.from({ length: count }, (_, i) => contactLine(rng, start + i));
    // Likely duplicates (same name and postcode) are different people here, as the rep would decide in the preview.
    const duplicates = Object.fromEntries(lines.map((_, i) => [String(i + 2), 'create']));
    const result = await call<{ created: number }>(dispatch, 'contacts.import', {
      fileName: `kontakte-${start}.csv`,
      contentBase64: base64([csvLine(contactHeader), ...lines].join('\r\n')),
      mapping: contactMapping,
      duplicates,
      joinClub,
    });
    if (result.created !== count) throw new Error(`the import created ${result.created} of ${count} contacts`);
    start += count;
    progress(`contacts: ${start} of ${spec.contacts}`);
  }
  const { ids: contactIds } = await call<{ ids: string[] }>(dispatch, 'contacts.ids', {});

  // Past events, one every 12 hours back from now, with their guests and their orders of 2 or 3 lines (at large 40 for 25 guests).
  const ordersPerEvent = (spec.orders - spec.reorders) / spec.events;
  const plans = Array.from({ length: spec.events }, (_, i) => {
    const guests = rng.sample(contactIds, spec.invitationsPerEvent);
    return {
      title: `${rng.pick(['Homeparty', 'Kochabend', 'Präsentation', 'Backparty'])} bei ${rng.pick(firstNames)}`,
      kind: rng.pick(['party', 'presentation', 'club'] as const),
      startsAt: new Date(Date.now() - (spec.events - i) * 12 * 3_600_000).toISOString(),
      hostId: guests[0]!,
      guests,
      orders: Array.from({ length: ordersPerEvent }, (_, n) => ({
        contactId: guests[n % guests.length]!,
        lines: Array.from({ length: n % 2 === 0 ? 2 : 3 }, () => ({ productId: rng.pick(productIds), quantity: 1 + rng.below(3) })),
      })),
    };
  });
  const events: Dataset['events'] = new Array(plans.length);
  let done = 0;
  let orderLines = 0;
  await inParallel(plans, PARALLEL_EVENTS, async (plan, index) => {
    const { id } = await call<{ id: string }>(dispatch, 'events.create', { title: plan.title, kind: plan.kind, startsAt: plan.startsAt, hostId: plan.hostId, place: 'bei der Gastgeberin' });
    const { added } = await call<{ added: Array<{ id: string }> }>(dispatch, 'invitations.add', { eventId: id, contactIds: plan.guests });
    for (const order of plan.orders) {
      await call(dispatch, 'orders.create', { eventId: id, ...order });
      orderLines += order.lines.length;
    }
    events[index] = { id, invitationIds: added.map((invitation) => invitation.id) };
    if (++done % 100 === 0 || done === plans.length) progress(`events with guests and orders: ${done} of ${plans.length}`);
  });

  // Reorders outside events, of 2 or 3 lines, by contacts anywhere in the list.
  const reorders = Array.from({ length: spec.reorders }, (_, n) => ({
    contactId: rng.pick(contactIds),
    lines: Array.from({ length: n % 2 === 0 ? 2 : 3 }, () => ({ productId: rng.pick(productIds), quantity: 1 + rng.below(3) })),
  }));
  done = 0;
  await inParallel(reorders, PARALLEL_REORDERS, async (order) => {
    await call(dispatch, 'orders.create', order);
    orderLines += order.lines.length;
    if (++done % 1_000 === 0 || done === reorders.length) progress(`reorders: ${done} of ${reorders.length}`);
  });

  const door = await call<{ id: string }>(dispatch, 'events.create', {
    title: 'Große Sommerparty',
    kind: 'party',
    startsAt: new Date(Date.now() + 7 * 24 * 3_600_000).toISOString(),
    place: 'Gemeindesaal',
  });
  const { added } = await call<{ added: Array<{ id: string }> }>(dispatch, 'invitations.add', { eventId: door.id, contactIds: rng.sample(contactIds, DOOR_GUESTS) });

  return {
    contactIds,
    events,
    door: { id: door.id, invitationIds: added.map((invitation) => invitation.id) },
    productIds,
    counts: {
      contacts: contactIds.length,
      members: spec.members,
      events: events.length + 1,
      invitations: events.length * spec.invitationsPerEvent + DOOR_GUESTS,
      orders: spec.orders,
      reorders: spec.reorders,
      orderLines,
      products: productIds.length,
    },
  };
}
