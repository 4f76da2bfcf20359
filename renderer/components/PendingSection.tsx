import { Button, Stack, Title } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Placeholder } from './Placeholder';

/**
 * A section whose features arrive with later issues: it says what will be here
 * and leads to what can be done now, never a blank page.
 */
export function PendingSection({ area, icon: SectionIcon, next }: { area: 'club'; icon: Icon; next: { to: string; label: string } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack gap="lg">
      <Title order={1}>{t(`${area}.title`)}</Title>
      <Placeholder
        icon={<SectionIcon size={36} aria-hidden />}
        title={t(`${area}.emptyTitle`)}
        description={t(`${area}.emptyDescription`)}
        actions={<Button onClick={() => navigate(next.to)}>{t(next.label)}</Button>}
      />
    </Stack>
  );
}
