import { z } from 'zod';
import { id, isoDateTime, optionalText, timestamps } from './common';
import { cents } from './catalog';
import { contactRef } from './contact';

export const orderStatuses = ['open', 'placed', 'delivered', 'cancelled'] as const;
export const paymentMethods = ['cash', 'card', 'transfer', 'paypal'] as const;

/** A line as stored: the product's number and name are kept, so old orders read right after the catalog changes. */
export const orderLine = z.strictObject({
  productId: id,
  sku: z.string(),
  name: z.string(),
  quantity: z.number().int().min(1).max(999),
  unitPriceCents: cents,
  discountPercent: z.number().min(0).max(100).default(0),
});

export const payment = z.strictObject({
  id,
  method: z.enum(paymentMethods),
  amountCents: cents.min(1, { error: 'validation.cents' }),
  at: isoDateTime,
  note: optionalText(200),
});

export const order = z.strictObject({
  id,
  /** Absent for reorders between events. */
  eventId: id.optional(),
  contactId: id,
  lines: z.array(orderLine).min(1).max(200),
  status: z.enum(orderStatuses),
  payments: z.array(payment).default([]),
  note: optionalText(1000),
  ...timestamps,
});

/** A line as entered: by product id or article number; price and discount default from the catalog. */
export const orderLineInput = z
  .strictObject({
    productId: id.optional(),
    sku: z.string().trim().min(1).max(40).optional(),
    quantity: z.number().int().min(1, { error: 'validation.quantity' }).max(999, { error: 'validation.quantity' }),
    unitPriceCents: cents.optional(),
    discountPercent: z.number().min(0, { error: 'validation.discount' }).max(100, { error: 'validation.discount' }).optional(),
  })
  .refine((line) => (line.productId === undefined) !== (line.sku === undefined), { error: 'validation.productOrSku' });

/** An order with its sums, as lists and the reconciliation show it. */
export const orderView = order.extend({
  contact: contactRef,
  totalCents: z.number().int(),
  paidCents: z.number().int(),
  openCents: z.number().int(),
});

export type OrderLine = z.output<typeof orderLine>;
export type Order = z.output<typeof order>;
export type OrderView = z.output<typeof orderView>;
export type Payment = z.output<typeof payment>;
export type OrderStatus = (typeof orderStatuses)[number];
export type PaymentMethod = (typeof paymentMethods)[number];
