import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// PLACEHOLDER — the member list helper replaces this view.
export function ClubView() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('club.title')}</Title>
    </Stack>
  );
}
