import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import type { Session, WebContents } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppProtocolHandler } from './app-protocol';
import { DataFolderLockedError, openBackend, type Backend } from './backend';
import { buildMenuTemplate } from './menu';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  externalUrlToOpen,
  isAllowedNavigation,
  isAppOrigin,
  isPermissionAllowed,
  isTrustedFrame,
} from './security';
import { registerIpcTransport } from './transport/ipc';

/**
 * The desktop main process, kept thin: lifecycle, single-instance lock, window,
 * menu and security wiring. Every decision lives in Electron-free modules
 * (security.ts, app-protocol.ts, menu.ts, transport/ipc.ts); the data lives
 * behind backend.ts, the same dispatcher browser mode serves over HTTP.
 *
 * Environment:
 * - KUNDENKREIS_USER_DATA: use this folder as Electron's userData (the data then
 *   lives in <it>/data). Used by the smoke test and `npm start` to isolate runs.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
/** Built renderer, relative to the built main at dist-electron/main.js. */
export const RENDERER_ROOT = path.join(here, '../dist/renderer');
/** The sandboxed preload, bundled as one CommonJS file next to main.js. */
export const PRELOAD_PATH = path.join(here, 'preload.cjs');

const isMac = process.platform === 'darwin';

// --- before ready --------------------------------------------------------------------

const userDataOverride = process.env.KUNDENKREIS_USER_DATA;
if (userDataOverride) app.setPath('userData', path.resolve(userDataOverride));

// Must happen before `ready`: only a privileged standard scheme gets an origin,
// fetch() and secure-context APIs (camera).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
// Every renderer sandboxed, whatever a webContents asks for.
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;
let removeIpcTransport: (() => void) | null = null;
let quitState: 'running' | 'closing' | 'closed' = 'running';
const guarded = new WeakSet<WebContents>();

if (!app.requestSingleInstanceLock()) {
  // Another Kundenkreis runs on this profile; it focuses itself (second-instance).
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });
  app.on('activate', () => {
    if (backend && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('before-quit', (event) => {
    if (!backend || quitState === 'closed') return;
    event.preventDefault();
    if (quitState === 'closing') return;
    quitState = 'closing';
    removeIpcTransport?.();
    backend
      .close()
      .catch((error: unknown) => console.error('Kundenkreis: closing the data folder failed', error))
      .finally(() => {
        quitState = 'closed';
        app.quit();
      });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  // No top-level await on whenReady: with an ESM main that would hang the app.
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => fail(error));
}

// --- after ready ---------------------------------------------------------------------

async function onReady(): Promise<void> {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_ROOT));
  hardenSession(session.defaultSession);
  askWhereToSaveDownloads(session.defaultSession);
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isMac, isDev: !app.isPackaged })));

  const dataDir = path.join(app.getPath('userData'), 'data');
  try {
    backend = await openBackend({
      dataDir,
      holder: 'desktop',
      version: app.getVersion(),
      // "Ordner öffnen" on the backups page; openPath answers '' when it worked.
      openFolder: (folder) => shell.openPath(folder).then((error) => error === ''),
    });
  } catch (error) {
    if (error instanceof DataFolderLockedError) {
      dialog.showErrorBox('Kundenkreis kann nicht starten', error.message);
      app.quit();
      return;
    }
    throw error;
  }
  const opened = backend;
  removeIpcTransport = registerIpcTransport(ipcMain, (operation, input) => opened.dispatch(operation, input), isTrustedFrame);
  createWindow();
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error('Kundenkreis: start failed', error);
  dialog.showErrorBox('Kundenkreis kann nicht starten', message);
  app.quit();
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Kundenkreis',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    },
  });
  mainWindow = window;
  guardWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('Kundenkreis: loading the app failed', error));
}

/** Applied to every webContents that ever exists (web-contents-created), the main window's included. */
function guardWebContents(contents: WebContents): void {
  if (guarded.has(contents)) return;
  guarded.add(contents);
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url, true)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url, event.isMainFrame)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, event.isMainFrame)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    if (external) {
      shell.openExternal(external).catch((error: unknown) => console.error('Kundenkreis: opening a link failed', error));
    }
    return { action: 'deny' };
  });
}

/** Exports reach the renderer's user as downloads: each gets a save dialog, starting in Documents. */
function askWhereToSaveDownloads(ses: Session): void {
  ses.on('will-download', (_event, item) => {
    item.setSaveDialogOptions({ defaultPath: path.join(app.getPath('documents'), item.getFilename()) });
  });
}

function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    const securityOrigin = 'securityOrigin' in details ? details.securityOrigin : undefined;
    callback(
      isPermissionAllowed({ permission, origin: details.requestingUrl, mediaTypes }) &&
        (securityOrigin === undefined || isAppOrigin(securityOrigin)),
    );
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const mediaTypes = details.mediaType === 'audio' ? ['audio'] : details.mediaType === 'video' ? ['video'] : [];
    return (
      isPermissionAllowed({ permission, origin: requestingOrigin, mediaTypes }) &&
      (details.embeddingOrigin === undefined || isAppOrigin(details.embeddingOrigin))
    );
  });
  ses.setDevicePermissionHandler(() => false);
  // An offline app: nothing in the renderer talks to the network.
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );
}
