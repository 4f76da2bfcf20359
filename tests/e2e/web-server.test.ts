import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/backend';
import { runServerToExit, startServer, type RunningServer } from './harness';

const running: RunningServer[] = [];
const folders: string[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.stop();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function serve(dataDir: string): Promise<RunningServer> {
  const server = await startServer(dataDir);
  running.push(server);
  return server;
}

async function folder(): Promise<string> {
  const dir = await tempDir('kk-web-');
  folders.push(dir);
  return dir;
}

const post = (server: RunningServer, operation: string, body: unknown) =>
  fetch(`${server.url}/api/${operation}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function filesOf(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && !entry.name.startsWith('.lock')) files.set(join(entry.parentPath, entry.name), (await readFile(join(entry.parentPath, entry.name))).toString('base64'));
  }
  return files;
}

describe('npm run web (the built server)', () => {
  it('serves the app, refuses bad input without touching a file, and keeps data over a restart', async () => {
    const dataDir = await folder();
    let server = await serve(dataDir);
    expect(await (await fetch(`${server.url}/api/health`)).json()).toMatchObject({ ok: true, version: expect.any(String) });
    expect(await (await fetch(`${server.url}/`)).text()).toContain('<div id="root">');

    const event = await (await post(server, 'events.create', { title: 'Homeparty', kind: 'party', startsAt: '2026-12-04T19:00:00+01:00' })).json();
    const contact = await (await post(server, 'contacts.create', { firstName: 'Jörg', lastName: 'Weiß', phone: '0171 2345678' })).json();

    const before = await filesOf(dataDir);
    const invalid = await post(server, 'events.create', { title: '', kind: 'party', startsAt: '2026-02-30T19:00:00+01:00' });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await filesOf(dataDir)).toEqual(before);

    const unknown = await post(server, 'events.teleport', {});
    expect(unknown.status).toBe(404);

    await server.stop();
    running.splice(0);
    server = await serve(dataDir);
    expect(await (await post(server, 'events.get', { id: event.data.id })).json()).toMatchObject({ ok: true, data: { title: 'Homeparty' } });
    expect(await (await post(server, 'contacts.get', { id: contact.data.id })).json()).toMatchObject({ ok: true, data: { lastName: 'Weiß' } });
  });

  it('refuses to start a second server on the same folder, saying which process holds it', async () => {
    const dataDir = await folder();
    const first = await serve(dataDir);
    const second = await runServerToExit(dataDir);
    expect(second.code).not.toBe(0);
    expect(second.output).toContain(`browser mode, process ${first.process.pid}`);
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
  });

  it('serves a folder with a corrupt file in recovery mode, names the file and leaves it as it was', async () => {
    const dataDir = await folder();
    const server = await serve(dataDir);
    await post(server, 'settings.update', { locale: 'en' });
    await server.stop();
    running.splice(0);
    const broken = '{"schemaVersion":1,"settings":{"locale":"klingon"}}';
    await writeFile(join(dataDir, 'settings.json'), broken);

    const recovering = await serve(dataDir);
    await expect.poll(() => recovering.output()).toContain('the file settings.json');
    expect(await (await post(recovering, 'app.status', {})).json()).toMatchObject({ ok: true, data: { state: 'recovery', broken: [{ file: 'settings.json' }] } });
    expect(await (await post(recovering, 'contacts.list', {})).json()).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
    // No backup holds a good copy: the restore is refused.
    expect(await (await post(recovering, 'recovery.restore', {})).json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await readFile(join(dataDir, 'settings.json'), 'utf8')).toBe(broken);
  });
});
