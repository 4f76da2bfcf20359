import { AppError, type Envelope } from '../../shared/errors';
import type { InputOf, OperationName, OutputOf } from '../../shared/contract';

/** What the desktop preload exposes on `window.kundenkreis` (see electron/preload.ts). */
export interface KundenkreisBridge {
  call(operation: string, input: unknown): Promise<Envelope<unknown>>;
}

declare global {
  interface Window {
    kundenkreis?: KundenkreisBridge;
  }
}

/** Browser mode: the same envelope over `POST /api/<operation>`. */
async function overHttp(operation: string, input: unknown): Promise<Envelope<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${operation}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'errors.offline' } };
  }
  return (await response.json()) as Envelope<unknown>;
}

/**
 * Calls one operation of the contract, over the desktop bridge when present,
 * else over HTTP. Resolves with the operation's output or throws an AppError.
 */
export async function call<K extends OperationName>(operation: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const bridge = typeof window !== 'undefined' ? window.kundenkreis : undefined;
  const envelope = bridge ? await bridge.call(operation, input) : await overHttp(operation, input);
  if (envelope.ok) return envelope.data as OutputOf<K>;
  throw new AppError(envelope.error.code, envelope.error.message, envelope.error.issues);
}
