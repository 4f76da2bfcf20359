import type { AppStatus } from '../shared/contract';
import type { Envelope } from '../shared/errors';
import { createDispatcher, type Dispatch, type Logger } from './dispatcher';
import { createHandlers } from './services';
import { CorruptDocumentError } from './store/durable-file';
import { newestGoodBackup } from './store/recovery';
import { Store } from './store/store';

export { DataFolderLockedError } from './store/lock';

/** What both transports (IPC and HTTP) talk to: one open data folder behind the dispatcher. */
export interface Backend {
  dispatch: Dispatch;
  status: AppStatus;
  close(): Promise<void>;
}

const holderNames = { desktop: 'desktop app', web: 'browser mode', demo: 'demo loader' };

export interface BackendOptions {
  dataDir: string;
  /** Who opens the folder; named to a second process that is refused. */
  holder: keyof typeof holderNames;
  version: string;
  logger?: Logger;
  backupIntervalMs?: number;
}

/**
 * Opens the data folder. A folder with a corrupt document opens in recovery
 * mode: nothing is written, and only `app.status` answers (naming the file and
 * the newest backup with a good copy). A folder locked by another process
 * rejects with DataFolderLockedError.
 */
export async function openBackend(options: BackendOptions): Promise<Backend> {
  try {
    const store = await Store.open({
      dataDir: options.dataDir,
      holder: holderNames[options.holder],
      appVersion: options.version,
      backupIntervalMs: options.backupIntervalMs,
    });
    const dispatch = createDispatcher(createHandlers(store, options.version), options.logger);
    return {
      dispatch,
      status: { state: 'ready', version: options.version, dataDir: options.dataDir, empty: store.isEmpty() },
      close: () => store.close(),
    };
  } catch (error) {
    if (!(error instanceof CorruptDocumentError)) throw error;
    const status: AppStatus = {
      state: 'recovery',
      version: options.version,
      dataDir: options.dataDir,
      file: error.file,
      reason: error.reason,
      backup: await newestGoodBackup(options.dataDir, error.file),
    };
    const dispatch: Dispatch = async (operation): Promise<Envelope<unknown>> =>
      operation === 'app.status'
        ? { ok: true, data: status }
        : { ok: false, error: { code: 'STORAGE', message: `The data folder needs recovery: ${error.file} ${error.reason}.` } };
    return { dispatch, status, close: async () => undefined };
  }
}
