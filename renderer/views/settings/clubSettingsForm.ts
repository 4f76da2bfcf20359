import { z } from 'zod';
import { formatMemberNumber } from '../../../shared/club/points';
import type { ValidationIssue } from '../../../shared/errors';
import { clubSettings, tierBases, type ClubSettings, type TierBasis } from '../../../shared/schemas/club';
import { formResolver, formSchema } from '../../forms/fields';
import { centsToInput, parseMoney } from '../../forms/money';

/** The club's rules as typed: tier thresholds in euros ("250,00") by spend or in points, numbers as text, an empty expiry for "never". */
const clubFormValues = z.object({
  name: z.string(),
  memberNumberFormat: z.string(),
  tierBasis: z.enum(tierBases),
  tiers: z.array(z.object({ name: z.string(), threshold: z.string() })),
  pointsPerEuro: z.string(),
  birthdayBonus: z.string(),
  pointsExpireMonths: z.string(),
});
export type ClubFormValues = z.infer<typeof clubFormValues>;

/** The threshold as shown for a basis: spend is stored in cents and typed in euros. */
const thresholdToInput = (threshold: number, basis: TierBasis) => (basis === 'spend12m' ? centsToInput(threshold) : String(threshold));

export const settingsToForm = (settings: ClubSettings): ClubFormValues => ({
  name: settings.name,
  memberNumberFormat: settings.memberNumberFormat,
  tierBasis: settings.tierBasis,
  tiers: settings.tiers.map((tier) => ({ name: tier.name, threshold: thresholdToInput(tier.threshold, settings.tierBasis) })),
  pointsPerEuro: String(settings.pointsPerEuro).replace('.', ','),
  birthdayBonus: String(settings.birthdayBonus),
  pointsExpireMonths: settings.pointsExpireMonths === undefined ? '' : String(settings.pointsExpireMonths),
});

/** A German decimal comma is accepted ("0,5" points per euro); empty or anything else is NaN, which the schema refuses. */
const number = (typed: string) => (/^\d+([.,]\d+)?$/.test(typed.trim()) ? Number(typed.trim().replace(',', '.')) : Number.NaN);
const threshold = (typed: string, basis: TierBasis) => (basis === 'spend12m' ? (parseMoney(typed) ?? Number.NaN) : number(typed));

export const formToSettings = (values: ClubFormValues): ClubSettings => ({
  name: values.name,
  memberNumberFormat: values.memberNumberFormat,
  tierBasis: values.tierBasis,
  tiers: values.tiers.map((tier) => ({ name: tier.name, threshold: threshold(tier.threshold, values.tierBasis) })),
  pointsPerEuro: number(values.pointsPerEuro),
  birthdayBonus: number(values.birthdayBonus),
  pointsExpireMonths: values.pointsExpireMonths.trim() ? number(values.pointsExpireMonths) : undefined,
});

/**
 * The thresholds kept when the basis changes, read in the new unit: "250,00" € becomes 250 points
 * and back, so switching does not leave every row unreadable.
 */
export function convertThreshold(typed: string, from: TierBasis, to: TierBasis): string {
  const value = threshold(typed, from);
  return from === to || Number.isNaN(value) ? typed : thresholdToInput(to === 'points' ? Math.round(value / 100) : value * 100, to);
}

/** Numbers that are no number, by the field they were typed in (the schema would only say "invalid"). */
function checkNumbers(values: ClubFormValues): ValidationIssue[] {
  const notANumber = (typed: string) => Number.isNaN(number(typed));
  return [
    ...values.tiers.flatMap((tier, index): ValidationIssue[] =>
      Number.isNaN(threshold(tier.threshold, values.tierBasis))
        ? [{ path: `tiers.${index}.threshold`, message: values.tierBasis === 'spend12m' ? 'validation.money' : 'validation.number' }]
        : [],
    ),
    ...(['pointsPerEuro', 'birthdayBonus'] as const).filter((field) => notANumber(values[field])).map((path) => ({ path, message: 'validation.number' })),
    ...(values.pointsExpireMonths.trim() && notANumber(values.pointsExpireMonths) ? [{ path: 'pointsExpireMonths', message: 'validation.number' }] : []),
  ];
}

export const clubSettingsResolver = formResolver(formSchema(clubFormValues, clubSettings, formToSettings, checkNumbers));

/** "KC-{n:5}" -> "KC-00001": the first member number of a format; undefined when the format is not valid. */
export function firstMemberNumber(format: string): string | undefined {
  const valid = clubSettings.shape.memberNumberFormat.safeParse(format);
  return valid.success ? formatMemberNumber(valid.data, 1) : undefined;
}
