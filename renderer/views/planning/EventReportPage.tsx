import { Box, Paper, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import type { OutputOf } from '../../../shared/contract';
import { useEventReport } from '../../api/orderQueries';
import { useEvent } from '../../api/queries';
import { BackLink } from '../../components/BackLink';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../i18n/format';
import { useMoney } from '../../i18n/useMoney';
import { EventLinks, RewardLines } from '../orders/HostRewardPanel';

type Report = OutputOf<'events.report'>;

const people = ['invited', 'accepted', 'came', 'walkIns', 'buyingGuests'] as const;
const sums = ['salesCents', 'averageOrderCents', 'paidCents', 'openCents', 'commissionCents'] as const;

/** #/planning/:id/report — "Auswertung": guests, sales, top products, the host's reward and bookings. */
export function EventReportPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const event = useEvent(id);
  const report = useEventReport(id);
  const money = useMoney();

  return (
    <Stack gap="lg">
      <BackLink to={`/planning/${id}`}>{event.data?.title ?? t('events.backToList')}</BackLink>
      <Stack gap={2}>
        <Title order={1}>{t('report.titleOf', { title: event.data?.title ?? '' })}</Title>
        {event.data && <Text c="dimmed">{formatDateTime(event.data.startsAt, i18n.language)}</Text>}
      </Stack>
      <QueryState query={report}>
        {(data) => (
          <>
            <SimpleGrid cols={{ base: 2, sm: 5 }} component="dl" m={0} spacing="sm">
              {people.map((key) => (
                <Figure key={key} label={t(`report.figures.${key}`)} value={String(data[key])} />
              ))}
              {sums.map((key) => (
                <Figure key={key} label={t(`report.figures.${key}`)} value={money(data[key])} />
              ))}
            </SimpleGrid>

            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              <FunnelChart report={data} />
              <ProductChart report={data} money={money} />
            </SimpleGrid>

            <Stack component="section" aria-labelledby="top-products" gap="xs">
              <Title order={2} size="h3" id="top-products">
                {t('report.topProducts')}
              </Title>
              {data.topProducts.length === 0 ? (
                <Text c="dimmed">{t('orders.none')}</Text>
              ) : (
                <Table aria-labelledby="top-products" highlightOnHover maw={720}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('report.product')}</Table.Th>
                      <Table.Th ta="right">{t('report.quantity')}</Table.Th>
                      <Table.Th ta="right">{t('report.sales')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.topProducts.map((product) => (
                      <Table.Tr key={product.productId}>
                        <Table.Td>{product.name}</Table.Td>
                        <Table.Td ta="right">{product.quantity}</Table.Td>
                        <Table.Td ta="right">{money(product.salesCents)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>

            <Paper withBorder p="md" component="section" aria-labelledby="report-reward">
              <Stack gap="xs">
                <Title order={2} size="h3" id="report-reward">
                  {t('reward.title')}
                </Title>
                <RewardLines reward={data.hostReward} />
                <EventLinks label={t('reward.bookedAt')} events={data.bookingChain} />
                <EventLinks label={t('reward.bookedHere')} events={data.bookings} />
                {data.bookings.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('report.noBookings')}
                  </Text>
                )}
              </Stack>
            </Paper>
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fz="xl" fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

/**
 * A chart with a visible title; the drawing is hidden from screen readers,
 * which read the summary (the same figures as text) instead.
 */
function ChartFigure({ id, title, summary, children }: { id: string; title: string; summary: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="figure" m={0} aria-labelledby={id} aria-describedby={`${id}-summary`}>
      <Title order={2} size="h4" id={id} component="figcaption" mb="sm">
        {title}
      </Title>
      <Box aria-hidden>{children}</Box>
      {/* The figures are on screen already (labels, table); screen readers get them here as text. */}
      <VisuallyHidden id={`${id}-summary`}>{summary}</VisuallyHidden>
    </Paper>
  );
}

/** Invited → accepted → came → bought, as bars. */
function FunnelChart({ report }: { report: Report }) {
  const { t } = useTranslation();
  const steps = [
    { key: 'invited', value: report.invited },
    { key: 'accepted', value: report.accepted },
    { key: 'came', value: report.came },
    { key: 'bought', value: report.buyingGuests },
  ].map((step) => ({ ...step, label: t(`report.funnel.${step.key}`) }));
  return (
    <ChartFigure id="funnel-chart" title={t('report.funnelTitle')} summary={steps.map((step) => `${step.label}: ${step.value}`).join(' · ')}>
      <BarChart data={steps} responsive style={{ width: '100%', height: 240 }} margin={{ top: 20, right: 8, left: -16, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" />
        <YAxis allowDecimals={false} />
        <Bar dataKey="value" fill="var(--mantine-color-teal-6)" isAnimationActive={false}>
          <LabelList dataKey="value" position="top" />
        </Bar>
      </BarChart>
    </ChartFigure>
  );
}

/** Sales per product, biggest first, as horizontal bars. */
function ProductChart({ report, money }: { report: Report; money: (cents: number) => string }) {
  const { t } = useTranslation();
  const products = report.topProducts.slice(0, 8).map((product) => ({ name: product.name, euros: product.salesCents / 100, cents: product.salesCents }));
  const summary = products.length === 0 ? t('orders.none') : products.map((product) => `${product.name}: ${money(product.cents)}`).join(' · ');
  return (
    <ChartFigure id="product-chart" title={t('report.productChartTitle')} summary={summary}>
      {products.length > 0 && (
        <BarChart
          data={products}
          layout="vertical"
          responsive
          style={{ width: '100%', height: Math.max(160, products.length * 36 + 40) }}
          margin={{ top: 0, right: 100, left: 8, bottom: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" hide />
          <YAxis type="category" dataKey="name" width={180} tick={{ fontSize: 12 }} />
          <Bar dataKey="euros" fill="var(--mantine-color-blue-6)" isAnimationActive={false}>
            <LabelList dataKey="cents" position="right" formatter={(value) => money(Number(value))} />
          </Bar>
        </BarChart>
      )}
    </ChartFigure>
  );
}
