import { Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Line, ComposedChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OutputOf } from '../../../shared/contract';
import { useDashboard } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { useMoney } from '../../i18n/useMoney';

type Dashboard = OutputOf<'reports.dashboard'>;
const periods = ['last12', 'thisYear', 'lastYear'] as const;
type Period = (typeof periods)[number];

/** The period as from/to moments, local midnight to local midnight. */
export function periodRange(period: Period, now: Date): { from: string; to: string } {
  const year = now.getFullYear();
  const [from, to] =
    period === 'thisYear' ? [new Date(year, 0, 1), new Date(year + 1, 0, 1)]
    : period === 'lastYear' ? [new Date(year - 1, 0, 1), new Date(year, 0, 1)]
    : [new Date(year, now.getMonth() - 11, 1), new Date(year, now.getMonth() + 1, 1)];
  return { from: from.toISOString(), to: to.toISOString() };
}

/** Axis ticks in whole euros with the locale's grouping: "1.250 €". */
const axisMoney = (locale: string) => (cents: number) => `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(cents / 100)} €`;

/** #/followup/reports — sales, events, the funnel and who brings the sales, across events. */
export function DashboardView() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<Period>('last12');
  const range = useMemo(() => periodRange(period, new Date()), [period]);
  const dashboard = useDashboard(range);
  return (
    <Stack gap="lg">
      <SegmentedControl
        aria-label={t('dashboard.period')}
        value={period}
        onChange={(value) => setPeriod(value as Period)}
        data={periods.map((value) => ({ value, label: t(`dashboard.periods.${value}`) }))}
        w="fit-content"
      />
      <QueryState query={dashboard}>{(data) => <DashboardBody data={data} />}</QueryState>
    </Stack>
  );
}

function DashboardBody({ data }: { data: Dashboard }) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const locale = i18n.language === 'en' ? 'en-GB' : 'de-DE';
  const monthName = (month: string) => new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  const months = data.months.map((month) => ({ ...month, label: monthName(month.month) }));
  const events = data.months.reduce((sum, month) => sum + month.events, 0);
  const funnel = [
    { step: t('dashboard.funnel.invited'), people: data.funnel.invited },
    { step: t('dashboard.funnel.came'), people: data.funnel.came },
    { step: t('dashboard.funnel.bought'), people: data.funnel.bought },
  ];

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Kpi label={t('dashboard.sales')} value={money(data.salesCents)} />
        <Kpi label={t('dashboard.events')} value={String(events)} />
        <Kpi label={t('dashboard.commission')} value={money(data.commissionCents)} />
      </SimpleGrid>

      <Chart
        title={t('dashboard.perMonth')}
        table={{
          headers: [t('dashboard.month'), t('dashboard.sales'), t('dashboard.events')],
          rows: months.map((month) => [month.label, money(month.salesCents), String(month.events)]),
        }}
      >
        <ComposedChart data={months}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" />
          <YAxis yAxisId="sales" tickFormatter={axisMoney(locale)} width={80} />
          <YAxis yAxisId="events" orientation="right" allowDecimals={false} />
          <Tooltip formatter={(value, name) => (name === 'salesCents' ? [money(Number(value)), t('dashboard.sales')] : [value, t('dashboard.events')])} />
          <Bar yAxisId="sales" dataKey="salesCents" fill="var(--mantine-color-teal-6)" />
          <Line yAxisId="events" dataKey="events" stroke="var(--mantine-color-orange-7)" strokeWidth={2} />
        </ComposedChart>
      </Chart>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Chart title={t('dashboard.funnelTitle')} table={{ headers: [t('dashboard.step'), t('dashboard.people')], rows: funnel.map((row) => [row.step, String(row.people)]) }}>
          <BarChart data={funnel} layout="vertical">
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="step" width={110} />
            <Tooltip formatter={(value) => [value, t('dashboard.people')]} />
            <Bar dataKey="people" fill="var(--mantine-color-teal-6)" />
          </BarChart>
        </Chart>
        <SalesBars
          title={t('dashboard.topHosts')}
          nameHeader={t('dashboard.host')}
          rows={data.topHosts.map((row) => ({ name: `${row.contact.firstName} ${row.contact.lastName}`, salesCents: row.salesCents }))}
        />
        <SalesBars title={t('dashboard.topProducts')} nameHeader={t('dashboard.product')} rows={data.topProducts.map((row) => ({ name: row.name, salesCents: row.salesCents }))} />
        <SalesBars
          title={t('dashboard.topReferrers')}
          nameHeader={t('dashboard.referrer')}
          rows={data.topReferrers.map((row) => ({ name: `${row.contact.firstName} ${row.contact.lastName}`, salesCents: row.salesCents }))}
        />
      </SimpleGrid>
    </Stack>
  );
}

function Kpi({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

/** A bar per name, by sales. */
function SalesBars({ title, nameHeader, rows }: { title: string; nameHeader: string; rows: { name: string; salesCents: number }[] }) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const locale = i18n.language === 'en' ? 'en-GB' : 'de-DE';
  return (
    // A row per name, every name readable: the chart grows with its rows.
    <Chart title={title} height={rows.length * 32 + 40} table={{ headers: [nameHeader, t('dashboard.sales')], rows: rows.map((row) => [row.name, money(row.salesCents)]) }}>
      <BarChart data={rows} layout="vertical">
        <XAxis type="number" tickFormatter={axisMoney(locale)} />
        <YAxis type="category" dataKey="name" width={150} interval={0} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value) => [money(Number(value)), t('dashboard.sales')]} />
        <Bar dataKey="salesCents" fill="var(--mantine-color-teal-6)" />
      </BarChart>
    </Chart>
  );
}

/**
 * A chart with its title; the same figures as a table for screen readers (the
 * SVG says nothing to them), and "Keine Daten" instead of an empty frame.
 */
function Chart({ title, table, height = 260, children }: { title: string; table: { headers: string[]; rows: string[][] }; height?: number; children: ReactElement }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {table.rows.length === 0 ? (
        <Text c="dimmed">{t('dashboard.noData')}</Text>
      ) : (
        <>
          <div aria-hidden style={{ height }}>
            <ResponsiveContainer width="100%" height="100%">
              {children}
            </ResponsiveContainer>
          </div>
          <VisuallyHidden>
            <Table aria-label={title}>
              <Table.Thead>
                <Table.Tr>
                  {table.headers.map((header) => (
                    <Table.Th key={header}>{header}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {table.rows.map((row, index) => (
                  <Table.Tr key={index}>
                    {row.map((cell, column) => (
                      <Table.Td key={column}>{cell}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </VisuallyHidden>
        </>
      )}
    </Paper>
  );
}
