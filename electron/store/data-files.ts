import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { contactShardFile, eventFile, orderShardFile, paths, type DocumentKind } from './documents';

/**
 * The files that make up a data folder's state: its documents and, when it is
 * encrypted, the key file. Backups, the lock, temp files, the journal and kept
 * broken files are not among them. Paths are relative, with '/' as separator.
 */

/** The key file of an encrypted folder (salt and check value; the documents cannot be read without it). */
export const ENCRYPTION_KEY_FILE = 'encryption.json';

const singletonFiles: Record<string, DocumentKind> = {
  [paths.meta]: 'meta',
  [paths.settings]: 'settings',
  [paths.catalog]: 'catalog',
  [paths.unsplitOrders]: 'orders',
  [paths.tasks]: 'tasks',
  [paths.club]: 'club',
  [paths.privacy]: 'privacy',
};

/** Which kind of document a path holds; undefined for anything that is no document. */
export function kindOfFile(file: string): DocumentKind | undefined {
  if (Object.hasOwn(singletonFiles, file)) return singletonFiles[file];
  const slash = file.lastIndexOf('/');
  const dir = file.slice(0, Math.max(0, slash));
  const name = file.slice(slash + 1);
  if (dir === paths.contactsDir && contactShardFile.test(name)) return 'contacts';
  if (dir === paths.ordersDir && orderShardFile.test(name)) return 'orders';
  if (dir === paths.eventsDir && eventFile.test(name)) return 'event';
  if (dir === paths.exportLogDir && eventFile.test(name)) return 'exportLog';
  return undefined;
}

export const isDataFile = (file: string) => file === ENCRYPTION_KEY_FILE || kindOfFile(file) !== undefined;

/** The data files in `dir` (a data folder or a backup of one), sorted. */
export async function dataFiles(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .map((entry) => entry.split('\\').join('/'))
    .filter(isDataFile)
    .sort();
}

/** The bytes of every data file in `dir`. */
export async function readDataFiles(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const file of await dataFiles(dir)) files.set(file, await readFile(join(dir, file)));
  return files;
}
