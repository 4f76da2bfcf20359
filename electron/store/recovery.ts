import { join } from 'node:path';
import { BACKUPS_DIR, listBackups } from './backup';
import { CorruptDocumentError } from './durable-file';
import type { DocumentKind } from './documents';
import { readDocument } from './store';

/** Which kind of document a data-folder path holds. */
export function kindOfFile(file: string): DocumentKind {
  if (file === 'meta.json') return 'meta';
  if (file === 'settings.json') return 'settings';
  return file.startsWith('contacts/') ? 'contacts' : 'event';
}

/**
 * The newest backup folder holding a good copy of `file` (one that reads and
 * validates), relative to the data folder, or undefined if none does.
 */
export async function newestGoodBackup(dataDir: string, file: string): Promise<string | undefined> {
  for (const name of await listBackups(dataDir)) {
    const backupDir = join(dataDir, BACKUPS_DIR, name);
    try {
      if (await readDocument(backupDir, file, kindOfFile(file))) return `${BACKUPS_DIR}/${name}`;
    } catch (error) {
      if (!(error instanceof CorruptDocumentError)) throw error;
    }
  }
  return undefined;
}
