import type { AppStatus, OutputOf, ParsedInputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Codec } from '../store/codec';
import { CorruptDocumentError } from '../store/durable-file';
import { newestGoodBackup } from '../store/recovery';
import type { FolderContext } from './context';

/** Every broken document of a folder that failed to open, each with the newest backup holding a good copy. */
export async function diagnose(dataDir: string, _codec: Codec, error: CorruptDocumentError): Promise<Extract<AppStatus, { state: 'recovery' }>['broken']> {
  return [{ file: error.file, reason: error.reason, backup: await newestGoodBackup(dataDir, error.file) }];
}

export function backupOperations(_context: () => FolderContext) {
  const notYet = (): never => {
    throw new AppError('INTERNAL', 'not built yet');
  };
  return {
    list: async (): Promise<OutputOf<'backups.list'>> => notYet(),
    create: async (): Promise<OutputOf<'backups.create'>> => notYet(),
    restore: async (_input: ParsedInputOf<'backups.restore'>): Promise<OutputOf<'backups.restore'>> => notYet(),
    openFolder: async (): Promise<OutputOf<'backups.openFolder'>> => notYet(),
    exportArchive: async (): Promise<OutputOf<'data.exportArchive'>> => notYet(),
    importArchive: async (_input: ParsedInputOf<'data.importArchive'>): Promise<OutputOf<'data.importArchive'>> => notYet(),
    recoveryRestore: async (): Promise<OutputOf<'recovery.restore'>> => notYet(),
  };
}
