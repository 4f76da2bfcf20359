import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/backend';
import { createDispatcher, type Handlers } from '../../electron/dispatcher';
import { createHttpApp, hostsFor, MAX_BODY_BYTES } from '../../electron/transport/http';
import { isOperationName, operationNames } from '../../shared/contract';
import { demoBackend, folderSnapshot } from '../helpers/folder';

/**
 * The browser-mode bridge refuses what is not a well-formed JSON call of a known operation from
 * its own origin: broken JSON, other content types, oversized bodies (however announced), odd
 * operation names, foreign Host headers, other methods. No handler runs for any of them, and the
 * data folder stays byte for byte as it was.
 */

let backend: Backend;
let dataDir: string;
let close: () => Promise<void>;
let filesBefore: Record<string, string>;
/** Every operation name the bridge handed to the dispatcher. */
let dispatched: string[] = [];
let app: ReturnType<typeof createHttpApp>;
let server: ReturnType<typeof serve>;
let port: number;
const allowedHosts = new Set<string>();

beforeAll(async () => {
  ({ backend, dataDir, close } = await demoBackend('kk-http-bridge-'));
  filesBefore = await folderSnapshot(dataDir);
  app = createHttpApp({
    dispatch: (operation, input) => {
      dispatched.push(operation);
      return backend.dispatch(operation, input);
    },
    version: 'test',
    allowedHosts,
  });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      port = info.port;
      for (const name of hostsFor('127.0.0.1', port)) allowedHosts.add(name);
      resolve();
    });
  });
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await close();
});
beforeEach(() => {
  dispatched = [];
});
afterEach(async () => {
  expect(await folderSnapshot(dataDir)).toEqual(filesBefore);
});

const host = () => `127.0.0.1:${port}`;
const post = (path: string, body: BodyInit | null, headers: Record<string, string> = {}) =>
  app.request(path, { method: 'POST', body, headers: { host: host(), 'content-type': 'application/json', ...headers } });

async function expectRefused(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(await response.json()).toMatchObject({ ok: false, error: { code } });
}

/** Sends raw bytes over a socket (headers exactly as written) and answers the first status code the server sends. */
function rawRequest(head: string, body: (write: (chunk: string | Buffer) => boolean, end: () => void) => void = () => undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (data) => {
      received += data.toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(received);
      if (status) {
        socket.destroy();
        resolve(Number(status[1]));
      }
    });
    // The server may answer and close while the body is still being sent.
    socket.on('error', (error: NodeJS.ErrnoException) => (['EPIPE', 'ECONNRESET'].includes(error.code ?? '') ? undefined : reject(error)));
    socket.on('close', () => reject(new Error(`closed without a status line: ${received.slice(0, 200)}`)));
    socket.write(head.replace(/\n/g, '\r\n'));
    body(
      (chunk) => !socket.destroyed && socket.write(chunk),
      () => socket.end(),
    );
  });
}

describe('bad JSON', () => {
  it.each([
    ['{', 'cut off'],
    ['{"title": }', 'a missing value'],
    ["{'title': 'x'}", 'single quotes'],
    ['{"title": "x",}', 'a trailing comma'],
    ['{"a": 1}}', 'a stray brace'],
    ['undefined', 'a JavaScript word'],
    ['NaN', 'NaN'],
    ['{"title": "\\uZZZZ"}', 'a broken escape'],
    ['{"a": 1} {"b": 2}', 'two values'],
    ['\u0000', 'a NUL byte'],
  ])('refuses %j (%s) with VALIDATION', async (body) => {
    await expectRefused(await post('/api/contacts.create', body), 400, 'VALIDATION');
    expect(dispatched).toEqual([]);
  });

  it.each(['[]', '1', '"Anna"', 'true', '[{"firstName": "Anna"}]'])('hands valid JSON that is no object (%s) to the schema, which refuses it', async (body) => {
    await expectRefused(await post('/api/contacts.create', body), 400, 'VALIDATION');
  });
});

describe('content types', () => {
  const body = JSON.stringify({ firstName: 'Anna', lastName: 'Fremd' });
  it.each([
    ['text/plain'],
    ['text/plain;charset=UTF-8'],
    ['application/x-www-form-urlencoded'],
    ['multipart/form-data; boundary=----x'],
    ['application/jsonp'],
    ['application/json-patch+json'],
    ['text/json'],
    ['application/xml'],
  ])('refuses %s: no other site can post a form to it', async (contentType) => {
    await expectRefused(await post('/api/contacts.create', body, { 'content-type': contentType }), 400, 'VALIDATION');
    expect(dispatched).toEqual([]);
  });

  it('refuses a body without a content type', async () => {
    // A byte body gets no default content type (a string body would get text/plain).
    const response = await app.request('/api/contacts.create', { method: 'POST', body: new TextEncoder().encode(body), headers: { host: host() } });
    await expectRefused(response, 400, 'VALIDATION');
    expect(dispatched).toEqual([]);
  });

  it('accepts JSON with a charset parameter, in any case', async () => {
    const response = await post('/api/contacts.search', JSON.stringify({ query: 'Anna' }), { 'content-type': 'Application/JSON; charset=utf-8' });
    expect(response.status).toBe(200);
  });
});

describe('huge bodies', () => {
  const tooLarge = MAX_BODY_BYTES + 1;

  it('refuses a body announced larger than the limit before reading it', async () => {
    const status = await rawRequest(`POST /api/contacts.create HTTP/1.1\nHost: ${host()}\nContent-Type: application/json\nContent-Length: ${tooLarge}\n\n`);
    expect(status).toBe(413);
    expect(dispatched).toEqual([]);
  });

  it('counts a chunked body without Content-Length and refuses it at the limit', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    const status = await rawRequest(`POST /api/contacts.create HTTP/1.1\nHost: ${host()}\nContent-Type: application/json\nTransfer-Encoding: chunked\n\n`, (write) => {
      const writeChunk = (data: Buffer) => write(Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]));
      writeChunk(Buffer.from('{"firstName": "'));
      for (let sent = 0; sent <= tooLarge; sent += chunk.length) writeChunk(chunk);
      write('0\r\n\r\n');
    });
    expect(status).toBe(413);
    expect(dispatched).toEqual([]);
  });

  it('reads no more than a Content-Length that understates the body', async () => {
    // 20 bytes of JSON text are cut-off JSON; the rest is no request at all.
    const status = await rawRequest(`POST /api/contacts.create HTTP/1.1\nHost: ${host()}\nContent-Type: application/json\nContent-Length: 20\n\n`, (write) => {
      write(`{"firstName": "${'x'.repeat(MAX_BODY_BYTES + 1024)}"}`);
    });
    expect(status).toBe(400);
    expect(dispatched).toEqual([]);
  });

  it('waits for a body that a Content-Length overstates, and runs nothing when it never comes', async () => {
    const outcome = await rawRequest(`POST /api/contacts.create HTTP/1.1\nHost: ${host()}\nContent-Type: application/json\nContent-Length: ${MAX_BODY_BYTES}\n\n`, (write, end) => {
      write('{"firstName": "Anna", "lastName": "Halb"}');
      end();
    }).catch(() => 'closed without an answer');
    expect([400, 'closed without an answer']).toContain(outcome);
    expect(dispatched).toEqual([]);
  });

  it('takes a body sent without Content-Length or chunked encoding as empty, and the rest as no request', async () => {
    const status = await rawRequest(`POST /api/contacts.create HTTP/1.1\nHost: ${host()}\nContent-Type: application/json\n\n`, (write) => {
      write(`{"firstName": "Anna", "lastName": "${'x'.repeat(MAX_BODY_BYTES + 1024)}"}`);
    });
    // The empty body reaches the schema as {}, which lacks the required names.
    expect(status).toBe(400);
    expect(dispatched).toEqual(['contacts.create']);
  });

  it('refuses a request announcing both Content-Length and chunked encoding (request smuggling)', async () => {
    const status = await rawRequest(`POST /api/contacts.create HTTP/1.1\nHost: ${host()}\nContent-Type: application/json\nContent-Length: 4\nTransfer-Encoding: chunked\n\n`, (write) => {
      write('2\r\n{}\r\n0\r\n\r\n');
    });
    expect(status).toBe(400);
    expect(dispatched).toEqual([]);
  });

  it('refuses an oversized body sent in-process as well', async () => {
    const response = await post('/api/contacts.create', JSON.stringify({ firstName: 'x'.repeat(tooLarge) }));
    await expectRefused(response, 413, 'VALIDATION');
    expect(dispatched).toEqual([]);
  });
});

describe('odd operation names', () => {
  const odd = [
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'isPrototypeOf',
    '__defineGetter__',
    'prototype',
    '..%2fcontacts.list',
    '..%2F..%2Fpackage.json',
    '%2e%2e%2fcontacts.list',
    'contacts.list%2f..%2f..',
    'contacts.list%00',
    'contacts.list%20',
    'CONTACTS.LIST',
    'contacts',
    '.',
    'x'.repeat(5000),
    encodeURIComponent('kontakte.löschen'),
    encodeURIComponent('😀'),
    encodeURIComponent('contacts.list\u202e'),
    '%E0%A4%A',
  ];

  it.each(odd.map((name) => [name.length > 40 ? `${name.slice(0, 20)}… (${name.length} characters)` : name, name]))('refuses %s with NOT_FOUND or VALIDATION', async (_label, name) => {
    const response = await post(`/api/${name}`, '{}');
    expect([400, 404]).toContain(response.status);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(NOT_FOUND|VALIDATION)$/) } });
    expect(dispatched.filter(isOperationName)).toEqual([]);
  });

  it.each(['/api/', '/api', '/api/../contacts.list', '/api/./contacts.list/', '/api/contacts.list/x', '/api//contacts.list'])(
    'refuses the path %s without running an operation',
    async (path) => {
      const status = await rawRequest(`POST ${path} HTTP/1.1\nHost: ${host()}\nContent-Type: application/json\nContent-Length: 2\n\n{}`);
      expect([400, 404]).toContain(status);
      expect(dispatched.filter(isOperationName)).toEqual([]);
    },
  );

  it('knows operations by their own names only, not by what every object inherits', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__lookupGetter__']) {
      expect(isOperationName(name), name).toBe(false);
    }
    expect(operationNames.every(isOperationName)).toBe(true);
  });

  it('runs no handler for a name that is not an operation', async () => {
    const handlers = Object.fromEntries(operationNames.map((name) => [name, vi.fn(() => ({}))])) as unknown as Handlers & Record<string, ReturnType<typeof vi.fn>>;
    const dispatch = createDispatcher(handlers);
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', '../contacts.list', 'contacts.list ']) {
      expect(await dispatch(name, {}), name).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    for (const name of operationNames) expect(handlers[name]).not.toHaveBeenCalled();
  });
});

describe('foreign Host headers', () => {
  it.each([
    ['another site', 'evil.example'],
    ['another site on our port', () => `evil.example:${port}`],
    ['our address on another port', '127.0.0.1:1'],
    ['our address without the port', '127.0.0.1'],
    ['a rebinding name ending in ours', () => `localhost.evil.example:${port}`],
    ['a rebinding name resolving to loopback', () => `127.0.0.1.nip.io:${port}`],
    ['another spelling of loopback', () => `127.1:${port}`],
    ['the wildcard address', () => `0.0.0.0:${port}`],
    ['a name with a trailing dot', () => `localhost.:${port}`],
    ['our address with credentials', () => `user@127.0.0.1:${port}`],
    ['an empty Host', ''],
  ])('refuses %s with FORBIDDEN', async (_name, value) => {
    const hostHeader = typeof value === 'function' ? value() : value;
    const response = await app.request('/api/contacts.list', { method: 'POST', body: '{}', headers: { host: hostHeader, 'content-type': 'application/json' } });
    await expectRefused(response, 403, 'FORBIDDEN');
    expect(dispatched).toEqual([]);
  });

  it('refuses a request without a Host header', async () => {
    // HTTP/1.1 requires Host (Node answers 400 itself); HTTP/1.0 reaches the bridge, which refuses it.
    expect(await rawRequest('POST /api/contacts.list HTTP/1.1\nContent-Type: application/json\nContent-Length: 2\n\n{}')).toBe(400);
    expect(await rawRequest('POST /api/contacts.list HTTP/1.0\nContent-Type: application/json\nContent-Length: 2\n\n{}')).toBe(403);
    expect(dispatched).toEqual([]);
  });

  it('answers its own names', async () => {
    for (const name of [host(), `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      const response = await app.request('/api/app.status', { method: 'POST', body: '{}', headers: { host: name, 'content-type': 'application/json' } });
      expect(response.status, name).toBe(200);
    }
  });
});

describe('methods', () => {
  it.each(['GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'])('refuses %s on an operation, without CORS headers', async (method) => {
    const response = await app.request('/api/contacts.list', {
      method,
      headers: { host: host(), origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).toBeNull();
    expect(dispatched).toEqual([]);
  });
});
