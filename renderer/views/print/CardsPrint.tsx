import { useTranslation } from 'react-i18next';
import { formatDateTimeRange } from '../../i18n/format';
import { PrintPage } from './PrintPage';
import { QrCode } from './QrCode';

/** #/print/events/:id/cards — one invitation card per guest, four to an A4 page, with a QR code of the invitation code. */
export function CardsPrint() {
  const { t, i18n } = useTranslation();
  return (
    <PrintPage>
      {({ event, host, invitations }) => (
        <div className="cards">
          {invitations.map((invitation) => (
            <article key={invitation.id} className="card" aria-label={t('print.cardFor', { name: `${invitation.contact.firstName} ${invitation.contact.lastName}` })}>
              <p style={{ margin: 0, fontSize: '14pt' }}>{t('print.greeting', { name: invitation.contact.firstName })}</p>
              <p style={{ margin: 0 }}>{t('print.invitedTo')}</p>
              <h2 style={{ margin: '1mm 0' }}>{event.title}</h2>
              <p style={{ margin: 0 }}>{formatDateTimeRange(event.startsAt, event.endsAt, i18n.language)}</p>
              {event.place && <p style={{ margin: 0 }}>{event.place}</p>}
              {host && <p style={{ margin: 0 }}>{t('print.host', { name: `${host.firstName} ${host.lastName}` })}</p>}
              <div style={{ marginTop: 'auto', display: 'flex', alignItems: 'center', gap: '4mm' }}>
                <QrCode value={invitation.code} alt={t('print.qrAlt', { code: invitation.code })} />
                <div>
                  <div style={{ fontSize: '9pt' }}>{t('print.yourCode')}</div>
                  <div className="code">{invitation.code}</div>
                </div>
              </div>
            </article>
          ))}
        </div>
      )}
    </PrintPage>
  );
}
