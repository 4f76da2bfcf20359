import { z } from 'zod';

/**
 * The contact fields an import column can fill. `consent:<channel>` columns
 * (e.g. "Newsletter: ja") record marketing consent with source "import";
 * nothing else ever records consent in an import.
 */
export const importFields = [
  'firstName', 'lastName', 'fullName', 'email', 'phone', 'mobile', 'street', 'postalCode', 'city', 'country',
  'birthday', 'tags', 'notes', 'referredBy', 'consent:email', 'consent:phone', 'consent:sms', 'consent:post',
] as const;
export const duplicateActions = ['skip', 'update', 'create'] as const;

export const importInput = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.base64({ error: 'validation.base64' }).max(30_000_000),
  dryRun: z.boolean().default(false),
  /** Every imported contact joins the customer club (in the same all-or-nothing write). */
  joinClub: z.boolean().default(false),
  /** Column header -> field ('ignore' to leave a column out); overrides the detected preset. */
  mapping: z.record(z.string(), z.enum([...importFields, 'ignore'])).optional(),
  /** Line number -> what to do with that likely duplicate (default: skip). */
  duplicates: z.record(z.string().regex(/^\d+$/), z.enum(duplicateActions)).optional(),
});

export const importPreviewRow = z.object({
  /** 1-based line in the file (header = 1; for vCard the line of BEGIN:VCARD). */
  line: z.number().int(),
  /**
   * The row's values as they will be stored, keyed by contact field (after date, phone and postcode
   * handling; lists joined with ", "; referredBy as the recommender's name; `consent:<channel>` "true"/"false").
   */
  values: z.record(z.string(), z.string()),
  action: z.enum(duplicateActions),
  duplicateOf: z
    .object({ contactId: z.string().optional(), line: z.number().int().optional(), reason: z.enum(['email', 'phone', 'namePostcode']) })
    .optional(),
  /** Things done to make the row fit, e.g. a missing last name stored as "–". */
  warnings: z.array(z.string()),
});

/**
 * Counts are what was written; with dryRun what would be written. If any row
 * has an error, nothing is (or would be) written and all counts are 0.
 */
export const importResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  /** Contacts that joined the customer club (with joinClub). */
  joined: z.number().int().optional(),
  preview: z
    .object({
      format: z.enum(['csv', 'vcard']),
      encoding: z.string(),
      delimiter: z.string().optional(),
      /** The recognised header preset, e.g. google, outlook-en, outlook-de, excel-de. */
      preset: z.string().optional(),
      /** `recognised` false: the field is a default (unknown columns of a home-made list go to the notes) to be checked. */
      columns: z.array(z.object({ header: z.string(), field: z.enum([...importFields, 'ignore']), recognised: z.boolean() })),
      /** The first rows, plus every likely duplicate (each needs a choice). */
      rows: z.array(importPreviewRow),
      /** Rows without errors in the file. */
      total: z.number().int(),
    })
    .optional(),
});

export type ImportField = (typeof importFields)[number];
export type ImportInput = z.input<typeof importInput>;
export type ImportResult = z.output<typeof importResult>;
