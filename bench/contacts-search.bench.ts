/**
 * Contact search and list at 50,000 contacts, through the real store and
 * dispatcher: `npx tsx bench/contacts-search.bench.ts`. Prints p50/p95 per
 * kind of call; the bar (DESIGN.md §3) is 5 ms p95 for search.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend } from '../electron/backend';
import { generateContact, percentiles, timed, writeContacts } from './large-dataset';

const COUNT = 50_000;

const dataDir = await mkdtemp(join(tmpdir(), 'kk-bench-'));
try {
  await writeContacts(dataDir, COUNT);

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
  percentiles('update (shard fsync + index)', await timed(100, (run) => call('contacts.update', { id: generateContact(run * 499).id, lastName: `Neu${run}` })));
  start = performance.now();
  await call('contacts.duplicates', {});
  console.log(`duplicates over ${COUNT} contacts: ${(performance.now() - start).toFixed(0)} ms`);
  await backend.close();
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
