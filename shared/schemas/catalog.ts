import { z } from 'zod';
import { id, optionalText, requiredText, timestamps } from './common';

/** Money is integer cents throughout; one amount is at most a million euros. */
export const MAX_CENTS = 100_000_000;
export const cents = z.number({ error: 'validation.number' }).int({ error: 'validation.cents' }).min(0, { error: 'validation.cents' }).max(MAX_CENTS, { error: 'validation.cents' });

export const productFields = z.strictObject({
  /** The supplier's article number, as printed on the order form. */
  sku: z.string().trim().min(1, { error: 'validation.required' }).max(40).regex(/^[\p{L}\p{N}._/-]+$/u, { error: 'validation.sku' }),
  name: requiredText(200),
  category: optionalText(100),
  priceCents: cents,
  /** Inactive products cannot be ordered any more but stay on old orders. */
  active: z.boolean().default(true),
  /** Days after which a customer usually needs a refill: a reorder task is due then. */
  refillDays: z.number().int().min(1).max(3650).optional(),
});

/** A change to a product: absent keys stay as they are (`active` has no default here, so a patch never reactivates). */
export const productPatch = productFields
  .partial()
  .extend({ id, active: z.boolean().optional(), refillDays: z.number().int().min(1).max(3650).nullable().optional() });

export const product = productFields.extend({ id, active: z.boolean(), ...timestamps });

export type ProductFields = z.input<typeof productFields>;
export type Product = z.output<typeof product>;
