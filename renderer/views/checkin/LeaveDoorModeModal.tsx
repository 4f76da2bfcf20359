import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Leaving door mode shows the whole app again, so a guest at the laptop must not do it by accident. */
export function LeaveDoorModeModal({ onConfirm, onClose }: { onConfirm: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('checkin.doorMode.leaveTitle')}>
      <Text>{t('checkin.doorMode.leaveQuestion')}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button color="red" onClick={onConfirm}>
          {t('checkin.doorMode.leaveConfirm')}
        </Button>
      </Group>
    </Modal>
  );
}
