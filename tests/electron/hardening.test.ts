import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/csp';
import { IPC_CHANNEL } from '../../electron/transport/channel';
import { runBuiltPreload, BUILT_PRELOAD } from './built-preload';
import { fakeEvent, FakeWebContents } from './fake-electron';
import { boot, start, state } from './main-harness';

/**
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security, 20 items),
 * item by item, against the main-process configuration of electron/main.ts (loaded with the stubbed
 * `electron` of fake-electron.ts), the built renderer page and preload, package.json and the
 * electron-builder configuration. DESIGN.md §2, Security.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const BUILT_INDEX = path.join(root, 'dist/renderer/index.html');
const APP_PAGE = 'app://kundenkreis/index.html';
const appFrame = { url: APP_PAGE, parent: null };

function builtIndex(): string {
  if (!existsSync(BUILT_INDEX)) throw new Error(`${BUILT_INDEX} is missing: run \`npm run build\` first.`);
  return readFileSync(BUILT_INDEX, 'utf8');
}

/** A CSP as directive -> sources. */
function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';').map((entry) => entry.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    directives.set(name!.toLowerCase(), sources);
  }
  return directives;
}

const webPreferences = async () => (await start()).window!.options.webPreferences!;

/** Every webContents main.ts guards: the window's and one created later (a print preview, a devtools view). */
async function everyWebContents() {
  const { electron, window } = await start();
  const other = new FakeWebContents();
  electron.app.emit('web-contents-created', fakeEvent(), other);
  return [window!.webContents, other];
}

describe('Electron security checklist', () => {
  it('#1 Only load secure content: the app page comes from the app itself, and every network request is cancelled', async () => {
    const { electron, window } = await start();
    expect(window!.loadURL).toHaveBeenCalledTimes(1);
    expect(window!.loadURL).toHaveBeenCalledWith(APP_PAGE);
    const { filter, listener } = electron.defaultSession.beforeRequest!;
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    for (const url of ['https://cdn.example/react.js', 'http://tracker.example/pixel.gif', 'wss://evil.example/socket']) {
      const answer = await new Promise<{ cancel?: boolean }>((resolve) => listener({ url }, resolve));
      expect(answer, url).toEqual({ cancel: true });
    }
    // The built page names no resource outside the app.
    expect(builtIndex()).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:|wss?:|\/\/)/i);
  });

  it('#2 Do not enable Node.js integration: not in the window, its workers or its subframes', async () => {
    const prefs = await webPreferences();
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('#3 Enable context isolation', async () => {
    expect((await webPreferences()).contextIsolation).toBe(true);
  });

  it('#4 Enable process sandboxing: in the window, and for every renderer before the app is ready', async () => {
    expect((await webPreferences()).sandbox).toBe(true);
    // At load, before ready: the fake's enableSandbox throws after ready, as Electron's does.
    const electron = await boot();
    expect(electron.app.enableSandbox).toHaveBeenCalledTimes(1);
  });

  it('#5 Handle session permission requests: request and check handlers allow only the camera, only for the app page', async () => {
    const { electron } = await start();
    const request = electron.defaultSession.permissionRequestHandler!;
    const check = electron.defaultSession.permissionCheckHandler!;
    const ask = (permission: string, details: object) => new Promise<boolean>((resolve) => request({}, permission, resolve, { isMainFrame: true, ...details }));
    await expect(ask('media', { requestingUrl: APP_PAGE, mediaTypes: ['video'] })).resolves.toBe(true);
    expect(check({}, 'media', 'app://kundenkreis', { isMainFrame: true, mediaType: 'video' })).toBe(true);
    await expect(ask('media', { requestingUrl: APP_PAGE, mediaTypes: ['audio'] })).resolves.toBe(false);
    expect(check({}, 'media', 'app://kundenkreis', { isMainFrame: true, mediaType: 'audio' })).toBe(false);
    await expect(ask('media', { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] })).resolves.toBe(false);
    expect(check({}, 'media', 'https://evil.example', { isMainFrame: true, mediaType: 'video' })).toBe(false);
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'midi', 'pointerLock', 'openExternal', 'hid', 'serial', 'usb', 'idle-detection', 'storage-access', 'fileSystem', 'unknown']) {
      await expect(ask(permission, { requestingUrl: APP_PAGE }), permission).resolves.toBe(false);
      expect(check({}, permission, 'app://kundenkreis', { isMainFrame: true }), permission).toBe(false);
    }
    expect(electron.defaultSession.devicePermissionHandler!({ deviceType: 'hid', origin: 'app://kundenkreis' })).toBe(false);
  });

  it('#6 Do not disable webSecurity', async () => {
    expect((await webPreferences()).webSecurity).toBe(true);
  });

  it('#7 Define a Content Security Policy: strict, sent with every app page, and not weakened by the built index.html', async () => {
    const policy = parseCsp(CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    for (const [directive, sources] of policy) {
      // No eval, no remote origin, no wildcard anywhere; inline only for styles (Mantine injects style tags).
      expect(sources.filter((source) => /unsafe-eval|wasm-unsafe-eval|unsafe-hashes|\*|^https?:|^wss?:|^http|^\/\//.test(source)), directive).toEqual([]);
      if (directive !== 'style-src') expect(sources, directive).not.toContain("'unsafe-inline'");
    }

    // The app protocol sends it with the built page.
    const { electron } = await start();
    const response = await electron.protocolHandlers.get('app')!(new Request(APP_PAGE));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const served = await response.text();
    expect(served).toBe(builtIndex());

    // The page's own meta policy is the same (frame-ancestors aside, which a meta tag cannot carry).
    const metas = [...served.matchAll(/<meta\s+http-equiv=["']Content-Security-Policy["']\s+content=(["'])(.*?)\1/gis)];
    expect(metas).toHaveLength(1);
    const meta = parseCsp(metas[0]![2]!);
    expect(meta).toEqual(new Map([...policy].filter(([directive]) => directive !== 'frame-ancestors')));

    // Nothing in the page needs a weaker policy: no inline script, no inline handler, no javascript: URL,
    // only the app's own scripts and styles.
    const scripts = [...served.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(body!.trim(), 'inline script').toBe('');
      expect(attributes).toMatch(/\bsrc=["']\.\/assets\/[\w.-]+\.js["']/);
    }
    expect(served).not.toMatch(/\son[a-z]+\s*=/i);
    expect(served).not.toMatch(/javascript:/i);
    for (const [, href] of served.matchAll(/<link\b[^>]*\bhref=["']([^"']+)["']/gi)) expect(href).toMatch(/^\.\/assets\//);
  });

  it('#8 Do not enable allowRunningInsecureContent', async () => {
    expect((await webPreferences()).allowRunningInsecureContent).toBe(false);
  });

  it('#9 Do not enable experimental features', async () => {
    expect((await webPreferences()).experimentalFeatures).toBe(false);
  });

  it('#10 Do not use enableBlinkFeatures', async () => {
    expect(await webPreferences()).not.toHaveProperty('enableBlinkFeatures');
  });

  it('#11 <webview>: do not use allowpopups — there are no webviews: the tag is off', async () => {
    expect((await webPreferences()).webviewTag).toBe(false);
  });

  it('#12 <webview>: verify options and params — every attempt to attach one is refused, in every webContents', async () => {
    for (const contents of await everyWebContents()) {
      const event = fakeEvent();
      contents.emit('will-attach-webview', event, { nodeIntegration: true, preload: '/tmp/evil.js' }, { src: 'https://evil.example/', allowpopups: 'true' });
      expect(event.defaultPrevented).toBe(true);
    }
  });

  it('#13 Disable or limit navigation: only within the app, in every webContents', async () => {
    for (const contents of await everyWebContents()) {
      for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
        for (const [url, isMainFrame, allowed] of [
          ['https://evil.example/', true, false],
          ['https://kundenkreis.example/', false, false],
          ['file:///etc/passwd', true, false],
          ['http://127.0.0.1:4317/', true, false],
          ['app://kundenkreis.evil.example/index.html', true, false],
          ['javascript:alert(1)', true, false],
          ['about:blank', true, false],
          [APP_PAGE, true, true],
          ['app://kundenkreis/kontakte', true, true],
        ] as const) {
          const event = fakeEvent({ url, isMainFrame });
          contents.emit(name, event, url);
          expect(event.defaultPrevented, `${name} ${url}`).toBe(!allowed);
        }
      }
    }
    expect((await webPreferences()).navigateOnDragDrop).toBe(false);
  });

  it('#14 Disable or limit creation of new windows: every window.open is denied, in every webContents', async () => {
    for (const contents of await everyWebContents()) {
      expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
      for (const url of [APP_PAGE, 'https://example.com/', 'about:blank', 'file:///etc/passwd', '']) {
        expect(contents.windowOpenHandler!({ url }), url).toEqual({ action: 'deny' });
      }
    }
  });

  it('#15 Do not use shell.openExternal with untrusted content: only parsed http(s) and mailto URLs leave the app', async () => {
    const { electron, window } = await start();
    const open = window!.webContents.windowOpenHandler!;
    const refused = [
      'file:///C:/Windows/System32/calc.exe',
      'smb://attacker.example/share/payload.exe',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x',
      'javascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'app://kundenkreis/index.html',
      'https://user:pass@bank.example/',
      'https://',
      'not a url',
    ];
    for (const url of refused) open({ url });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    for (const [url, opened] of [
      ['https://example.com/katalog?x=1', 'https://example.com/katalog?x=1'],
      ['HTTP://EXAMPLE.COM', 'http://example.com/'],
      ['mailto:anna@example.de?subject=Einladung', 'mailto:anna@example.de?subject=Einladung'],
    ]) {
      open({ url: url! });
      expect(electron.shell.openExternal).toHaveBeenLastCalledWith(opened);
    }
  });

  it('#16 Use a current version of Electron: a supported major (one of the latest three)', () => {
    const range = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { optionalDependencies: Record<string, string> }).optionalDependencies.electron!;
    const major = Number(/^\^?(\d+)\./.exec(range)?.[1]);
    // Electron ships a major every eight weeks (39.0.0 on 2025-10-28) and supports the latest three.
    // Counting nine weeks per release stays on the safe side of holiday gaps: it never assumes a major not out yet.
    const released = 39 + Math.floor((Date.now() - Date.parse('2025-10-28')) / (63 * 24 * 3600 * 1000));
    const oldestSupported = released - 2;
    expect(major, `electron ${range} is out of support: update it to ^${released} (npm install --save-optional electron@^${released})`).toBeGreaterThanOrEqual(oldestSupported);
  });

  it('#17 Validate the sender of all IPC messages: only the app page\'s top frame reaches the backend', async () => {
    const { electron } = await start();
    const handler = electron.ipcHandlers.get(IPC_CHANNEL)!;
    expect([...electron.ipcHandlers.keys()]).toEqual([IPC_CHANNEL]);
    for (const senderFrame of [
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///tmp/evil.html', parent: null },
      { url: APP_PAGE, parent: appFrame },
      { url: 'app://kundenkreis.evil.example/index.html', parent: null },
      null,
    ]) {
      await expect(handler({ senderFrame }, 'contacts.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(state.backend.dispatch).not.toHaveBeenCalled();
    await expect(handler({ senderFrame: appFrame }, 'contacts.list', {})).resolves.toMatchObject({ ok: true });
  });

  it('#18 Avoid the file:// protocol: the page comes from a privileged custom scheme that serves only the built renderer', async () => {
    const { electron, window } = await start();
    // Standard and secure for an origin and the camera; no bypassCSP, no CORS.
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(window!.loadURL.mock.calls.flat().join(' ')).not.toMatch(/file:/);
    const serve = electron.protocolHandlers.get('app')!;
    for (const url of ['app://kundenkreis/..%2f..%2fpackage.json', 'app://kundenkreis/%2e%2e/%2e%2e/electron-builder.yml', 'app://evil/index.html']) {
      expect((await serve(new Request(url))).status, url).toBeGreaterThanOrEqual(400);
    }
    expect(builderConfig().get('grantFileProtocolExtraPrivileges')).toBe('false');
  });

  it('#19 Check which fuses you can change: electron-builder flips every fuse that widens the attack surface', () => {
    const fuses = builderConfig();
    expect(Object.fromEntries(fuses)).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      grantFileProtocolExtraPrivileges: 'false',
      enableCookieEncryption: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
    });
  });

  it('#20 Do not expose Electron APIs to untrusted web content: the window\'s preload is the built one, exposing only call', async () => {
    // The preload sits next to the main module: dist-electron/ in the built app, where the build puts it.
    const preload = (await webPreferences()).preload as string;
    expect(preload).toBe(path.join(root, 'electron', 'preload.cjs'));
    expect(path.dirname(BUILT_PRELOAD)).toBe(path.join(root, 'dist-electron'));
    expect(existsSync(path.join(root, 'dist-electron', 'main.js'))).toBe(true);
    const { exposed } = runBuiltPreload();
    expect(exposed.map(({ key, api }) => [key, Reflect.ownKeys(api as object)])).toEqual([['kundenkreis', ['call']]]);
  });
});

describe('beyond the checklist (DESIGN.md §2)', () => {
  it('takes the single-instance lock and quits if another instance holds it', async () => {
    const electron = await boot({ lock: false });
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(electron.app.quit).toHaveBeenCalled();
  });

  it('offers no developer tools or reload in the packaged app', async () => {
    type Item = { role?: string; submenu?: Item[] };
    const roles = (items: Item[]): string[] => items.flatMap((item) => [item.role ?? '', ...roles(item.submenu ?? [])]);
    const { electron } = await start({ isPackaged: true });
    const [menu] = electron.Menu.setApplicationMenu.mock.calls.at(-1) as [{ template: Item[] }];
    expect(roles(menu.template)).not.toContain('toggleDevTools');
    expect(roles(menu.template)).not.toContain('reload');
  });
});

/** The electronFuses block of electron-builder.yml, key -> value as written. */
function builderConfig(): Map<string, string> {
  const lines = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8').split('\n');
  const start = lines.findIndex((line) => /^electronFuses:\s*$/.test(line));
  expect(start, 'electron-builder.yml has an electronFuses block').toBeGreaterThanOrEqual(0);
  const fuses = new Map<string, string>();
  for (const line of lines.slice(start + 1)) {
    const entry = /^\s+(\w+):\s*(\S+)\s*$/.exec(line);
    if (!entry) break;
    fuses.set(entry[1]!, entry[2]!);
  }
  return fuses;
}
