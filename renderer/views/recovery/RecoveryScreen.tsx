import { Alert, Code, Container, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/contract';

type Recovery = Extract<AppStatus, { state: 'recovery' }>;

/**
 * Shown instead of the app when a data file cannot be read: the app must not
 * write anything then, so it only explains what is wrong and where a good copy is.
 */
export function RecoveryScreen({ status }: { status: Recovery }) {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Paper withBorder p="xl" radius="lg" role="main">
        <Stack gap="md">
          <ThemeIcon color="orange" variant="light" size={56} radius="xl">
            <IconAlertTriangle size={32} aria-hidden />
          </ThemeIcon>
          <Title order={1}>{t('recovery.title')}</Title>
          <Text>{t('recovery.intro')}</Text>
          <Alert color="teal" icon={<IconShieldCheck aria-hidden />}>
            {t('recovery.nothingOverwritten')}
          </Alert>
          <List spacing="xs" listStyleType="none">
            <List.Item>
              <Text fw={600} span>
                {t('recovery.file')}:
              </Text>{' '}
              <Code>{status.file}</Code>
            </List.Item>
            <List.Item>
              <Text fw={600} span>
                {t('recovery.reason')}:
              </Text>{' '}
              {status.reason}
            </List.Item>
            <List.Item>
              <Text fw={600} span>
                {t('recovery.dataFolder')}:
              </Text>{' '}
              <Code>{status.dataDir}</Code>
            </List.Item>
            <List.Item>
              <Text fw={600} span>
                {t('recovery.backup')}:
              </Text>{' '}
              {status.backup ? <Code>{status.backup}</Code> : t('recovery.noBackup')}
            </List.Item>
          </List>
          <Text>{t(status.backup ? 'recovery.howToRestore' : 'recovery.howToRestoreNoBackup', { file: status.file })}</Text>
        </Stack>
      </Paper>
    </Container>
  );
}
