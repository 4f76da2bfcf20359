/**
 * Store timings at the large dataset of DESIGN.md §3 (50,000 contacts):
 * open, and a single contact write (durable, fsynced) at p50/p95.
 * Run: npm run bench. Prints numbers; asserts nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nanoid } from 'nanoid';
import { Store } from '../electron/store/store';
import type { Contact } from '../shared/schemas/contact';

const CONTACTS = 50_000;
const percentile = (samples: number[], p: number) => [...samples].sort((a, b) => a - b)[Math.floor((samples.length - 1) * p)]!.toFixed(2);

const dataDir = await mkdtemp(join(tmpdir(), 'kk-bench-'));
try {
  let store = await Store.open({ dataDir, holder: 'bench', appVersion: 'bench' });
  const now = new Date().toISOString();
  const ids = Array.from({ length: CONTACTS }, () => nanoid());
  const contact = (id: string, i: number): Contact => ({
    id, firstName: `Vorname${i}`, lastName: `Nachname${i}`, email: `person${i}@example.de`, phone: `0171 ${1000000 + i}`,
    street: `Hauptstraße ${i % 200}`, postalCode: String(10000 + (i % 89999)).padStart(5, '0'), city: 'Leipzig',
    tags: i % 5 === 0 ? ['Kundenclub'] : [], consents: [], createdAt: now, updatedAt: now,
  });
  for (let start = 0; start < CONTACTS; start += 5_000) {
    const batch = ids.slice(start, start + 5_000);
    await store.transact({ contactIds: batch }, () => ({ contacts: batch.map((id, i) => contact(id, start + i)), result: undefined }));
  }
  await store.close();

  const openStart = performance.now();
  store = await Store.open({ dataDir, holder: 'bench', appVersion: 'bench', backupIntervalMs: Number.MAX_SAFE_INTEGER });
  console.log(`open with ${CONTACTS} contacts: ${(performance.now() - openStart).toFixed(0)} ms (bar: 1500 ms)`);

  const writes: number[] = [];
  for (let i = 0; i < 300; i++) {
    const id = ids[(i * 7919) % CONTACTS]!;
    const start = performance.now();
    await store.saveContact(id, (current) => ({ ...current!, notes: `Notiz ${i}`, updatedAt: new Date().toISOString() }));
    writes.push(performance.now() - start);
  }
  console.log(`single contact write (fsynced): p50 ${percentile(writes, 0.5)} ms, p95 ${percentile(writes, 0.95)} ms (bar: 50 ms)`);
  await store.close();
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
