import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutputOf, ParsedInputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Codec } from '../store/codec';
import { ENCRYPTION_KEY_FILE } from '../store/data-files';
import { createKey, openKey, plainKey, readKeyFile, rekeyFolder, type FolderKey, type KeyFile } from '../store/encryption';
import type { FolderContext } from './context';

/** Whether the data folder is encrypted (it holds a key file). */
export async function isEncrypted(dataDir: string): Promise<boolean> {
  try {
    await access(join(dataDir, ENCRYPTION_KEY_FILE));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** The folder's key for a passphrase; FORBIDDEN (errors.wrongPassphrase) when it does not fit. Reads the key file only, writes nothing. */
async function folderKey(dataDir: string, passphrase: string): Promise<FolderKey & { keyFile: KeyFile }> {
  const keyFile = await readKeyFile(dataDir);
  if (!keyFile) throw new AppError('CONFLICT', 'errors.encryptionOff');
  return openKey(keyFile, passphrase);
}

/** The codec for an encrypted folder, or FORBIDDEN (errors.wrongPassphrase) when the passphrase does not fit. */
export async function unlockCodec(dataDir: string, passphrase: string): Promise<Codec> {
  return (await folderKey(dataDir, passphrase)).codec;
}

/**
 * Turning encryption on, changing the passphrase and turning it off re-encode
 * every document and backup while the store is closed (see rekeyFolder for
 * why a crash half-way loses nothing). A wrong current passphrase is refused
 * before anything is written.
 */
export function encryptionOperations(context: () => FolderContext) {
  const rekey = async (from: FolderKey, to: FolderKey): Promise<OutputOf<'encryption.enable'>> => {
    const { dataDir } = context();
    await context().reopen(() => rekeyFolder(dataDir, from, to), to.codec);
    return { enabled: to.keyFile !== undefined };
  };
  return {
    status: async (): Promise<OutputOf<'encryption.status'>> => ({ enabled: await isEncrypted(context().dataDir) }),

    enable: async ({ passphrase }: ParsedInputOf<'encryption.enable'>): Promise<OutputOf<'encryption.enable'>> => {
      if (await isEncrypted(context().dataDir)) throw new AppError('CONFLICT', 'errors.encryptionOn');
      return rekey(plainKey, await createKey(passphrase));
    },

    change: async ({ current, next }: ParsedInputOf<'encryption.change'>): Promise<OutputOf<'encryption.change'>> => {
      const from = await folderKey(context().dataDir, current);
      return rekey(from, await createKey(next));
    },

    disable: async ({ current }: ParsedInputOf<'encryption.disable'>): Promise<OutputOf<'encryption.disable'>> => {
      const from = await folderKey(context().dataDir, current);
      return rekey(from, plainKey);
    },
  };
}
