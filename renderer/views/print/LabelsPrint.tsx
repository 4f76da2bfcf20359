import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/schemas/contact';
import type { ClubPrintResult } from './ClubPrint';

/** Labels per A4 sheet: 3 × 8 of 70 × 37 mm, 2 × 7 of 105 × 42.4 mm (print.css sizes them). */
const perSheet = { 'labels-3x8': 24, 'labels-2x7': 14 } as const;

/** Letters within Germany need no country line; anything else names the country. */
const isGermany = (country: string | undefined) => !country || /^(deutschland|germany|de|d|brd)$/i.test(country.trim());

const addressLines = (contact: Contact) =>
  [
    `${contact.firstName} ${contact.lastName}`,
    contact.street,
    [contact.postalCode, contact.city].filter(Boolean).join(' '),
    isGermany(contact.country) ? undefined : contact.country,
  ].filter(Boolean);

/** Address labels, one sheet per printed page; the last sheet is filled from the top left. */
export function LabelsPrint({ result, layout }: { result: ClubPrintResult; layout: keyof typeof perSheet }) {
  const { t } = useTranslation();
  const size = perSheet[layout];
  const sheets = Array.from({ length: Math.ceil(result.rows.length / size) }, (_, index) => result.rows.slice(index * size, (index + 1) * size));
  return (
    <div className="label-sheets">
      {sheets.map((rows, index) => (
        <ul key={index} className={`label-sheet ${layout}`} aria-label={t('clubPrint.labels.sheet', { page: index + 1, total: sheets.length })}>
          {rows.map(({ contact }) => (
            <li key={contact.id} className="label">
              {addressLines(contact).map((line, lineIndex) => (
                <span key={lineIndex}>{line}</span>
              ))}
            </li>
          ))}
        </ul>
      ))}
    </div>
  );
}
