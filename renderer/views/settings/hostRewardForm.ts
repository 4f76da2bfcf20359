import { z } from 'zod';
import type { ValidationIssue } from '../../../shared/errors';
import { hostRewardRules, type HostRewardRules } from '../../../shared/schemas/host-reward';
import { formResolver, formSchema } from '../../forms/fields';
import { centsToInput, parseMoney } from '../../forms/money';

/** The reward rules as typed: amounts in German notation ("150,00"), counts and percentages as text; empty means "none". */
const tierValues = z.object({ from: z.string(), creditPercent: z.string(), halfPriceItems: z.string() });
const hostRewardFormValues = z.object({
  name: z.string(),
  minSales: z.string(),
  minBuyingGuests: z.string(),
  minBookings: z.string(),
  tiers: z.array(tierValues),
  bookingBonus: z.string(),
  previousHostBonus: z.string(),
  cap: z.string(),
  expiryDays: z.string(),
});
export type HostRewardFormValues = z.infer<typeof hostRewardFormValues>;

const money = (cents: number | undefined) => (cents === undefined ? '' : centsToInput(cents));
const count = (value: number | undefined) => (value === undefined ? '' : String(value));

export const rulesToForm = (rules: HostRewardRules): HostRewardFormValues => ({
  name: rules.name,
  minSales: money(rules.qualifying.minSalesCents),
  minBuyingGuests: count(rules.qualifying.minBuyingGuests),
  minBookings: count(rules.qualifying.minBookings),
  tiers: rules.tiers.map((tier) => ({ from: money(tier.fromSalesCents), creditPercent: String(tier.creditPercent), halfPriceItems: String(tier.halfPriceItems) })),
  bookingBonus: money(rules.bookingBonusCents),
  previousHostBonus: money(rules.previousHostBonusCents),
  cap: money(rules.capCents),
  expiryDays: count(rules.expiryDays),
});

/** Empty → absent; a German decimal comma is accepted in percentages ("12,5"). */
const optionalNumber = (typed: string) => (typed.trim() ? Number(typed.trim().replace(',', '.')) : undefined);
const optionalCents = (typed: string) => (typed.trim() ? (parseMoney(typed) ?? Number.NaN) : undefined);

export function formToRules(values: HostRewardFormValues): HostRewardRules {
  const defined = <T extends object>(object: T) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
  return defined({
    name: values.name,
    qualifying: defined({
      minSalesCents: optionalCents(values.minSales),
      minBuyingGuests: optionalNumber(values.minBuyingGuests),
      minBookings: optionalNumber(values.minBookings),
    }),
    tiers: values.tiers.map((tier) => ({
      fromSalesCents: optionalCents(tier.from) ?? Number.NaN,
      creditPercent: optionalNumber(tier.creditPercent) ?? 0,
      halfPriceItems: optionalNumber(tier.halfPriceItems) ?? 0,
    })),
    bookingBonusCents: optionalCents(values.bookingBonus) ?? 0,
    previousHostBonusCents: optionalCents(values.previousHostBonus) ?? 0,
    capCents: optionalCents(values.cap),
    expiryDays: optionalNumber(values.expiryDays),
  });
}

/** Amounts that are no amount, by the field they were typed in. */
function checkMoney(values: HostRewardFormValues): ValidationIssue[] {
  const fields: [string, string][] = [
    ['minSales', values.minSales],
    ['bookingBonus', values.bookingBonus],
    ['previousHostBonus', values.previousHostBonus],
    ['cap', values.cap],
    ...values.tiers.map((tier, index): [string, string] => [`tiers.${index}.from`, tier.from]),
  ];
  return fields.filter(([, typed]) => typed.trim() && parseMoney(typed) === null).map(([path]) => ({ path, message: 'validation.money' }));
}

/** The rules when the form holds valid ones, for the live example. */
export function validRules(values: HostRewardFormValues): HostRewardRules | undefined {
  if (checkMoney(values).length > 0) return undefined;
  return hostRewardRules.safeParse(formToRules(values)).data;
}

export const hostRewardFormResolver = formResolver(formSchema(hostRewardFormValues, hostRewardRules, formToRules, checkMoney), {
  qualifying: 'minSales',
  bookingBonusCents: 'bookingBonus',
  previousHostBonusCents: 'previousHostBonus',
  capCents: 'cap',
});
