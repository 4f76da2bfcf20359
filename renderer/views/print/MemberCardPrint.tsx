import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { MemberDetail } from '../../../shared/schemas/club';
import { useClubSettings, useMember } from '../../api/memberQueries';
import { formatDate } from '../../i18n/format';
import { PrintShell } from './PrintPage';
import { QrCode } from './QrCode';

/** #/print/club/card/:contactId — the membership card in credit-card size, cut along the dashed line. */
export function MemberCardPrint() {
  const { t } = useTranslation();
  const { contactId = '' } = useParams();
  const member = useMember(contactId);
  const settings = useClubSettings();

  return (
    <PrintShell back={`/contacts/${contactId}`} error={member.error ?? settings.error} ready={member.isSuccess && settings.isSuccess}>
      {() =>
        member.data ? <MemberCard detail={member.data} clubName={settings.data!.name} /> : <Alert color="yellow">{t('clubPrint.card.notMember')}</Alert>
      }
    </PrintShell>
  );
}

function MemberCard({ detail: { member }, clubName }: { detail: MemberDetail; clubName: string }) {
  const { t, i18n } = useTranslation();
  const name = `${member.contact.firstName} ${member.contact.lastName}`;
  return (
    <article className="member-card" aria-label={t('clubPrint.card.label', { name })}>
      <div className="club">{clubName}</div>
      <div className="name">{name}</div>
      <div className="facts">
        <div className="number">{member.memberNumber}</div>
        {member.tier && <div>{t('clubPrint.card.tier', { tier: member.tier })}</div>}
        <div>{t('clubPrint.card.since', { date: formatDate(member.joinedOn, i18n.language) })}</div>
      </div>
      <QrCode value={member.memberNumber} alt={t('clubPrint.card.qrAlt', { number: member.memberNumber })} />
    </article>
  );
}
