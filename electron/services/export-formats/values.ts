import { memberValueLabels } from '../../../shared/club/column-labels';
import type { CellValue, MemberColumnKind } from '../../../shared/club/columns';
import type { Locale } from '../../../shared/schemas/settings';

/** 1985-03-14 -> 14.03.1985; a birthday without year (--03-14) -> 14.03. */
export function germanDate(iso: string): string {
  const [, year, month, day] = /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(iso) ?? [];
  return year === '-' ? `${day}.${month}.` : `${day}.${month}.${year}`;
}

/** Status, source and yes/no columns as people read them, in the app's language. */
export function valueLabel(kind: 'status' | 'source' | 'boolean', value: CellValue, locale: Locale): string {
  const labels = memberValueLabels[locale];
  if (kind === 'boolean') return value ? labels.yes : labels.no;
  return labels[kind][String(value)] ?? String(value);
}

export const isLabelKind = (kind: MemberColumnKind): kind is 'status' | 'source' | 'boolean' => kind === 'status' || kind === 'source' || kind === 'boolean';
