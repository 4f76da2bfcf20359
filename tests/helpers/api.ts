import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Envelope } from '../../shared/errors';
import { startTestBackend } from './backend';

type Dispatch = (operation: string, input: unknown) => Promise<Envelope<unknown>>;

/**
 * Calls through a backend that a test may replace (a fresh one per test, or
 * one reopened on the same folder): `call` answers the envelope, `ok` the data
 * of a call that must succeed.
 */
export function api(dispatch: () => Dispatch) {
  const call = (operation: string, input: unknown) => dispatch()(operation, input);
  async function ok<T = Record<string, unknown>>(operation: string, input: unknown): Promise<T> {
    const envelope = await call(operation, input);
    if (!envelope.ok) throw new Error(`${operation} failed: ${JSON.stringify(envelope.error)}`);
    return envelope.data as T;
  }
  return { call, ok };
}

/** Every file of a data folder with its content (the lock aside), to prove that a refused call wrote nothing. */
export async function filesOf(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && !entry.name.startsWith('.lock')) files.set(join(entry.parentPath, entry.name), await readFile(join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}

/** A fresh backend on a temp folder for every test of the calling file. */
export function useTestBackend() {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  beforeEach(async () => {
    backend = await startTestBackend();
  });
  afterEach(async () => {
    await backend.close();
  });
  return { ...api(() => backend.bridge.call), dataDir: () => backend.dataDir, reopen: () => backend.reopen() };
}
