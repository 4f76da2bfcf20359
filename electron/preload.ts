import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL } from './transport/channel';

/**
 * The one bridge the page sees: `window.kundenkreis.call(operation, input)`,
 * answered by the main process with the contract's envelope. No ipcRenderer, no
 * event objects and nothing else reaches the page. Runs sandboxed, so it is
 * bundled into a single CommonJS file (dist-electron/preload.cjs).
 */
contextBridge.exposeInMainWorld(
  'kundenkreis',
  Object.freeze({
    call: (operation: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(IPC_CHANNEL, operation, input),
  }),
);
