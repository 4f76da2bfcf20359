import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import { operationNames } from '../../shared/contract';
import { httpStatus, type Envelope, type ErrorBody, type ErrorCode } from '../../shared/errors';
import type { Dispatch } from '../dispatcher';
import { CONTENT_SECURITY_POLICY } from '../csp';

/** An import carries its file base64-encoded, up to 30 MB by the contract (importInput); anything larger is refused before it is read. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface HttpOptions {
  dispatch: Dispatch;
  version: string;
  /** The built renderer; absent in tests of the API alone. */
  staticDir?: string;
  /** Host header values this server answers to (host:port); filled in once the port is known. */
  allowedHosts: Set<string>;
}

const fail = (c: Context, code: ErrorCode, message: string) =>
  c.json<Envelope<never>>({ ok: false, error: { code, message } }, httpStatus[code] as 400);

/**
 * Browser mode: the same dispatcher as the desktop app, over HTTP.
 * `POST /api/<operation>` with a JSON body answers the contract's envelope
 * with an HTTP status that follows its error code. No CORS headers are sent,
 * and only JSON bodies are accepted, so other sites' pages cannot call it;
 * the Host check stops DNS rebinding.
 */
export function createHttpApp(options: HttpOptions): Hono {
  const app = new Hono();

  app.use(async (c, next) => {
    const host = c.req.header('host') ?? '';
    if (!options.allowedHosts.has(host.toLowerCase())) return fail(c, 'FORBIDDEN', `Host ${host || '(none)'} is not served here.`);
    await next();
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: undefined,
      crossOriginResourcePolicy: 'same-origin',
      referrerPolicy: 'no-referrer',
      xFrameOptions: 'DENY',
    }),
  );
  app.use(async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  });

  app.get('/api/health', (c) => c.json({ ok: true, version: options.version }));
  app.get('/api', (c) => c.json({ ok: true, data: operationNames }));
  app.post(
    '/api/:operation',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json<Envelope<never>>({ ok: false, error: { code: 'VALIDATION', message: `The request body is larger than ${MAX_BODY_BYTES} bytes.` } }, 413) }),
    async (c) => {
      // The media type itself, parameters aside: "application/json; charset=utf-8" passes, "application/jsonp" does not.
      const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (mediaType !== 'application/json') {
        return fail(c, 'VALIDATION', 'The request body must be JSON (Content-Type: application/json).');
      }
      let input: unknown;
      try {
        const text = await c.req.text();
        input = text.trim() === '' ? {} : JSON.parse(text);
      } catch {
        return fail(c, 'VALIDATION', 'The request body is not valid JSON.');
      }
      const envelope = await options.dispatch(c.req.param('operation'), input);
      const status = envelope.ok ? 200 : httpStatus[(envelope.error as ErrorBody).code];
      return c.json(envelope, status as 200);
    },
  );
  app.all('/api/*', (c) => fail(c, 'NOT_FOUND', `No such endpoint: ${c.req.method} ${c.req.path}`));

  if (options.staticDir) {
    app.use('/*', serveStatic({ root: options.staticDir }));
    app.get('/', serveStatic({ root: options.staticDir, path: 'index.html' }));
  }
  app.notFound((c) => fail(c, 'NOT_FOUND', `Not found: ${c.req.path}`));
  return app;
}

/** Host header values for a server bound to `hostname` on `port`. */
export function hostsFor(hostname: string, port: number, interfaceAddresses: string[] = []): string[] {
  const loopback = ['127.0.0.1', 'localhost', '[::1]'];
  const names = hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '::1' ? loopback : hostname === '0.0.0.0' || hostname === '::' ? [...loopback, ...interfaceAddresses] : [hostname];
  return names.map((name) => `${name.includes(':') && !name.startsWith('[') ? `[${name}]` : name}:${port}`.toLowerCase());
}
