import i18n, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/de';
import 'dayjs/locale/en-gb';
import type { Locale } from '../../shared/schemas/settings';
import { de } from './de';
import { en } from './en';
import { dayjsLocale } from './format';

// German until settings.get says otherwise (and for the recovery screen, which runs without settings).
void i18n.use(initReactI18next).init({
  resources: { de: { translation: de }, en: { translation: en } },
  lng: 'de',
  fallbackLng: 'de',
  interpolation: { escapeValue: false }, // React escapes already
  showSupportNotice: false, // an offline app prints no advertising to the console
});
dayjs.locale('de');

/** Switches texts, dayjs (Mantine dates) and the document language together. */
export async function applyLocale(locale: Locale): Promise<void> {
  dayjs.locale(dayjsLocale(locale));
  document.documentElement.lang = locale;
  await i18n.changeLanguage(locale);
}

/**
 * Messages from schemas and the main process are i18n keys when we wrote them
 * and zod's own English text otherwise: translate keys, use `fallback` (a key) or the raw text for the rest.
 */
export function translateMessage(t: TFunction, message: string | undefined, fallback?: string): string {
  if (message && i18n.exists(message)) return t(message);
  if (fallback) return t(fallback);
  return message || t('errors.unknown');
}
