/**
 * How a document's JSON text becomes the bytes on disk and back. Plain JSON
 * by default; encryption at rest (electron/store/encryption.ts) is a codec
 * too, so every document, the journal and the export log go through one.
 */
export interface Codec {
  /** The bytes to write for a document's JSON, given as text or as its UTF-8 bytes. */
  encode(json: string | Buffer): Buffer | string;
  /** The JSON text of a file's bytes; throws CorruptDocumentError naming `file` when they cannot be decoded. */
  decode(bytes: Buffer, file: string): string;
}

export const plainCodec: Codec = {
  encode: (json) => json,
  decode: (bytes) => bytes.toString('utf8'),
};
