import { createHash } from 'node:crypto';
import { z } from 'zod';
import { currentVersion, documentSchemas, type DocumentKind } from './documents';

/**
 * Every document the app writes starts with a checksum: `{"$checksum":"<hex>",
 * …the document…}`, the SHA-256 of the document's JSON together with a
 * fingerprint of its kind's schema. A document whose checksum still matches
 * at open is byte for byte what this version's schema accepted when the app
 * wrote it, so the open skips its full validation (the largest part of opening
 * a large folder). A change made outside the app, a damaged byte, a document
 * without a checksum or written under another schema: validated in full. The
 * fingerprint is per kind, so an update that changes one kind's schema (the
 * club's, say) has the first open validate only the documents of that kind.
 * Not a protection against a deliberate forgery: anyone who can write the
 * folder can compute a SHA-256; it tells the app's own writes from the rest.
 */
const KEY = '$checksum';
const PREFIX = `{"${KEY}":"`;
const HEX_LENGTH = 64;
const HEX = /^[0-9a-f]{64}$/;

const fingerprints = new Map<DocumentKind, string>();

/**
 * A kind's document schema as JSON Schema, with its version: changes when the
 * schema changes. (A change inside a refinement's or transform's code alone
 * does not show here; such a change to stored data needs a schemaVersion and
 * a migration anyway.)
 */
function schemaFingerprint(kind: DocumentKind): string {
  let fingerprint = fingerprints.get(kind);
  if (!fingerprint) {
    const schema = z.toJSONSchema(documentSchemas[kind], { unrepresentable: 'any', io: 'input' });
    fingerprint = createHash('sha256').update(JSON.stringify({ kind, version: currentVersion[kind], schema })).digest('hex');
    fingerprints.set(kind, fingerprint);
  }
  return fingerprint;
}

/** The checksum of a document's JSON given without its opening brace (so that no copy of a large text is made). */
function checksumOf(kind: DocumentKind, afterBrace: string | Buffer): string {
  return createHash('sha256').update(schemaFingerprint(kind)).update('{').update(afterBrace).digest('hex');
}

/**
 * What the app writes for a document: its JSON with the checksum as the first
 * key, as UTF-8 bytes (encoded once: the hash and the file take the same bytes).
 */
export function checksummedJson(kind: DocumentKind, document: object): Buffer {
  const afterBrace = Buffer.from(JSON.stringify(document)).subarray(1);
  const empty = afterBrace.length === 1;
  return Buffer.concat([Buffer.from(`${PREFIX}${checksumOf(kind, afterBrace)}"${empty ? '' : ','}`), afterBrace]);
}

/**
 * A document's JSON text read back: the document without its checksum key,
 * and whether the checksum matched. `utf8`, when given, is the text's UTF-8
 * bytes as read (hashing them spares encoding the text again: a third of the
 * hashing at start). Throws SyntaxError for text that is no JSON.
 */
export function parseChecksummedJson(kind: DocumentKind, text: string, utf8?: Buffer): { document: unknown; intact: boolean } {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !(KEY in parsed)) return { document: parsed, intact: false };
  const { [KEY]: _, ...document } = parsed as Record<string, unknown>;
  const end = PREFIX.length + HEX_LENGTH;
  const written = text.slice(PREFIX.length, end);
  const separator = text[end + 1];
  const intact =
    text.startsWith(PREFIX) &&
    HEX.test(written) &&
    text[end] === '"' &&
    (separator === ',' || separator === '}') &&
    checksumOf(kind, afterChecksum(text, utf8, separator === ',' ? end + 2 : end + 1)) === written;
  return { document, intact };
}

/** The text from `from` on, as bytes when there are any: the characters before are ASCII, so their count is their length in bytes. */
function afterChecksum(text: string, utf8: Buffer | undefined, from: number): string | Buffer {
  return utf8 ? utf8.subarray(from) : text.slice(from);
}
