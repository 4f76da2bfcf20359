import { fileURLToPath } from 'node:url';
import { afterEach, vi, type Mock } from 'vitest';
import type { Envelope } from '../../shared/errors';
import { createFakeElectron, type FakeElectron, type FakeElectronOptions } from './fake-electron';

/**
 * Loads electron/main.ts against the stubbed `electron` module (fake-electron.ts)
 * and a stubbed backend: what main.ts does with Electron, without the binary.
 * Shared by the wiring and the hardening tests; importing it registers the mocks.
 */

export interface BackendConfig {
  mode: 'ok' | 'locked' | 'broken';
  dispatch: Mock<(operation: string, input: unknown) => Promise<Envelope<unknown>>>;
  close: Mock<() => Promise<void>>;
  openBackend: Mock<(options: unknown) => void>;
}

/** The fake `electron` and backend of the current boot; the mocks below read them on access. */
export const state = {
  electron: undefined as unknown as FakeElectron,
  backend: undefined as unknown as BackendConfig,
};

// vi.resetModules() does not re-run mock factories, so the mocked module reads the current fake on access.
vi.mock('electron', () => {
  const current = () => state.electron.module;
  return {
    get app() {
      return current().app;
    },
    get BrowserWindow() {
      return current().BrowserWindow;
    },
    get protocol() {
      return current().protocol;
    },
    get session() {
      return current().session;
    },
    get ipcMain() {
      return current().ipcMain;
    },
    get shell() {
      return current().shell;
    },
    get dialog() {
      return current().dialog;
    },
    get Menu() {
      return current().Menu;
    },
  };
});

vi.mock('../../electron/backend', () => {
  class DataFolderLockedError extends Error {}
  return {
    DataFolderLockedError,
    openBackend: (options: unknown) => {
      state.backend.openBackend(options);
      if (state.backend.mode === 'locked') {
        return Promise.reject(new DataFolderLockedError('Der Datenordner wird schon von Kundenkreis (browser mode, PID 4242) benutzt.'));
      }
      if (state.backend.mode === 'broken') return Promise.reject(new Error('EACCES: permission denied, mkdir /data'));
      return Promise.resolve({
        status: { state: 'ready', version: '9.8.7', dataDir: '/x', empty: true },
        dispatch: state.backend.dispatch,
        close: state.backend.close,
      });
    },
  };
});

// A variable specifier keeps tsc from following main.ts (it typechecks where the electron package exists).
const MAIN = fileURLToPath(new URL('../../electron/main.ts', import.meta.url));
const signalListeners = () => [...process.listeners('SIGINT'), ...process.listeners('SIGTERM')];
let baselineListeners = signalListeners();

export async function boot(options: FakeElectronOptions & { backend?: BackendConfig['mode']; env?: Record<string, string> } = {}) {
  vi.resetModules();
  baselineListeners = signalListeners();
  const { backend = 'ok', env = {}, ...electronOptions } = options;
  state.electron = createFakeElectron(electronOptions);
  state.backend = {
    mode: backend,
    openBackend: vi.fn(),
    dispatch: vi.fn(async (operation: string): Promise<Envelope<unknown>> => ({ ok: true, data: { operation } })),
    close: vi.fn(async () => undefined),
  };
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  await import(/* @vite-ignore */ MAIN);
  return state.electron;
}

/** Fires `ready` and waits until main.ts has either opened its window or quit. */
export async function start(options: Parameters<typeof boot>[0] = {}) {
  const electron = await boot(options);
  electron.makeReady();
  await vi.waitFor(() => {
    if (electron.BrowserWindow.instances.length === 0 && electron.app.quit.mock.calls.length === 0) {
      throw new Error('main.ts neither opened a window nor quit');
    }
  });
  const window = electron.BrowserWindow.instances[0];
  return { electron, window };
}

afterEach(() => {
  vi.unstubAllEnvs();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (!baselineListeners.includes(listener)) process.removeListener(signal, listener);
    }
  }
});
