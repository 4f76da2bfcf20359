import { ActionIcon, Anchor, Button, Group, NativeSelect, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconCash, IconHomeHeart, IconPencil, IconReceipt } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canMoveOrder } from '../../../shared/orders';
import type { ContactRef } from '../../../shared/schemas/contact';
import type { Event } from '../../../shared/schemas/event';
import { orderStatuses, type OrderStatus, type OrderView } from '../../../shared/schemas/order';
import { useOrders, useSetOrderStatus } from '../../api/orderQueries';
import { notifyError } from '../../components/notify';
import { QueryState } from '../../components/QueryState';
import { useMoney } from '../../i18n/useMoney';
import { BookingModal } from '../planning/BookingModal';
import { EditOrderModal } from './EditOrderModal';
import { nameOf, OrderEntry } from './OrderEntry';
import { PaymentModal } from './PaymentModal';

/** "2 × DK-100, 1 × PF-001": what a guest ordered, in one line. */
const linesSummary = (order: OrderView) => order.lines.map((line) => `${line.quantity} × ${line.sku}`).join(', ');

/** "Bestellungen" on the event page: fast entry, then each guest's order with payments, status, edit and booking. */
export function OrdersPanel({ event }: { event: Event }) {
  const { t } = useTranslation();
  const money = useMoney();
  const orders = useOrders({ eventId: event.id });
  const [paying, setPaying] = useState<OrderView | null>(null);
  const [editing, setEditing] = useState<OrderView | null>(null);
  const [booking, setBooking] = useState<ContactRef | null>(null);
  const open = event.status !== 'cancelled';

  return (
    <Stack component="section" aria-labelledby="orders-title" gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3" id="orders-title">
          {t('orders.title')}
        </Title>
        <Button component={Link} to={`/planning/${event.id}/reconciliation`} variant="default" leftSection={<IconReceipt size={18} aria-hidden />}>
          {t('reconciliation.title')}
        </Button>
      </Group>
      {open && <OrderEntry event={event} />}
      <QueryState query={orders}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t('orders.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing="xs" highlightOnHover aria-label={t('orders.listLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    {(['guest', 'lines', 'total', 'paid', 'open', 'status'] as const).map((column) => (
                      <Table.Th key={column} ta={['total', 'paid', 'open'].includes(column) ? 'right' : undefined}>
                        {t(`orders.columns.${column}`)}
                      </Table.Th>
                    ))}
                    <Table.Th>
                      <VisuallyHidden>{t('orders.columns.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((order) => (
                    <OrderRow key={order.id} order={order} money={money} onPay={() => setPaying(order)} onEdit={() => setEditing(order)} onBook={() => setBooking(order.contact)} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      <PaymentModal order={paying} onClose={() => setPaying(null)} />
      <EditOrderModal order={editing} onClose={() => setEditing(null)} />
      <BookingModal event={event} guest={booking} onClose={() => setBooking(null)} />
    </Stack>
  );
}

function OrderRow({ order, money, onPay, onEdit, onBook }: { order: OrderView; money: (cents: number) => string; onPay: () => void; onEdit: () => void; onBook: () => void }) {
  const { t } = useTranslation();
  const setStatus = useSetOrderStatus();
  const name = nameOf(order.contact);
  const cancelled = order.status === 'cancelled';

  const move = async (status: OrderStatus) => {
    try {
      await setStatus.mutateAsync({ id: order.id, status });
    } catch (error) {
      notifyError(t, error);
    }
  };

  return (
    <Table.Tr c={cancelled ? 'dimmed' : undefined}>
      <Table.Td fw={500}>
        <Anchor component={Link} to={`/contacts/${order.contact.id}`} inherit>
          {name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{linesSummary(order)}</Text>
      </Table.Td>
      <Table.Td ta="right">{money(order.totalCents)}</Table.Td>
      <Table.Td ta="right">{money(order.paidCents)}</Table.Td>
      <Table.Td ta="right" fw={order.openCents !== 0 ? 600 : undefined} c={order.openCents > 0 ? 'orange.9' : undefined}>
        {money(order.openCents)}
      </Table.Td>
      <Table.Td>
        <NativeSelect
          size="xs"
          aria-label={t('orders.statusOf', { name })}
          value={order.status}
          disabled={cancelled}
          onChange={(event) => void move(event.currentTarget.value as OrderStatus)}
          data={orderStatuses.map((status) => ({ value: status, label: t(`orders.status.${status}`), disabled: !canMoveOrder(order.status, status) }))}
        />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <Button size="compact-sm" variant="light" leftSection={<IconCash size={16} aria-hidden />} disabled={order.openCents <= 0} onClick={onPay} aria-label={t('orders.payment.for', { name })}>
            {t('orders.payment.title')}
          </Button>
          {!cancelled && (
            <Tooltip label={t('common.edit')}>
              <ActionIcon variant="subtle" aria-label={t('orders.edit.title', { name })} onClick={onEdit}>
                <IconPencil size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
          )}
          <Tooltip label={t('booking.action')}>
            <ActionIcon variant="subtle" color="grape" aria-label={t('booking.actionFor', { name })} onClick={onBook}>
              <IconHomeHeart size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
