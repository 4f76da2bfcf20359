import { useTranslation } from 'react-i18next';
import type { EventStatus } from '../../../shared/schemas/event';
import { StatusBadge } from '../../components/StatusBadge';

const statusColors: Record<EventStatus, string> = {
  planned: 'blue',
  invited: 'cyan',
  held: 'green',
  closed: 'gray',
  cancelled: 'red',
};

// A cancelled event is final; one that has taken place can be edited but not cancelled (as the main process enforces).
export const cancellable: ReadonlySet<EventStatus> = new Set(['planned', 'invited']);

export function EventStatusBadge({ status }: { status: EventStatus }) {
  const { t } = useTranslation();
  return <StatusBadge color={statusColors[status]}>{t(`events.status.${status}`)}</StatusBadge>;
}
