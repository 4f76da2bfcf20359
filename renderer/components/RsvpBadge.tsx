import type { MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Rsvp } from '../../shared/schemas/invitation';
import { StatusBadge } from './StatusBadge';

const rsvpColors: Record<Rsvp, string> = { pending: 'gray', yes: 'green', no: 'red', maybe: 'yellow' };

/** A reply as a coloured word ("zugesagt"). */
export function RsvpBadge({ rsvp, size }: { rsvp: Rsvp; size?: MantineSize }) {
  const { t } = useTranslation();
  return <StatusBadge color={rsvpColors[rsvp]} size={size}>{t(`invitations.rsvp.${rsvp}`)}</StatusBadge>;
}
