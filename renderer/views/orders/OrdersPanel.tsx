import { ActionIcon, Anchor, Button, Group, Modal, NativeSelect, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconCash, IconPencil, IconReceipt, IconShoppingCartPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canMoveOrder } from '../../../shared/orders';
import type { ContactRef } from '../../../shared/schemas/contact';
import type { Event } from '../../../shared/schemas/event';
import { orderStatuses, type OrderStatus, type OrderView } from '../../../shared/schemas/order';
import { useOrders, useSetOrderStatus } from '../../api/orderQueries';
import { useEvent } from '../../api/queries';
import { notifyError } from '../../components/notify';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../i18n/format';
import { useMoney } from '../../i18n/useMoney';
import { BookingAction, BookingModal } from '../planning/BookingModal';
import { EditOrderModal } from './EditOrderModal';
import { nameOf, OrderEntry } from './OrderEntry';
import { PaymentModal } from './PaymentModal';

/** "2 × DK-100, 1 × PF-001": what a guest ordered, in one line. */
const linesSummary = (order: OrderView) => order.lines.map((line) => `${line.quantity} × ${line.sku}`).join(', ');

/**
 * "Bestellungen" of an event (fast entry, each guest's order, the reconciliation)
 * or of a contact (all her orders, at events and reorders, and "Nachbestellung
 * erfassen"): payments, status, edit, and at an event the booking action.
 */
export function OrdersPanel(props: { event: Event } | { contact: ContactRef }) {
  const { t } = useTranslation();
  const money = useMoney();
  const event = 'event' in props ? props.event : undefined;
  const contact = 'contact' in props ? props.contact : undefined;
  const orders = useOrders('event' in props ? { eventId: props.event.id } : { contactId: props.contact.id });
  const [paying, setPaying] = useState<OrderView | null>(null);
  const [editing, setEditing] = useState<OrderView | null>(null);
  const [booking, setBooking] = useState<ContactRef | null>(null);
  const [reordering, setReordering] = useState(false);

  return (
    <Stack component="section" aria-labelledby="orders-title" gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3" id="orders-title">
          {t('orders.title')}
        </Title>
        {event ? (
          <Button component={Link} to={`/planning/${event.id}/reconciliation`} variant="default" leftSection={<IconReceipt size={18} aria-hidden />}>
            {t('reconciliation.title')}
          </Button>
        ) : (
          <Button leftSection={<IconShoppingCartPlus size={18} aria-hidden />} onClick={() => setReordering(true)}>
            {t('orders.reorder.add')}
          </Button>
        )}
      </Group>
      {event && event.status !== 'cancelled' && <OrderEntry event={event} />}
      <QueryState query={orders}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t('orders.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing="xs" highlightOnHover aria-label={contact ? t('orders.listOf', { name: nameOf(contact) }) : t('orders.listLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    {([event ? 'guest' : 'event', 'lines', 'total', 'paid', 'open', 'status'] as const).map((column) => (
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
                    <OrderRow
                      key={order.id}
                      order={order}
                      lead={
                        event ? (
                          <Anchor component={Link} to={`/contacts/${order.contact.id}`} inherit>
                            {nameOf(order.contact)}
                          </Anchor>
                        ) : (
                          <OrderOrigin order={order} />
                        )
                      }
                      money={money}
                      onPay={() => setPaying(order)}
                      onEdit={() => setEditing(order)}
                      onBook={event && (() => setBooking(order.contact))}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      <PaymentModal order={paying} onClose={() => setPaying(null)} />
      <EditOrderModal order={editing} onClose={() => setEditing(null)} />
      {event && <BookingModal event={event} guest={booking} onClose={() => setBooking(null)} />}
      {contact && (
        <Modal opened={reordering} onClose={() => setReordering(false)} size="xl" title={t('orders.reorder.title', { name: nameOf(contact) })}>
          <OrderEntry contact={contact} onSaved={() => setReordering(false)} />
        </Modal>
      )}
    </Stack>
  );
}

/** Where a contact's order was taken: a link to its event, or "Nachbestellung" with its date. */
function OrderOrigin({ order }: { order: OrderView }) {
  const { t, i18n } = useTranslation();
  const event = useEvent(order.eventId);
  if (!order.eventId) {
    return (
      <>
        {t('orders.reorder.label')}
        <Text size="sm" c="dimmed">
          {formatDateTime(order.createdAt, i18n.language)}
        </Text>
      </>
    );
  }
  return (
    <Anchor component={Link} to={`/planning/${order.eventId}`} inherit>
      {event.data?.title ?? t('orders.columns.event')}
    </Anchor>
  );
}

function OrderRow({
  order,
  lead,
  money,
  onPay,
  onEdit,
  onBook,
}: {
  order: OrderView;
  lead: ReactNode;
  money: (cents: number) => string;
  onPay: () => void;
  onEdit: () => void;
  onBook: (() => void) | undefined;
}) {
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
      <Table.Td fw={500}>{lead}</Table.Td>
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
          {onBook && <BookingAction name={name} onClick={onBook} />}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
