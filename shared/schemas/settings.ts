import { z } from 'zod';
import { optionalText, patchOf } from './common';
import { hostRewardRules } from './host-reward';

export const locales = ['de', 'en'] as const;

export const settings = z.strictObject({
  locale: z.enum(locales).default('de'),
  currency: z.enum(['EUR', 'CHF']).default('EUR'),
  /** Name written into audit records (check-ins, exports) made on this machine. */
  operatorName: optionalText(100),
  /** The personal invitation; placeholders like {vorname}, {gastgeberin}, {datum}, {uhrzeit}, {ort}. Empty: the built-in text. */
  invitationSubject: optionalText(200),
  invitationTemplate: optionalText(5000),
  /** The host reward programme; absent: the first preset of shared/host-rewards.ts. */
  hostRewards: hostRewardRules.optional(),
  /** The rep's commission as a percentage of sales, for the estimate in the reports. */
  commissionPercent: z.number().min(0).max(100).optional(),
  /** How many backups are kept; older ones are removed. */
  backupsKept: z.number().int().min(1).max(100).default(10),
  /** Contacts without activity for this many years appear in the privacy review list. */
  reviewAfterYears: z.number().int().min(1).max(30).default(3),
});

export const settingsPatch = patchOf(settings);

export type Locale = (typeof locales)[number];
export type Settings = z.output<typeof settings>;
