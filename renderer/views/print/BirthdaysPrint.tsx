import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/schemas/contact';
import { formatDate } from '../../i18n/format';
import type { ClubPrintResult } from './ClubPrint';
import { PrintHeader } from './PrintHeader';

type Dated = { contact: Contact; birthday: string };

/** Consecutive rows of the same birth month together (the rows come ordered by day and month). */
function byMonth(rows: ClubPrintResult['rows']): [number, Dated[]][] {
  const months: [number, Dated[]][] = [];
  for (const { contact } of rows) {
    if (!contact.birthday) continue;
    const month = Number(contact.birthday.slice(-5, -3));
    if (months.at(-1)?.[0] !== month) months.push([month, []]);
    months.at(-1)![1].push({ contact, birthday: contact.birthday });
  }
  return months;
}

/**
 * The birthday list of this calendar year, by month: day and month, name, the
 * age she turns this year (only when the year of birth is known), and how to reach her.
 */
export function BirthdaysPrint({ result }: { result: ClubPrintResult }) {
  const { t, i18n } = useTranslation();
  const year = new Date().getFullYear();
  const monthName = new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' });
  const turns = (birthday: string) => (birthday.startsWith('--') ? undefined : t('clubPrint.birthdays.turns', { age: year - Number(birthday.slice(0, 4)) }));

  return (
    <>
      <PrintHeader title={t('clubPrint.birthdays.title', { club: result.clubName, year })} count={result.count} />
      {byMonth(result.rows).map(([month, people]) => {
        const name = monthName.format(new Date(Date.UTC(year, month - 1, 1)));
        return (
          <section key={month} className="birthday-month" aria-label={name}>
            <h2>{name}</h2>
            <table className="print-table">
              <tbody>
                {people.map(({ contact, birthday }) => (
                  <tr key={contact.id}>
                    <td className="day">{formatDate(`--${birthday.slice(-5)}`, i18n.language)}</td>
                    <td>
                      {contact.firstName} {contact.lastName}
                    </td>
                    <td>{turns(birthday)}</td>
                    <td>{contact.phone ?? contact.mobile}</td>
                    <td>{contact.email}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}
