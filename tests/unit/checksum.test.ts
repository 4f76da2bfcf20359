import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { checksummedJson, parseChecksummedJson } from '../../electron/store/checksum';
import { contactShardOf, paths } from '../../electron/store/documents';
import { dataFiles, kindOfFile } from '../../electron/store/data-files';
import { readDocument } from '../../electron/store/store';
import type { Contact } from '../../shared/schemas/contact';
import { useTestBackend } from '../helpers/api';

const backend = useTestBackend();
const { ok } = backend;

describe('document checksums', () => {
  it('marks the text the app wrote: any changed byte, a missing key or text from elsewhere does not match', () => {
    const document = { schemaVersion: 2, contacts: { a1: { firstName: 'Jürgen', lastName: 'Weiß' } } };
    const bytes = checksummedJson('contacts', document);
    const text = bytes.toString('utf8');
    // Checked on the text (an encrypted folder's decoded file) and on the bytes as read (a plain one).
    expect(parseChecksummedJson('contacts', text)).toEqual({ document, intact: true });
    expect(parseChecksummedJson('contacts', text, bytes)).toEqual({ document, intact: true });
    expect(parseChecksummedJson('club', checksummedJson('club', {}).toString('utf8'))).toEqual({ document: {}, intact: true });
    expect(parseChecksummedJson('contacts', text.replace('Jürgen', 'Jurgen'))).toEqual({ document: { ...document, contacts: { a1: { firstName: 'Jurgen', lastName: 'Weiß' } } }, intact: false });
    expect(parseChecksummedJson('contacts', text.replace(/"\$checksum":"[0-9a-f]{64}",/, ''))).toEqual({ document, intact: false });
    // The same key and document, reordered: equal as JSON, but not the app's bytes.
    const [, written] = /"\$checksum":"([0-9a-f]{64})"/.exec(text)!;
    expect(parseChecksummedJson('contacts', `{"schemaVersion":2,"contacts":{"a1":{"firstName":"Jürgen","lastName":"Weiß"}},"$checksum":"${written}"}`).intact).toBe(false);
    // Written as one kind, it is no document of another kind.
    expect(parseChecksummedJson('orders', text).intact).toBe(false);
  });

  it('after an update that changes one kind’s schema, trusts the documents of every other kind still', async () => {
    const contacts = checksummedJson('contacts', { schemaVersion: 2, contacts: {} }).toString('utf8');
    const club = checksummedJson('club', { schemaVersion: 1 }).toString('utf8');
    // The next version: the club document has a new field.
    vi.resetModules();
    vi.doMock('../../electron/store/documents', async (importOriginal) => {
      const original = await importOriginal<typeof import('../../electron/store/documents')>();
      return { ...original, documentSchemas: { ...original.documentSchemas, club: original.documentSchemas.club.extend({ motto: z.string().optional() }) } };
    });
    try {
      const updated = await import('../../electron/store/checksum');
      expect(updated.parseChecksummedJson('contacts', contacts).intact).toBe(true);
      expect(updated.parseChecksummedJson('club', club).intact).toBe(false);
    } finally {
      vi.doUnmock('../../electron/store/documents');
      vi.resetModules();
    }
  });

  it('writes every document with its checksum, and reading it as written gives what full validation gives', async () => {
    await ok('demo.load', {});
    await ok('exports.create', { format: 'csv' }); // an export log entry
    await backend.reopen();
    const dir = backend.dataDir();
    const files = await dataFiles(dir);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const kind = kindOfFile(file)!;
      const trusted = await readDocument(dir, file, kind, undefined, { trustChecksum: true });
      const validated = await readDocument(dir, file, kind);
      expect(trusted, file).toEqual({ document: validated!.document, migrated: false, rewrite: false });
    }
  });

  it('validates a document changed outside the app: takes over a valid change and refuses a broken one', async () => {
    const { id } = await ok<Contact>('contacts.create', { firstName: 'Anna', lastName: 'Adler' });
    const shard = join(backend.dataDir(), paths.contactShard(contactShardOf(id)));
    await backend.reopen();
    // Edited by hand, the app's checksum left in place.
    await writeFile(shard, (await readFile(shard, 'utf8')).replace('"Adler"', '"Adler-Berg"'));
    await backend.reopen();
    expect(await ok<Contact>('contacts.get', { id })).toMatchObject({ lastName: 'Adler-Berg' });
    // Validated, then written again with its own checksum: the next open trusts it.
    expect(parseChecksummedJson('contacts', await readFile(shard, 'utf8')).intact).toBe(true);

    await writeFile(shard, (await readFile(shard, 'utf8')).replace('"Adler-Berg"', '42'));
    await backend.reopen();
    expect(await ok('app.status', {})).toMatchObject({ state: 'recovery', broken: [expect.objectContaining({ file: paths.contactShard(contactShardOf(id)) })] });
  });
});
