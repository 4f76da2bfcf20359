/**
 * The large benchmark dataset of DESIGN.md §3, written straight into a data
 * folder (faster than through the store), and the timing helpers the
 * benchmarks print with. Shared by the benchmarks that go through the
 * dispatcher.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contactShardOf, currentVersion, paths } from '../electron/store/documents';
import type { Contact } from '../shared/schemas/contact';

const firstNames = ['Anna', 'Sabine', 'Petra', 'Claudia', 'Jürgen', 'Lena', 'Sophie', 'Thomas', 'Björn', 'Marie', 'Uwe', 'Hannah', 'Jörg', 'Katrin', 'Franziska'];
const lastNames = ['Müller', 'Schmidt', 'Schmitt', 'Meier', 'Maier', 'Meyer', 'Mayer', 'Schröder', 'Weiß', 'Fischer', 'Köhler', 'Krüger', 'Hoffmann', 'Wagner', 'Becker', 'Zimmermann', 'Schäfer', 'Neumann', 'Müller-Lüdenscheidt', 'Yılmaz'];
const cities: Array<[string, string]> = [['01067', 'Dresden'], ['04109', 'Leipzig'], ['10115', 'Berlin'], ['50667', 'Köln'], ['80331', 'München'], ['90402', 'Nürnberg']];

let seed = 42;
const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

/** The contact with this number; the same number gives the same id. */
export function generateContact(index: number): Contact {
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

/** Writes `count` generated contacts into their shards. */
export async function writeContacts(dataDir: string, count: number): Promise<void> {
  const shards = new Map<string, Record<string, Contact>>();
  for (let i = 0; i < count; i++) {
    const contact = generateContact(i);
    const shard = contactShardOf(contact.id);
    shards.set(shard, { ...shards.get(shard), [contact.id]: contact });
  }
  await mkdir(join(dataDir, paths.contactsDir), { recursive: true });
  for (const [shard, contacts] of shards) {
    await writeFile(join(dataDir, paths.contactShard(shard)), JSON.stringify({ schemaVersion: currentVersion.contacts, contacts }));
  }
}

export function percentiles(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(2);
  console.log(`${label.padEnd(34)} p50 ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms   (${samples.length} runs)`);
}

/** Runs `call` `runs` times through the dispatcher, each answer must be ok; answers the durations. */
export async function timed(runs: number, call: (run: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const answer = (await call(run)) as { ok: boolean };
    samples.push(performance.now() - start);
    if (!answer.ok) throw new Error(JSON.stringify(answer));
  }
  return samples;
}
