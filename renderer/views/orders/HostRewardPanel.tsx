import { Anchor, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OutputOf } from '../../../shared/contract';
import type { Event } from '../../../shared/schemas/event';
import type { HostReward } from '../../../shared/schemas/host-reward';
import { useEventReport } from '../../api/orderQueries';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useMoney } from '../../i18n/useMoney';

type Report = OutputOf<'events.report'>;

/** The tier as one phrase: "15 % + 3 Halbpreis-Artikel", or just "10 %". */
export function useTierText() {
  const { t } = useTranslation();
  return (tier: { creditPercent: number; halfPriceItems: number }) =>
    tier.halfPriceItems > 0
      ? t('reward.tierWithItems', { percent: tier.creditPercent, count: tier.halfPriceItems })
      : t('reward.tier', { percent: tier.creditPercent });
}

/** What the host has earned so far and what is missing; the lines a report and the event page share. */
export function RewardLines({ reward }: { reward: HostReward }) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const tierText = useTierText();
  const missing = reward.missing;
  return (
    <Stack gap={4}>
      {reward.qualifies ? (
        <>
          <Text fw={600} size="lg">
            {t('reward.totalCredit', { amount: money(reward.totalCreditCents) })}
          </Text>
          <List size="sm" spacing={2}>
            {reward.tier && <List.Item>{t('reward.credit', { amount: money(reward.creditCents), tier: tierText(reward.tier) })}</List.Item>}
            <List.Item>{t('reward.halfPrice', { count: reward.halfPriceItems })}</List.Item>
            {reward.bookingBonusCents > 0 && <List.Item>{t('reward.bookingBonus', { amount: money(reward.bookingBonusCents) })}</List.Item>}
            {reward.previousHostBonusCents > 0 && <List.Item>{t('reward.previousHostBonus', { amount: money(reward.previousHostBonusCents) })}</List.Item>}
            {reward.expiresOn && <List.Item>{t('reward.expires', { date: formatDate(reward.expiresOn, i18n.language) })}</List.Item>}
          </List>
        </>
      ) : (
        <Text fw={600}>{t('reward.notYet')}</Text>
      )}
      {missing && (
        <Text size="sm">
          {[
            missing.salesCents > 0 && t('reward.missingSales', { amount: money(missing.salesCents) }),
            missing.buyingGuests > 0 && t('reward.missingGuests', { count: missing.buyingGuests }),
            missing.bookings > 0 && t('reward.missingBookings', { count: missing.bookings }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      )}
      {reward.nextTier && (
        <Text c="teal.9" fw={500}>
          {t('reward.toNextTier', { amount: money(reward.nextTier.missingSalesCents), tier: tierText(reward.nextTier) })}
        </Text>
      )}
    </Stack>
  );
}

/** Links to events, with their date: the events this one's host booked at, or those booked here. */
export function EventLinks({ label, events }: { label: string; events: Report['bookings'] }) {
  const { i18n } = useTranslation();
  if (events.length === 0) return null;
  return (
    <Group gap="xs">
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {events.map((booked, index) => (
        <Text key={booked.id} size="sm" span>
          <Anchor component={Link} to={`/planning/${booked.id}`} inherit>
            {booked.title}
          </Anchor>{' '}
          ({formatDateTime(booked.startsAt, i18n.language)}){index < events.length - 1 ? ',' : ''}
        </Text>
      ))}
    </Group>
  );
}

/**
 * "Gastgeberin-Bonus" on the event page, from events.report: every order and
 * payment refreshes the report, so the text follows the entry as it happens.
 */
export function HostRewardPanel({ event }: { event: Event }) {
  const { t } = useTranslation();
  const money = useMoney();
  const report = useEventReport(event.id);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="reward-title">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h3" id="reward-title">
            {t('reward.title')}
          </Title>
          {report.data && (
            <Text size="sm" c="dimmed">
              {t('reward.sales', { amount: money(report.data.salesCents), count: report.data.buyingGuests })}
            </Text>
          )}
        </Group>
        <QueryState query={report}>
          {(data) => (
            <Stack gap="xs" role="status" aria-live="polite" aria-label={t('reward.title')}>
              <RewardLines reward={data.hostReward} />
              <EventLinks label={t('reward.bookedAt')} events={data.bookingChain} />
              <EventLinks label={t('reward.bookedHere')} events={data.bookings} />
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}
