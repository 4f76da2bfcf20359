// Decisions for `npm start` (scripts/start.mjs) and the Electron smoke test:
// is a usable Electron there, which data folder would the desktop app use, which
// port is free. Plain ESM without a build step; tested in tests/electron/desktop-env.test.ts.
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Electron's app name (package.json productName): the folder under the OS's app-data folder. */
export const PRODUCT_NAME = 'Kundenkreis';
export const DEFAULT_WEB_PORT = 4317;

/**
 * Finds the Electron binary the way `electron .` would: through the project's
 * `electron` package, whose main module returns the binary's path (and throws
 * when its download never happened). Never throws itself.
 * @param {string} projectRoot
 * @returns {{ available: true, path: string } | { available: false, reason: 'package-missing' | 'binary-missing', detail: string }}
 */
export function findElectron(projectRoot) {
  const require = createRequire(path.join(projectRoot, 'package.json'));
  let entry;
  try {
    entry = require.resolve('electron');
  } catch (error) {
    return { available: false, reason: 'package-missing', detail: messageOf(error) };
  }
  let binary;
  try {
    binary = require(entry);
  } catch (error) {
    return { available: false, reason: 'binary-missing', detail: messageOf(error) };
  }
  if (typeof binary !== 'string' || binary === '') {
    return { available: false, reason: 'binary-missing', detail: `${entry} did not name a binary` };
  }
  if (!isFile(binary)) return { available: false, reason: 'binary-missing', detail: `${binary} does not exist` };
  return { available: true, path: binary };
}

/**
 * Whether a window can be opened at all: Linux needs an X11 or Wayland display.
 * @param {{ platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv }} [options]
 */
export function hasDisplay({ platform = process.platform, env = process.env } = {}) {
  if (platform !== 'linux') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * What `npm start` launches.
 * @param {{ available: boolean, reason?: string }} electron the result of findElectron
 * @param {boolean} display the result of hasDisplay
 * @returns {{ mode: 'desktop' } | { mode: 'browser', why: string }}
 */
export function chooseLaunch(electron, display) {
  if (!electron.available) {
    const why =
      electron.reason === 'package-missing'
        ? 'Electron is not available on this machine (its optional package is not installed, usually because its binary could not be downloaded), so Kundenkreis starts in browser mode instead.'
        : 'Electron is not available on this machine (its binary could not be downloaded), so Kundenkreis starts in browser mode instead.';
    return { mode: 'browser', why };
  }
  if (!display) {
    return {
      mode: 'browser',
      why: 'There is no display to open the Kundenkreis window on (neither DISPLAY nor WAYLAND_DISPLAY is set), so Kundenkreis starts in browser mode instead.',
    };
  }
  return { mode: 'desktop' };
}

/**
 * The folder Electron uses as app.getPath('userData') for this app:
 * Linux $XDG_CONFIG_HOME (or ~/.config), macOS ~/Library/Application Support,
 * Windows %APPDATA% (or ~/AppData/Roaming), each with /Kundenkreis.
 * KUNDENKREIS_USER_DATA overrides it, as in electron/main.ts.
 * @param {{ platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv, home?: string }} [options]
 */
export function defaultUserDataDir({ platform = process.platform, env = process.env, home = os.homedir() } = {}) {
  const p = platform === 'win32' ? path.win32 : path.posix;
  if (env.KUNDENKREIS_USER_DATA) return p.resolve(env.KUNDENKREIS_USER_DATA);
  let appData;
  if (platform === 'win32') appData = env.APPDATA || p.join(home, 'AppData', 'Roaming');
  else if (platform === 'darwin') appData = p.join(home, 'Library', 'Application Support');
  else appData = env.XDG_CONFIG_HOME && p.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : p.join(home, '.config');
  return p.join(appData, PRODUCT_NAME);
}

/**
 * The data folder of the desktop app (userData/data), which browser mode shares
 * when `npm start` falls back to it.
 * @param {{ platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv, home?: string }} [options]
 */
export function defaultDataDir(options = {}) {
  const p = (options.platform ?? process.platform) === 'win32' ? path.win32 : path.posix;
  return p.join(defaultUserDataDir(options), 'data');
}

/**
 * The first port from `preferred` on (up to `attempts` ports) that can be bound
 * on `host`, else one the OS picks.
 * @param {number} [preferred]
 * @param {{ host?: string, attempts?: number }} [options]
 * @returns {Promise<number>}
 */
export async function findFreePort(preferred = DEFAULT_WEB_PORT, { host = '127.0.0.1', attempts = 20 } = {}) {
  for (let port = preferred; port < preferred + attempts && port <= 65535; port += 1) {
    if ((await tryListen(port, host)) !== null) return port;
  }
  const any = await tryListen(0, host);
  if (any === null) throw new Error(`No free port on ${host}.`);
  return any;
}

/** @returns {Promise<number | null>} the bound port, or null when it is taken */
function tryListen(port, host) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(null));
    server.listen({ port, host, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      server.close(() => resolve(bound));
    });
  });
}

function isFile(file) {
  try {
    return existsSync(file) && statSync(file).isFile();
  } catch {
    return false;
  }
}

function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}
