import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/backend';
import { startServer, type RunningServer } from './harness';

let server: RunningServer | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('a server killed mid-write', () => {
  it('loses no acknowledged write and opens again', async () => {
    dataDir = await tempDir('kk-crash-');
    server = await startServer(dataDir);
    const url = server.url;
    const acknowledged: string[] = [];
    let stopped = false;
    // Four writers keep the server busy writing contact shards and event files.
    const writer = async (n: number) => {
      for (let i = 0; !stopped; i++) {
        const operation = i % 2 ? 'events.create' : 'contacts.create';
        const body = i % 2 ? { title: `Abend ${n}-${i}`, kind: 'club', startsAt: '2026-12-10T19:00:00+01:00' } : { firstName: `Gast${n}`, lastName: `Nummer${i}` };
        try {
          const response = await fetch(`${url}/api/${operation}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          const envelope = (await response.json()) as { ok: boolean; data: { id: string } };
          if (envelope.ok) acknowledged.push(`${operation}:${envelope.data.id}`);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = [1, 2, 3, 4].map(writer);
    await new Promise((resolve) => setTimeout(resolve, 700));
    server.process.kill('SIGKILL');
    stopped = true;
    await Promise.all(writers);
    await server.stop();
    expect(acknowledged.length).toBeGreaterThan(20);

    server = await startServer(dataDir);
    const missing: string[] = [];
    for (const entry of acknowledged) {
      const [operation, id] = entry.split(':') as [string, string];
      const get = operation === 'events.create' ? 'events.get' : 'contacts.get';
      const response = await fetch(`${server.url}/api/${get}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id }) });
      if (response.status !== 200) missing.push(entry);
    }
    expect(missing).toEqual([]);
  });
});
