import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event } from '../../../shared/schemas/event';
import { useCancelEvent } from '../../api/queries';
import { notifyError, notifySuccess } from '../../components/notify';
import { formatDateTime } from '../../i18n/format';

/** Asks before cancelling: a cancelled event cannot be planned again. */
export function CancelEventModal({ event, onClose }: { event: Event | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const cancel = useCancelEvent();

  const close = () => {
    setReason('');
    onClose();
  };

  const confirm = async () => {
    if (!event) return;
    try {
      const trimmed = reason.trim();
      await cancel.mutateAsync({ id: event.id, ...(trimmed ? { reason: trimmed } : {}) });
      notifySuccess(t('events.cancel.done'));
      close();
    } catch (error) {
      notifyError(t, error);
    }
  };

  return (
    <Modal opened={event !== null} onClose={close} title={t('events.cancel.title')}>
      {event && (
        <Stack gap="md">
          <Text>{t('events.cancel.question', { title: event.title, when: formatDateTime(event.startsAt, i18n.language) })}</Text>
          <Textarea
            label={t('events.cancel.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('events.cancel.keep')}
            </Button>
            <Button color="red" onClick={confirm} loading={cancel.isPending}>
              {t('events.cancel.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
