import { access, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ValidationIssue } from '../../shared/errors';
import type { Codec } from './codec';
import { dataFiles, isDataFile, kindOfFile } from './data-files';
import { paths } from './documents';
import { CorruptDocumentError, fsyncDirectory, writeFileDurably, writeFileSynced } from './durable-file';
import { lockDataFolder } from './lock';
import { readDocument } from './store';

/**
 * Replaces every data file of a folder at once (restoring a backup, importing
 * an archive), so that a process killed at any moment leaves either the old
 * state or the new one:
 *
 * 1. the new files are written to `.incoming/` and validated there (the
 *    caller then closes the store and takes its safety backup);
 * 2. the commit mark `.incoming.json` (the list of the new files) is written
 *    durably: from here on the replacement is finished, never undone;
 * 3. the files are moved into place and the old files not among them removed,
 *    then the mark and the staging folder.
 *
 * At the next open, `finishReplacement` completes step 3 when the mark exists
 * and otherwise throws away a staging folder left half written.
 */
const INCOMING = '.incoming';
const COMMIT_MARK = '.incoming.json';
/** Left out of backups. */
export const replacementEntries = [INCOMING, COMMIT_MARK];
const JOURNAL = 'journal.json';

const directoriesOf = (dir: string) => [dir, join(dir, paths.contactsDir), join(dir, paths.ordersDir), join(dir, paths.eventsDir), join(dir, 'log'), join(dir, paths.exportLogDir)];

async function fsyncDirectories(dir: string): Promise<void> {
  for (const each of directoriesOf(dir)) {
    try {
      await fsyncDirectory(each);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** Every document of the staged files that does not read or validate through `codec`. */
async function problemsOf(stagingDir: string, files: Iterable<string>, codec: Codec): Promise<ValidationIssue[]> {
  const issues: ValidationIssue[] = [];
  for (const file of files) {
    const kind = kindOfFile(file);
    if (!kind) continue;
    try {
      await readDocument(stagingDir, file, kind, codec);
    } catch (error) {
      if (!(error instanceof CorruptDocumentError)) throw error;
      issues.push({ path: file, message: error.reason });
    }
  }
  return issues;
}

export class InvalidReplacementError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
    this.name = 'InvalidReplacementError';
  }
}

/**
 * Step 1: writes `files` (relative path → bytes) to the staging folder and
 * validates every document there through `codec` (undefined for files that
 * cannot be read yet: an encrypted archive before its passphrase is given).
 * Any problem throws InvalidReplacementError and leaves no trace. The data
 * files themselves are not touched, so this may run while the store is open.
 */
export async function stageDataFiles(dataDir: string, files: ReadonlyMap<string, Buffer>, codec: Codec | undefined): Promise<void> {
  const stagingDir = join(dataDir, INCOMING);
  await discardStaged(dataDir);
  try {
    for (const [file, bytes] of files) {
      // No temp file needed: nothing reads the staging folder before the commit mark.
      await mkdir(dirname(join(stagingDir, file)), { recursive: true });
      await writeFileSynced(join(stagingDir, file), bytes);
    }
    const issues = codec ? await problemsOf(stagingDir, files.keys(), codec) : [];
    if (!files.has(paths.meta)) issues.unshift({ path: paths.meta, message: 'is missing' });
    if (issues.length > 0) throw new InvalidReplacementError(issues);
    await fsyncDirectories(stagingDir);
  } catch (error) {
    await discardStaged(dataDir);
    throw error;
  }
}

export async function discardStaged(dataDir: string): Promise<void> {
  await rm(join(dataDir, INCOMING), { recursive: true, force: true });
}

/** Steps 2 and 3: makes the staged files the folder's data files. Call it on a closed, locked folder. */
export async function commitStaged(dataDir: string, files: readonly string[]): Promise<void> {
  await writeFileDurably(join(dataDir, COMMIT_MARK), JSON.stringify({ files }));
  await moveIntoPlace(dataDir, files);
}

/**
 * At open, before anything reads the folder (or asks whether it is
 * encrypted): completes a replacement cut short after its commit mark, or
 * throws away one cut short before it. Takes the folder's lock for that.
 */
export async function finishReplacement(dataDir: string, holder: string): Promise<void> {
  const pending = (await exists(join(dataDir, COMMIT_MARK))) || (await exists(join(dataDir, INCOMING)));
  if (!pending) return;
  const release = await lockDataFolder(dataDir, holder);
  try {
    const mark = await readFile(join(dataDir, COMMIT_MARK), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (mark === undefined) await discardStaged(dataDir);
    else await moveIntoPlace(dataDir, (JSON.parse(mark) as { files: string[] }).files.filter(isDataFile));
  } finally {
    await release();
  }
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** Step 3; safe to run again after a crash in the middle of it. */
async function moveIntoPlace(dataDir: string, newFiles: readonly string[]): Promise<void> {
  const stagingDir = join(dataDir, INCOMING);
  const keep = new Set(newFiles);
  // A journal of the old state must not be replayed onto the new one.
  await rm(join(dataDir, JOURNAL), { force: true });
  for (const file of newFiles) {
    const staged = join(stagingDir, file);
    if (!(await exists(staged))) continue; // moved before a crash
    await mkdir(dirname(join(dataDir, file)), { recursive: true });
    await rename(staged, join(dataDir, file));
  }
  for (const file of await dataFiles(dataDir)) {
    if (!keep.has(file)) await rm(join(dataDir, file), { force: true });
  }
  await fsyncDirectories(dataDir);
  await rm(join(dataDir, COMMIT_MARK), { force: true });
  await fsyncDirectory(dataDir);
  await rm(stagingDir, { recursive: true, force: true });
}
