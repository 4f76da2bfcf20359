import { join } from 'node:path';
import { BACKUPS_DIR, listBackups } from './backup';
import type { Codec } from './codec';
import { dataFiles, kindOfFile } from './data-files';
import { CorruptDocumentError } from './durable-file';
import { readDocument } from './store';

/** Why `file` in `dir` does not read or validate; undefined when it is good. A missing file is not good. */
async function problemOf(dir: string, file: string, codec: Codec): Promise<string | undefined> {
  const kind = kindOfFile(file);
  if (!kind) return 'is not a document of a data folder';
  try {
    return (await readDocument(dir, file, kind, codec)) ? undefined : 'is missing';
  } catch (error) {
    if (error instanceof CorruptDocumentError) return error.reason;
    throw error;
  }
}

/** Every document of a folder that does not read or validate (all of them, not only the first), with the reason. */
export async function brokenDocuments(dir: string, codec: Codec): Promise<Array<{ file: string; reason: string }>> {
  const broken: Array<{ file: string; reason: string }> = [];
  for (const file of await dataFiles(dir)) {
    if (!kindOfFile(file)) continue;
    const reason = await problemOf(dir, file, codec);
    if (reason) broken.push({ file, reason });
  }
  return broken;
}

/**
 * The newest backup folder holding a good copy of `file` (one that reads and
 * validates), relative to the data folder, or undefined if none does.
 */
export async function newestGoodBackup(dataDir: string, file: string, codec: Codec): Promise<string | undefined> {
  for (const name of await listBackups(dataDir)) {
    if (!(await problemOf(join(dataDir, BACKUPS_DIR, name), file, codec))) return `${BACKUPS_DIR}/${name}`;
  }
  return undefined;
}
