import { Button, Group, Modal, NumberInput, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Shift+Enter: how many companions come along this time (default: her plus-ones); Enter checks in. */
export function CompanionsModal({ name, plusOnes, onSubmit, onClose }: { name: string; plusOnes: number; onSubmit: (companions: number) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [companions, setCompanions] = useState<number | string>(plusOnes);
  const count = typeof companions === 'number' ? companions : 0;
  return (
    <Modal opened onClose={onClose} title={t('checkin.companions.title', { name })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(count);
        }}
      >
        <Stack>
          <NumberInput
            data-autofocus
            size="xl"
            label={t('checkin.companions.label')}
            description={t('checkin.companions.hint')}
            min={0}
            max={20}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="strict"
            value={companions}
            onChange={setCompanions}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" size="md">
              {t('checkin.checkIn')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
