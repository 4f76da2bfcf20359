import { cp, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { paths } from './documents';
import type { BackupInfo } from '../../shared/schemas/data';
import { TEMP_SUFFIX } from './durable-file';
import { lockFiles } from './lock';
import { replacementEntries } from './replace';

export const BACKUPS_DIR = 'backups';
const INCOMPLETE = '.incomplete-';

/** Folder names sort by time: 2026-11-27T12-00-00-000Z[-label][~n]. */
const stamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');
const nameParts = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-([a-z-]+))?(?:~\d+)?$/;

function parseStamp(name: string): number {
  const match = nameParts.exec(name);
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

/** A backup's time, label (from its name) and size (every file in it). */
export async function backupInfo(dataDir: string, name: string): Promise<BackupInfo> {
  const dir = join(dataDir, BACKUPS_DIR, name);
  let sizeBytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) sizeBytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  const label = nameParts.exec(name)?.[6];
  return { name, createdAt: new Date(parseStamp(name)).toISOString(), sizeBytes, ...(label ? { label } : {}) };
}

/**
 * Copies the data folder's documents to backups/<timestamp>[-label]/. The copy
 * is made under a temporary name and renamed when complete, so a crash never
 * leaves a half backup that looks whole. Keeps the newest `keep` backups,
 * and always the one just made. Answers its name.
 */
export async function createBackup(
  dataDir: string,
  options: {
    keep: number;
    label?: string;
    now?: Date;
    /**
     * The documents as of one moment, written from memory instead of copied
     * from the disk (where writes may go on meanwhile): then only the other
     * entries (the export log, the key file) are copied, never changed in
     * place, and no journal (the documents hold no change half-way).
     */
    documents?: ReadonlyArray<{ file: string; content: () => string | Buffer }>;
  },
): Promise<string> {
  const root = join(dataDir, BACKUPS_DIR);
  await mkdir(root, { recursive: true });
  const existing = new Set(await readdir(root));
  let name = stamp(options.now ?? new Date()) + (options.label ? `-${options.label}` : '');
  for (let n = 2; existing.has(name); n++) name = `${name.replace(/~\d+$/, '')}~${n}`;
  const staging = join(root, INCOMPLETE + name);
  await mkdir(staging);
  try {
    // Entry by entry: the backups folder lives inside the data folder.
    const skipped = new Set([BACKUPS_DIR, ...lockFiles, ...replacementEntries]);
    const { documents } = options;
    if (documents) {
      for (const entry of [paths.contactsDir, paths.ordersDir, paths.eventsDir, paths.journal, ...documents.map(({ file }) => file.split('/')[0]!)]) skipped.add(entry);
    }
    for (const entry of await readdir(dataDir)) {
      if (skipped.has(entry) || entry.endsWith(TEMP_SUFFIX)) continue;
      await cp(join(dataDir, entry), join(staging, entry), { recursive: true, filter: (source) => !source.endsWith(TEMP_SUFFIX) });
    }
    for (const { file, content } of documents ?? []) {
      await mkdir(dirname(join(staging, file)), { recursive: true });
      await writeFile(join(staging, file), content());
    }
    await rename(staging, join(root, name));
  } catch (error) {
    // A full disk or a folder turned read-only: no half copy stays behind.
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await pruneBackups(dataDir, options.keep, name);
  return name;
}

async function pruneBackups(dataDir: string, keep: number, justMade: string): Promise<void> {
  const root = join(dataDir, BACKUPS_DIR);
  const others = (await listBackups(dataDir)).filter((name) => name !== justMade);
  for (const old of others.slice(Math.max(0, keep - 1))) await rm(join(root, old), { recursive: true, force: true });
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
