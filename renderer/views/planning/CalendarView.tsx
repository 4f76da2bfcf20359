import { ActionIcon, Box, Button, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Event } from '../../../shared/schemas/event';
import { useEvents } from '../../api/queries';
import { isoToTime, toIsoWithOffset } from '../../forms/dates';
import { PlanningViewSwitch } from './PlanningViewSwitch';
import { localDate } from '../../../shared/days';

const pad = (value: number) => String(value).padStart(2, '0');

/** The days shown for a month: whole weeks from Monday, so 5 or 6 rows. */
function monthGrid(year: number, month: number): Date[] {
  const lead = (new Date(year, month, 1).getDay() + 6) % 7;
  const weeks = Math.ceil((lead + new Date(year, month + 1, 0).getDate()) / 7);
  return Array.from({ length: weeks * 7 }, (_, index) => new Date(year, month, 1 - lead + index));
}

/** #/planning/calendar?month=2030-03 — a month grid with the events of each day; the month is in the address, so "Zurück" returns to it. */
export function CalendarView() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const today = new Date();
  const match = /^(\d{4})-(\d{2})$/.exec(params.get('month') ?? '');
  const year = match ? Number(match[1]) : today.getFullYear();
  const month = match ? Number(match[2]) - 1 : today.getMonth();
  const days = monthGrid(year, month);
  const events = useEvents({
    from: toIsoWithOffset(localDate(days[0]!), '00:00'),
    to: toIsoWithOffset(localDate(days.at(-1)!), '23:59'),
  });

  const byDay = new Map<string, Event[]>();
  for (const event of [...(events.data ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const key = localDate(new Date(event.startsAt));
    byDay.set(key, [...(byDay.get(key) ?? []), event]);
  }
  const go = (offset: number) => {
    const target = new Date(year, month + offset, 1);
    setParams({ month: `${target.getFullYear()}-${pad(target.getMonth() + 1)}` });
  };
  const locale = i18n.language === 'de' ? 'de-DE' : 'en-GB';
  const monthTitle = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(new Date(year, month, 1));
  const weekdays = days.slice(0, 7).map((day) => new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(day));
  const dayLabel = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' });

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('events.title')}</Title>
        <PlanningViewSwitch current="calendar" />
      </Group>
      <Group justify="space-between">
        <Group gap="xs">
          <ActionIcon variant="default" size="lg" aria-label={t('events.calendar.previous')} onClick={() => go(-1)}>
            <IconChevronLeft size={18} aria-hidden />
          </ActionIcon>
          <ActionIcon variant="default" size="lg" aria-label={t('events.calendar.next')} onClick={() => go(1)}>
            <IconChevronRight size={18} aria-hidden />
          </ActionIcon>
          <Title order={2} size="h3" aria-live="polite">
            {monthTitle}
          </Title>
        </Group>
        <Button variant="subtle" onClick={() => setParams({})}>
          {t('events.calendar.today')}
        </Button>
      </Group>

      <Paper withBorder style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))' }} aria-label={monthTitle} component="section">
        {weekdays.map((weekday) => (
          <Text key={weekday} aria-hidden size="sm" fw={600} ta="center" py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
            {weekday}
          </Text>
        ))}
        {days.map((day) => {
          const key = localDate(day);
          const inMonth = day.getMonth() === month;
          const isToday = key === localDate(today);
          return (
            <Box
              key={key}
              role="group"
              aria-label={dayLabel.format(day)}
              mih={96}
              p={4}
              bg={inMonth ? undefined : 'gray.0'}
              style={{ borderRight: '1px solid var(--mantine-color-gray-2)', borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            >
              <Text size="sm" fw={isToday ? 700 : 400} c={isToday ? 'teal.8' : inMonth ? undefined : 'dimmed'} aria-hidden>
                {day.getDate()}
              </Text>
              <Stack gap={2}>
                {(byDay.get(key) ?? []).map((event) => (
                  <UnstyledButton
                    key={event.id}
                    onClick={() => navigate(`/planning/${event.id}`)}
                    px={4}
                    style={{
                      borderRadius: 4,
                      background: 'var(--mantine-color-teal-0)',
                      textDecoration: event.status === 'cancelled' ? 'line-through' : undefined,
                    }}
                  >
                    <Text size="xs" lineClamp={2}>
                      {isoToTime(event.startsAt)} {event.title}
                    </Text>
                  </UnstyledButton>
                ))}
              </Stack>
            </Box>
          );
        })}
      </Paper>
    </Stack>
  );
}
