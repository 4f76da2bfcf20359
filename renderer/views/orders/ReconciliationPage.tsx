import { Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { paymentMethods } from '../../../shared/schemas/order';
import { useReconciliation } from '../../api/orderQueries';
import { useEvent } from '../../api/queries';
import { BackLink } from '../../components/BackLink';
import { QueryState } from '../../components/QueryState';
import { parseMoney } from '../../forms/money';
import { useMoney } from '../../i18n/useMoney';
import { nameOf } from './OrderEntry';

/**
 * #/planning/:id/reconciliation — "Abrechnung": what each guest owes and paid,
 * what came in by method, and the cash counted in the envelope against the
 * cash recorded.
 */
export function ReconciliationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const event = useEvent(id);
  const reconciliation = useReconciliation(id);
  const money = useMoney();
  const [counted, setCounted] = useState('');
  const countedCents = parseMoney(counted);

  return (
    <Stack gap="lg">
      <BackLink to={`/planning/${id}`}>{event.data?.title ?? t('events.backToList')}</BackLink>
      <Title order={1}>{t('reconciliation.titleOf', { title: event.data?.title ?? '' })}</Title>
      <QueryState query={reconciliation}>
        {(data) => (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
              {(
                [
                  ['owed', data.totalCents],
                  ['paid', data.paidCents],
                  ['difference', data.openCents],
                ] as const
              ).map(([key, cents]) => (
                <Paper withBorder p="md" key={key}>
                  <Text component="dt" size="sm" c="dimmed">
                    {t(`reconciliation.${key}`)}
                  </Text>
                  <Text component="dd" m={0} fz="xl" fw={700} c={key === 'difference' && cents !== 0 ? 'orange.9' : undefined}>
                    {money(cents)}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>

            <Stack component="section" aria-labelledby="by-method" gap="xs">
              <Title order={2} size="h3" id="by-method">
                {t('reconciliation.byMethod')}
              </Title>
              <Table maw={520} aria-labelledby="by-method">
                <Table.Tbody>
                  {paymentMethods.map((method) => (
                    <Table.Tr key={method}>
                      <Table.Th scope="row">{t(`orders.method.${method}`)}</Table.Th>
                      <Table.Td ta="right">{money(data.byMethod[method] ?? 0)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Group align="end">
                <TextInput
                  label={t('reconciliation.countedCash')}
                  description={t('reconciliation.countedHint')}
                  inputMode="decimal"
                  autoComplete="off"
                  w={260}
                  value={counted}
                  onChange={(changed) => setCounted(changed.currentTarget.value)}
                />
                {countedCents !== null && (
                  <Text role="status" fw={600} c={countedCents === (data.byMethod.cash ?? 0) ? 'teal.9' : 'orange.9'}>
                    {t('reconciliation.cashDifference', { amount: money(countedCents - (data.byMethod.cash ?? 0)) })}
                  </Text>
                )}
              </Group>
            </Stack>

            <Stack component="section" aria-labelledby="per-guest" gap="xs">
              <Title order={2} size="h3" id="per-guest">
                {t('reconciliation.perGuest')}
              </Title>
              {data.guests.length === 0 ? (
                <Text c="dimmed">{t('orders.none')}</Text>
              ) : (
                <Table aria-labelledby="per-guest" highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('orders.columns.guest')}</Table.Th>
                      {(['total', 'paid', 'open'] as const).map((column) => (
                        <Table.Th key={column} ta="right">
                          {t(`orders.columns.${column}`)}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.guests.map((guest) => (
                      <Table.Tr key={guest.contact.id}>
                        <Table.Td>{nameOf(guest.contact)}</Table.Td>
                        <Table.Td ta="right">{money(guest.totalCents)}</Table.Td>
                        <Table.Td ta="right">{money(guest.paidCents)}</Table.Td>
                        <Table.Td ta="right" fw={guest.openCents !== 0 ? 600 : undefined}>
                          {money(guest.openCents)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                  <Table.Tfoot>
                    <Table.Tr fw={700}>
                      <Table.Th scope="row">{t('reconciliation.sum')}</Table.Th>
                      <Table.Td ta="right">{money(data.totalCents)}</Table.Td>
                      <Table.Td ta="right">{money(data.paidCents)}</Table.Td>
                      <Table.Td ta="right">{money(data.openCents)}</Table.Td>
                    </Table.Tr>
                  </Table.Tfoot>
                </Table>
              )}
            </Stack>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
