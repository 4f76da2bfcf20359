import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { openBackend, type Backend } from '../../electron/backend';
import { tempDir } from './backend';

/**
 * Every file and folder of a data folder with the SHA-256 of its bytes (folders as "dir"), the
 * folder lock aside: two equal snapshots mean nothing was written, renamed, created or removed.
 */
export async function folderSnapshot(dir: string): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = relative(dir, join(entry.parentPath, entry.name));
    if (path.split(/[\\/]/).some((part) => part.startsWith('.lock'))) continue;
    snapshot[path] = entry.isDirectory() ? 'dir' : createHash('sha256').update(await readFile(join(dir, path))).digest('hex');
  }
  return snapshot;
}

/** A real backend on a temp folder holding the German demo data (contacts, events, orders, club) and a backup of it. */
export async function demoBackend(prefix: string): Promise<{ backend: Backend; dataDir: string; close(): Promise<void> }> {
  const dataDir = await tempDir(prefix);
  const backend = await openBackend({ dataDir, holder: 'web', version: 'test' });
  for (const operation of ['demo.load', 'backups.create']) {
    const answer = await backend.dispatch(operation, {});
    if (!answer.ok) throw new Error(`${operation} failed: ${JSON.stringify(answer.error)}`);
  }
  return {
    backend,
    dataDir,
    close: async () => {
      await backend.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
