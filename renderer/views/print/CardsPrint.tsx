import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationView } from '../../../shared/schemas/invitation';
import { formatDateTimeRange } from '../../i18n/format';
import { PrintPage } from './PrintPage';

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
                <QrCode code={invitation.code} />
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

/** The code as an SVG QR code in a data: URL (the CSP allows img data:; SVG prints sharp at any size). */
function QrCode({ code }: { code: InvitationView['code'] }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let current = true;
    void QRCode.toString(code, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' }).then((svg) => {
      if (current) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      current = false;
    };
  }, [code]);
  return src ? <img className="qr" src={src} alt={t('print.qrAlt', { code })} /> : <div className="qr" />;
}
