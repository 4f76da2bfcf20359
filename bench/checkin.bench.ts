/**
 * The door at the large dataset (50,000 contacts, 2,000 events with their
 * invitations and check-ins), through the real store and dispatcher:
 * `npx tsx bench/checkin.bench.ts`. Prints p50/p95; the bar (DESIGN.md §3)
 * is a durable check-in in 5 ms at p95. Asserts nothing.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend } from '../electron/backend';
import { newEventDocument, paths, type EventDocument } from '../electron/store/documents';
import { INVITATION_CODE_ALPHABET, type Invitation } from '../shared/schemas/invitation';
import { generateContact, percentiles, timed, writeContacts } from './large-dataset';

const CONTACTS = 50_000;
const EVENTS = 2_000;
const INVITED = 20;
const AT_THE_DOOR = 60;

const padded = (prefix: string, n: number) => `${prefix}${n.toString(36).padStart(8, '0')}`;
let invitations = 0;
/** Codes from a counter: unique across all events, as the app keeps them. */
function code(n: number): string {
  let text = '';
  for (let i = 0; i < 6; i++, n = Math.floor(n / 32)) text += INVITATION_CODE_ALPHABET[n % 32];
  return text;
}

function eventDocument(index: number, guests: number, past: boolean): EventDocument {
  const startsAt = new Date(Date.UTC(2022, 0, 1) + index * 12 * 3_600_000).toISOString();
  const invited = Array.from({ length: guests }, (_, i): Invitation => {
    const n = invitations++;
    const arrived = past && i % 3 !== 0;
    return {
      id: padded('i', n),
      contactId: generateContact((index * 7919 + i * 104_729) % CONTACTS).id,
      code: code(n),
      rsvp: i % 4 === 0 ? 'no' : 'yes',
      plusOnes: i % 5 === 0 ? 1 : 0,
      invitedAt: startsAt,
      walkIn: false,
      checkins: arrived ? [{ id: padded('r', n), kind: 'checkin', at: startsAt, device: 'Laptop', companions: 0 }] : [],
    };
  });
  return {
    ...newEventDocument({ id: padded('e', index), title: `Homeparty ${index}`, kind: 'party', startsAt, status: past ? 'closed' : 'invited', createdAt: startsAt, updatedAt: startsAt }),
    invitations: invited,
  };
}

const dataDir = await mkdtemp(join(tmpdir(), 'kk-bench-'));
try {
  await writeContacts(dataDir, CONTACTS);
  await mkdir(join(dataDir, paths.eventsDir), { recursive: true });
  const door = eventDocument(EVENTS, AT_THE_DOOR, false);
  for (const document of [...Array.from({ length: EVENTS }, (_, i) => eventDocument(i, INVITED, true)), door]) {
    await writeFile(join(dataDir, paths.event(document.event.id)), JSON.stringify(document));
  }

  const start = performance.now();
  const backend = await openBackend({ dataDir, holder: 'web', version: 'bench' });
  console.log(`open with ${CONTACTS} contacts and ${EVENTS} events (load, validate, index): ${(performance.now() - start).toFixed(0)} ms`);
  const call = (operation: string, input: unknown) => backend.dispatch(operation, input);
  const eventId = door.event.id;
  const guest = (run: number) => door.invitations[run % AT_THE_DOOR]!;

  // Each round checks every guest in and takes it back, so every check-in is a real one.
  const checkIns: number[] = [];
  const undos: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const { id } of door.invitations) {
      checkIns.push(...(await timed(1, () => call('checkin.checkIn', { eventId, invitationId: id }))));
      undos.push(...(await timed(1, () => call('checkin.undo', { eventId, invitationId: id }))));
    }
  }
  percentiles('checkIn by invitation (fsynced)', checkIns);
  percentiles('undo (fsynced)', undos);
  const byCode: number[] = [];
  for (let run = 0; run < 120; run++) {
    byCode.push(...(await timed(1, () => call('checkin.checkIn', { eventId, code: guest(run).code.toLowerCase() }))));
    await call('checkin.undo', { eventId, invitationId: guest(run).id });
  }
  percentiles('checkIn by code (fsynced)', byCode);
  // Everyone is there now: a second check-in answers the first and writes nothing.
  for (const { id } of door.invitations) await call('checkin.checkIn', { eventId, invitationId: id });
  percentiles('checkIn again (already there)', await timed(120, (run) => call('checkin.checkIn', { eventId, invitationId: guest(run).id })));

  const typed = ['m', 'me', 'mei', 'meie', 'meier', 's', 'sc', 'sch', 'schr', 'schro', 'schrod', 'schroder', 'anna', 'anna mey', door.invitations[7]!.code];
  percentiles('search at the door (typing)', await timed(600, (run) => call('checkin.search', { eventId, query: typed[run % typed.length] })));
  percentiles('state (counts and list)', await timed(200, () => call('checkin.state', { eventId })));
  percentiles('walkIn (contact + event, journal)', await timed(50, (run) => call('checkin.walkIn', { eventId, contact: { firstName: 'Nora', lastName: `Neu${run}`, email: `nora.neu${run}@example.de` } })));
  await backend.close();
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
