import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A stand-in for the parts of the `electron` module that electron/main.ts uses,
 * recording what main.ts does with them. It keeps the rules that matter for the
 * wiring: registerSchemesAsPrivileged and enableSandbox throw after `ready`,
 * protocol.handle / session / BrowserWindow throw before it, BrowserWindow emits
 * app 'web-contents-created', app.quit emits a preventable 'before-quit'.
 */
export interface FakeEvent {
  preventDefault: () => void;
  readonly defaultPrevented: boolean;
}

export function fakeEvent<T extends object>(params: T = {} as T): T & FakeEvent {
  let prevented = false;
  const event = Object.assign(params, {
    preventDefault: vi.fn(() => {
      prevented = true;
    }),
  });
  // A getter (Object.assign would copy its value once).
  Object.defineProperty(event, 'defaultPrevented', { get: () => prevented, enumerable: true });
  return event as T & FakeEvent;
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
}

export interface FakeElectronOptions {
  lock?: boolean;
  isPackaged?: boolean;
  userData?: string;
  version?: string;
}

export function createFakeElectron(options: FakeElectronOptions = {}) {
  const log: string[] = [];
  let ready = false;
  let resolveReady!: () => void;
  const readyPromise = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const paths = new Map<string, string>([['userData', options.userData ?? '/tmp/kundenkreis-fake-user-data']]);
  const requireReady = (what: string) => {
    if (!ready) throw new Error(`${what} called before ready`);
  };
  const requireNotReady = (what: string) => {
    if (ready) throw new Error(`${what} must be called before ready`);
  };

  class FakeApp extends EventEmitter {
    isPackaged = options.isPackaged ?? true;
    quitted = false;
    requestSingleInstanceLock = vi.fn(() => {
      log.push('requestSingleInstanceLock');
      return options.lock ?? true;
    });
    enableSandbox = vi.fn(() => {
      requireNotReady('enableSandbox');
      log.push('enableSandbox');
    });
    whenReady = vi.fn(() => readyPromise);
    isReady = () => ready;
    getPath = vi.fn((name: string) => {
      const value = paths.get(name);
      if (!value) throw new Error(`no path ${name}`);
      return value;
    });
    setPath = vi.fn((name: string, value: string) => {
      log.push(`setPath:${name}`);
      paths.set(name, value);
    });
    getVersion = vi.fn(() => options.version ?? '9.8.7');
    exit = vi.fn();
    quit = vi.fn(() => {
      log.push('quit');
      const event = fakeEvent();
      this.emit('before-quit', event);
      if (!event.defaultPrevented) this.quitted = true;
    });
  }
  const app = new FakeApp();

  class FakeBrowserWindow extends EventEmitter {
    static instances: FakeBrowserWindow[] = [];
    static getAllWindows = () => FakeBrowserWindow.instances.filter((window) => !window.destroyed);
    readonly webContents = new FakeWebContents();
    destroyed = false;
    minimized = false;
    loadURL = vi.fn(async (_url: string) => undefined);
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn(() => {
      this.minimized = false;
    });
    isMinimized = () => this.minimized;
    isDestroyed = () => this.destroyed;
    constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
      super();
      requireReady('new BrowserWindow');
      log.push('BrowserWindow');
      FakeBrowserWindow.instances.push(this);
      app.emit('web-contents-created', fakeEvent(), this.webContents);
    }
  }

  const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  const protocol = {
    registerSchemesAsPrivileged: vi.fn((_schemes: unknown) => {
      requireNotReady('registerSchemesAsPrivileged');
      log.push('registerSchemesAsPrivileged');
    }),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
      requireReady('protocol.handle');
      log.push(`protocol.handle:${scheme}`);
      protocolHandlers.set(scheme, handler);
    }),
  };

  type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: object) => void;
  type CheckHandler = (contents: unknown, permission: string, origin: string, details: object) => boolean;
  type BeforeRequest = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
  const defaultSession = {
    permissionRequestHandler: null as RequestHandler | null,
    permissionCheckHandler: null as CheckHandler | null,
    devicePermissionHandler: null as ((details: object) => boolean) | null,
    beforeRequest: null as { filter: { urls: string[] }; listener: BeforeRequest } | null,
    listeners: new Map<string, (...args: unknown[]) => void>(),
    on: vi.fn((name: string, listener: (...args: unknown[]) => void) => {
      defaultSession.listeners.set(name, listener);
    }),
    setPermissionRequestHandler: vi.fn((handler: RequestHandler) => {
      log.push('setPermissionRequestHandler');
      defaultSession.permissionRequestHandler = handler;
    }),
    setPermissionCheckHandler: vi.fn((handler: CheckHandler) => {
      log.push('setPermissionCheckHandler');
      defaultSession.permissionCheckHandler = handler;
    }),
    setDevicePermissionHandler: vi.fn((handler: (details: object) => boolean) => {
      defaultSession.devicePermissionHandler = handler;
    }),
    webRequest: {
      onBeforeRequest: vi.fn((filter: { urls: string[] }, listener: BeforeRequest) => {
        defaultSession.beforeRequest = { filter, listener };
      }),
    },
  };
  const session = {
    get defaultSession() {
      requireReady('session.defaultSession');
      return defaultSession;
    },
  };

  type IpcListener = (event: unknown, ...args: unknown[]) => Promise<unknown>;
  const ipcHandlers = new Map<string, IpcListener>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: IpcListener) => {
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      log.push(`ipcMain.handle:${channel}`);
      ipcHandlers.set(channel, listener);
    }),
    removeHandler: vi.fn((channel: string) => {
      ipcHandlers.delete(channel);
    }),
  };

  const shell = { openExternal: vi.fn(async (_url: string) => undefined), openPath: vi.fn(async (_path: string) => '') };
  const dialog = { showErrorBox: vi.fn((_title: string, _content: string) => undefined) };
  const Menu = {
    buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
    setApplicationMenu: vi.fn((_menu: { template: unknown[] } | null) => undefined),
  };

  return {
    log,
    app,
    BrowserWindow: FakeBrowserWindow,
    protocol,
    protocolHandlers,
    session,
    defaultSession,
    ipcMain,
    ipcHandlers,
    shell,
    dialog,
    Menu,
    /** Fires `ready`, as Electron does once the entry module has run. */
    makeReady() {
      ready = true;
      resolveReady();
    },
    /** What `import ... from 'electron'` gives main.ts. */
    get module() {
      return { app, BrowserWindow: FakeBrowserWindow, protocol, session, ipcMain, shell, dialog, Menu };
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
