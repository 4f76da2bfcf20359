import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format';
import { localDate } from '../../../shared/days';

/** Title, today's date and how many are on it, on top of every club printout. */
export function PrintHeader({ title, count }: { title: string; count: number }) {
  const { t, i18n } = useTranslation();
  return (
    <header className="print-header">
      <h1>{title}</h1>
      <p>
        {formatDate(localDate(new Date()), i18n.language)} · {t('clubPrint.count', { count })}
      </p>
    </header>
  );
}
