import { Alert, Button, Code, Group, Input, Modal, NumberInput, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconDatabaseExport, IconDatabaseImport, IconDeviceFloppy, IconFolderOpen, IconRestore } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { OutputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { BackupInfo } from '../../../shared/schemas/data';
import { call } from '../../api/client';
import { refreshQueries, useOperation, useUpdateSettings } from '../../api/queries';
import { saveBase64File } from '../../components/download';
import { notifyError, notifySuccess } from '../../components/notify';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../i18n/format';
import { fileToBase64 } from '../contacts/importFile';

/** "12 kB", "3,4 MB". */
function formatSize(bytes: number, locale: string): string {
  const megabytes = bytes >= 1_000_000;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: megabytes ? 1 : 0,
  }).format(megabytes ? bytes / 1_000_000 : Math.max(1, bytes / 1_000));
}

/** After a restore or an import every document may have changed: every query refreshes, and the app starts over at home. */
function useDataReplaced() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    await queryClient.invalidateQueries();
    void navigate('/');
  };
}

/**
 * "Datensicherung": the backups with time, reason and size, backing up now,
 * restoring one (the current state is backed up first), the backups folder,
 * how many are kept, and the archive to move the data to another computer.
 */
export function BackupsView() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={900}>
      <Title order={1}>{t('backups.title')}</Title>
      <Text>{t('backups.intro')}</Text>
      <BackupsSection />
      <MoveSection />
    </Stack>
  );
}

function BackupsSection() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const list = useOperation('backups.list', {});
  const [folderShown, setFolderShown] = useState<string>();
  const [restoring, setRestoring] = useState<BackupInfo>();
  const dataReplaced = useDataReplaced();
  const dateOf = (backup: BackupInfo) => formatDateTime(backup.createdAt, i18n.language);

  const create = useMutation({
    mutationFn: () => call('backups.create', {}),
    onSuccess: () => refreshQueries(queryClient, ['backups.list']),
  });
  const openFolder = useMutation({ mutationFn: () => call('backups.openFolder', {}) });
  const restore = useMutation({ mutationFn: (name: string) => call('backups.restore', { name, confirm: true }) });

  const run = async <T,>(action: () => Promise<T>, success: (result: T) => void) => {
    try {
      success(await action());
    } catch (error) {
      notifyError(t, error);
    }
  };
  const confirmRestore = (backup: BackupInfo) =>
    run(
      () => restore.mutateAsync(backup.name),
      () => {
        setRestoring(undefined);
        notifySuccess(t('backups.restored', { date: dateOf(backup) }));
        void dataReplaced();
      },
    );

  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('backups.listTitle')}
        </Title>
        <Group>
          <Button leftSection={<IconDeviceFloppy size={18} aria-hidden />} loading={create.isPending} onClick={() => void run(() => create.mutateAsync(), () => notifySuccess(t('backups.created')))}>
            {t('backups.backUpNow')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconFolderOpen size={18} aria-hidden />}
            onClick={() => void run(() => openFolder.mutateAsync(), ({ opened, folder }) => setFolderShown(opened ? undefined : folder))}
          >
            {t('backups.openFolder')}
          </Button>
        </Group>
        {folderShown && (
          <Alert color="blue" onClose={() => setFolderShown(undefined)} withCloseButton closeButtonLabel={t('common.close')}>
            {t('backups.folderIs')} <Code>{folderShown}</Code>
          </Alert>
        )}
        <QueryState query={list}>
          {({ backups, keep }) => (
            <>
              {backups.length === 0 ? (
                <Text c="dimmed">{t('backups.empty')}</Text>
              ) : (
                <Table striped aria-label={t('backups.listTitle')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('backups.when')}</Table.Th>
                      <Table.Th>{t('backups.kind')}</Table.Th>
                      <Table.Th ta="right">{t('backups.size')}</Table.Th>
                      <Table.Th>
                        <VisuallyHidden>{t('backups.actions')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {backups.map((backup) => (
                      <Table.Tr key={backup.name}>
                        <Table.Td>{dateOf(backup)}</Table.Td>
                        <Table.Td>{t(`backups.labels.${backup.label ?? 'daily'}`, { defaultValue: backup.label })}</Table.Td>
                        <Table.Td ta="right">{formatSize(backup.sizeBytes, i18n.language)}</Table.Td>
                        <Table.Td ta="right">
                          <Button
                            size="xs"
                            variant="light"
                            leftSection={<IconRestore size={16} aria-hidden />}
                            aria-label={t('backups.restoreNamed', { date: dateOf(backup) })}
                            onClick={() => setRestoring(backup)}
                          >
                            {t('backups.restore')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              <KeepSetting key={keep} keep={keep} />
            </>
          )}
        </QueryState>
      </Stack>
      <Modal opened={Boolean(restoring)} onClose={() => setRestoring(undefined)} title={t('backups.restoreTitle')}>
        {restoring && (
          <Stack gap="sm">
            <Text>{t('backups.restoreText', { date: dateOf(restoring) })}</Text>
            <Text>{t('backups.restoreSafety')}</Text>
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={() => setRestoring(undefined)}>
                {t('common.cancel')}
              </Button>
              <Button color="orange" loading={restore.isPending} onClick={() => void confirmRestore(restoring)} data-autofocus>
                {t('backups.restore')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}

/** How many backups are kept (settings.backupsKept). */
function KeepSetting({ keep }: { keep: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateSettings();
  const [value, setValue] = useState<number | string>(keep);
  const save = async () => {
    try {
      const saved = await update.mutateAsync({ backupsKept: Number(value) });
      await refreshQueries(queryClient, ['backups.list']);
      notifySuccess(t('backups.keepSaved', { count: saved.backupsKept }));
    } catch (error) {
      notifyError(t, error);
    }
  };
  return (
    <Group align="end">
      <NumberInput label={t('backups.keep')} description={t('backups.keepDescription')} min={1} max={100} allowDecimal={false} value={value} onChange={setValue} w={320} />
      <Button variant="default" onClick={() => void save()} loading={update.isPending} disabled={value === '' || Number(value) === keep}>
        {t('backups.keepSave')}
      </Button>
    </Group>
  );
}

type ImportInput = { fileName: string; contentBase64: string };
/** An import that would replace data, waiting for confirmation: what is there now. */
type PendingImport = ImportInput & { contacts: number; events: number };

function MoveSection() {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<File>();
  const [pending, setPending] = useState<PendingImport>();
  const [busy, setBusy] = useState<'export' | 'import'>();
  const dataReplaced = useDataReplaced();

  const exportArchive = async () => {
    setBusy('export');
    try {
      const archive = await call('data.exportArchive', {});
      saveBase64File(archive.fileName, archive.contentBase64, 'application/gzip');
      notifySuccess(t('backups.exported', { fileName: archive.fileName, size: formatSize(archive.sizeBytes, i18n.language) }));
    } catch (error) {
      notifyError(t, error);
    } finally {
      setBusy(undefined);
    }
  };

  const imported = (result: OutputOf<'data.importArchive'>) => {
    setPending(undefined);
    setFile(undefined);
    notifySuccess(result.status.state === 'locked' ? t('backups.importedLocked') : t('backups.imported', { contacts: result.contacts, events: result.events }));
    void dataReplaced();
  };

  /** Imports into an empty folder at once; for a folder with data, asks first, naming what would be replaced. */
  const importArchive = async (input: ImportInput, replaceExisting: boolean) => {
    setBusy('import');
    try {
      imported(await call('data.importArchive', { ...input, replaceExisting }));
    } catch (error) {
      if (error instanceof AppError && error.code === 'CONFLICT' && !replaceExisting) {
        const [contacts, events] = await Promise.all([call('contacts.list', { limit: 1 }), call('events.list', {})]);
        setPending({ ...input, contacts: contacts.total, events: events.length });
      } else {
        notifyError(t, error);
      }
    } finally {
      setBusy(undefined);
    }
  };
  const start = async () => {
    if (file) await importArchive({ fileName: file.name, contentBase64: await fileToBase64(file) }, false);
  };

  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('backups.moveTitle')}
        </Title>
        <Text>{t('backups.moveIntro')}</Text>
        <Group>
          <Button leftSection={<IconDatabaseExport size={18} aria-hidden />} onClick={() => void exportArchive()} loading={busy === 'export'}>
            {t('backups.export')}
          </Button>
        </Group>
        <Group align="end">
          <Input.Wrapper label={t('backups.importFile')} id="archive-file">
            <input
              id="archive-file"
              type="file"
              accept=".gz,application/gzip"
              style={{ display: 'block' }}
              onChange={(event) => setFile(event.currentTarget.files?.[0])}
            />
          </Input.Wrapper>
          <Button leftSection={<IconDatabaseImport size={18} aria-hidden />} disabled={!file} loading={busy === 'import'} onClick={() => void start()}>
            {t('backups.import')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={Boolean(pending)} onClose={() => setPending(undefined)} title={t('backups.importTitle')}>
        {pending && (
          <Stack gap="sm">
            <Text>{t('backups.importReplaces', pending)}</Text>
            <Text>{t('backups.importSafety')}</Text>
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={() => setPending(undefined)}>
                {t('common.cancel')}
              </Button>
              <Button color="orange" loading={busy === 'import'} onClick={() => void importArchive({ fileName: pending.fileName, contentBase64: pending.contentBase64 }, true)} data-autofocus>
                {t('backups.importReplace')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
