/**
 * The personal invitation: a template with {placeholders}, filled per guest,
 * and mailto: links that hand it to the user's own mail program. Nothing here
 * sends anything.
 */

export const placeholders = ['vorname', 'nachname', 'gastgeberin', 'titel', 'datum', 'uhrzeit', 'ort'] as const;
export type Placeholder = (typeof placeholders)[number];
export type PlaceholderValues = Record<Placeholder, string>;

/**
 * Replaces each known {placeholder} (any letter case) by its value; unknown
 * ones stay visible, so a typo shows in the preview. An empty value leaves no
 * stray space before punctuation ("Hallo {vorname}," with no name: "Hallo,").
 */
export function fillTemplate(template: string, values: Partial<PlaceholderValues>): string {
  return template
    .replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = values[name.toLowerCase() as Placeholder];
      return value === undefined ? match : value;
    })
    .replace(/[ \t]+([,.!?;:])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ');
}

/**
 * A mailto: URL. Every part is percent-encoded (spaces as %20, line breaks as
 * %0D%0A as RFC 6068 asks): URLSearchParams would write spaces as "+", which
 * mail programs show literally.
 */
export function mailtoUrl({ to = [], bcc = [], subject, body }: { to?: string[]; bcc?: string[]; subject: string; body: string }): string {
  const params = [
    ...(bcc.length > 0 ? [`bcc=${bcc.map(encodeURIComponent).join(',')}`] : []),
    `subject=${encodeURIComponent(subject)}`,
    `body=${encodeURIComponent(body.replace(/\r?\n/g, '\r\n'))}`,
  ];
  return `mailto:${to.map(encodeURIComponent).join(',')}?${params.join('&')}`;
}

/**
 * Opens a mailto: link. The desktop app hands window.open of a mailto: URL to
 * the mail program; a browser tab follows it as a navigation instead.
 */
export function openMailto(url: string): void {
  if (window.kundenkreis) window.open(url, '_blank');
  else window.location.href = url;
}
