import lockfile from 'proper-lockfile';
import { hostname } from 'node:os';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Who holds a data folder; written next to the lock so a refused second process can say. */
export interface LockHolder {
  pid: number;
  host: string;
  holder: string;
  since: string;
}

export class DataFolderLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | undefined,
  ) {
    super(
      holder
        ? `The data folder ${dataDir} is already in use by Kundenkreis (${holder.holder}, process ${holder.pid} on ${holder.host}, since ${holder.since}). Close that process first; only one program may write to a data folder.`
        : `The data folder ${dataDir} is already in use by another Kundenkreis process. Close it first; only one program may write to a data folder.`,
    );
    this.name = 'DataFolderLockedError';
  }
}

const LOCK = '.lock';
const HOLDER = '.lock-holder.json';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(dataDir: string): Promise<LockHolder | undefined> {
  try {
    return JSON.parse(await readFile(join(dataDir, HOLDER), 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

/**
 * Takes the one-writer lock of a data folder (proper-lockfile: an atomic mkdir,
 * refreshed while we run, stale after 10 s). A lock left by a process that
 * died on this machine is taken over at once instead of after 10 s.
 * Resolves with the release function.
 */
export async function lockDataFolder(dataDir: string, holder: string): Promise<() => Promise<void>> {
  const options = {
    lockfilePath: join(dataDir, LOCK),
    realpath: false,
    stale: 10_000,
    update: 2_000,
    onCompromised: (error: Error) => console.error(`Kundenkreis: the lock of ${dataDir} was compromised: ${error.message}`),
  };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const current = await readHolder(dataDir);
    if (!current || current.host !== hostname() || isAlive(current.pid) || current.pid === process.pid) {
      throw new DataFolderLockedError(dataDir, current);
    }
    await rm(join(dataDir, LOCK), { recursive: true, force: true });
    release = await lockfile.lock(dataDir, options);
  }
  const me: LockHolder = { pid: process.pid, host: hostname(), holder, since: new Date().toISOString() };
  await writeFile(join(dataDir, HOLDER), JSON.stringify(me));
  return async () => {
    await rm(join(dataDir, HOLDER), { force: true });
    await release();
  };
}

/** Files of the lock that are not data (left out of backups). */
export const lockFiles = [LOCK, HOLDER];
