import { z } from 'zod';
import { id, isoDateTime, optionalText, requiredText } from './common';

export const consentChannels = ['email', 'phone', 'sms', 'post'] as const;
export const consentPurposes = ['marketing', 'club'] as const;
export const consentSources = ['door', 'form', 'import', 'phone'] as const;

/**
 * What is recorded when a person gives or withdraws consent. Consent is a log,
 * never a bare flag: the newest record per channel and purpose decides.
 */
export const consentInput = z.strictObject({
  channel: z.enum(consentChannels),
  purpose: z.enum(consentPurposes),
  granted: z.boolean(),
  source: z.enum(consentSources),
  /** The exact wording shown to the person (or the column header of an import). */
  wording: requiredText(2000),
  /** Where it came from in detail, e.g. the import's file name. */
  sourceDetail: optionalText(300),
});

export const consentRecord = consentInput.extend({
  id,
  at: isoDateTime,
  /** The operator name set in Einstellungen, if any. */
  recordedBy: optionalText(100),
});

export type ConsentChannel = (typeof consentChannels)[number];
export type ConsentPurpose = (typeof consentPurposes)[number];
export type ConsentInput = z.input<typeof consentInput>;
export type ConsentRecord = z.output<typeof consentRecord>;

/** Whether the newest record for this channel and purpose grants consent. */
export function hasConsent(records: readonly ConsentRecord[], channel: ConsentChannel, purpose: ConsentPurpose): boolean {
  let newest: ConsentRecord | undefined;
  for (const record of records) {
    if (record.channel === channel && record.purpose === purpose && (!newest || record.at >= newest.at)) newest = record;
  }
  return newest?.granted === true;
}
