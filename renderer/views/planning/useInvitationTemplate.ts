import { useTranslation } from 'react-i18next';
import type { Event } from '../../../shared/schemas/event';
import { useSettings } from '../../api/queries';
import { isoToTime } from '../../forms/dates';
import type { PlaceholderValues } from './invitationText';

/** The invitation subject and text from Einstellungen, or the built-in text in the current language when empty. */
export function useInvitationTemplate() {
  const { t } = useTranslation();
  const settings = useSettings();
  return {
    subject: settings.data?.invitationSubject || t('invitations.defaultSubject'),
    body: settings.data?.invitationTemplate || t('invitations.defaultBody'),
  };
}

const longDate: Record<string, string> = { de: 'de-DE', en: 'en-GB' };

/** The event's part of the placeholders: title, a long date ("Samstag, 14. März 2030"), time, place and host. */
export function eventPlaceholders(event: Event, hostName: string, locale: string): Omit<PlaceholderValues, 'vorname' | 'nachname'> {
  return {
    titel: event.title,
    datum: new Intl.DateTimeFormat(longDate[locale] ?? locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
      new Date(event.startsAt),
    ),
    uhrzeit: isoToTime(event.startsAt),
    ort: event.place ?? '',
    gastgeberin: hostName,
  };
}
