/** Text and phone normalisation for search and duplicate detection; pure, shared by main process and renderer. */

/** Lower case without accents and with ß as ss, so "Müller" is found by "muller" and "Weiß" by "weiss". */
export function normalize(text: string): string {
  // Most names are plain ASCII: they need no (slow) decomposition.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/ß/g, 'ss').toLowerCase();
}

/** The words of a name, normalised: "Müller-Lüdenscheidt" gives muller and ludenscheidt. */
export function words(text: string): string[] {
  return normalize(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * A phone number as its digits, the German country code written as a leading
 * 0 ("+49 (0)171 …", "0049 171 …" and "0171 …" are one number) and other
 * country codes as 00…, so that equal numbers compare equal.
 */
export function phoneDigits(phone: string): string {
  const digits = (phone.trim().startsWith('+') ? '00' : '') + phone.replace(/\(0\)/g, '').replace(/\D/g, '');
  return digits.startsWith('0049') ? `0${digits.slice(4)}` : digits;
}

/**
 * Who lives together: street and postcode, normalised ("Hauptstr. 5" is
 * "Hauptstraße 5"); undefined when either is missing. One household checks in
 * with one action at the door.
 */
export function householdKey(contact: { street?: string; postalCode?: string }): string | undefined {
  if (!contact.street || !contact.postalCode) return undefined;
  const street = normalize(contact.street).replace(/str(?:asse|\.)/g, 'str').replace(/[^\p{L}\p{N}]/gu, '');
  return `${street}|${contact.postalCode.replace(/\s/g, '').toUpperCase()}`;
}
