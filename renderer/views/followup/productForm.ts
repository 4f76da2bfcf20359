import { z } from 'zod';
import { productFields, type Product, type ProductFields } from '../../../shared/schemas/catalog';
import { formResolver, formSchema } from '../../forms/fields';
import { centsToInput, parseMoney } from '../../forms/money';

/** The product form as typed: the price in German notation ("24,90"), the refill interval as text. */
const productFormValues = z.object({
  sku: z.string(),
  name: z.string(),
  category: z.string(),
  price: z.string(),
  active: z.boolean(),
  refillDays: z.string(),
});
export type ProductFormValues = z.infer<typeof productFormValues>;

export const emptyProductForm: ProductFormValues = { sku: '', name: '', category: '', price: '', active: true, refillDays: '' };

export const productToForm = (product: Product): ProductFormValues => ({
  sku: product.sku,
  name: product.name,
  category: product.category ?? '',
  price: centsToInput(product.priceCents),
  active: product.active,
  refillDays: product.refillDays === undefined ? '' : String(product.refillDays),
});

/** The contract's input; an unreadable price becomes NaN, which the format check has reported already. */
export function formToProductInput(values: ProductFormValues): ProductFields {
  const { price, refillDays, ...rest } = values;
  return {
    ...rest,
    priceCents: parseMoney(price) ?? Number.NaN,
    ...(refillDays.trim() ? { refillDays: Number(refillDays.trim()) } : {}),
  };
}

export const productFormResolver = formResolver(
  formSchema(productFormValues, productFields, formToProductInput, ({ price }) =>
    parseMoney(price) !== null ? [] : [{ path: 'price', message: price.trim() ? 'validation.money' : 'validation.required' }],
  ),
  { priceCents: 'price' },
);
