import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { isoDateTime } from '../../shared/schemas/common';
import { ENCRYPTION_KEY_FILE, isDataFile, readDataFiles } from './data-files';

/**
 * The archive that moves a data folder to another computer: one gzip file of
 * JSON holding every data file's bytes (documents as they are on disk, so an
 * encrypted folder stays encrypted and carries its key file along; no backups).
 */
const ARCHIVE_FORMAT = 'kundenkreis-archive';

/**
 * Unpacked size at most, so that a zip bomb stops here: 256 MiB of archive
 * JSON is a data folder of about 190 MB (the 50,000 contacts of the large
 * benchmark dataset are 13 MB, packed 2.1 MB).
 */
export const MAX_ARCHIVE_UNPACKED_BYTES = 256 * 1024 * 1024;

const base64 = z.string().regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, { error: 'is no base64' });
const archiveFile = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(1),
  createdAt: isoDateTime,
  appVersion: z.string(),
  files: z.record(z.string(), base64),
});

/** Why an archive cannot be taken over: the kind of problem, and what exactly (in English, for the error's issues). */
export class InvalidArchiveError extends Error {
  constructor(
    readonly reason: 'unreadable' | 'tooLarge' | 'notAnArchive' | 'unknownFile',
    readonly detail: string,
  ) {
    super(`The archive ${detail}`);
    this.name = 'InvalidArchiveError';
  }
}

/** The day in the file name, local: kundenkreis-daten-2026-11-27.json.gz. */
export function archiveFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `kundenkreis-daten-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json.gz`;
}

/** The archive of the data folder `dataDir` (which must be idle: no write under way). */
export async function packArchive(dataDir: string, appVersion: string, now = new Date()): Promise<Buffer> {
  const files: Record<string, string> = {};
  for (const [file, bytes] of await readDataFiles(dataDir)) files[file] = bytes.toString('base64');
  const archive: z.input<typeof archiveFile> = { format: ARCHIVE_FORMAT, version: 1, createdAt: now.toISOString(), appVersion, files };
  return gzipSync(JSON.stringify(archive));
}

/**
 * The data files an archive holds, after checking all of it: gzip within the
 * size bound, the format, and that every entry is a known data-folder path
 * (no `../`, no absolute path, nothing else). Throws InvalidArchiveError.
 */
export function unpackArchive(packed: Buffer): { files: Map<string, Buffer>; encrypted: boolean } {
  let json: string;
  try {
    json = gunzipSync(packed, { maxOutputLength: MAX_ARCHIVE_UNPACKED_BYTES }).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new InvalidArchiveError('tooLarge', `unpacks to more than ${MAX_ARCHIVE_UNPACKED_BYTES} bytes`);
    }
    throw new InvalidArchiveError('unreadable', `is no gzip file (${(error as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new InvalidArchiveError('unreadable', `holds no JSON (${(error as Error).message})`);
  }
  const parsed = archiveFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidArchiveError('notAnArchive', `is no Kundenkreis archive (${issue.path.join('.') || 'file'}: ${issue.message})`);
  }
  // The parsed record leaves out keys such as __proto__: check the names as they were in the file.
  const unknown = Object.keys((raw as { files: object }).files).find((file) => !isDataFile(file));
  if (unknown !== undefined) throw new InvalidArchiveError('unknownFile', `holds a file Kundenkreis does not know: ${unknown}`);
  const files = new Map(Object.entries(parsed.data.files).map(([file, content]) => [file, Buffer.from(content, 'base64')]));
  return { files, encrypted: files.has(ENCRYPTION_KEY_FILE) };
}
