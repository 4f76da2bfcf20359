import { Alert, Button, Loader, Stack, Text, Title } from '@mantine/core';
import { IconDoorEnter } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Event } from '../../../shared/schemas/event';
import { useEvents } from '../../api/queries';
import { Placeholder } from '../../components/Placeholder';
import { translateMessage } from '../../i18n';
import { formatDateTimeRange } from '../../i18n/format';
import { eventsForDoor } from './door';

/** #/checkin — which event the door is for: today's first, then the next ones and the most recent. */
export function CheckinView() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const events = useEvents();
  const sections = useMemo(() => eventsForDoor(events.data ?? [], new Date()), [events.data]);
  const none = sections.today.length + sections.upcoming.length + sections.recent.length === 0;

  return (
    <Stack gap="lg" maw={900}>
      <Title order={1}>{t('checkin.title')}</Title>
      {events.isPending ? (
        <Loader aria-label={t('app.loading')} />
      ) : events.isError ? (
        <Alert color="red">{translateMessage(t, events.error.message)}</Alert>
      ) : none ? (
        <Placeholder
          icon={<IconDoorEnter size={36} aria-hidden />}
          title={t('checkin.emptyTitle')}
          description={t('checkin.emptyDescription')}
          actions={<Button onClick={() => navigate('/planning')}>{t('common.toPlanning')}</Button>}
        />
      ) : (
        <>
          <Text fz="lg">{t('checkin.chooseEvent')}</Text>
          {(['today', 'upcoming', 'recent'] as const).map(
            (key) => sections[key].length > 0 && <EventSection key={key} title={t(`checkin.sections.${key}`)} events={sections[key]} emphasised={key === 'today'} />,
          )}
        </>
      )}
    </Stack>
  );
}

function EventSection({ title, events, emphasised }: { title: string; events: Event[]; emphasised: boolean }) {
  const { i18n } = useTranslation();
  return (
    <Stack component="section" aria-label={title} gap="xs">
      <Title order={2} size="h3">
        {title}
      </Title>
      {events.map((event) => (
        <Button
          key={event.id}
          component={Link}
          to={`/checkin/${event.id}`}
          size="xl"
          h="auto"
          py="sm"
          variant={emphasised ? 'filled' : 'default'}
          justify="space-between"
          leftSection={<IconDoorEnter size={24} aria-hidden />}
          styles={{ label: { flexDirection: 'column', alignItems: 'flex-start', whiteSpace: 'normal' } }}
        >
          <Text span fz="xl" fw={700}>
            {event.title}
          </Text>
          <Text span fz="md" fw={400}>
            {formatDateTimeRange(event.startsAt, event.endsAt, i18n.language)}
            {event.place && ` · ${event.place}`}
          </Text>
        </Button>
      ))}
    </Stack>
  );
}
