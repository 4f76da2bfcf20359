import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, scrypt, type KeyObject } from 'node:crypto';
import { readFile, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { BACKUPS_DIR, listBackups } from './backup';
import { plainCodec, type Codec } from './codec';
import { ENCRYPTION_KEY_FILE, kindOfFile } from './data-files';
import { CorruptDocumentError, fsyncDirectory, writeFileDurably, writeFileSynced } from './durable-file';

/**
 * Encryption at rest (docs/ARCHITECTURE.md, "Encryption at rest"): a codec
 * that stores every document as AES-256-GCM ciphertext under a key derived
 * from the passphrase with scrypt, the key file that holds the scrypt
 * parameters and a check value, and the crash-safe re-encoding of a whole
 * data folder (its backups included) when encryption is turned on, changed
 * or turned off.
 */

/** The journal of multi-document changes (see store.ts); it holds documents, so it is encoded too. */
const JOURNAL = 'journal.json';
/** What a half-done re-encoding is heading for; see prepareRekey. */
const REKEY_MARKER = 'rekey.json';
const REKEY_SUFFIX = '.rekey';

/** "KKENC" and the format version, at the start of every encrypted file and authenticated with it. */
const HEADER = Buffer.from('KKENC\x01', 'latin1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Encrypted with the key into the key file: decrypting it proves a passphrase right before any document is read. */
const KEY_CHECK = 'Kundenkreis key check';

/** scrypt's cost for new keys: 2^17 × 8 × 128 bytes = 128 MiB and about a quarter second, once per unlock (OWASP's minimum for scrypt). */
const newKeyParameters = { N: 2 ** 17, r: 8, p: 1 };

const base64 = z.base64();
const keyFileSchema = z.strictObject({
  schemaVersion: z.literal(1),
  cipher: z.literal('aes-256-gcm'),
  kdf: z.literal('scrypt'),
  /** Random per key; it also tells keys apart (see the rekey marker). */
  salt: base64.refine((value) => Buffer.from(value, 'base64').length >= 16),
  // Bounded so that a tampered key file cannot make the app allocate gigabytes.
  N: z
    .number()
    .int()
    .refine((n) => n >= 2 ** 14 && n <= 2 ** 20 && (n & (n - 1)) === 0),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(4),
  keyCheck: base64,
});
export type KeyFile = z.output<typeof keyFileSchema>;

/** How a folder is stored: its codec and, when encrypted, its key file. */
export interface FolderKey {
  codec: Codec;
  keyFile?: KeyFile;
}

export const plainKey: FolderKey = { codec: plainCodec };

/** The codec that encrypts each file as HEADER, a fresh random IV, the ciphertext and GCM's tag. */
export function encryptedCodec(key: KeyObject): Codec {
  return {
    encode(json) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(HEADER);
      const ciphertext = Buffer.concat([typeof json === 'string' ? cipher.update(json, 'utf8') : cipher.update(json), cipher.final()]);
      return Buffer.concat([HEADER, iv, ciphertext, cipher.getAuthTag()]);
    },
    decode(bytes, file) {
      if (bytes.length < HEADER.length + IV_BYTES + TAG_BYTES || !bytes.subarray(0, HEADER.length).equals(HEADER)) {
        throw new CorruptDocumentError(file, 'is not an encrypted Kundenkreis file');
      }
      const iv = bytes.subarray(HEADER.length, HEADER.length + IV_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(HEADER);
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(bytes.subarray(HEADER.length + IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new CorruptDocumentError(file, 'cannot be decrypted: it is damaged or was written with another key');
      }
    },
  };
}

function deriveKey(passphrase: string, keyFile: Pick<KeyFile, 'salt' | 'N' | 'r' | 'p'>): Promise<KeyObject> {
  const { N, r, p } = keyFile;
  return new Promise((resolve, reject) => {
    // NFC: the same passphrase typed on another system (macOS composes Umlaute differently) gives the same key.
    scrypt(passphrase.normalize('NFC'), Buffer.from(keyFile.salt, 'base64'), 32, { N, r, p, maxmem: 2 * 128 * N * r * p }, (error, key) => {
      if (error) return reject(error);
      resolve(createSecretKey(key));
      key.fill(0);
    });
  });
}

/** A new key (random salt) for a passphrase, with the key file that lets it be derived again. */
export async function createKey(passphrase: string): Promise<FolderKey & { keyFile: KeyFile }> {
  const parameters = { salt: randomBytes(16).toString('base64'), ...newKeyParameters };
  const codec = encryptedCodec(await deriveKey(passphrase, parameters));
  const keyCheck = Buffer.from(codec.encode(KEY_CHECK)).toString('base64');
  return { codec, keyFile: { schemaVersion: 1, cipher: 'aes-256-gcm', kdf: 'scrypt', ...parameters, keyCheck } };
}

/** The key of a key file, or FORBIDDEN (errors.wrongPassphrase) when the passphrase does not decrypt its check value. */
export async function openKey(keyFile: KeyFile, passphrase: string): Promise<FolderKey & { keyFile: KeyFile }> {
  const codec = encryptedCodec(await deriveKey(passphrase, keyFile));
  try {
    if (codec.decode(Buffer.from(keyFile.keyCheck, 'base64'), ENCRYPTION_KEY_FILE) === KEY_CHECK) return { codec, keyFile };
  } catch (error) {
    if (!(error instanceof CorruptDocumentError)) throw error;
  }
  throw new AppError('FORBIDDEN', 'errors.wrongPassphrase');
}

/** The key file of a folder (or backup), undefined when it has none; STORAGE (errors.keyFileDamaged) when it cannot be read. */
export async function readKeyFile(dir: string): Promise<KeyFile | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, ENCRYPTION_KEY_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return keyFileSchema.parse(JSON.parse(text));
  } catch {
    throw new AppError('STORAGE', 'errors.keyFileDamaged');
  }
}

// --- re-encoding a folder -----------------------------------------------------

/**
 * Re-encoding is crash-safe in three steps. prepareRekey writes the marker
 * (which key file the folder is heading for, and which roots: the folder and
 * its backups) and every file re-encoded beside the original as
 * `<file>.rekey`. commitRekey then replaces the key file: that single atomic
 * step decides whether the folder is old or new. completeRekey (run whenever
 * the folder opens) finishes a committed change by renaming the `.rekey`
 * files into place and giving each backup the new key file, or discards an
 * uncommitted one. A crash at any moment thus leaves a folder that opens
 * with either the old or the new passphrase, never a mix.
 */
const rekeyMarker = z.strictObject({
  schemaVersion: z.literal(1),
  /** The salt of the key file heading for; null for plain. */
  to: z.string().nullable(),
  /** The folder ('') and its backups ('backups/<name>') being re-encoded. */
  roots: z.array(z.string()),
});

/** A broken document kept beside its restored good copy (recovery.restore): `<file>.broken-<time>`. */
const keptBroken = /\.broken-[^/]+$/;
const isKeptBroken = (file: string) => keptBroken.test(file) && kindOfFile(file.replace(keptBroken, '')) !== undefined;

/**
 * The files of a root that go through the codec: documents, the export log
 * and the journal; and the broken documents kept after a recovery, which may
 * hold personal data too. Backups are roots of their own.
 */
async function encodedFiles(rootDir: string): Promise<string[]> {
  return (await filesUnder(rootDir)).filter((file) => file === JOURNAL || kindOfFile(file) !== undefined || isKeptBroken(file));
}

async function filesUnder(rootDir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(rootDir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(rootDir.length + 1).split('\\').join('/'))
    .filter((file) => !file.startsWith(`${BACKUPS_DIR}/`));
}

/** The codec a root (the folder or a backup) is stored with now, or undefined for a backup under some other key, which is left as it is. */
async function currentCodec(rootDir: string, from: FolderKey): Promise<Codec | undefined> {
  let keyFile: KeyFile | undefined;
  try {
    keyFile = await readKeyFile(rootDir);
  } catch (error) {
    if (error instanceof AppError) return undefined;
    throw error;
  }
  if (!keyFile) return plainCodec;
  return keyFile.salt === from.keyFile?.salt ? from.codec : undefined;
}

/**
 * Step one: writes the marker and every file of the folder and its backups
 * re-encoded from `from` (the folder's key now) to `to` as `<file>.rekey`.
 * The originals stay untouched.
 */
export async function prepareRekey(dataDir: string, from: FolderKey, to: FolderKey): Promise<void> {
  const roots: Array<{ root: string; codec: Codec }> = [{ root: '', codec: from.codec }];
  if ((await readKeyFile(dataDir))?.salt !== from.keyFile?.salt) throw new Error('prepareRekey: the folder is not stored with the given key');
  for (const name of await listBackups(dataDir)) {
    const root = `${BACKUPS_DIR}/${name}`;
    const codec = await currentCodec(join(dataDir, root), from);
    if (codec) roots.push({ root, codec });
  }
  const marker: z.input<typeof rekeyMarker> = { schemaVersion: 1, to: to.keyFile?.salt ?? null, roots: roots.map(({ root }) => root) };
  await writeFileDurably(join(dataDir, REKEY_MARKER), JSON.stringify(marker));
  const directories = new Set<string>();
  for (const { root, codec } of roots) {
    const rootDir = join(dataDir, root);
    for (const file of await encodedFiles(rootDir)) {
      const path = join(rootDir, file);
      let text: string;
      try {
        text = codec.decode(await readFile(path), root ? `${root}/${file}` : file);
      } catch (error) {
        // A damaged file in a backup (or a kept broken one) was unreadable before and stays so; a document of the folder itself stops the change.
        if (error instanceof CorruptDocumentError && (root || isKeptBroken(file))) continue;
        if (error instanceof CorruptDocumentError) throw new AppError('STORAGE', `${error.file} ${error.reason}. Nothing was changed.`);
        throw error;
      }
      // In place is enough: no `.rekey` file is trusted before the commit, which comes after all are synced.
      await writeFileSynced(path + REKEY_SUFFIX, to.codec.encode(text));
      directories.add(dirname(path));
    }
  }
  for (const directory of directories) await fsyncDirectory(directory);
}

/** Step two, the commit: the folder's key file becomes `to`'s (removed for plain). */
export async function commitRekey(dataDir: string, to: FolderKey): Promise<void> {
  const path = join(dataDir, ENCRYPTION_KEY_FILE);
  try {
    if (to.keyFile) {
      await writeFileDurably(path, JSON.stringify(to.keyFile, null, 2));
    } else {
      await rm(path, { force: true });
      await fsyncDirectory(dataDir);
    }
  } catch (error) {
    // Only the directory's fsync failed after the key file changed: the change stands.
    if (((await readKeyFile(dataDir).catch(() => undefined))?.salt ?? null) !== (to.keyFile?.salt ?? null)) throw error;
  }
}

/** Step three, at every opening of the folder: finishes a committed re-encoding or discards an uncommitted one. */
export async function completeRekey(dataDir: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(join(dataDir, REKEY_MARKER), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  let marker: z.output<typeof rekeyMarker>;
  try {
    marker = rekeyMarker.parse(JSON.parse(text));
  } catch (error) {
    throw new CorruptDocumentError(REKEY_MARKER, `cannot be read (${(error as Error).message})`);
  }
  const keyFile = await readKeyFile(dataDir);
  const committed = marker.to === (keyFile?.salt ?? null);
  for (const root of marker.roots) {
    const rootDir = join(dataDir, root);
    const directories = new Set<string>();
    for (const file of (await filesUnder(rootDir)).filter((name) => name.endsWith(REKEY_SUFFIX))) {
      const path = join(rootDir, file);
      if (committed) await rename(path, path.slice(0, -REKEY_SUFFIX.length));
      else await rm(path);
      directories.add(dirname(path));
    }
    for (const directory of directories) await fsyncDirectory(directory);
    if (committed && root) {
      if (keyFile) await writeFileDurably(join(rootDir, ENCRYPTION_KEY_FILE), JSON.stringify(keyFile, null, 2));
      else {
        await rm(join(rootDir, ENCRYPTION_KEY_FILE), { force: true });
        await fsyncDirectory(rootDir);
      }
    }
  }
  await rm(join(dataDir, REKEY_MARKER));
  await fsyncDirectory(dataDir);
}

/**
 * Re-encodes the folder and its backups from `from` to `to` up to the commit;
 * the next opening of the folder (completeRekey) puts the new files in place.
 */
export async function rekeyFolder(dataDir: string, from: FolderKey, to: FolderKey): Promise<void> {
  await prepareRekey(dataDir, from, to);
  await commitRekey(dataDir, to);
}
