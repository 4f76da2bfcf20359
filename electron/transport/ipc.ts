import type { Envelope } from '../../shared/errors';
import { IPC_CHANNEL } from './channel';

export { IPC_CHANNEL } from './channel';

/**
 * The desktop transport: one IPC channel, every message checked for its sender
 * and handed to the same dispatcher as browser mode. Typed structurally (no
 * `electron` import) so it runs and typechecks in plain Node; main.ts passes the
 * real ipcMain, whose types satisfy these shapes.
 */

/** What a frame looks like to the sender check (Electron's WebFrameMain). */
export interface SenderFrame {
  url: string;
  parent?: unknown;
}

/** The part of Electron's IpcMainInvokeEvent this transport reads. */
export interface InvokeEvent {
  readonly senderFrame: SenderFrame | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<Envelope<unknown>>): void;
  removeHandler(channel: string): void;
}

export type Dispatch = (operation: string, input: unknown) => Promise<Envelope<unknown>>;

const forbidden: Envelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'errors.forbidden' },
};

/**
 * Registers the handler for IPC_CHANNEL. It never throws to the renderer: a
 * foreign or vanished sender frame gets FORBIDDEN, a non-string operation gets
 * VALIDATION, a dispatcher that throws (it should not) gets INTERNAL.
 * Returns a function that removes the handler.
 */
export function registerIpcTransport(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  isTrustedFrame: (frame: SenderFrame | null) => boolean,
): () => void {
  ipcMain.handle(IPC_CHANNEL, async (event, operation, input) => {
    let frame: SenderFrame | null;
    try {
      // Reading senderFrame can throw once the frame is gone.
      frame = event.senderFrame;
    } catch {
      frame = null;
    }
    if (!isTrustedFrame(frame)) return forbidden;
    if (typeof operation !== 'string' || operation.length === 0 || operation.length > 200) {
      return {
        ok: false,
        error: { code: 'VALIDATION', message: 'errors.unknownOperation', issues: [{ path: '', message: 'operation' }] },
      };
    }
    try {
      return await dispatch(operation, input);
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: 'errors.internal' } };
    }
  });
  return () => ipcMain.removeHandler(IPC_CHANNEL);
}
