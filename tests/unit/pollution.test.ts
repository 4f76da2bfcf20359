import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { createHttpApp, hostsFor } from '../../electron/transport/http';
import { operationNames, operations } from '../../shared/contract';
import { demoBackend, folderSnapshot } from '../helpers/folder';
import { keyedPositions, plausible, pollutionPayloads, setAt, withPayload } from '../helpers/invalid-input';

/**
 * Prototype pollution through JSON input is impossible: "__proto__", "constructor" and
 * "prototype" keys sent to every operation, at the top and in every object or record field
 * (import mappings, patches, settings, club views), over HTTP and straight to the dispatcher
 * (as IPC delivers them), are refused with VALIDATION; Object.prototype stays as it was and no
 * such key reaches the data folder.
 */

const host = '127.0.0.1:4317';
let backend: Backend;
let dataDir: string;
let close: () => Promise<void>;
let app: ReturnType<typeof createHttpApp>;
let prototypeKeys: string[];

beforeAll(async () => {
  ({ backend, dataDir, close } = await demoBackend('kk-pollution-'));
  app = createHttpApp({ dispatch: backend.dispatch, version: 'test', allowedHosts: new Set(hostsFor('127.0.0.1', 4317)) });
  prototypeKeys = Object.getOwnPropertyNames(Object.prototype);
});
afterAll(() => close());

const post = (operation: string, body: string) =>
  app.request(`/api/${operation}`, { method: 'POST', body, headers: { host, 'content-type': 'application/json' } });

function expectPrototypesUntouched() {
  expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys);
  const fresh: Record<string, unknown> = {};
  expect(fresh.polluted).toBeUndefined();
  expect(fresh.toString).toBe(Object.prototype.toString);
  expect(Object.prototype.valueOf).toBeTypeOf('function');
  expect(Object.getPrototypeOf(fresh)).toBe(Object.prototype);
}

/** Keys of every JSON document of the data folder (backups included) that could reach a prototype. */
async function dangerousStoredKeys(): Promise<string[]> {
  const found: string[] = [];
  for (const file of Object.keys(await folderSnapshot(dataDir)).filter((path) => path.endsWith('.json'))) {
    JSON.parse(await readFile(join(dataDir, file), 'utf8'), (key, value: unknown) => {
      if (['__proto__', 'constructor', 'prototype'].includes(key)) found.push(`${file}: ${key}`);
      return value;
    });
  }
  return found;
}

describe('prototype pollution', () => {
  it.each(operationNames)('%s refuses every payload at every place, over HTTP and IPC', async (name) => {
    const schema = operations[name].input;
    const base = plausible(schema);
    const before = await folderSnapshot(dataDir);
    for (const path of keyedPositions(schema)) {
      for (const payload of pollutionPayloads) {
        const input = path.length === 0 ? withPayload(payload, base) : setAt(base, path, withPayload(payload, {}));
        const body = JSON.stringify(input);
        expect(body).toMatch(/"(__proto__|constructor|prototype)":/);
        const overHttp = await post(name, body);
        expect(overHttp.status, `${payload} at "${path.join('.')}"`).toBe(400);
        expect(await overHttp.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
        // IPC delivers a structured clone: the same own keys as JSON.parse makes.
        expect(await backend.dispatch(name, structuredClone(JSON.parse(body)))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      }
    }
    expectPrototypesUntouched();
    expect(await folderSnapshot(dataDir)).toEqual(before);
  });

  it('refuses "__proto__" as a column of an import mapping, where the schema would drop it silently', async () => {
    const csv = Buffer.from('Vorname;Nachname\nHedwig;Pollmann\n').toString('base64');
    const body = `{"fileName": "liste.csv", "contentBase64": "${csv}", "mapping": {"__proto__": "firstName", "Vorname": "firstName"}}`;
    const answer = await post('contacts.import', body);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'mapping' }] } });
    const found = await backend.dispatch('contacts.search', { query: 'Pollmann' });
    expect(found).toEqual({ ok: true, data: [] });
    expectPrototypesUntouched();
  });

  it('imports a file whose columns are named like Object.prototype members, and stores no such key', async () => {
    const csv = 'Vorname;Nachname;constructor;toString;__proto__;hasOwnProperty;prototype\nHedwig;Pollmann;a;b;c;d;e\n';
    const answer = await post(
      'contacts.import',
      JSON.stringify({
        fileName: 'liste.csv',
        contentBase64: Buffer.from(csv).toString('base64'),
        mapping: { constructor: 'ignore', toString: 'ignore', hasOwnProperty: 'notes', prototype: 'ignore' },
      }),
    );
    expect(await answer.json()).toMatchObject({ ok: true, data: { created: 1, errors: [] } });
    const found = await backend.dispatch('contacts.search', { query: 'Pollmann' });
    expect(found).toMatchObject({ ok: true, data: [{ firstName: 'Hedwig', lastName: 'Pollmann' }] });
    const [contact] = (found as { data: Array<{ notes?: string }> }).data;
    // The unmapped columns land in the notes as text, the ignored ones nowhere.
    expect(contact!.notes).toContain('__proto__: c');
    expect(contact!.notes).toContain('hasOwnProperty: d');
    expect(contact!.notes).not.toContain('constructor');
    expectPrototypesUntouched();
    expect(await dangerousStoredKeys()).toEqual([]);
  });
});
