import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend } from '../../electron/backend';
import type { Envelope } from '../../shared/errors';

export async function tempDir(prefix = 'kk-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/**
 * The real dispatcher and store on a temp folder, in-process. Component tests
 * set `window.kundenkreis = backend.bridge`, so the renderer's client takes
 * the same path as in the desktop app.
 */
export async function startTestBackend(): Promise<{
  bridge: { call(operation: string, input: unknown): Promise<Envelope<unknown>> };
  dataDir: string;
  /** Closes the backend and opens the same folder again, as a restart of the app would. */
  reopen(): Promise<void>;
  close(): Promise<void>;
}> {
  const dataDir = await tempDir();
  const open = () => openBackend({ dataDir, holder: 'web', version: 'test' });
  let backend = await open();
  return {
    // Structured cloning mimics the IPC boundary: no shared object references.
    bridge: { call: async (operation, input) => structuredClone(await backend.dispatch(operation, structuredClone(input))) },
    dataDir,
    reopen: async () => {
      await backend.close();
      backend = await open();
    },
    close: async () => {
      await backend.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
