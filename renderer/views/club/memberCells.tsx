import { VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { memberColumnLabels, memberValueLabels } from '../../../shared/club/column-labels';
import { memberCell, memberColumnKinds, type MemberColumnId } from '../../../shared/club/columns';
import type { MemberRow, MemberStatus } from '../../../shared/schemas/club';
import type { Locale } from '../../../shared/schemas/settings';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../i18n/format';
import { useMoney } from '../../i18n/useMoney';

const statusColors: Record<MemberStatus, string> = { active: 'teal', paused: 'yellow', left: 'gray' };

/**
 * Column names and value words of the member list in the app's language. They
 * come from shared/club/column-labels.ts, which the exports write too, so a
 * column is called the same on screen and in the file.
 */
export function useMemberLabels() {
  const { i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'de';
  return { columns: memberColumnLabels[locale], values: memberValueLabels[locale] };
}

/** A member's cell as the list shows it: dates TT.MM.JJJJ (birthdays without year TT.MM.), money, ✓/–, status as a badge. */
export function useMemberCell(): (row: MemberRow, column: MemberColumnId) => ReactNode {
  const { i18n } = useTranslation();
  const money = useMoney();
  const { values } = useMemberLabels();
  const integer = new Intl.NumberFormat(i18n.language);
  return (row, column) => {
    const value = memberCell(row, column);
    if (value === undefined) return null;
    switch (memberColumnKinds[column]) {
      case 'date':
      case 'birthday':
        return formatDate(String(value), i18n.language);
      case 'money':
        return money(Number(value));
      case 'integer':
        return integer.format(Number(value));
      case 'boolean':
        // The sign for the eye, the word for screen readers.
        return (
          <>
            <span aria-hidden>{value ? '✓' : '–'}</span>
            <VisuallyHidden>{value ? values.yes : values.no}</VisuallyHidden>
          </>
        );
      case 'status':
        return <StatusBadge color={statusColors[value as MemberStatus]}>{values.status[String(value)]}</StatusBadge>;
      case 'source':
        return values.source[String(value)];
      default:
        return String(value);
    }
  };
}
