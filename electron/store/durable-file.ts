import { open, readFile, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import { checksummedJson, parseChecksummedJson } from './checksum';
import { plainCodec, type Codec } from './codec';
import type { DocumentKind } from './documents';

/** A document on disk that could not be read as JSON; it is never overwritten. */
export class CorruptDocumentError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'CorruptDocumentError';
  }
}

/** Marks temp files of interrupted writes; they are never the source of truth. */
export const TEMP_SUFFIX = '.tmp';

/** Makes a rename or removal in `dir` durable. */
export async function fsyncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes a file in place and fsyncs it: only for files nothing trusts before
 * a later commit step (staged files, re-encoded copies), since a crash can
 * leave one torn.
 */
export async function writeFileSynced(path: string, content: string | Buffer): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces a file so that a crash at any moment leaves either the old or the new
 * content: write a uniquely named temp file, fsync it, rename it over the
 * target, fsync the directory so the rename itself is durable.
 */
export async function writeFileDurably(path: string, content: string | Buffer): Promise<void> {
  const temp = `${path}.${process.pid}-${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncDirectory(dirname(path));
}

/**
 * lowdb adapter with the durability lowdb's own JSONFile lacks (it writes
 * through steno without fsync), through the data folder's codec (plain or
 * encrypted), each document written with its checksum (./checksum.ts).
 * `read` answers null for a missing file and throws CorruptDocumentError for
 * one that cannot be decoded or is not JSON.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    /** Whose schema the checksum is computed under. */
    readonly kind: DocumentKind,
    readonly path: string,
    /** How the file is named in errors: relative to the data folder. */
    readonly name: string = path,
    readonly codec: Codec = plainCodec,
  ) {}

  async read(): Promise<T | null> {
    return (await this.readChecked())?.data ?? null;
  }

  /** The document and whether its checksum matched (then it is as the app wrote it). */
  async readChecked(): Promise<{ data: T; intact: boolean } | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const text = this.codec.decode(bytes, this.name);
    try {
      // Plain JSON: the bytes read are the text's UTF-8.
      const { document, intact } = parseChecksummedJson(this.kind, text, this.codec === plainCodec ? bytes : undefined);
      return { data: document as T, intact };
    } catch (error) {
      throw new CorruptDocumentError(this.name, `not valid JSON (${(error as Error).message})`);
    }
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.path, this.encode(data));
  }

  /** The file's bytes for `data`: with its checksum, through the codec. */
  encode(data: T): Buffer | string {
    return this.codec.encode(checksummedJson(this.kind, data as object));
  }
}
