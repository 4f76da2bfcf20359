import { Alert, Button, Code, Container, Paper, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconRestore, IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/contract';
import { call } from '../../api/client';
import { translateMessage } from '../../i18n';

type Recovery = Extract<AppStatus, { state: 'recovery' }>;

/**
 * Shown instead of the app when data files cannot be read: nothing is written
 * then. It names every broken file with the newest backup holding a good copy
 * and, when each has one, restores them all in one step.
 */
export function RecoveryScreen({ status }: { status: Recovery }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const restore = useMutation({
    mutationFn: () => call('recovery.restore', {}),
    onSuccess: async (next) => {
      queryClient.setQueryData(['app.status', {}], next);
      // Every document may have changed under the queries of the app.
      await queryClient.invalidateQueries();
    },
  });
  const restorable = status.broken.every((entry) => entry.backup);

  return (
    <Container size="md" py="xl">
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
          <Text>
            <Text fw={600} span>
              {t('recovery.dataFolder')}:
            </Text>{' '}
            <Code>{status.dataDir}</Code>
          </Text>
          <Table aria-label={t('recovery.files')} layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('recovery.file')}</Table.Th>
                <Table.Th>{t('recovery.reason')}</Table.Th>
                <Table.Th>{t('recovery.backup')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {status.broken.map(({ file, reason, backup }) => (
                <Table.Tr key={file}>
                  <Table.Td>
                    <Code>{file}</Code>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{reason}</Table.Td>
                  <Table.Td>{backup ? <Code>{backup}</Code> : t('recovery.noBackup')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {restorable ? (
            <>
              <Text>{t('recovery.restoreExplained')}</Text>
              <Button leftSection={<IconRestore size={18} aria-hidden />} onClick={() => restore.mutate()} loading={restore.isPending} w="fit-content">
                {t('recovery.restoreAll')}
              </Button>
            </>
          ) : (
            <Alert color="orange">{t('recovery.howToRestoreNoBackup')}</Alert>
          )}
          {restore.isError && (
            <Alert color="red" title={t('recovery.restoreFailed')}>
              {translateMessage(t, restore.error.message)}
            </Alert>
          )}
        </Stack>
      </Paper>
    </Container>
  );
}
