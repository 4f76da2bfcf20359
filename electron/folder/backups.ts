import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppStatus, OutputOf, ParsedInputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { archiveBase64 } from '../../shared/schemas/data';
import { InvalidArchiveError, archiveFileName, packArchive, unpackArchive } from '../store/archive';
import { BACKUPS_DIR, backupInfo, createBackup, listBackups } from '../store/backup';
import { plainCodec, type Codec } from '../store/codec';
import { readDataFiles } from '../store/data-files';
import { CorruptDocumentError, writeFileDurably } from '../store/durable-file';
import { brokenDocuments, newestGoodBackup } from '../store/recovery';
import { InvalidReplacementError, commitStaged, discardStaged, stageDataFiles } from '../store/replace';
import type { Store } from '../store/store';
import type { FolderContext } from './context';

type Broken = Extract<AppStatus, { state: 'recovery' }>['broken'];

/**
 * Every broken document of a folder (all of them, not only the one that
 * stopped the opening), each with the newest backup holding a good copy.
 * `firstError` is the one that stopped it: listed even when reading the
 * document alone finds nothing wrong (a contact filed in the wrong shard, a
 * broken journal).
 */
export async function diagnose(dataDir: string, codec: Codec, firstError?: CorruptDocumentError): Promise<Broken> {
  const broken = await brokenDocuments(dataDir, codec);
  if (firstError && !broken.some(({ file }) => file === firstError.file)) broken.unshift({ file: firstError.file, reason: firstError.reason });
  return Promise.all(
    broken.map(async (entry) => {
      const backup = await newestGoodBackup(dataDir, entry.file, codec);
      return backup ? { ...entry, backup } : entry;
    }),
  );
}

const archiveErrors = {
  unreadable: 'errors.archiveUnreadable',
  tooLarge: 'errors.archiveTooLarge',
  notAnArchive: 'errors.archiveNotKundenkreis',
  unknownFile: 'errors.archiveUnknownFile',
} as const;

const timeStamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');
/** The largest archive data.importArchive accepts (as base64). */
const archiveMaxLength = archiveBase64.maxLength ?? Number.POSITIVE_INFINITY;

/**
 * Backups, the archive that moves the data to another computer, and the
 * restore of broken documents. Restore and import replace every data file at
 * once (electron/store/replace.ts) after a safety backup of the state before.
 */
export function backupOperations(context: () => FolderContext) {
  const openStore = (): Store => {
    const { store } = context();
    if (!store) throw new AppError('FORBIDDEN', 'errors.locked');
    return store;
  };
  const keep = (store: Store) => store.settings.data.settings.backupsKept;

  /**
   * Replaces the folder's data files with `files`: validated through
   * `validateWith` before anything changes (else VALIDATION `invalidMessage`),
   * then, on the closed folder, `safetyBackup` and the swap. Opens the
   * folder again with `reopenWith` (plainCodec: as at start, locked when
   * it holds a key file now).
   */
  async function replaceFolder(
    files: ReadonlyMap<string, Buffer>,
    validateWith: Codec | undefined,
    invalidMessage: string,
    safetyBackup: () => Promise<string>,
    reopenWith?: Codec,
  ) {
    const { dataDir } = context();
    try {
      await stageDataFiles(dataDir, files, validateWith);
    } catch (error) {
      if (error instanceof InvalidReplacementError) throw new AppError('VALIDATION', invalidMessage, error.issues);
      throw error;
    }
    return context().reopen(async () => {
      let safety: string;
      try {
        safety = await safetyBackup();
      } catch (error) {
        await discardStaged(dataDir);
        throw error;
      }
      await commitStaged(dataDir, [...files.keys()]);
      return safety;
    }, reopenWith);
  }

  return {
    list: async (): Promise<OutputOf<'backups.list'>> => {
      const { dataDir } = context();
      const names = await listBackups(dataDir);
      return {
        folder: join(dataDir, BACKUPS_DIR),
        keep: keep(openStore()),
        backups: await Promise.all(names.map((name) => backupInfo(dataDir, name))),
      };
    },

    create: async (): Promise<OutputOf<'backups.create'>> => {
      const { dataDir } = context();
      return backupInfo(dataDir, await createBackup(dataDir, { keep: keep(openStore()), label: 'manual' }));
    },

    restore: async ({ name }: ParsedInputOf<'backups.restore'>): Promise<OutputOf<'backups.restore'>> => {
      const { dataDir, codec } = context();
      const kept = keep(openStore());
      if (!(await listBackups(dataDir)).includes(name)) throw new AppError('NOT_FOUND', 'errors.backupNotFound');
      const files = await readDataFiles(join(dataDir, BACKUPS_DIR, name));
      const { result: safetyBackup } = await replaceFolder(files, codec, 'errors.backupDamaged', () =>
        createBackup(dataDir, { keep: kept, label: 'before-restore' }),
      );
      return { restored: name, safetyBackup };
    },

    openFolder: async (): Promise<OutputOf<'backups.openFolder'>> => {
      const folder = join(context().dataDir, BACKUPS_DIR);
      await mkdir(folder, { recursive: true });
      return { opened: await context().openFolder(folder), folder };
    },

    exportArchive: async (): Promise<OutputOf<'data.exportArchive'>> => {
      const store = openStore();
      const packed = await packArchive(context().dataDir, store.meta.data.appVersion);
      const contentBase64 = packed.toString('base64');
      // An archive too big to import again is no way to move the data.
      if (contentBase64.length > archiveMaxLength) throw new AppError('STORAGE', 'errors.archiveTooLarge');
      return { fileName: archiveFileName(new Date()), contentBase64, sizeBytes: packed.length };
    },

    importArchive: async ({ contentBase64, replaceExisting }: ParsedInputOf<'data.importArchive'>): Promise<OutputOf<'data.importArchive'>> => {
      const { dataDir } = context();
      const store = openStore();
      let archive: ReturnType<typeof unpackArchive>;
      try {
        archive = unpackArchive(Buffer.from(contentBase64, 'base64'));
      } catch (error) {
        if (error instanceof InvalidArchiveError) throw new AppError('VALIDATION', archiveErrors[error.reason], [{ path: 'contentBase64', message: error.detail }]);
        throw error;
      }
      if (!store.isEmpty() && !replaceExisting) throw new AppError('CONFLICT', 'errors.archiveWouldReplace');
      const kept = keep(store);
      // An encrypted archive can be read only with its passphrase: it is checked when the folder is unlocked.
      const { result: safetyBackup, status } = await replaceFolder(
        archive.files,
        archive.encrypted ? undefined : plainCodec,
        'errors.archiveDamaged',
        () => createBackup(dataDir, { keep: kept, label: 'before-import' }),
        plainCodec,
      );
      const imported = context().store;
      const counts = imported ? { contacts: [...imported.contacts()].length, events: [...imported.events()].length } : {};
      return { ...counts, safetyBackup, status };
    },

    recoveryRestore: async (): Promise<OutputOf<'recovery.restore'>> => {
      const { dataDir, codec, status } = context();
      if (status.state !== 'recovery') return status;
      // The files the recovery screen names, each with its newest good copy as it is now.
      const broken = await Promise.all(status.broken.map(async ({ file, reason }) => ({ file, reason, backup: await newestGoodBackup(dataDir, file, codec) })));
      const withoutCopy = broken.filter((entry) => !entry.backup);
      if (withoutCopy.length > 0) {
        throw new AppError('NOT_FOUND', 'errors.recoveryNoGoodCopy', withoutCopy.map(({ file, reason }) => ({ path: file, message: reason })));
      }
      const { status: reopened } = await context().reopen(async () => {
        const suffix = `.broken-${timeStamp(new Date())}`;
        for (const { file, backup } of broken) {
          // The broken file is kept beside (for a closer look), then the good copy written over it.
          await writeFileDurably(join(dataDir, file + suffix), await readFile(join(dataDir, file)));
          await writeFileDurably(join(dataDir, file), await readFile(join(dataDir, backup!, file)));
        }
      });
      return reopened;
    },
  };
}
