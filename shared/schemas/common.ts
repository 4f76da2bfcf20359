import { z } from 'zod';

/**
 * Building blocks shared by every schema. Custom messages are i18n keys
 * (see renderer/i18n), so renderer and main report the same error and the
 * renderer shows it in the user's language.
 */

export const id = z.string().regex(/^[A-Za-z0-9_-]{8,32}$/, { error: 'validation.id' });

/** ISO 8601 date-time with offset; zod checks the calendar (no 30 February). */
export const isoDateTime = z.iso.datetime({ offset: true, error: 'validation.dateTime' });

/** A calendar date `YYYY-MM-DD`. */
export const isoDate = z.iso.date({ error: 'validation.date' });

/** `--MM-DD` names a real day of some year (29 February included). */
function isDayOfYear(value: string): boolean {
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(5, 7));
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2024, month, 0)).getUTCDate();
}

/** Birthday: a full date, or day and month only (`--MM-DD`, as in vCard); "" counts as absent. */
export const birthday = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .pipe(
    z
      .union([isoDate, z.string().regex(/^--\d{2}-\d{2}$/).refine(isDayOfYear)], { error: 'validation.birthday' })
      .optional(),
  );

/** A required line of text: trimmed, not empty, bounded. */
export const requiredText = (max = 200) =>
  z.string({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(max, { error: 'validation.tooLong' });

/** An optional line of text: trimmed; an empty string counts as absent. */
export const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .transform((value) => (value === '' ? undefined : value))
    .optional();

export const email = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value.toLowerCase()))
  .pipe(z.email({ error: 'validation.email' }).optional())
  .optional();

/** Phone numbers as people write them: digits, spaces, + / ( ) - . */
export const phone = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .pipe(z.string().regex(/^\+?[0-9 ()/.-]{3,30}$/, { error: 'validation.phone' }).optional())
  .optional();

/** Postcodes stay strings so that leading zeros survive (01067 Dresden). */
export const postalCode = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .pipe(z.string().regex(/^[A-Za-z0-9 -]{3,10}$/, { error: 'validation.postalCode' }).optional())
  .optional();

export const timestamps = {
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
};

/**
 * A change to an object: every field optional and no defaults filled in. Zod 4
 * applies a field's default even where `.partial()` made it optional, which
 * would reset every setting a patch leaves out.
 */
export function patchOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [key, (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional()]),
  );
  return z.strictObject(shape) as unknown as ReturnType<z.ZodObject<Shape>['partial']>;
}
