import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// For its `window.kundenkreis` declaration (the bridge's type).
import type {} from '../../renderer/api/client';
import { findElectron, hasDisplay } from '../../scripts/desktop-env.mjs';

/**
 * Starts the built desktop app in the real Electron (Playwright's _electron) with
 * its own profile and data folder (KUNDENKREIS_USER_DATA), and checks the page,
 * the bridge and the security settings from the inside.
 *
 * Runs where the electron package and its binary are installed and a display
 * exists (on a headless Linux: `xvfb-run npm test`); elsewhere it is skipped
 * and says why. It uses the build in dist/ and dist-electron/ (`npm run build`,
 * which `npm test` runs first) and builds only when that is missing.
 */

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const electron = findElectron(projectRoot);

function skipReason(): string | null {
  if (!electron.available) {
    return electron.reason === 'package-missing'
      ? 'Electron smoke test skipped: the electron package is not installed on this machine (optional dependency).'
      : `Electron smoke test skipped: the Electron binary is missing on this machine (${electron.detail}).`;
  }
  if (!hasDisplay()) {
    return 'Electron smoke test skipped: no display (DISPLAY / WAYLAND_DISPLAY unset); run it under xvfb-run to include it.';
  }
  return null;
}

const reason = skipReason();
if (reason) console.warn(reason);

const built = ['dist-electron/main.js', 'dist-electron/preload.cjs', 'dist/renderer/index.html'];

describe.skipIf(reason !== null)('Electron desktop app (smoke)', () => {
  let userData: string;
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    if (!built.every((file) => existsSync(path.join(projectRoot, file)))) {
      const vite = path.join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');
      const result = spawnSync(process.execPath, [vite, 'build'], { cwd: projectRoot, stdio: 'inherit' });
      if (result.status !== 0) throw new Error('vite build failed; the Electron smoke test needs the built app.');
    }
    userData = await mkdtemp(path.join(os.tmpdir(), 'kk-electron-smoke-'));
    if (!electron.available) throw new Error('unreachable: skipped without Electron');
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    delete env.ELECTRON_RUN_AS_NODE;
    env.KUNDENKREIS_USER_DATA = userData;
    app = await _electron.launch({ executablePath: electron.path, args: [projectRoot], cwd: projectRoot, env, timeout: 60_000 });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    if (userData) await rm(userData, { recursive: true, force: true });
  });

  it('shows the app from app://kundenkreis with its title and navigation', async () => {
    expect(page.url()).toBe('app://kundenkreis/index.html');
    await expect.poll(() => page.title(), { timeout: 15_000 }).toMatch(/Kundenkreis/);
    await page.getByRole('navigation').first().waitFor({ state: 'visible', timeout: 15_000 });
  });

  it('answers app.status through the bridge, on the data folder under KUNDENKREIS_USER_DATA', async () => {
    const status = await page.evaluate(() => window.kundenkreis?.call('app.status', {}));
    expect(status).toMatchObject({ ok: true, data: { state: 'ready', dataDir: path.join(userData, 'data') } });
    expect(existsSync(path.join(userData, 'data'))).toBe(true);
  });

  it('exposes only the bridge: no Node, no ipcRenderer, no eval (context isolation, CSP)', async () => {
    const inside = await page.evaluate(() => {
      let evalBlocked = false;
      try {
        // eslint-disable-next-line no-eval
        (0, eval)('1 + 1');
      } catch {
        evalBlocked = true;
      }
      const scope = globalThis as Record<string, unknown>;
      return {
        bridgeKeys: Object.keys(window.kundenkreis ?? {}),
        bridgeFrozen: Object.isFrozen(window.kundenkreis),
        require: typeof scope.require,
        process: typeof scope.process,
        ipcRenderer: typeof scope.ipcRenderer,
        evalBlocked,
        origin: location.origin,
      };
    });
    expect(inside).toEqual({
      bridgeKeys: ['call'],
      bridgeFrozen: true,
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: 'undefined',
      evalBlocked: true,
      origin: 'app://kundenkreis',
    });
  });

  it('refuses to navigate away from the app', async () => {
    const result = await app.evaluate(async ({ BrowserWindow }) => {
      const window = BrowserWindow.getAllWindows()[0]!;
      const before = window.webContents.getURL();
      await window.webContents.executeJavaScript("location.href = 'https://example.com/'; 1").catch(() => 0);
      await new Promise((resolve) => setTimeout(resolve, 500));
      return { before, after: window.webContents.getURL(), windows: BrowserWindow.getAllWindows().length };
    });
    expect(result.before).toBe('app://kundenkreis/index.html');
    expect(result.after).toBe(result.before);
    expect(result.windows).toBe(1);
  });

  it('denies window.open for the app page', async () => {
    const opened = await page.evaluate(() => window.open('app://kundenkreis/index.html') === null);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });
});
