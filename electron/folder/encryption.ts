import type { OutputOf, ParsedInputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Codec } from '../store/codec';
import type { FolderContext } from './context';

/** Whether the data folder is encrypted (it holds a key file). */
export async function isEncrypted(_dataDir: string): Promise<boolean> {
  return false;
}

/** The codec for an encrypted folder, or FORBIDDEN (errors.wrongPassphrase) when the passphrase does not fit. */
export async function unlockCodec(_dataDir: string, _passphrase: string): Promise<Codec> {
  throw new AppError('INTERNAL', 'not built yet');
}

export function encryptionOperations(_context: () => FolderContext) {
  const notYet = (): never => {
    throw new AppError('INTERNAL', 'not built yet');
  };
  return {
    status: async (): Promise<OutputOf<'encryption.status'>> => notYet(),
    enable: async (_input: ParsedInputOf<'encryption.enable'>): Promise<OutputOf<'encryption.enable'>> => notYet(),
    change: async (_input: ParsedInputOf<'encryption.change'>): Promise<OutputOf<'encryption.change'>> => notYet(),
    disable: async (_input: ParsedInputOf<'encryption.disable'>): Promise<OutputOf<'encryption.disable'>> => notYet(),
  };
}
