import { nanoid } from 'nanoid';
import type { OutputOf, ParsedInputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { parseCatalogFile, type ParsedCatalog } from '../../shared/import/catalog';
import type { Product } from '../../shared/schemas/catalog';
import { normalize } from '../../shared/search/normalize';
import type { Store } from '../store/store';
import { collator } from './contact-index';
import { applyPatch } from './patch';

type Products = Record<string, Product>;
type ImportOutput = OutputOf<'catalog.import'>;
type Action = 'create' | 'update' | 'skip';

const notFound = () => new AppError('NOT_FOUND', 'errors.productNotFound');
const skuKey = (sku: string) => sku.toLowerCase();
const compared = ['sku', 'name', 'category', 'priceCents', 'active', 'refillDays'] as const;

/** Article numbers are unique regardless of case: "dk-100" on a paper form is DK-100. */
export function productBySku(products: Products, sku: string): Product | undefined {
  const key = skuKey(sku);
  return Object.values(products).find((product) => skuKey(product.sku) === key);
}

function checkSkuFree(products: Products, sku: string, ownId?: string): void {
  const holder = productBySku(products, sku);
  if (holder && holder.id !== ownId) throw new AppError('CONFLICT', 'errors.skuTaken');
}

/** What an import does to the stored products: each good row creates, updates or leaves one. */
function planImport(parsed: ParsedCatalog, products: Products, now: string) {
  const outcomes: { line: number; action: Action; product: Product }[] = [];
  for (const { line, fields } of parsed.rows) {
    const stored = productBySku(products, fields.sku);
    if (!stored) {
      outcomes.push({ line, action: 'create', product: { ...fields, id: nanoid(), createdAt: now, updatedAt: now } });
      continue;
    }
    // Columns the file lacks leave the stored values alone; the stored spelling of the number stays.
    const next: Product = { ...stored, name: fields.name, priceCents: fields.priceCents };
    for (const column of parsed.columns) {
      if (fields[column] === undefined) delete next[column];
      else Object.assign(next, { [column]: fields[column] });
    }
    const same = compared.every((key) => next[key] === stored[key]);
    outcomes.push({ line, action: same ? 'skip' : 'update', product: same ? stored : { ...next, updatedAt: now } });
  }
  return { outcomes, errors: parsed.errors };
}

export function catalogService(store: Store) {
  const catalog = store.singletons.catalog;

  return {
    list({ query, includeInactive }: ParsedInputOf<'catalog.list'>): Product[] {
      const needle = normalize(query ?? '');
      return Object.values(catalog.data.products)
        .filter((product) => includeInactive || product.active)
        .filter((product) => !needle || [product.sku, product.name, product.category ?? ''].some((text) => normalize(text).includes(needle)))
        .sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.sku, b.sku));
    },

    create(fields: ParsedInputOf<'catalog.create'>): Promise<Product> {
      const now = new Date().toISOString();
      return catalog.update((current) => {
        checkSkuFree(current.products, fields.sku);
        const product: Product = { ...fields, id: nanoid(), createdAt: now, updatedAt: now };
        return { next: { ...current, products: { ...current.products, [product.id]: product } }, result: product };
      });
    },

    update({ id, ...patch }: ParsedInputOf<'catalog.update'>): Promise<Product> {
      return catalog.update((current) => {
        const stored = current.products[id];
        if (!stored) throw notFound();
        if (patch.sku) checkSkuFree(current.products, patch.sku, id);
        const product = applyPatch(stored, { ...patch, updatedAt: new Date().toISOString() });
        return { next: { ...current, products: { ...current.products, [id]: product } }, result: product };
      });
    },

    /** All or nothing: any bad line and nothing is written (and all counts are 0); a dry run writes nothing and answers a preview. */
    async import(input: ParsedInputOf<'catalog.import'>): Promise<ImportOutput> {
      const parsed = parseCatalogFile(Buffer.from(input.contentBase64, 'base64'));
      const now = new Date().toISOString();
      const summary = ({ outcomes, errors }: ReturnType<typeof planImport>): ImportOutput => {
        const count = (action: Action) => (errors.length ? 0 : outcomes.filter((outcome) => outcome.action === action).length);
        return { created: count('create'), updated: count('update'), skipped: count('skip'), errors };
      };

      const plan = planImport(parsed, catalog.data.products, now);
      if (input.dryRun) {
        const preview = plan.outcomes.map(({ line, action, product: { sku, name, category, priceCents, active, refillDays } }) => ({ line, action, sku, name, category, priceCents, active, refillDays }));
        return { ...summary(plan), preview };
      }
      if (plan.errors.length || plan.outcomes.every((outcome) => outcome.action === 'skip')) return summary(plan);
      // Planned again on the state the write starts from, so a product saved meanwhile is not overwritten.
      return catalog.update((current) => {
        const final = planImport(parsed, current.products, now);
        const changed = final.outcomes.filter((outcome) => outcome.action !== 'skip');
        const products = { ...current.products, ...Object.fromEntries(changed.map(({ product }) => [product.id, product])) };
        return { next: { ...current, products }, result: summary(final) };
      });
    },
  };
}
