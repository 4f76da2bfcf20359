import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBan, IconCalendarDown, IconChartBar, IconCopy, IconDoorEnter, IconPencil, IconPrinter } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate, useParams } from 'react-router';
import type { Event, EventStatus } from '../../../shared/schemas/event';
import { call } from '../../api/client';
import { useContact, useEvent, useSetEventStatus } from '../../api/queries';
import { BackLink } from '../../components/BackLink';
import { notifyError, notifySuccess } from '../../components/notify';
import { QueryState } from '../../components/QueryState';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTimeRange } from '../../i18n/format';
import { HostRewardPanel } from '../orders/HostRewardPanel';
import { OrdersPanel } from '../orders/OrdersPanel';
import { CancelEventModal } from './CancelEventModal';
import { DuplicateEventModal } from './DuplicateEventModal';
import { cancellable, EventStatusBadge } from './EventStatusBadge';
import { InvitationsPanel } from './InvitationsPanel';
import { saveFile } from '../../components/download';

/** The next steps of the lifecycle from each status (events.setStatus). */
const nextStatuses: Record<EventStatus, ('invited' | 'held' | 'closed')[]> = {
  planned: ['invited', 'held'],
  invited: ['held'],
  held: ['closed'],
  closed: [],
  cancelled: [],
};

/** #/planning/:id — one event: details, lifecycle, copies, calendar file, printouts, host reward, orders and the invitee list. */
export function EventPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const event = useEvent(id);

  return (
    <Stack gap="lg">
      <BackLink to="/planning">{t('events.backToList')}</BackLink>
      <QueryState query={event}>{(data) => <EventDetails event={data} />}</QueryState>
      <Outlet />
    </Stack>
  );
}

/** Downloads the event's .ics file: the browser saves it, the calendar program opens it. */
async function downloadIcs(id: string) {
  const { fileName, content } = await call('events.ics', { id });
  saveFile(fileName, new Blob([content], { type: 'text/calendar;charset=utf-8' }));
}

function EventDetails({ event }: { event: Event }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const host = useContact(event.hostId);
  const setStatus = useSetEventStatus();
  const [cancelling, setCancelling] = useState(false);
  const [duplicating, setDuplicating] = useState(false);
  const hostName = host.data ? `${host.data.firstName} ${host.data.lastName}` : '';

  const moveTo = async (status: 'invited' | 'held' | 'closed') => {
    try {
      await setStatus.mutateAsync({ id: event.id, status });
      notifySuccess(t('events.statusChanged', { status: t(`events.status.${status}`) }));
    } catch (error) {
      notifyError(t, error);
    }
  };
  const ics = async () => {
    try {
      await downloadIcs(event.id);
    } catch (error) {
      notifyError(t, error);
    }
  };

  const details: [string, ReactNode][] = [
    ['when', formatDateTimeRange(event.startsAt, event.endsAt, i18n.language)],
    ['place', event.place],
    [
      'host',
      host.data && (
        <Anchor component={Link} to={`/contacts/${host.data.id}`}>
          {hostName}
        </Anchor>
      ),
    ],
    ['capacity', event.capacity],
  ];

  return (
    <>
      <Stack gap="xs">
        <Group justify="space-between" align="start">
          <Stack gap={4}>
            <Title order={1}>{event.title}</Title>
            <Group gap="xs">
              <StatusBadge variant="outline">{t(`events.kind.${event.kind}`)}</StatusBadge>
              <EventStatusBadge status={event.status} />
            </Group>
          </Stack>
          <Group gap="xs">
            {event.status !== 'cancelled' && (
              <Button component={Link} to={`/checkin/${event.id}`} leftSection={<IconDoorEnter size={18} aria-hidden />}>
                {t('checkin.open')}
              </Button>
            )}
            {nextStatuses[event.status].map((status) => (
              <Button key={status} variant="light" onClick={() => void moveTo(status)} loading={setStatus.isPending && setStatus.variables?.status === status}>
                {t(`events.markAs.${status}`)}
              </Button>
            ))}
            {event.status !== 'cancelled' && (
              <Button variant="default" leftSection={<IconPencil size={18} aria-hidden />} onClick={() => navigate(`/planning/${event.id}/edit`)}>
                {t('common.edit')}
              </Button>
            )}
            <Button component={Link} to={`/planning/${event.id}/report`} variant="default" leftSection={<IconChartBar size={18} aria-hidden />}>
              {t('report.link')}
            </Button>
            <Button variant="default" leftSection={<IconCopy size={18} aria-hidden />} onClick={() => setDuplicating(true)}>
              {t('events.duplicate.action')}
            </Button>
            <Button variant="default" leftSection={<IconCalendarDown size={18} aria-hidden />} onClick={() => void ics()}>
              {t('events.ics')}
            </Button>
            <Button component={Link} to={`/print/events/${event.id}/guests`} variant="default" leftSection={<IconPrinter size={18} aria-hidden />}>
              {t('print.guestList')}
            </Button>
            <Button component={Link} to={`/print/events/${event.id}/cards`} variant="default" leftSection={<IconPrinter size={18} aria-hidden />}>
              {t('print.cards')}
            </Button>
            {cancellable.has(event.status) && (
              <Button variant="subtle" color="red" leftSection={<IconBan size={18} aria-hidden />} onClick={() => setCancelling(true)}>
                {t('events.cancel.title')}
              </Button>
            )}
          </Group>
        </Group>
        {event.status === 'cancelled' && event.cancelReason && (
          <Alert color="red">{t('events.cancelledBecause', { reason: event.cancelReason })}</Alert>
        )}
      </Stack>

      <Paper withBorder p="lg">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
          {details.map(([key, value]) => (
            <div key={key}>
              <Text component="dt" size="sm" c="dimmed">
                {t(`events.details.${key}`)}
              </Text>
              <Text component="dd" m={0}>
                {value ?? '–'}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        {event.notes && (
          <Text mt="md" style={{ whiteSpace: 'pre-wrap' }}>
            {event.notes}
          </Text>
        )}
      </Paper>

      <HostRewardPanel event={event} />
      <OrdersPanel event={event} />
      <InvitationsPanel event={event} hostName={hostName} />

      <CancelEventModal event={cancelling ? event : null} onClose={() => setCancelling(false)} />
      <DuplicateEventModal event={event} opened={duplicating} onClose={() => setDuplicating(false)} />
    </>
  );
}
