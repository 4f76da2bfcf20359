import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY, resolveAppFile } from './security';

/**
 * The app:// protocol handler: serves the built renderer (dist/renderer) to the
 * desktop window. Electron-free (it only uses the Fetch API's Request/Response,
 * global in Node and in Electron's main process), so it is tested in plain Node.
 */

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers that go on every app:// response, errors included. */
export function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  };
}

function errorResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders(), 'content-type': 'text/plain; charset=utf-8' },
  });
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Minimal view of the Fetch API Request that the handler reads. */
export interface AppRequest {
  url: string;
  method: string;
}

/** Answers one app:// request from files under `root`. Never throws. */
export async function serveAppRequest(root: string, request: AppRequest): Promise<Response> {
  try {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const response = errorResponse(405, 'Method Not Allowed');
      response.headers.set('allow', 'GET, HEAD');
      return response;
    }
    const resolved = resolveAppFile(root, request.url);
    if (!resolved.ok) {
      return errorResponse(resolved.status, resolved.status === 400 ? 'Bad Request' : 'Forbidden');
    }
    let file = resolved.file;
    if (!(await isFile(file))) {
      const index = path.join(path.resolve(root), 'index.html');
      if (!resolved.fallback || !(await isFile(index))) return errorResponse(404, 'Not Found');
      file = index; // client-side route such as app://kundenkreis/events
    }
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, {
      status: 200,
      headers: { ...securityHeaders(), 'content-type': mimeTypeOf(file) },
    });
  } catch {
    return errorResponse(500, 'Internal Server Error');
  }
}

/** The function main.ts passes to protocol.handle('app', ...). */
export function createAppProtocolHandler(root: string): (request: AppRequest) => Promise<Response> {
  return (request) => serveAppRequest(root, request);
}
