import type { z } from 'zod';
import { distinctBy } from '../lists';
import { parseEuro } from '../orders';
import { MAX_CENTS, productFields } from '../schemas/catalog';
import { parseCsv } from './csv';
import { decodeText } from './decode';
import { headerKey } from './presets';
import { no, reasonFor, yes } from './rows';

type Field = 'sku' | 'name' | 'category' | 'priceCents' | 'active' | 'refillDays';
export type OptionalColumn = 'category' | 'active' | 'refillDays';

/** Headers of German supplier lists and home-made Excel sheets, compared by headerKey ("Art.-Nr." is "artnr"). */
const headers: Record<Field, string[]> = {
  sku: ['Artikelnummer', 'Art.-Nr.', 'Artikel-Nr.', 'Nr', 'Nummer', 'Bestellnummer', 'Best.-Nr.', 'SKU'],
  name: ['Bezeichnung', 'Name', 'Artikel', 'Artikelbezeichnung', 'Produkt', 'Produktname'],
  category: ['Kategorie', 'Warengruppe', 'Gruppe', 'Category'],
  priceCents: ['Preis', 'VK', 'VK-Preis', 'Preis (EUR)', 'Preis (€)', 'Verkaufspreis', 'Einzelpreis', 'Price'],
  active: ['Aktiv', 'Active'],
  refillDays: ['Nachkaufen nach Tagen', 'Nachkaufen', 'Nachkauf (Tage)', 'Refill days'],
};
const fieldOf = new Map(Object.entries(headers).flatMap(([field, names]) => names.map((name) => [headerKey(name), field as Field])));

/** German names of the fields, for the reasons of refused lines. */
export const catalogLabels: Record<Field, string> = {
  sku: 'Artikelnummer',
  name: 'Bezeichnung',
  category: 'Kategorie',
  priceCents: 'Preis',
  active: 'Aktiv',
  refillDays: 'Nachkaufen nach Tagen',
};

export interface CatalogRow {
  line: number;
  fields: z.output<typeof productFields>;
}

export interface ParsedCatalog {
  /** The optional columns the file has: only those change a stored product. */
  columns: OptionalColumn[];
  rows: CatalogRow[];
  errors: { line: number; reason: string }[];
}

/** A catalog CSV's bytes to checked product rows, with a German reason for each bad line. */
export function parseCatalogFile(bytes: Uint8Array): ParsedCatalog {
  const table = parseCsv(decodeText(bytes).text);
  const errors = [...table.errors];
  const index = new Map<Field, number>();
  table.header.forEach((header, column) => {
    const field = fieldOf.get(headerKey(header));
    if (field && !index.has(field)) index.set(field, column);
  });
  const missing = (['sku', 'name', 'priceCents'] as const).filter((field) => !index.has(field));
  if (table.header.length && missing.length) {
    errors.push(...missing.map((field) => ({ line: 1, reason: `Spalte „${catalogLabels[field]}“ fehlt` })));
  }
  if (missing.length) return { columns: [], rows: [], errors };

  const rows: CatalogRow[] = [];
  // Article numbers are unique regardless of case: the first line naming one, by its lower case.
  const lineOfSku = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const cell = (field: Field) => {
      const column = index.get(field);
      return column === undefined ? '' : (cells[column] ?? '').trim();
    };
    const reasons: string[] = [];
    const draft: Record<string, unknown> = { sku: cell('sku'), name: cell('name'), category: cell('category') };
    const earlier = lineOfSku.get(cell('sku').toLowerCase());
    if (earlier !== undefined) reasons.push(`Artikelnummer „${cell('sku')}“ steht schon in Zeile ${earlier}`);
    else if (cell('sku')) lineOfSku.set(cell('sku').toLowerCase(), line);

    const price = cell('priceCents');
    const parsedPrice = parseEuro(price);
    if (price === '') reasons.push('Preis fehlt');
    else if (!('cents' in parsedPrice)) {
      reasons.push(parsedPrice.error === 'ambiguous' ? `Preis „${price}“ ist mehrdeutig: bitte mit Komma als Dezimalzeichen schreiben (z. B. 12,50)` : `Preis „${price}“ ist keine Zahl`);
    } else if (parsedPrice.cents > MAX_CENTS) reasons.push(`Preis „${price}“ ist zu hoch`);
    else draft.priceCents = parsedPrice.cents;

    const active = cell('active').toLowerCase();
    if (yes.has(active) || no.has(active)) draft.active = yes.has(active);
    else if (active !== '') reasons.push(`Aktiv „${cell('active')}“ ist weder ja noch nein`);

    const refill = cell('refillDays');
    if (/^\d+$/.test(refill) && Number(refill) >= 1 && Number(refill) <= 3650) draft.refillDays = Number(refill);
    else if (refill !== '') reasons.push(`Nachkaufen nach Tagen „${refill}“ ist keine ganze Zahl von 1 bis 3650`);

    const checked = productFields.safeParse(draft);
    // Price, active and refill days are checked above, with reasons that name the value as written.
    const textIssues = checked.success ? [] : checked.error.issues.filter((issue) => ['sku', 'name', 'category'].includes(String(issue.path[0])));
    reasons.push(...textIssues.map((issue) => reasonFor(issue, draft, catalogLabels)));
    // An empty number breaks two rules but is one mistake.
    if (reasons.length || !checked.success) errors.push(...distinctBy(reasons).map((reason) => ({ line, reason })));
    else rows.push({ line, fields: checked.data });
  }
  errors.sort((a, b) => a.line - b.line);
  const columns = (['category', 'active', 'refillDays'] as const).filter((field) => index.has(field));
  return { columns, rows, errors };
}
