import { operationNames, type AppStatus, type OperationName } from '../shared/contract';
import { AppError } from '../shared/errors';
import { createDispatcher, type Dispatch, type Handlers, type Logger } from './dispatcher';
import { backupOperations, diagnose } from './folder/backups';
import type { FolderContext } from './folder/context';
import { encryptionOperations, isEncrypted, unlockCodec } from './folder/encryption';
import { createHandlers } from './services';
import { plainCodec, type Codec } from './store/codec';
import { CorruptDocumentError } from './store/durable-file';
import { lockDataFolder } from './store/lock';
import { finishReplacement } from './store/replace';
import { Store } from './store/store';

export { DataFolderLockedError } from './store/lock';

/** What both transports (IPC and HTTP) talk to: one data folder behind the dispatcher. */
export interface Backend {
  dispatch: Dispatch;
  /** The folder's state now: ready, locked (encrypted, waiting for the passphrase) or recovery. */
  readonly status: AppStatus;
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
  /** Shows a folder in the file manager (the desktop app passes shell.openPath); absent in browser mode. */
  openFolder?: (path: string) => Promise<boolean>;
}

/**
 * Operations on the folder as a whole: they run alone (every operation under
 * way finishes first, every later one waits) because they may close the store
 * and open it again.
 */
const folderOperations = new Set<OperationName>([
  'app.unlock',
  'recovery.restore',
  // A backup and an archive copy the files: no write may be under way meanwhile.
  'backups.create',
  'backups.restore',
  'data.exportArchive',
  'data.importArchive',
  'encryption.enable',
  'encryption.change',
  'encryption.disable',
]);

/** What answers while the folder is open, locked or in recovery. */
interface Session {
  status: AppStatus;
  store?: Store;
  dispatch: Dispatch;
  close(): Promise<void>;
}

/**
 * Opens the data folder. An encrypted folder opens locked: only `app.status`
 * and `app.unlock` answer until the passphrase is given. A folder with a
 * corrupt document opens in recovery mode: nothing is written, and only
 * `app.status` and `recovery.restore` answer (the status names every broken
 * file and the newest backup with a good copy of it). A folder locked by
 * another process rejects with DataFolderLockedError.
 */
export async function openBackend(options: BackendOptions): Promise<Backend> {
  const { dataDir, version } = options;
  let codec: Codec = plainCodec;
  let session: Session;

  const context = (): FolderContext => ({
    dataDir,
    status: session.status,
    store: session.store,
    codec,
    openFolder: options.openFolder ?? (async () => false),
    reopen: async (change, nextCodec) => {
      await session.close();
      let result;
      // The closed folder stays locked while it changes: no other process may open it half-way.
      const release = await lockDataFolder(dataDir, holderNames[options.holder]);
      try {
        result = await change();
        // Only a change that went through switches the codec: after a failed one the files are as they were.
        if (nextCodec) codec = nextCodec;
      } finally {
        await release();
        // Without a key, the folder opens as at start: locked if it holds a key file now (e.g. an imported encrypted archive).
        session = await openSession(codec === plainCodec ? undefined : codec);
        // A folder operation runs alone to its end, the daily backup of the reopened folder included.
        await session.store?.backupDone();
      }
      return { result, status: session.status };
    },
  });

  const backups = backupOperations(context);
  const encryption = encryptionOperations(context);
  const folderHandlers = {
    'app.unlock': async ({ passphrase }) => (await context().reopen(async () => undefined, await unlockCodec(dataDir, passphrase))).status,
    'recovery.restore': backups.recoveryRestore,
    'backups.list': backups.list,
    'backups.create': backups.create,
    'backups.restore': backups.restore,
    'backups.openFolder': backups.openFolder,
    'data.exportArchive': backups.exportArchive,
    'data.importArchive': backups.importArchive,
    'encryption.status': encryption.status,
    'encryption.enable': encryption.enable,
    'encryption.change': encryption.change,
    'encryption.disable': encryption.disable,
  } satisfies Partial<Handlers>;

  /** A session that answers only `allowed` (and app.status); everything else is refused with `refusal`. */
  const limitedSession = (status: AppStatus, allowed: readonly OperationName[], refusal: AppError, close: () => Promise<void>): Session => {
    const handlers = Object.fromEntries(
      operationNames.map((name) => [
        name,
        name === 'app.status'
          ? () => status
          : allowed.includes(name)
            ? folderHandlers[name as keyof typeof folderHandlers]
            : () => {
                throw refusal;
              },
      ]),
    ) as unknown as Handlers;
    return { status, dispatch: createDispatcher(handlers, options.logger), close };
  };

  const openSession = async (withCodec: Codec | undefined): Promise<Session> => {
    // A restore or archive import cut short by a crash is finished first: it may bring or remove the key file.
    await finishReplacement(dataDir, holderNames[options.holder]);
    if (!withCodec && (await isEncrypted(dataDir))) {
      // Held while locked, so that no other process opens the folder meanwhile.
      const release = await lockDataFolder(dataDir, holderNames[options.holder]);
      return limitedSession({ state: 'locked', version, dataDir }, ['app.unlock'], new AppError('FORBIDDEN', 'errors.locked'), release);
    }
    const using = withCodec ?? plainCodec;
    try {
      const store = await Store.open({
        dataDir,
        holder: holderNames[options.holder],
        appVersion: version,
        backupIntervalMs: options.backupIntervalMs,
        codec: using,
      });
      const handlers = createHandlers(store, version, folderHandlers);
      return {
        status: { state: 'ready', version, dataDir, empty: store.isEmpty() },
        store,
        dispatch: createDispatcher(handlers, options.logger),
        close: () => store.close(),
      };
    } catch (error) {
      if (!(error instanceof CorruptDocumentError)) throw error;
      const status: AppStatus = { state: 'recovery', version, dataDir, broken: await diagnose(dataDir, using, error) };
      return limitedSession(status, ['recovery.restore'], new AppError('STORAGE', `The data folder needs recovery: ${error.file} ${error.reason}.`), async () => undefined);
    }
  };

  session = await openSession(undefined);

  // Folder operations run alone: `gate` is the one under way, `inFlight` the other operations under way.
  let gate: Promise<unknown> = Promise.resolve();
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const dispatch: Dispatch = async (operation, input) => {
    if (folderOperations.has(operation as OperationName)) {
      const run = async () => {
        if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
        drained = undefined;
        // The daily backup made after start copies the files too.
        await session.store?.backupDone();
        return session.dispatch(operation, input);
      };
      const done = gate.then(run, run);
      gate = done.catch(() => undefined);
      return done;
    }
    await gate;
    inFlight++;
    try {
      return await session.dispatch(operation, input);
    } finally {
      inFlight--;
      if (inFlight === 0) drained?.();
    }
  };

  return {
    dispatch,
    get status() {
      return session.status;
    },
    close: async () => {
      await gate;
      await session.close();
    },
  };
}
