import { useTranslation } from 'react-i18next';
import { useSettings } from '../api/queries';
import { formatMoney } from './format';

/** Formats cents in the currency of Einstellungen and the app's language: 2490 -> "24,90 €". */
export function useMoney(): (cents: number) => string {
  const { i18n } = useTranslation();
  const currency = useSettings().data?.currency ?? 'EUR';
  return (cents) => formatMoney(cents, currency, i18n.language);
}
