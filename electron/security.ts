import path from 'node:path';

/**
 * Pure security decisions of the desktop shell. Nothing here imports `electron`,
 * so every rule is unit-tested in plain Node (tests/electron/security.test.ts)
 * and main.ts only wires these functions to Electron's hooks.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'kundenkreis';
/** The page's origin as Chromium reports it for the privileged standard scheme. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The one CSP of the app (electron/csp.ts), sent on every app:// response. */
export { CONTENT_SECURITY_POLICY } from './csp';

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 8192) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for URLs of the app's own origin (app://kundenkreis), nothing else. */
export function isAppUrl(url: unknown): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    // Chromium lower-cases hosts of standard schemes; Node keeps opaque hosts as written.
    parsed.host.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Same as isAppUrl, for a bare origin string as permission checks report it ("app://kundenkreis"). */
export function isAppOrigin(origin: unknown): boolean {
  return isAppUrl(origin);
}

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL to hand to shell.openExternal, or null when it must not leave the app.
 * Only parsed http:, https: and mailto: URLs qualify; the re-serialised href is
 * returned so the OS sees exactly what was checked. URLs carrying credentials
 * (https://user@host) are refused: they only serve to disguise the real host.
 */
export function externalUrlToOpen(url: unknown): string | null {
  const parsed = parseUrl(url);
  if (!parsed || !EXTERNAL_PROTOCOLS.has(parsed.protocol)) return null;
  if (parsed.protocol === 'mailto:') {
    return parsed.pathname.length > 0 || parsed.search.length > 0 ? parsed.href : null;
  }
  if (parsed.hostname === '' || parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}

export function isAllowedExternalUrl(url: unknown): boolean {
  return externalUrlToOpen(url) !== null;
}

export interface PermissionQuery {
  /** Electron's permission name ('media', 'notifications', ...). */
  permission: string;
  /** The origin or URL of the frame that asks. */
  origin: string | undefined;
  /** For 'media': what is asked for. Camera only, so 'audio' is refused. */
  mediaTypes?: readonly string[] | undefined;
}

/**
 * Only the camera (permission 'media' without audio, for QR scanning) and only
 * for the app's own page. Every other permission and every other origin is denied.
 */
export function isPermissionAllowed({ permission, origin, mediaTypes }: PermissionQuery): boolean {
  if (permission !== 'media') return false;
  if (!isAppOrigin(origin)) return false;
  return (mediaTypes ?? []).every((type) => type === 'video');
}

export type ResolvedAppFile =
  | { ok: true; file: string; fallback: boolean }
  | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps an app:// request URL to a file inside `root`, or refuses it.
 * - foreign origin -> 403;
 * - malformed escapes, NUL bytes -> 400;
 * - anything that would leave `root` after decoding (../, %2e%2e, %2f, backslashes,
 *   drive letters, UNC paths) -> 403;
 * - "/" -> index.html.
 * The caller checks that the file exists; `fallback` is true when a missing file
 * should be answered with index.html (extension-less client-side routes).
 */
export function resolveAppFile(root: string, requestUrl: string): ResolvedAppFile {
  const parsed = parseUrl(requestUrl);
  if (!parsed || !isAppUrl(requestUrl)) return { ok: false, status: 403 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400 };
  // Chromium treats "\" as "/" for standard schemes, and so does Windows: check both ways.
  const segments = decoded.replace(/\\/g, '/').split('/');
  if (segments.some((segment) => segment === '..' || /^[a-zA-Z]:/.test(segment))) {
    return { ok: false, status: 403 };
  }
  const relative = segments.filter((segment) => segment !== '' && segment !== '.').join('/');
  const rootResolved = path.resolve(root);
  const file = path.resolve(rootResolved, relative === '' ? 'index.html' : relative);
  const inside = path.relative(rootResolved, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return { ok: false, status: 403 };
  return { ok: true, file, fallback: path.extname(relative) === '' };
}

/** Whether an IPC message comes from the app's own top-level page. */
export function isTrustedFrame(frame: { url: string; parent?: unknown } | null | undefined): boolean {
  if (!frame) return false;
  if (frame.parent) return false;
  return isAppUrl(frame.url);
}

/**
 * Whether a frame may navigate to `url`: the app's own origin always; a subframe
 * also to about:blank / about:srcdoc (used by printing). Everything else stays blocked.
 */
export function isAllowedNavigation(url: unknown, isMainFrame: boolean): boolean {
  if (isAppUrl(url)) return true;
  return !isMainFrame && (url === 'about:blank' || url === 'about:srcdoc');
}
