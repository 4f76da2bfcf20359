import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, mimeTypeOf } from '../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';

let base: string;
let root: string;
let serve: ReturnType<typeof createAppProtocolHandler>;
const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'kk-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Kundenkreis</title>');
  await writeFile(path.join(root, 'assets', 'index-abc.js'), 'console.log("ok")');
  await writeFile(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(path.join(root, 'assets', 'logo.svg'), '<svg/>');
  await writeFile(path.join(root, 'assets', 'font.woff2'), 'woff2');
  await writeFile(path.join(root, 'assets', 'a b.png'), 'png');
  await mkdir(path.join(root, 'assets', 'folder.js'));
  // A secret next to the renderer folder, as a traversal target.
  await writeFile(path.join(base, 'secret.txt'), 'top secret');
  serve = createAppProtocolHandler(root);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('app:// protocol handler', () => {
  it.each([
    ['app://kundenkreis/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Kundenkreis</title>'],
    ['app://kundenkreis/', 'text/html; charset=utf-8', '<!doctype html><title>Kundenkreis</title>'],
    ['app://kundenkreis/assets/index-abc.js', 'text/javascript; charset=utf-8', 'console.log("ok")'],
    ['app://kundenkreis/assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://kundenkreis/assets/logo.svg', 'image/svg+xml', '<svg/>'],
    ['app://kundenkreis/assets/font.woff2', 'font/woff2', 'woff2'],
    ['app://kundenkreis/assets/a%20b.png', 'image/png', 'png'],
  ])('serves %s as %s', async (url, type, body) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe(body);
  });

  it('answers client-side routes with index.html', async () => {
    const response = await get('app://kundenkreis/events/01HXYZ');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Kundenkreis</title>');
  });

  it('answers a missing asset with 404, not with index.html', async () => {
    const response = await get('app://kundenkreis/assets/missing.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers a directory with 404, or with the app for extension-less routes', async () => {
    expect((await get('app://kundenkreis/assets/folder.js')).status).toBe(404);
    const route = await get('app://kundenkreis/assets/');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Kundenkreis</title>');
  });

  it.each([
    'app://kundenkreis/..%2fsecret.txt',
    'app://kundenkreis/assets/..%2f..%2fsecret.txt',
    'app://kundenkreis/%2e%2e%2fsecret.txt',
    'app://kundenkreis/..%5csecret.txt',
  ])('never serves files outside the renderer folder: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('top secret');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('folds ../ that the URL parser resolves back into the folder', async () => {
    const response = await get('app://kundenkreis/../secret.txt');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('top secret');
  });

  it('refuses other hosts', async () => {
    const response = await get('app://other/index.html');
    expect(response.status).toBe(403);
  });

  it('answers HEAD without a body and refuses writes', async () => {
    const head = await get('app://kundenkreis/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get('app://kundenkreis/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(post.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('gives unknown types no executable MIME type', () => {
    expect(mimeTypeOf('x.exe')).toBe('application/octet-stream');
    expect(mimeTypeOf('X.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('noext')).toBe('application/octet-stream');
  });
});
