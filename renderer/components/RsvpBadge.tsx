import { useTranslation } from 'react-i18next';
import type { Rsvp } from '../../shared/schemas/invitation';
import { StatusBadge } from './StatusBadge';

const rsvpColors: Record<Rsvp, string> = { pending: 'gray', yes: 'green', no: 'red', maybe: 'yellow' };

/** A reply as a coloured word ("zugesagt"). */
export function RsvpBadge({ rsvp }: { rsvp: Rsvp }) {
  const { t } = useTranslation();
  return <StatusBadge color={rsvpColors[rsvp]}>{t(`invitations.rsvp.${rsvp}`)}</StatusBadge>;
}
