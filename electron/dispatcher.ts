import { z } from 'zod';
import { isOperationName, operations, type OperationName, type OutputOf, type ParsedInputOf } from '../shared/contract';
import { AppError, type Envelope } from '../shared/errors';

export type Handler<K extends OperationName> = (input: ParsedInputOf<K>) => Promise<OutputOf<K>> | OutputOf<K>;
export type Handlers = { [K in OperationName]: Handler<K> };

/** One entry point for both transports: operation name and untrusted input in, envelope out. */
export type Dispatch = (operation: string, input: unknown) => Promise<Envelope<unknown>>;

export interface Logger {
  error(message: string, error?: unknown): void;
}

/** File-system failures (disk full, no permission, I/O error) become STORAGE errors. */
function isStorageFailure(error: unknown): error is NodeJS.ErrnoException {
  const candidate = error as NodeJS.ErrnoException;
  return typeof candidate?.code === 'string' && typeof candidate.syscall === 'string';
}

/** What the person at the computer can do about it: free space, make the folder writable, or (other I/O errors) try again. */
function storageMessage(code: string | undefined): string {
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'errors.diskFull';
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'errors.readOnly';
  return 'errors.storageFailed';
}

export function validationError(error: z.ZodError): AppError {
  return new AppError(
    'VALIDATION',
    'The input is not valid.',
    error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
}

/**
 * Where the input holds an own "__proto__" key (JSON.parse and structured
 * cloning make it an ordinary key), or null. Strict schemas refuse it as an
 * unknown key, but zod drops it silently inside records (import mappings); this
 * refuses it there too. Runs on input the schema accepted, so its depth is bounded.
 */
function protoKeyPath(value: unknown, path: string[] = []): string | null {
  if (value === null || typeof value !== 'object') return null;
  if (Object.hasOwn(value, '__proto__')) return path.join('.');
  for (const [key, child] of Object.entries(value)) {
    const found = protoKeyPath(child, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Validates every input against its operation's schema before the handler
 * runs, and turns every outcome into the contract's envelope. Callers never
 * see a stack trace; unexpected errors are logged here.
 */
export function createDispatcher(handlers: Handlers, logger: Logger = console): Dispatch {
  return async (operation, input) => {
    try {
      if (!isOperationName(operation)) throw new AppError('NOT_FOUND', `Unknown operation: ${operation}`);
      const parsed = operations[operation].input.safeParse(input ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      const protoKey = protoKeyPath(input);
      if (protoKey !== null) throw new AppError('VALIDATION', 'The input is not valid.', [{ path: protoKey, message: 'Unrecognized key: "__proto__"' }]);
      const handler = handlers[operation] as (input: unknown) => unknown;
      return { ok: true, data: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toBody() };
      if (isStorageFailure(error)) {
        logger.error(`Storage failure in ${operation}`, error);
        return { ok: false, error: { code: 'STORAGE', message: storageMessage(error.code) } };
      }
      logger.error(`Internal error in ${operation}`, error);
      return { ok: false, error: { code: 'INTERNAL', message: 'An internal error occurred. Nothing was changed.' } };
    }
  };
}
