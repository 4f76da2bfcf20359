/**
 * Contact search and list at 50,000 contacts, through the real store and
 * dispatcher: `npx tsx bench/contacts-search.bench.ts`. Prints p50/p95 per
 * kind of call; the bar (DESIGN.md §3) is 5 ms p95 for search.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend } from '../electron/backend';
import { contactShardOf, currentVersion, paths } from '../electron/store/documents';
import type { Contact } from '../shared/schemas/contact';

const COUNT = 50_000;
const firstNames = ['Anna', 'Sabine', 'Petra', 'Claudia', 'Jürgen', 'Lena', 'Sophie', 'Thomas', 'Björn', 'Marie', 'Uwe', 'Hannah', 'Jörg', 'Katrin', 'Franziska'];
const lastNames = ['Müller', 'Schmidt', 'Schmitt', 'Meier', 'Maier', 'Meyer', 'Mayer', 'Schröder', 'Weiß', 'Fischer', 'Köhler', 'Krüger', 'Hoffmann', 'Wagner', 'Becker', 'Zimmermann', 'Schäfer', 'Neumann', 'Müller-Lüdenscheidt', 'Yılmaz'];
const cities: Array<[string, string]> = [['01067', 'Dresden'], ['04109', 'Leipzig'], ['10115', 'Berlin'], ['50667', 'Köln'], ['80331', 'München'], ['90402', 'Nürnberg']];

let seed = 42;
const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

function generate(index: number): Contact {
  const firstName = pick(firstNames);
  // A numbered suffix on most names keeps exact-name matches realistic (not 2,500 "Meier").
  const lastName = next() < 0.8 ? `${pick(lastNames)}${index % 97 === 0 ? '' : String.fromCharCode(97 + (index % 26))}${index % 13}` : pick(lastNames);
  const [postalCode, city] = pick(cities);
  const at = new Date(Date.UTC(2020, 0, 1) + index * 60_000).toISOString();
  return {
    id: `c${index.toString(36).padStart(8, '0')}`,
    firstName,
    lastName,
    email: next() < 0.7 ? `${firstName}.${index}@example.de`.toLowerCase().normalize('NFD').replace(/\p{Diacritic}/gu, '') : undefined,
    phone: next() < 0.6 ? `0${170 + (index % 10)} ${String(1_000_000 + index * 7).slice(0, 7)}` : undefined,
    postalCode,
    city,
    birthday: next() < 0.5 ? `--${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}` : undefined,
    tags: next() < 0.3 ? ['Kundenclub'] : [],
    consents: [],
    createdAt: at,
    updatedAt: at,
  };
}

function percentiles(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(2);
  console.log(`${label.padEnd(34)} p50 ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms   (${samples.length} runs)`);
}

async function timed(runs: number, call: (run: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const answer = (await call(run)) as { ok: boolean };
    samples.push(performance.now() - start);
    if (!answer.ok) throw new Error(JSON.stringify(answer));
  }
  return samples;
}

const dataDir = await mkdtemp(join(tmpdir(), 'kk-bench-'));
try {
  const shards = new Map<string, Record<string, Contact>>();
  for (let i = 0; i < COUNT; i++) {
    const contact = generate(i);
    const shard = contactShardOf(contact.id);
    shards.set(shard, { ...shards.get(shard), [contact.id]: contact });
  }
  await mkdir(join(dataDir, paths.contactsDir), { recursive: true });
  for (const [shard, contacts] of shards) {
    await writeFile(join(dataDir, paths.contactShard(shard)), JSON.stringify({ schemaVersion: currentVersion.contacts, contacts }));
  }

  let start = performance.now();
  const backend = await openBackend({ dataDir, holder: 'web', version: 'bench' });
  console.log(`open with ${COUNT} contacts (load, validate, index): ${(performance.now() - start).toFixed(0)} ms`);
  const call = (operation: string, input: unknown) => backend.dispatch(operation, input);

  const typed = ['s', 'sc', 'sch', 'schr', 'schro', 'schrod', 'schrode', 'schroder', 'm', 'me', 'mey', 'meye', 'meyer'];
  const queries = [...typed, 'anna meier', 'müller-lüdenscheidt', 'dresden', '0171', '0171 100', 'anna.1234@example', 'xyzzy'];
  await timed(50, (run) => call('contacts.search', { query: queries[run % queries.length] })); // warm-up
  percentiles('search (typing, mixed queries)', await timed(1000, (run) => call('contacts.search', { query: queries[run % queries.length] })));
  percentiles('list page 200, no filter', await timed(200, (run) => call('contacts.list', { limit: 200, offset: (run * 200) % COUNT })));
  percentiles('list with query "mey"', await timed(200, () => call('contacts.list', { query: 'mey', limit: 200 })));
  percentiles('list tag + place + birthday month', await timed(200, (run) => call('contacts.list', { tags: ['Kundenclub'], place: '0', birthdayMonth: 1 + (run % 12), limit: 200 })));
  percentiles('ids, has e-mail', await timed(100, () => call('contacts.ids', { hasEmail: true })));
  percentiles('update (shard fsync + index)', await timed(100, (run) => call('contacts.update', { id: generate(run * 499).id, lastName: `Neu${run}` })));
  start = performance.now();
  await call('contacts.duplicates', {});
  console.log(`duplicates over ${COUNT} contacts: ${(performance.now() - start).toFixed(0)} ms`);
  await backend.close();
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
