import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  chooseLaunch,
  defaultDataDir,
  defaultUserDataDir,
  findElectron,
  findFreePort,
  hasDisplay,
} from '../../scripts/desktop-env.mjs';

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A project folder with an `electron` package shaped like the real one (index.js reads path.txt). */
async function project(electron: 'none' | 'no-binary' | 'path-but-no-file' | 'complete'): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'kk-desktop-env-'));
  temps.push(root);
  await writeFile(path.join(root, 'package.json'), JSON.stringify({ name: 'probe', type: 'module' }));
  if (electron === 'none') return root;
  const pkg = path.join(root, 'node_modules', 'electron');
  await mkdir(pkg, { recursive: true });
  await writeFile(path.join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '39.8.10', main: 'index.js' }));
  await writeFile(
    path.join(pkg, 'index.js'),
    [
      "const fs = require('fs');",
      "const path = require('path');",
      "const pathFile = path.join(__dirname, 'path.txt');",
      'if (!fs.existsSync(pathFile)) {',
      "  throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');",
      '}',
      "module.exports = path.join(__dirname, 'dist', fs.readFileSync(pathFile, 'utf-8'));",
    ].join('\n'),
  );
  if (electron === 'no-binary') return root;
  await writeFile(path.join(pkg, 'path.txt'), 'electron');
  if (electron === 'path-but-no-file') return root;
  await mkdir(path.join(pkg, 'dist'));
  await writeFile(path.join(pkg, 'dist', 'electron'), '#!/bin/sh\n');
  await chmod(path.join(pkg, 'dist', 'electron'), 0o755);
  return root;
}

describe('findElectron', () => {
  it('reports a missing package', async () => {
    const result = findElectron(await project('none'));
    expect(result).toMatchObject({ available: false, reason: 'package-missing' });
  });

  it('reports a package whose binary download failed', async () => {
    const result = findElectron(await project('no-binary'));
    expect(result).toMatchObject({ available: false, reason: 'binary-missing' });
    if (!result.available) expect(result.detail).toContain('Electron failed to install correctly');
  });

  it('reports a binary path that does not exist', async () => {
    const result = findElectron(await project('path-but-no-file'));
    expect(result).toMatchObject({ available: false, reason: 'binary-missing' });
  });

  it('finds the binary of a complete installation', async () => {
    const root = await project('complete');
    expect(findElectron(root)).toEqual({
      available: true,
      path: path.join(root, 'node_modules', 'electron', 'dist', 'electron'),
    });
  });
});

describe('hasDisplay and chooseLaunch', () => {
  it('needs DISPLAY or WAYLAND_DISPLAY on Linux only', () => {
    expect(hasDisplay({ platform: 'linux', env: {} })).toBe(false);
    expect(hasDisplay({ platform: 'linux', env: { DISPLAY: ':0' } })).toBe(true);
    expect(hasDisplay({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' } })).toBe(true);
    expect(hasDisplay({ platform: 'darwin', env: {} })).toBe(true);
    expect(hasDisplay({ platform: 'win32', env: {} })).toBe(true);
  });

  it('starts the desktop app when Electron and a display are there', () => {
    expect(chooseLaunch({ available: true }, true)).toEqual({ mode: 'desktop' });
  });

  it.each([
    [{ available: false, reason: 'package-missing' }, true, /package is not installed/],
    [{ available: false, reason: 'binary-missing' }, true, /binary could not be downloaded/],
    [{ available: true }, false, /no display/],
  ])('falls back to browser mode with one sentence (%j, display %s)', (electron, display, pattern) => {
    const launch = chooseLaunch(electron, display);
    expect(launch.mode).toBe('browser');
    if (launch.mode === 'browser') {
      expect(launch.why).toMatch(pattern);
      expect(launch.why).toMatch(/browser mode instead\.$/);
      expect(launch.why.split(/\.\s/).length).toBe(1);
    }
  });
});

describe('default data folder', () => {
  it('uses $XDG_CONFIG_HOME or ~/.config on Linux', () => {
    expect(defaultDataDir({ platform: 'linux', env: {}, home: '/home/anna' })).toBe('/home/anna/.config/Kundenkreis/data');
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/cfg' }, home: '/home/anna' })).toBe(
      '/cfg/Kundenkreis/data',
    );
    // A relative XDG_CONFIG_HOME is invalid per the XDG spec and ignored.
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: 'cfg' }, home: '/home/anna' })).toBe(
      '/home/anna/.config/Kundenkreis/data',
    );
  });

  it('uses ~/Library/Application Support on macOS', () => {
    expect(defaultDataDir({ platform: 'darwin', env: { XDG_CONFIG_HOME: '/cfg' }, home: '/Users/anna' })).toBe(
      '/Users/anna/Library/Application Support/Kundenkreis/data',
    );
  });

  it('uses %APPDATA% on Windows', () => {
    expect(
      defaultDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\Anna\\AppData\\Roaming' }, home: 'C:\\Users\\Anna' }),
    ).toBe('C:\\Users\\Anna\\AppData\\Roaming\\Kundenkreis\\data');
    expect(defaultDataDir({ platform: 'win32', env: {}, home: 'C:\\Users\\Anna' })).toBe(
      'C:\\Users\\Anna\\AppData\\Roaming\\Kundenkreis\\data',
    );
  });

  it('follows KUNDENKREIS_USER_DATA like the main process', () => {
    const env = { KUNDENKREIS_USER_DATA: '/tmp/kk-profile', XDG_CONFIG_HOME: '/cfg' };
    expect(defaultUserDataDir({ platform: 'linux', env, home: '/home/anna' })).toBe('/tmp/kk-profile');
    expect(defaultDataDir({ platform: 'linux', env, home: '/home/anna' })).toBe('/tmp/kk-profile/data');
  });
});

describe('findFreePort', () => {
  it('returns the preferred port when it is free, the next one when it is taken', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const taken = (probe.address() as net.AddressInfo).port;
    try {
      const port = await findFreePort(taken, { attempts: 5 });
      expect(port).not.toBe(taken);
      expect(port).toBeGreaterThan(0);
    } finally {
      await new Promise((resolve) => probe.close(resolve));
    }
    // Once released, the same port is preferred again.
    expect(await findFreePort(taken, { attempts: 1 })).toBe(taken);
  });
});
