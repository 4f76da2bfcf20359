import { Alert, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import type { Event } from '../../../shared/schemas/event';
import { useAppStatus, useEvents } from '../../api/queries';
import { Placeholder } from '../../components/Placeholder';
import { ShortcutButton } from '../../components/shortcuts';
import { translateMessage } from '../../i18n';
import { CancelEventModal } from './CancelEventModal';
import { EventTable } from './EventTable';
import { PlanningViewSwitch } from './PlanningViewSwitch';
import { StartScreen } from './StartScreen';

/** Upcoming events soonest first; past ones (ended before now) most recent first. */
function splitByTime(events: Event[], now: number) {
  const byStart = [...events].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const isPast = (event: Event) => Date.parse(event.endsAt ?? event.startsAt) < now;
  return {
    upcoming: byStart.filter((event) => !isPast(event)),
    past: byStart.filter(isPast).reverse(),
  };
}

export function PlanningView() {
  const { t } = useTranslation();
  const status = useAppStatus();
  const events = useEvents();
  const [cancelling, setCancelling] = useState<Event | null>(null);
  const { upcoming, past } = useMemo(() => splitByTime(events.data ?? [], Date.now()), [events.data]);

  const isEmptyApp = status.data?.state === 'ready' && status.data.empty;
  const hasEvents = (events.data?.length ?? 0) > 0;

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('events.title')}</Title>
        <Group gap="sm">
          <PlanningViewSwitch current="list" />
          {/* The empty states carry their own create button; one button of a name per page. */}
          {hasEvents && <ShortcutButton name="newEvent">{t('events.create')}</ShortcutButton>}
        </Group>
      </Group>

      {isEmptyApp ? (
        <StartScreen />
      ) : events.isPending ? (
        <Loader aria-label={t('app.loading')} />
      ) : events.isError ? (
        <Alert color="red">{translateMessage(t, events.error.message)}</Alert>
      ) : !hasEvents ? (
        <Placeholder
          icon={<IconCalendarPlus size={36} aria-hidden />}
          title={t('events.emptyTitle')}
          description={t('events.emptyDescription')}
          actions={<ShortcutButton name="newEvent">{t('events.create')}</ShortcutButton>}
        />
      ) : (
        <>
          {upcoming.length > 0 ? (
            <EventTable title={t('events.upcoming')} events={upcoming} onCancel={setCancelling} />
          ) : (
            <Text c="dimmed">{t('events.noUpcoming')}</Text>
          )}
          {past.length > 0 && <EventTable title={t('events.past')} events={past} onCancel={setCancelling} />}
        </>
      )}

      <CancelEventModal event={cancelling} onClose={() => setCancelling(null)} />
      <Outlet />
    </Stack>
  );
}
