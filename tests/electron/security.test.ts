import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  externalUrlToOpen,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isAppOrigin,
  isAppUrl,
  isPermissionAllowed,
  isTrustedFrame,
  resolveAppFile,
} from '../../electron/security';

const root = path.resolve('/srv/kundenkreis/dist/renderer');

describe('isAppUrl', () => {
  it.each([
    ['app://kundenkreis/index.html', true],
    ['app://kundenkreis/', true],
    ['app://kundenkreis', true],
    ['app://KUNDENKREIS/index.html', true],
    ['app://kundenkreis/events?x=1#top', true],
    ['app://kundenkreis.evil.example/index.html', false],
    ['app://evil.example/kundenkreis', false],
    ['app://kundenkreis:8080/index.html', false],
    ['app://user@kundenkreis/index.html', false],
    ['app://user:pw@kundenkreis/index.html', false],
    ['https://kundenkreis/index.html', false],
    ['http://localhost:4317/', false],
    ['file:///srv/kundenkreis/dist/renderer/index.html', false],
    ['javascript:alert(1)', false],
    ['about:blank', false],
    ['', false],
    ['not a url', false],
  ])('%s -> %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });

  it('rejects non-strings', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl({ toString: () => APP_ENTRY_URL })).toBe(false);
  });

  it('accepts the bare origin the permission checks report', () => {
    expect(isAppOrigin('app://kundenkreis')).toBe(true);
    expect(isAppOrigin('null')).toBe(false);
    expect(isAppOrigin('https://example.com')).toBe(false);
  });
});

describe('externalUrlToOpen', () => {
  it.each([
    ['https://example.com/path?q=1', 'https://example.com/path?q=1'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://EXAMPLE.COM', 'https://example.com/'],
    ['  https://example.com/a b', 'https://example.com/a%20b'],
    ['https:example.com', 'https://example.com/'],
    ['mailto:anna.schmidt@example.de', 'mailto:anna.schmidt@example.de'],
    ['mailto:anna@example.de?subject=Einladung', 'mailto:anna@example.de?subject=Einladung'],
  ])('opens %s as %s', (url, expected) => {
    expect(externalUrlToOpen(url)).toBe(expected);
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    'file://fileserver/share/setup.exe',
    'javascript:alert(document.cookie)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ms-settings:privacy',
    'smb://fileserver/share',
    'app://kundenkreis/index.html',
    'chrome://settings',
    'mailto:',
    'https://',
    'https://user:secret@example.com/',
    'https://bank.example@evil.example/',
    '',
    'example.com',
    '//example.com/path',
  ])('refuses %s', (url) => {
    expect(externalUrlToOpen(url)).toBeNull();
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isAllowedExternalUrl(42)).toBe(false);
    expect(isAllowedExternalUrl(new URL('https://example.com'))).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  it('allows the camera for the app page', () => {
    expect(isPermissionAllowed({ permission: 'media', origin: 'app://kundenkreis/index.html', mediaTypes: ['video'] })).toBe(true);
    expect(isPermissionAllowed({ permission: 'media', origin: 'app://kundenkreis' })).toBe(true);
    expect(isPermissionAllowed({ permission: 'media', origin: 'app://kundenkreis', mediaTypes: [] })).toBe(true);
  });

  it('refuses the microphone, even together with the camera', () => {
    expect(isPermissionAllowed({ permission: 'media', origin: 'app://kundenkreis', mediaTypes: ['audio'] })).toBe(false);
    expect(isPermissionAllowed({ permission: 'media', origin: 'app://kundenkreis', mediaTypes: ['video', 'audio'] })).toBe(false);
  });

  it.each(['https://evil.example', 'http://localhost:4317', 'file:///', 'null', '', undefined])(
    'refuses the camera for origin %s',
    (origin) => {
      expect(isPermissionAllowed({ permission: 'media', origin, mediaTypes: ['video'] })).toBe(false);
    },
  );

  it.each([
    'notifications',
    'geolocation',
    'clipboard-read',
    'display-capture',
    'openExternal',
    'midiSysex',
    'hid',
    'serial',
    'usb',
    'fileSystem',
    'unknown',
  ])('refuses %s for the app page', (permission) => {
    expect(isPermissionAllowed({ permission, origin: 'app://kundenkreis' })).toBe(false);
  });
});

describe('resolveAppFile', () => {
  it('maps the root and plain paths into the renderer folder', () => {
    expect(resolveAppFile(root, 'app://kundenkreis/')).toEqual({ ok: true, file: path.join(root, 'index.html'), fallback: true });
    expect(resolveAppFile(root, 'app://kundenkreis')).toEqual({ ok: true, file: path.join(root, 'index.html'), fallback: true });
    expect(resolveAppFile(root, 'app://kundenkreis/index.html')).toEqual({ ok: true, file: path.join(root, 'index.html'), fallback: false });
    expect(resolveAppFile(root, 'app://kundenkreis/assets/index-abc.js')).toEqual({
      ok: true,
      file: path.join(root, 'assets', 'index-abc.js'),
      fallback: false,
    });
  });

  it('decodes escapes and ignores query and fragment', () => {
    expect(resolveAppFile(root, 'app://kundenkreis/assets/a%20b.css?v=1#x')).toEqual({
      ok: true,
      file: path.join(root, 'assets', 'a b.css'),
      fallback: false,
    });
  });

  it('marks extension-less paths as client-side routes', () => {
    expect(resolveAppFile(root, 'app://kundenkreis/events/123')).toMatchObject({ ok: true, fallback: true });
  });

  it.each([
    // The URL parser already folds these into the root; they must never leave it.
    'app://kundenkreis/../../etc/passwd',
    'app://kundenkreis/%2e%2e/%2e%2e/etc/passwd',
    'app://kundenkreis/.%2e/.%2e/etc/passwd',
  ])('keeps %s inside the renderer folder', (url) => {
    const result = resolveAppFile(root, url);
    expect(result).toMatchObject({ ok: true, file: path.join(root, 'etc', 'passwd') });
  });

  it.each([
    'app://kundenkreis/..%2f..%2fetc%2fpasswd',
    'app://kundenkreis/assets/..%2f..%2f..%2fetc/passwd',
    'app://kundenkreis/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://kundenkreis/..%5c..%5cetc%5cpasswd',
    'app://kundenkreis/a\\..\\..\\..\\etc\\passwd',
    'app://kundenkreis/C:/Windows/win.ini',
    'app://kundenkreis/c%3a%5cWindows%5cwin.ini',
    'app://kundenkreis/%2f%2fserver%2fshare%2f..%2f..',
    'app://kundenkreis/..%2f',
    // An escaped dot-dot is refused even where it would stay inside the folder.
    'app://kundenkreis/assets/..%2findex.html',
  ])('refuses the traversal %s', (url) => {
    expect(resolveAppFile(root, url)).toEqual({ ok: false, status: 403 });
  });

  it.each(['app://kundenkreis/index.html%00.png', 'app://kundenkreis/%E0%A4%A', 'app://kundenkreis/%'])('refuses the malformed %s', (url) => {
    expect(resolveAppFile(root, url)).toEqual({ ok: false, status: 400 });
  });

  it.each([
    'app://evil.example/index.html',
    'app://kundenkreis:1/index.html',
    'app://user@kundenkreis/index.html',
    'https://kundenkreis/index.html',
    'file:///etc/passwd',
    'nonsense',
  ])('refuses the foreign URL %s', (url) => {
    expect(resolveAppFile(root, url)).toEqual({ ok: false, status: 403 });
  });

  it('never resolves outside the root, whatever the input', () => {
    const samples = ['..', '%2e%2e', '..%2f', '%2e%2e%2f', '..%5c', '%5c', '%2f', 'a', '.', '%2e', 'etc', 'passwd'];
    for (const a of samples) {
      for (const b of samples) {
        for (const c of samples) {
          const result = resolveAppFile(root, `app://kundenkreis/${a}/${b}${c}`);
          if (result.ok) {
            const inside = path.relative(root, result.file);
            expect(inside.startsWith('..') || path.isAbsolute(inside)).toBe(false);
          }
        }
      }
    }
  });
});

describe('isAllowedNavigation', () => {
  it('allows the app origin in any frame', () => {
    expect(isAllowedNavigation('app://kundenkreis/index.html', true)).toBe(true);
    expect(isAllowedNavigation('app://kundenkreis/print.html', false)).toBe(true);
  });

  it('allows about:blank and about:srcdoc only in subframes', () => {
    expect(isAllowedNavigation('about:blank', false)).toBe(true);
    expect(isAllowedNavigation('about:srcdoc', false)).toBe(true);
    expect(isAllowedNavigation('about:blank', true)).toBe(false);
  });

  it.each(['https://example.com/', 'http://localhost:4317/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x'])(
    'blocks %s',
    (url) => {
      expect(isAllowedNavigation(url, true)).toBe(false);
      expect(isAllowedNavigation(url, false)).toBe(false);
    },
  );
});

describe('isTrustedFrame', () => {
  it('trusts only the app page in its top-level frame', () => {
    expect(isTrustedFrame({ url: 'app://kundenkreis/index.html', parent: null })).toBe(true);
    expect(isTrustedFrame({ url: 'app://kundenkreis/index.html' })).toBe(true);
    expect(isTrustedFrame({ url: 'app://kundenkreis/index.html', parent: { url: 'app://kundenkreis/' } })).toBe(false);
    expect(isTrustedFrame({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedFrame({ url: 'file:///tmp/x.html', parent: null })).toBe(false);
    expect(isTrustedFrame({ url: '', parent: null })).toBe(false);
    expect(isTrustedFrame(null)).toBe(false);
    expect(isTrustedFrame(undefined)).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values] as const),
  );

  it('allows only the app itself to run code', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|strict-dynamic/);
  });

  it('names no remote origin and no wildcard', () => {
    for (const [, values] of directives) {
      for (const value of values) {
        expect(value).toMatch(/^('self'|'none'|'unsafe-inline'|data:|blob:)$/);
      }
    }
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });
});
