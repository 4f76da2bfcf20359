import { z } from 'zod';
import { isoDateTime } from './common';

/**
 * The data folder as a whole: its backups, the archive that moves it to
 * another computer, and encryption at rest.
 */

/** A backup folder's name: its UTC time (2026-11-27T12-00-00-000Z), optionally a label and a counter. */
export const backupName = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(-[a-z-]{1,40})?(~\d{1,4})?$/, { error: 'validation.backupName' });

export const backupInfo = z.object({
  name: backupName,
  createdAt: isoDateTime,
  /** Bytes of every file in it. */
  sizeBytes: z.number().int().min(0),
  /** Why it was taken: 'before-restore', 'before-migration', 'manual', … (absent: the daily one). */
  label: z.string().optional(),
});

/**
 * The archive file of a whole data folder as base64. At most 32 MiB less 64 KiB, so that it passes the
 * browser-mode bridge's body limit (electron/transport/http.ts MAX_BODY_BYTES) with the rest of the request:
 * an archive of up to 24 MiB.
 */
export const archiveBase64 = z
  .string()
  .min(1)
  .max(32 * 1024 * 1024 - 64 * 1024, { error: 'validation.archiveTooLarge' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'validation.base64' });

/** A passphrase for encryption at rest. */
export const passphrase = z.string().min(1, { error: 'validation.required' }).max(1024, { error: 'validation.tooLong' });
/** A new passphrase: long enough to withstand guessing. */
export const newPassphrase = z.string().min(10, { error: 'validation.passphraseTooShort' }).max(1024, { error: 'validation.tooLong' });

export type BackupInfo = z.output<typeof backupInfo>;
