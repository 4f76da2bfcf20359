import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Product } from '../../shared/schemas/catalog';
import { filesOf, useTestBackend } from '../helpers/api';

const { call, ok, dataDir, reopen } = useTestBackend();

const sample = readFileSync(new URL('../fixtures/samples/catalog/produkte.csv', import.meta.url));
const base64 = (content: string | Buffer, encoding: BufferEncoding = 'utf8') => (typeof content === 'string' ? Buffer.from(content, encoding) : content).toString('base64');
const importFile = (content: string | Buffer, dryRun = false) => ok<ImportAnswer>('catalog.import', { fileName: 'produkte.csv', contentBase64: base64(content), dryRun });
const list = (input: Record<string, unknown> = {}) => ok<Product[]>('catalog.list', input);

interface ImportAnswer {
  created: number;
  updated: number;
  skipped: number;
  errors: { line: number; reason: string }[];
  preview?: (Record<string, unknown> & { line: number; action: string })[];
}

describe('catalog.import', () => {
  it('imports the sample with prices to the cent, the inactive product inactive', async () => {
    expect(await importFile(sample)).toEqual({ created: 11, updated: 0, skipped: 0, errors: [] });
    const products = await list({ includeInactive: true });
    expect(products).toHaveLength(11);
    const bySku = new Map(products.map((product) => [product.sku, product]));
    expect(bySku.get('DK-100')).toMatchObject({ name: 'Duftkerze Vanille, groß', category: 'Duftkerzen', priceCents: 2490, active: true });
    expect(bySku.get('KH-100')).toMatchObject({ name: 'Profi-Messerblock, 7-teilig', priceCents: 124900 });
    expect(bySku.get('KH-011')).toMatchObject({ name: 'Silikon-Backmatte 40 × 30 cm', priceCents: 1795 });
    expect(bySku.get('GS-900')).toMatchObject({ priceCents: 0 });
    expect(bySku.get('DK-099')).toMatchObject({ active: false, priceCents: 2750 });
    expect((await list()).map((product) => product.sku)).not.toContain('DK-099');

    await reopen();
    expect(await list({ includeInactive: true })).toEqual(products);
  });

  it('keeps leading zeros, reads Windows-1252 files, and the other headers', async () => {
    const text = 'Art.-Nr.,Artikel,Warengruppe,Preis (EUR),Aktiv,Nachkaufen nach Tagen\r\n007,Rührschüssel,Küche,"1.249,00",x,90\r\n0815,Teelichter,Kerzen,12.50,,\r\n';
    expect(await importFile(Buffer.from(text, 'latin1'))).toMatchObject({ created: 2, errors: [] });
    const [schuessel, teelichter] = await list();
    expect(schuessel).toMatchObject({ sku: '007', name: 'Rührschüssel', category: 'Küche', priceCents: 124900, active: true, refillDays: 90 });
    expect(teelichter).toMatchObject({ sku: '0815', priceCents: 1250, active: true });
    expect(teelichter!.refillDays).toBeUndefined();
  });

  it('refuses a file with bad lines whole, naming each line and reason, and writes nothing', async () => {
    const text = [
      'Artikelnummer;Bezeichnung;Kategorie;Preis;aktiv;Nachkaufen nach Tagen',
      'DK-100;Duftkerze;Kerzen;12,3,4;ja;',
      'DK-101;Duftkerze;Kerzen;1249.5;ja;',
      'DK 102;Duftkerze;Kerzen;9,50;vielleicht;',
      ';Ohne Nummer;Kerzen;;ja;0',
      'DK-100;Doppelt;Kerzen;1,00;ja;',
      'PF-001;Handcreme;Pflege;12,40;ja;90',
    ].join('\n');
    const before = await filesOf(dataDir());
    expect(await importFile(text)).toEqual({
      created: 0,
      updated: 0,
      skipped: 0,
      errors: [
        { line: 2, reason: 'Preis „12,3,4“ ist keine Zahl' },
        { line: 3, reason: 'Preis „1249.5“ ist mehrdeutig: bitte mit Komma als Dezimalzeichen schreiben (z. B. 12,50)' },
        { line: 4, reason: 'Aktiv „vielleicht“ ist weder ja noch nein' },
        { line: 4, reason: 'Artikelnummer „DK 102“ ist ungültig' },
        { line: 5, reason: 'Preis fehlt' },
        { line: 5, reason: 'Nachkaufen nach Tagen „0“ ist keine ganze Zahl von 1 bis 3650' },
        { line: 5, reason: 'Artikelnummer fehlt' },
        { line: 6, reason: 'Artikelnummer „DK-100“ steht schon in Zeile 2' },
      ],
    });
    expect(await filesOf(dataDir())).toEqual(before);
  });

  it('refuses a file without the needed columns', async () => {
    expect(await importFile('Name;Kategorie\nDuftkerze;Kerzen\n')).toMatchObject({
      created: 0,
      errors: [
        { line: 1, reason: 'Spalte „Artikelnummer“ fehlt' },
        { line: 1, reason: 'Spalte „Preis“ fehlt' },
      ],
    });
  });

  it('updates known article numbers (in any case), skips unchanged ones, and a dry run previews without writing', async () => {
    await importFile(sample);
    const before = await filesOf(dataDir());
    const again = 'Artikelnummer;Bezeichnung;Preis\ndk-100;Duftkerze Vanille, groß;26,90\nDK-101;Duftkerze Lavendel, groß;24,90\nNEU-1;Neue Kerze;5\n';
    const preview = await importFile(again, true);
    expect(preview).toMatchObject({ created: 1, updated: 1, skipped: 1, errors: [] });
    expect(preview.preview).toEqual([
      { line: 2, action: 'update', sku: 'DK-100', name: 'Duftkerze Vanille, groß', category: 'Duftkerzen', priceCents: 2690, active: true },
      { line: 3, action: 'skip', sku: 'DK-101', name: 'Duftkerze Lavendel, groß', category: 'Duftkerzen', priceCents: 2490, active: true },
      { line: 4, action: 'create', sku: 'NEU-1', name: 'Neue Kerze', priceCents: 500, active: true },
    ]);
    expect(await filesOf(dataDir())).toEqual(before);

    expect(await importFile(again)).toEqual({ created: 1, updated: 1, skipped: 1, errors: [] });
    const products = await list({ includeInactive: true });
    expect(products).toHaveLength(12);
    // Columns the file lacks (category, active) stay as they were.
    expect(products.find((product) => product.sku === 'DK-100')).toMatchObject({ priceCents: 2690, category: 'Duftkerzen', active: true });
    expect(await importFile(again)).toEqual({ created: 0, updated: 0, skipped: 3, errors: [] });
  });
});

describe('catalog CRUD and list', () => {
  const candle = { sku: 'DK-100', name: 'Duftkerze Vanille', category: 'Duftkerzen', priceCents: 2490 };

  it('creates with a unique article number, regardless of case', async () => {
    const created = await ok<Product>('catalog.create', candle);
    expect(created).toMatchObject({ ...candle, active: true, id: expect.any(String) });
    const before = await filesOf(dataDir());
    expect(await call('catalog.create', { ...candle, sku: 'dk-100' })).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'errors.skuTaken' } });
    expect(await filesOf(dataDir())).toEqual(before);
  });

  it('refuses bad prices and article numbers with message keys', async () => {
    expect(await call('catalog.create', { ...candle, priceCents: 24.9 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'priceCents', message: 'validation.cents' }] } });
    expect(await call('catalog.create', { ...candle, priceCents: -1 })).toMatchObject({ ok: false, error: { issues: [{ path: 'priceCents', message: 'validation.cents' }] } });
    expect(await call('catalog.create', { ...candle, sku: 'DK 100' })).toMatchObject({ ok: false, error: { issues: [{ path: 'sku', message: 'validation.sku' }] } });
  });

  it('updates as a patch: absent fields stay (also active), null clears the refill interval, the number stays unique', async () => {
    const { id } = await ok<Product>('catalog.create', { ...candle, active: false, refillDays: 90 });
    await ok('catalog.create', { ...candle, sku: 'DK-101', name: 'Duftkerze Lavendel' });
    expect(await ok<Product>('catalog.update', { id, priceCents: 2690 })).toMatchObject({ ...candle, priceCents: 2690, active: false, refillDays: 90 });
    const cleared = await ok<Product>('catalog.update', { id, refillDays: null, category: '' });
    expect(cleared.refillDays).toBeUndefined();
    expect(cleared.category).toBeUndefined();
    expect(await call('catalog.update', { id, sku: 'dk-101' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'errors.skuTaken' } });
    expect(await ok<Product>('catalog.update', { id, sku: 'dk-100' })).toMatchObject({ sku: 'dk-100' });
    expect(await call('catalog.update', { id: 'no-such-product', name: 'x' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'errors.productNotFound' } });
  });

  it('lists by name, searching number, name and category without accents; inactive only on request', async () => {
    await importFile(sample);
    expect((await list({ query: 'kuchenhelfer' })).map((product) => product.sku)).toEqual(['KH-050', 'KH-010', 'KH-100', 'KH-011']);
    expect((await list({ query: 'GROSS' })).map((product) => product.sku)).toEqual(['DK-101', 'DK-100']);
    expect((await list({ query: 'pf-00' })).map((product) => product.sku)).toEqual(['PF-001', 'PF-002']);
    expect(await list({ query: 'weihnacht' })).toEqual([]);
    expect((await list({ query: 'weihnacht', includeInactive: true })).map((product) => product.sku)).toEqual(['DK-099']);
  });
});
