import { cp, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_SUFFIX } from './durable-file';
import { lockFiles } from './lock';

export const BACKUPS_DIR = 'backups';
const INCOMPLETE = '.incomplete-';

/** Folder names sort by time: 2026-11-27T12-00-00-000Z[-label]. */
const stamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');

function parseStamp(name: string): number {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(name);
  return match ? Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`) : Number.NaN;
}

/** Backup folder names, newest first. */
export async function listBackups(dataDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(join(dataDir, BACKUPS_DIR));
  } catch {
    return [];
  }
  return names.filter((name) => !Number.isNaN(parseStamp(name))).sort().reverse();
}

/**
 * Copies the data folder's documents to backups/<timestamp>[-label]/. The copy
 * is made under a temporary name and renamed when complete, so a crash never
 * leaves a half backup that looks whole. Keeps the newest `keep` backups.
 */
export async function createBackup(dataDir: string, options: { keep: number; label?: string; now?: Date }): Promise<string> {
  const root = join(dataDir, BACKUPS_DIR);
  await mkdir(root, { recursive: true });
  const existing = new Set(await readdir(root));
  let name = stamp(options.now ?? new Date()) + (options.label ? `-${options.label}` : '');
  for (let n = 2; existing.has(name); n++) name = `${name.replace(/~\d+$/, '')}~${n}`;
  const staging = join(root, INCOMPLETE + name);
  await mkdir(staging);
  // Entry by entry: the backups folder lives inside the data folder.
  for (const entry of await readdir(dataDir)) {
    if (entry === BACKUPS_DIR || lockFiles.includes(entry) || entry.endsWith(TEMP_SUFFIX)) continue;
    await cp(join(dataDir, entry), join(staging, entry), { recursive: true, filter: (source) => !source.endsWith(TEMP_SUFFIX) });
  }
  await rename(staging, join(root, name));
  await pruneBackups(dataDir, options.keep);
  return name;
}

async function pruneBackups(dataDir: string, keep: number): Promise<void> {
  const root = join(dataDir, BACKUPS_DIR);
  const names = await listBackups(dataDir);
  for (const old of names.slice(keep)) await rm(join(root, old), { recursive: true, force: true });
  // Copies interrupted by a crash.
  for (const name of await readdir(root)) {
    if (name.startsWith(INCOMPLETE)) await rm(join(root, name), { recursive: true, force: true });
  }
}

/** Whether the newest backup is older than `intervalMs` (or there is none). */
export async function backupDue(dataDir: string, intervalMs: number, now = new Date()): Promise<boolean> {
  const [newest] = await listBackups(dataDir);
  return newest === undefined || now.getTime() - parseStamp(newest) >= intervalMs;
}
