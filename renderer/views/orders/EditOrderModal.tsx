import { Button, Group, Modal, Stack } from '@mantine/core';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderView } from '../../../shared/schemas/order';
import { useUpdateOrder } from '../../api/orderQueries';
import { notifyError, notifySuccess } from '../../components/notify';
import { LineEditor, type LineEditorHandle } from './LineEditor';
import { isSaveKey, nameOf } from './OrderEntry';

/** Corrects an order's lines (orders.update) with the same keyboard entry as a new order. */
export function EditOrderModal({ order, onClose }: { order: OrderView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const editor = useRef<LineEditorHandle>(null);
  const update = useUpdateOrder();

  const save = async () => {
    const lines = editor.current?.takeLines();
    if (!order || !lines || lines.length === 0) return;
    try {
      await update.mutateAsync({
        id: order.id,
        lines: lines.map(({ productId, quantity, unitPriceCents, discountPercent }) => ({ productId, quantity, unitPriceCents, discountPercent })),
      });
      notifySuccess(t('orders.edit.saved'));
      onClose();
    } catch (error) {
      notifyError(t, error);
    }
  };

  return (
    <Modal opened={order !== null} onClose={onClose} size="xl" title={order ? t('orders.edit.title', { name: nameOf(order.contact) }) : ''}>
      {order && (
        <Stack
          gap="sm"
          onKeyDown={(pressed: KeyboardEvent) => {
            if (isSaveKey(pressed)) {
              pressed.preventDefault();
              void save();
            }
          }}
        >
          <LineEditor ref={editor} initialLines={order.lines} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void save()} loading={update.isPending} aria-keyshortcuts="Control+Enter">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
