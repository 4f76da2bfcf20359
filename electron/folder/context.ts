import type { AppStatus } from '../../shared/contract';
import type { Codec } from '../store/codec';
import type { Store } from '../store/store';

/**
 * What the operations on the data folder as a whole (unlock, restore, archive
 * import, encryption) get from the backend: they run alone (the backend admits
 * no other operation meanwhile) and may close the store, change the files and
 * open the folder again.
 */
export interface FolderContext {
  readonly dataDir: string;
  /** The folder's state now (in recovery: the broken documents it names). */
  readonly status: AppStatus;
  /** The open store; undefined while the folder is locked or needs recovery. */
  readonly store: Store | undefined;
  /** How the folder's documents are stored now (plain or encrypted). */
  readonly codec: Codec;
  /**
   * Closes the open store (if any), runs `change` on the closed folder (still
   * locked against other processes), then
   * opens the folder again: with `codec` when given and `change` succeeded,
   * else with the current one. If `change` throws, the folder is opened as it
   * is and the error passed on. A plain folder that now holds a key file (an
   * imported encrypted archive) opens locked.
   */
  reopen<R>(change: () => Promise<R>, codec?: Codec): Promise<{ result: R; status: AppStatus }>;
  /** Shows a folder in the system's file manager; false where there is none (browser mode). */
  openFolder(path: string): Promise<boolean>;
}
