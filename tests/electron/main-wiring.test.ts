import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL } from '../../electron/transport/channel';
import { fakeEvent, FakeWebContents, type FakeElectron } from './fake-electron';
import { boot, start, state } from './main-harness';

/**
 * The wiring of electron/main.ts against a stubbed `electron` module (the real
 * one needs the binary). The backend is stubbed too: this is about what main.ts
 * does with Electron; the real backend runs in the Electron smoke test and in
 * the store/service tests.
 */

describe('before ready', () => {
  it('registers the app scheme as privileged before ready, and serves it only after', async () => {
    const electron = await boot();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const [schemes] = electron.protocol.registerSchemesAsPrivileged.mock.calls[0] as [unknown];
    expect(schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const privileges = (schemes as Array<{ privileges: Record<string, boolean> }>)[0]!.privileges;
    expect(privileges.bypassCSP).toBeUndefined();
    expect(privileges.corsEnabled).toBeUndefined();
    expect(electron.protocol.handle).not.toHaveBeenCalled();

    electron.makeReady();
    await vi.waitFor(() => expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function)));
  });

  it('sandboxes every renderer', async () => {
    const electron = await boot();
    expect(electron.app.enableSandbox).toHaveBeenCalled();
  });

  it('takes the single-instance lock', async () => {
    const electron = await boot();
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(electron.app.quit).not.toHaveBeenCalled();
  });

  it('quits without opening anything when another instance holds the lock', async () => {
    const electron = await boot({ lock: false });
    expect(electron.app.quit).toHaveBeenCalled();
    electron.makeReady();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(electron.BrowserWindow.instances).toHaveLength(0);
    expect(electron.protocol.handle).not.toHaveBeenCalled();
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
    expect(state.backend.openBackend).not.toHaveBeenCalled();
  });

  it('moves userData to KUNDENKREIS_USER_DATA before taking the lock', async () => {
    const electron = await boot({ env: { KUNDENKREIS_USER_DATA: 'relative/profile' } });
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', path.resolve('relative/profile'));
    expect(electron.log.indexOf('setPath:userData')).toBeLessThan(electron.log.indexOf('requestSingleInstanceLock'));
  });
});

describe('the window', () => {
  it('is created with the secure webPreferences', async () => {
    const { window } = await start();
    const prefs = window!.options.webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toMatch(/preload\.cjs$/);
    expect(path.isAbsolute(prefs.preload as string)).toBe(true);
  });

  it('loads the app page from the app scheme', async () => {
    const { window } = await start();
    expect(window!.loadURL).toHaveBeenCalledWith('app://kundenkreis/index.html');
  });

  it('sets up session handlers, the protocol and the menu before the window exists', async () => {
    const { electron } = await start();
    const windowAt = electron.log.indexOf('BrowserWindow');
    expect(electron.log.indexOf('protocol.handle:app')).toBeLessThan(windowAt);
    expect(electron.log.indexOf('setPermissionRequestHandler')).toBeLessThan(windowAt);
    expect(electron.log.indexOf('setPermissionCheckHandler')).toBeLessThan(windowAt);
    expect(electron.log.indexOf(`ipcMain.handle:${IPC_CHANNEL}`)).toBeLessThan(windowAt);
  });

  it('focuses the running window when a second instance starts', async () => {
    const { electron, window } = await start();
    window!.minimized = true;
    electron.app.emit('second-instance', fakeEvent(), ['kundenkreis'], '/');
    expect(window!.restore).toHaveBeenCalled();
    expect(window!.focus).toHaveBeenCalled();
  });
});

describe('the app protocol', () => {
  it('answers with the strict CSP, no eval and no remote origins', async () => {
    const { electron } = await start();
    const handler = electron.protocolHandlers.get('app')!;
    const response = await handler(new Request('app://kundenkreis/assets/does-not-exist.js'));
    expect(response.status).toBe(404);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).not.toMatch(/https?:|wss?:|\*/);
  });

  it('refuses traversal out of the renderer folder', async () => {
    const { electron } = await start();
    const handler = electron.protocolHandlers.get('app')!;
    const response = await handler(new Request('app://kundenkreis/..%2f..%2fpackage.json'));
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('"name"');
  });
});

describe('navigation and new windows', () => {
  function navigate(contents: FakeWebContents, name: string, url: string, isMainFrame = true) {
    const event = fakeEvent({ url, isMainFrame });
    contents.emit(name, event, url);
    return event.defaultPrevented;
  }

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s away from the app is prevented', async (name) => {
    const { window } = await start();
    const contents = window!.webContents;
    expect(navigate(contents, name, 'https://evil.example/')).toBe(true);
    expect(navigate(contents, name, 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, name, 'http://127.0.0.1:4317/')).toBe(true);
    expect(navigate(contents, name, 'app://other/index.html')).toBe(true);
    expect(navigate(contents, name, 'app://kundenkreis/index.html')).toBe(false);
  });

  it('guards every other webContents too, and refuses webviews', async () => {
    const { electron } = await start();
    const other = new FakeWebContents();
    electron.app.emit('web-contents-created', fakeEvent(), other);
    expect(navigate(other, 'will-navigate', 'https://evil.example/')).toBe(true);
    const attach = fakeEvent();
    other.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
    expect(other.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('denies every window.open and opens only http(s) and mailto externally', async () => {
    const { electron, window } = await start();
    const open = window!.webContents.windowOpenHandler!;
    const cases: Array<[string, string | null]> = [
      ['https://example.com/katalog', 'https://example.com/katalog'],
      ['http://example.com', 'http://example.com/'],
      ['mailto:anna@example.de', 'mailto:anna@example.de'],
      ['file:///etc/passwd', null],
      ['javascript:alert(1)', null],
      ['app://kundenkreis/index.html', null],
      ['ms-settings:privacy', null],
      ['smb://server/share', null],
    ];
    for (const [url, opened] of cases) {
      electron.shell.openExternal.mockClear();
      expect(open({ url })).toEqual({ action: 'deny' });
      if (opened) expect(electron.shell.openExternal).toHaveBeenCalledWith(opened);
      else expect(electron.shell.openExternal).not.toHaveBeenCalled();
    }
  });
});

describe('permissions and network', () => {
  it('grants only the camera, only to the app page', async () => {
    const { electron } = await start();
    const request = electron.defaultSession.permissionRequestHandler!;
    const ask = (permission: string, details: object) =>
      new Promise<boolean>((resolve) => request({}, permission, resolve, { isMainFrame: true, ...details }));
    const app = { requestingUrl: 'app://kundenkreis/index.html' };
    await expect(ask('media', { ...app, mediaTypes: ['video'], securityOrigin: 'app://kundenkreis/' })).resolves.toBe(true);
    await expect(ask('media', { ...app, mediaTypes: ['audio'] })).resolves.toBe(false);
    await expect(ask('media', { ...app, mediaTypes: ['video', 'audio'] })).resolves.toBe(false);
    await expect(ask('media', { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] })).resolves.toBe(false);
    await expect(ask('media', { ...app, mediaTypes: ['video'], securityOrigin: 'https://evil.example' })).resolves.toBe(false);
    for (const permission of ['notifications', 'geolocation', 'clipboard-read', 'display-capture', 'openExternal', 'fullscreen']) {
      await expect(ask(permission, app)).resolves.toBe(false);
    }

    const check = electron.defaultSession.permissionCheckHandler!;
    expect(check({}, 'media', 'app://kundenkreis', { isMainFrame: true, mediaType: 'video' })).toBe(true);
    expect(check({}, 'media', 'app://kundenkreis', { isMainFrame: true, mediaType: 'audio' })).toBe(false);
    expect(check({}, 'media', 'https://evil.example', { isMainFrame: true, mediaType: 'video' })).toBe(false);
    expect(check(null, 'media', 'app://kundenkreis', { isMainFrame: false, embeddingOrigin: 'https://evil.example' })).toBe(false);
    expect(check({}, 'notifications', 'app://kundenkreis', { isMainFrame: true })).toBe(false);
    expect(electron.defaultSession.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels every request to the network', async () => {
    const { electron } = await start();
    const { filter, listener } = electron.defaultSession.beforeRequest!;
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    const answer = await new Promise<{ cancel?: boolean }>((resolve) => listener({ url: 'https://tracker.example/' }, resolve));
    expect(answer).toEqual({ cancel: true });
  });

  it('asks where to save each export, starting in the documents folder', async () => {
    const { electron } = await start();
    electron.app.setPath('documents', '/home/anna/Dokumente');
    const item = { getFilename: () => 'Kundenclub-Mitglieder-2026-11-27.xlsx', setSaveDialogOptions: vi.fn() };
    electron.defaultSession.listeners.get('will-download')!({}, item);
    expect(item.setSaveDialogOptions).toHaveBeenCalledWith({ defaultPath: path.join('/home/anna/Dokumente', 'Kundenclub-Mitglieder-2026-11-27.xlsx') });
  });
});

describe('IPC', () => {
  const call = async (electron: FakeElectron, senderFrame: unknown, operation: unknown, input: unknown) => {
    const handler = electron.ipcHandlers.get(IPC_CHANNEL);
    if (!handler) throw new Error('no IPC handler');
    return handler({ senderFrame }, operation, input);
  };

  it('answers a foreign frame with FORBIDDEN and never dispatches', async () => {
    const { electron } = await start();
    const answer = await call(electron, { url: 'https://evil.example/', parent: null }, 'contacts.list', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await expect(call(electron, null, 'contacts.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(state.backend.dispatch).not.toHaveBeenCalled();
  });

  it('dispatches calls of the app page to the backend', async () => {
    const { electron } = await start();
    const answer = await call(electron, { url: 'app://kundenkreis/index.html', parent: null }, 'app.status', {});
    expect(answer).toEqual({ ok: true, data: { operation: 'app.status' } });
    expect(state.backend.dispatch).toHaveBeenCalledWith('app.status', {});
  });

  it('refuses a non-string operation', async () => {
    const { electron } = await start();
    const answer = await call(electron, { url: 'app://kundenkreis/index.html', parent: null }, { op: 'x' }, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(state.backend.dispatch).not.toHaveBeenCalled();
  });
});

describe('the data folder', () => {
  it('opens userData/data as the desktop holder with the app version', async () => {
    await start({ userData: '/home/anna/.config/Kundenkreis', version: '1.2.3' });
    expect(state.backend.openBackend).toHaveBeenCalledWith({
      dataDir: path.join('/home/anna/.config/Kundenkreis', 'data'),
      holder: 'desktop',
      version: '1.2.3',
      openFolder: expect.any(Function),
    });
  });

  it('opens the backups folder in the file manager, and says when that failed', async () => {
    const { electron } = await start();
    const { openFolder } = state.backend.openBackend.mock.calls[0]![0] as { openFolder: (folder: string) => Promise<boolean> };
    await expect(openFolder('/home/anna/data/backups')).resolves.toBe(true);
    expect(electron.shell.openPath).toHaveBeenCalledWith('/home/anna/data/backups');
    electron.shell.openPath.mockResolvedValueOnce('Failed to open path');
    await expect(openFolder('/gone')).resolves.toBe(false);
  });

  it('shows who holds a locked folder and quits without a window', async () => {
    const { electron } = await start({ backend: 'locked' });
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      expect.any(String),
      'Der Datenordner wird schon von Kundenkreis (browser mode, PID 4242) benutzt.',
    );
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.BrowserWindow.instances).toHaveLength(0);
    expect(electron.ipcHandlers.size).toBe(0);
  });

  it('reports any other start failure and quits', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { electron } = await start({ backend: 'broken' });
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(expect.any(String), expect.stringContaining('EACCES'));
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.BrowserWindow.instances).toHaveLength(0);
  });

  it('closes the backend before the app quits', async () => {
    const { electron } = await start();
    let finishClose!: () => void;
    state.backend.close.mockImplementation(() => new Promise<void>((resolve) => (finishClose = resolve)));
    electron.app.quit();
    expect(electron.app.quitted).toBe(false); // held back while the data folder closes
    expect(state.backend.close).toHaveBeenCalledTimes(1);
    electron.app.quit(); // a second request while closing does not close twice
    expect(state.backend.close).toHaveBeenCalledTimes(1);
    finishClose();
    await vi.waitFor(() => expect(electron.app.quitted).toBe(true));
    expect(electron.ipcHandlers.size).toBe(0);
  });

  it('quits when the last window closes (except on macOS)', async () => {
    const { electron } = await start();
    electron.app.emit('window-all-closed');
    if (process.platform === 'darwin') expect(electron.app.quit).not.toHaveBeenCalled();
    else expect(electron.app.quit).toHaveBeenCalled();
  });
});

describe('the menu', () => {
  type Item = { label?: string; role?: string; submenu?: Item[] };
  const roles = (items: Item[]): string[] => items.flatMap((item) => [item.role ?? '', ...roles(item.submenu ?? [])]).filter(Boolean);
  const menuOf = (electron: FakeElectron) => {
    const [menu] = electron.Menu.setApplicationMenu.mock.calls.at(-1) as [{ template: Item[] }];
    return menu.template;
  };

  it('has a German Edit menu so copy and paste work, and no reload in a packaged app', async () => {
    const { electron } = await start({ isPackaged: true });
    const template = menuOf(electron);
    const edit = template.find((item) => item.label === 'Bearbeiten');
    expect(roles(edit?.submenu ?? [])).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    expect(edit?.submenu?.find((item) => item.role === 'copy')?.label).toBe('Kopieren');
    expect(roles(template)).not.toContain('reload');
    expect(roles(template)).not.toContain('forceReload');
    expect(roles(template)).not.toContain('toggleDevTools');
  });

  it('offers reload and developer tools in development', async () => {
    const { electron } = await start({ isPackaged: false });
    expect(roles(menuOf(electron))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });
});
