import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PersonalDataReport } from '../../../shared/schemas/privacy';
import { useOperation } from '../../api/queries';
import { formatDate, formatDateTime, formatInstant } from '../../i18n/format';
import { useMoney } from '../../i18n/useMoney';
import { useMemberCell } from '../club/memberCells';
import { PrintShell } from './PrintPage';
import './personal-data.css';

/** #/print/privacy/:contactId — everything stored about one person (DSGVO Art. 15), as a document to print or save as PDF. */
export function PersonalDataPrint() {
  const { contactId = '' } = useParams();
  const report = useOperation('privacy.access', { contactId });
  return (
    <PrintShell back={`/contacts/${contactId}`} error={report.error} ready={report.isSuccess}>
      {() => <PersonalData report={report.data!} />}
    </PrintShell>
  );
}

function Section({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="personal-data-section" aria-label={title}>
      <h2>{title}</h2>
      {empty ? <p>{t('privacy.print.none')}</p> : children}
    </section>
  );
}

/** Label and value pairs; empty values are left out. */
function Facts({ facts }: { facts: [string, ReactNode][] }) {
  return (
    <dl className="personal-data-facts">
      {facts
        .filter(([, value]) => value !== undefined && value !== '' && value !== null)
        .map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
    </dl>
  );
}

function PersonalData({ report }: { report: PersonalDataReport }) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const cell = useMemberCell();
  const locale = i18n.language;
  const { contact, invitations, orders, club, exports, recommendedBy, recommended } = report;
  const name = `${contact.firstName} ${contact.lastName}`;
  const field = (key: string) => t(`contacts.fields.${key}`);
  const nameOf = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;
  const formatLabel = (format: string) => (format.startsWith('print-') ? t(`club.export.prints.${format.slice(6)}`) : t(`club.export.formats.${format}`));

  return (
    <article className="personal-data" aria-label={t('privacy.print.title')}>
      <h1>{t('privacy.print.title')}</h1>
      <p>{t('privacy.print.about', { name })}</p>
      <p>{t('privacy.print.generated', { date: formatInstant(report.generatedAt, locale) })}</p>

      <Section title={t('privacy.print.sections.contact')} empty={false}>
        <Facts
          facts={[
            [field('firstName'), contact.firstName],
            [field('lastName'), contact.lastName],
            [field('email'), [contact.email, ...(contact.extraEmails ?? [])].filter(Boolean).join(', ')],
            [field('phone'), [contact.phone, ...(contact.extraPhones ?? [])].filter(Boolean).join(', ')],
            [field('mobile'), contact.mobile],
            [field('address'), [contact.street, [contact.postalCode, contact.city].filter(Boolean).join(' '), contact.country].filter(Boolean).join(', ')],
            [field('birthday'), contact.birthday && formatDate(contact.birthday, locale)],
            [field('tags'), contact.tags.join(', ')],
            [field('notes'), contact.notes],
            [t('privacy.print.fields.createdAt'), formatInstant(contact.createdAt, locale)],
            [t('privacy.print.fields.updatedAt'), formatInstant(contact.updatedAt, locale)],
          ]}
        />
      </Section>

      <Section title={t('privacy.print.sections.consents')} empty={contact.consents.length === 0}>
        <table className="guest-list">
          <thead>
            <tr>
              {(['at', 'channel', 'purpose', 'state', 'source', 'wording', 'recordedBy'] as const).map((column) => (
                <th key={column}>{t(`consent.columns.${column}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {contact.consents.map((record) => (
              <tr key={record.id}>
                <td>{formatInstant(record.at, locale)}</td>
                <td>{t(`consent.channel.${record.channel}`)}</td>
                <td>{t(`consent.purpose.${record.purpose}`)}</td>
                <td>{t(record.granted ? 'consent.granted' : 'consent.withdrawn')}</td>
                <td>
                  {t(`consent.source.${record.source}`)}
                  {record.sourceDetail && ` (${record.sourceDetail})`}
                </td>
                <td>{record.wording}</td>
                <td>{record.recordedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title={t('privacy.print.sections.invitations')} empty={invitations.length === 0}>
        <table className="guest-list">
          <thead>
            <tr>
              <th>{t('events.columns.when')}</th>
              <th>{t('events.columns.title')}</th>
              <th>{t('invitations.columns.rsvp')}</th>
              <th>{t('privacy.print.checkins')}</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map(({ event, invitation }) => (
              <tr key={invitation.id}>
                <td>{formatDateTime(event.startsAt, locale)}</td>
                <td>{event.title}</td>
                <td>
                  {t(`invitations.rsvp.${invitation.rsvp}`)}
                  {invitation.note && ` – ${invitation.note}`}
                </td>
                <td>
                  {invitation.walkIn && <div>{t('privacy.print.walkIn')}</div>}
                  {invitation.checkins.map((record) => (
                    <div key={record.id}>{t(`privacy.print.${record.kind}`, { time: formatInstant(record.at, locale) })}</div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title={t('privacy.print.sections.orders')} empty={orders.length === 0}>
        {orders.map((order) => (
          <div key={order.id} className="personal-data-order">
            <h3>
              {t('privacy.print.order', { date: formatInstant(order.createdAt, locale) })} · {t(`orders.status.${order.status}`)}
            </h3>
            <ul>
              {order.lines.map((line, index) => (
                <li key={index}>
                  {line.quantity} × {line.name} ({line.sku}) à {money(line.unitPriceCents)}
                  {line.discountPercent > 0 && ` −${line.discountPercent} %`}
                </li>
              ))}
              {order.payments.map((payment) => (
                <li key={payment.id}>
                  {t('privacy.print.payment', { amount: money(payment.amountCents), date: formatInstant(payment.at, locale) })} ({t(`orders.method.${payment.method}`)})
                  {payment.note && ` – ${payment.note}`}
                </li>
              ))}
            </ul>
            <p>
              {t('privacy.print.orderTotal', { total: money(order.totalCents), paid: money(order.paidCents), open: money(order.openCents) })}
              {order.note && ` – ${order.note}`}
            </p>
          </div>
        ))}
      </Section>

      <Section title={t('privacy.print.sections.club')} empty={club === null}>
        {club && (
          <>
            <Facts
              facts={[
                [t('privacy.print.memberNumber'), club.member.memberNumber],
                [t('privacy.print.joined'), cell(club.member, 'joinedOn')],
                [t('privacy.print.status'), cell(club.member, 'status')],
                [t('privacy.print.tier'), club.member.tier],
                [t('privacy.print.points'), t('membership.points.count', { count: club.member.points })],
              ]}
            />
            {club.ledger.length > 0 && (
              <table className="guest-list">
                <thead>
                  <tr>
                    <th>{t('consent.columns.at')}</th>
                    <th>{t('privacy.print.ledger')}</th>
                    <th>{t('privacy.erasures.columns.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {club.ledger.map((entry, index) => (
                    <tr key={index}>
                      <td>{formatInstant(entry.at, locale)}</td>
                      <td>
                        {t(`membership.kinds.${entry.kind}`)}: {entry.points > 0 ? `+${entry.points}` : entry.points}
                      </td>
                      <td>{entry.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </Section>

      <Section title={t('privacy.print.sections.exports')} empty={exports.length === 0}>
        <ul>
          {exports.map((entry) => (
            <li key={entry.id}>
              {formatInstant(entry.at, locale)}: {entry.fileName ?? entry.format} –{' '}
              {t('privacy.print.export', { format: formatLabel(entry.format), purpose: t(`club.export.purposes.${entry.purpose}`), count: entry.count })}
              {entry.by && ` (${entry.by})`}
            </li>
          ))}
        </ul>
      </Section>

      <Section title={t('privacy.print.sections.recommendations')} empty={!recommendedBy && recommended.length === 0}>
        <Facts
          facts={[
            [t('privacy.print.recommendedBy'), recommendedBy && nameOf(recommendedBy)],
            [t('privacy.print.recommended'), recommended.map(nameOf).join(', ')],
          ]}
        />
      </Section>
    </article>
  );
}
