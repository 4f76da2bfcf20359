import { useTranslation } from 'react-i18next';
import { formatDateTimeRange } from '../../i18n/format';
import { guestCounts } from '../planning/guestCounts';
import { PrintPage } from './PrintPage';

/** #/print/events/:id/guests — the A4 list for the door: reply, companions, a box to tick and room for notes. */
export function GuestListPrint() {
  const { t, i18n } = useTranslation();
  return (
    <PrintPage>
      {({ event, host, invitations }) => {
        const counts = guestCounts(invitations);
        return (
          <>
            <header>
              <h1 style={{ margin: '0 0 2mm' }}>{t('print.guestListTitle', { title: event.title })}</h1>
              <p style={{ margin: 0 }}>
                {[formatDateTimeRange(event.startsAt, event.endsAt, i18n.language), event.place, host && t('print.host', { name: `${host.firstName} ${host.lastName}` })]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <p style={{ margin: '1mm 0 4mm' }}>
                {[
                  t('invitations.count.invited', { count: counts.invited }),
                  `${t('invitations.count.yes', { count: counts.yes })}${counts.plusOnes > 0 ? ` ${t('invitations.count.plusOnes', { count: counts.plusOnes })}` : ''}`,
                  t('invitations.count.maybe', { count: counts.maybe }),
                  t('invitations.count.pending', { count: counts.pending }),
                  t('invitations.count.no', { count: counts.no }),
                ].join(' · ')}
              </p>
            </header>
            <table className="guest-list">
              <thead>
                <tr>
                  <th className="name">{t('print.columns.name')}</th>
                  <th className="phone">{t('print.columns.phone')}</th>
                  <th>{t('print.columns.rsvp')}</th>
                  <th>{t('print.columns.plusOnes')}</th>
                  <th className="check">{t('print.columns.present')}</th>
                  <th className="signature">{t('print.columns.signature')}</th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((invitation) => (
                  <tr key={invitation.id}>
                    <td>
                      {invitation.contact.lastName}, {invitation.contact.firstName}
                    </td>
                    <td className="phone">{invitation.contact.phone ?? invitation.contact.mobile}</td>
                    <td>{t(`invitations.rsvp.${invitation.rsvp}`)}</td>
                    <td>{invitation.plusOnes > 0 ? invitation.plusOnes : ''}</td>
                    <td className="check" aria-label={t('print.columns.present')}>
                      ☐
                    </td>
                    <td className="signature" />
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        );
      }}
    </PrintPage>
  );
}
