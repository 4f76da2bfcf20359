import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend';
import { createHttpApp, hostsFor, MAX_BODY_BYTES } from '../../electron/transport/http';
import { operationNames } from '../../shared/contract';
import { rm } from 'node:fs/promises';
import { tempDir } from '../helpers/backend';

let backend: Backend;
let dataDir: string;
let app: ReturnType<typeof createHttpApp>;
const host = '127.0.0.1:4317';

beforeEach(async () => {
  dataDir = await tempDir();
  backend = await openBackend({ dataDir, holder: 'web', version: '9.9.9' });
  app = createHttpApp({ dispatch: backend.dispatch, version: '9.9.9', allowedHosts: new Set(hostsFor('127.0.0.1', 4317)) });
});
afterEach(async () => {
  await backend.close();
  await rm(dataDir, { recursive: true, force: true });
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  app.request(path, { method: 'POST', body, headers: { host, 'content-type': 'application/json', ...headers } });

describe('browser-mode HTTP transport', () => {
  it('answers health and the list of operations', async () => {
    const health = await app.request('/api/health', { headers: { host } });
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, version: '9.9.9' });
    expect(await (await app.request('/api', { headers: { host } })).json()).toEqual({ ok: true, data: operationNames });
  });

  it('runs an operation and maps error codes to HTTP statuses', async () => {
    const created = await post('/api/events.create', JSON.stringify({ title: 'Clubabend', kind: 'club', startsAt: '2026-12-10T19:00:00+01:00' }));
    expect(created.status).toBe(200);
    const { data } = (await created.json()) as { data: { id: string } };

    const invalid = await post('/api/events.create', JSON.stringify({ title: '', kind: 'club', startsAt: '2026-02-30T19:00:00+01:00' }));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    expect((await post('/api/events.get', JSON.stringify({ id: 'unknown-event' }))).status).toBe(404);
    expect((await post('/api/events.fly', '{}')).status).toBe(404);
    await post('/api/events.cancel', JSON.stringify({ id: data.id }));
    const conflict = await post('/api/events.cancel', JSON.stringify({ id: data.id }));
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses broken JSON, non-JSON bodies and bodies over 32 MB, but lets a large import file through', async () => {
    expect((await post('/api/events.list', '{"from": ')).status).toBe(400);
    // A plain form post from another site (no CORS preflight) is refused.
    expect((await post('/api/events.list', '{}', { 'content-type': 'text/plain' })).status).toBe(400);
    const big = JSON.stringify({ title: 'x'.repeat(MAX_BODY_BYTES), kind: 'club', startsAt: '2026-12-10T19:00:00+01:00' });
    const tooLarge = await post('/api/events.create', big);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // A body of a few MB (an import file) reaches the operation, which judges it, as over IPC.
    const large = await post('/api/events.create', JSON.stringify({ title: 'x'.repeat(3 * 1024 * 1024), kind: 'club', startsAt: '2026-12-10T19:00:00+01:00' }));
    expect(large.status).toBe(400);
    expect(await large.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'title' }] } });
  });

  it('refuses a foreign Host header (DNS rebinding) and sends no CORS headers', async () => {
    const rebound = await app.request('/api/health', { headers: { host: 'evil.example:4317' } });
    expect(rebound.status).toBe(403);
    expect(await rebound.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await app.request('/api/health', { headers: { host: '127.0.0.1:9999' } })).status).toBe(403);
    expect((await app.request('/api/health', { headers: { host: 'localhost:4317' } })).status).toBe(200);

    const response = await post('/api/events.list', '{}', { origin: 'https://evil.example' });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).not.toContain('unsafe-eval');
  });
});

describe('hostsFor', () => {
  it('allows the loopback names on a loopback binding and only the bound name elsewhere', () => {
    expect(hostsFor('127.0.0.1', 80)).toEqual(['127.0.0.1:80', 'localhost:80', '[::1]:80']);
    expect(hostsFor('192.168.1.20', 4317)).toEqual(['192.168.1.20:4317']);
    expect(hostsFor('0.0.0.0', 1, ['10.0.0.5', 'fe80::1'])).toContain('[fe80::1]:1');
  });
});
