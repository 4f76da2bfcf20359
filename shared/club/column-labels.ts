import type { Locale } from '../schemas/settings';
import type { MemberColumnId } from './columns';

/**
 * Column headers of the member list and of exports, in both languages. They
 * live here, not in the renderer's i18n, because the main process writes them
 * into XLSX and CSV files too: one source for what a column is called.
 */
export const memberColumnLabels: Record<Locale, Record<MemberColumnId, string>> = {
  de: {
    memberNumber: 'Mitgliedsnummer',
    firstName: 'Vorname',
    lastName: 'Nachname',
    street: 'Straße',
    postalCode: 'PLZ',
    city: 'Ort',
    country: 'Land',
    email: 'E-Mail',
    phone: 'Telefon',
    mobile: 'Mobil',
    birthday: 'Geburtstag',
    tags: 'Schlagwörter',
    tier: 'Stufe',
    points: 'Punkte',
    status: 'Status',
    joinedOn: 'Mitglied seit',
    source: 'Beigetreten über',
    spend12m: 'Umsatz 12 Monate',
    totalSpend: 'Umsatz gesamt',
    lastPurchase: 'Letzter Kauf',
    consentEmail: 'Einwilligung E-Mail',
    consentPost: 'Einwilligung Post',
    consentPhone: 'Einwilligung Telefon',
    consentSms: 'Einwilligung SMS',
    notes: 'Notizen',
  },
  en: {
    memberNumber: 'Member number',
    firstName: 'First name',
    lastName: 'Last name',
    street: 'Street',
    postalCode: 'Postcode',
    city: 'City',
    country: 'Country',
    email: 'E-mail',
    phone: 'Phone',
    mobile: 'Mobile',
    birthday: 'Birthday',
    tags: 'Tags',
    tier: 'Tier',
    points: 'Points',
    status: 'Status',
    joinedOn: 'Member since',
    source: 'Joined via',
    spend12m: 'Spend 12 months',
    totalSpend: 'Total spend',
    lastPurchase: 'Last purchase',
    consentEmail: 'E-mail consent',
    consentPost: 'Post consent',
    consentPhone: 'Phone consent',
    consentSms: 'SMS consent',
    notes: 'Notes',
  },
};

/** Values of the status, source and yes/no columns as people read them. */
export const memberValueLabels: Record<Locale, { status: Record<string, string>; source: Record<string, string>; yes: string; no: string }> = {
  de: {
    status: { active: 'aktiv', paused: 'pausiert', left: 'ausgetreten' },
    source: { contact: 'Kontakt', door: 'Einlass', import: 'Import' },
    yes: 'ja',
    no: 'nein',
  },
  en: {
    status: { active: 'active', paused: 'paused', left: 'left' },
    source: { contact: 'Contact', door: 'Door', import: 'Import' },
    yes: 'yes',
    no: 'no',
  },
};
