import { Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { useImportCatalog, useSettings } from '../../api/queries';
import { notifyError, notifySuccess } from '../../components/notify';
import { formatMoney } from '../../i18n/format';
import { ErrorList } from '../contacts/ImportView';
import { fileToBase64 } from '../contacts/importFile';

/** CSV of products ("Artikelnummer;Bezeichnung;Kategorie;Preis"): a dry run shows every row and every bad line, then all or nothing. */
export function CatalogImport({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const currency = useSettings().data?.currency ?? 'EUR';
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const dryRun = useImportCatalog();
  const run = useImportCatalog();

  const pick = async (picked: File | undefined) => {
    if (!picked) return;
    const next = { name: picked.name, base64: await fileToBase64(picked) };
    setFile(next);
    dryRun.mutate({ fileName: next.name, contentBase64: next.base64, dryRun: true }, { onError: (error) => notifyError(t, error) });
  };

  const startImport = async () => {
    if (!file) return;
    try {
      const result = await run.mutateAsync({ fileName: file.name, contentBase64: file.base64 });
      if (result.errors.length > 0) return;
      notifySuccess(t('catalog.importDone', { created: result.created, updated: result.updated }));
      onDone();
    } catch (error) {
      notifyError(t, error);
    }
  };

  const result = run.data ?? dryRun.data;
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('catalog.importTitle')}
      </Title>
      <Paper withBorder p="lg" style={{ borderStyle: 'dashed' }}>
        <Stack gap="xs">
          <Text component="label" htmlFor="catalog-import-file" fw={600}>
            {t('catalog.pickFile')}
          </Text>
          <input id="catalog-import-file" type="file" accept=".csv,.txt" onChange={(event) => void pick(event.currentTarget.files?.[0])} />
          <Text size="sm" c="dimmed">
            {t('catalog.fileHint')}
          </Text>
        </Stack>
      </Paper>
      {dryRun.isPending && <Loader aria-label={t('import.checking')} />}
      {result && <ImportPreview result={result} format={(cents) => formatMoney(cents, currency, i18n.language)} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        {dryRun.data && (
          <Button onClick={startImport} loading={run.isPending} disabled={dryRun.data.errors.length > 0 || dryRun.data.created + dryRun.data.updated === 0}>
            {t('catalog.importRun', { count: dryRun.data.created + dryRun.data.updated })}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function ImportPreview({ result, format }: { result: OutputOf<'catalog.import'>; format: (cents: number) => string }) {
  const { t } = useTranslation();
  return (
    <>
      {result.errors.length > 0 && (
        <>
          <ErrorList errors={result.errors} />
          <Text c="red.8">{t('import.blocked')}</Text>
        </>
      )}
      {result.preview && result.preview.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing={4} aria-label={t('import.preview')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.line')}</Table.Th>
                <Table.Th>{t('catalog.fields.sku')}</Table.Th>
                <Table.Th>{t('catalog.fields.name')}</Table.Th>
                <Table.Th>{t('catalog.fields.category')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('catalog.fields.price')}</Table.Th>
                <Table.Th>{t('catalog.importAction')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.preview.map((row) => (
                <Table.Tr key={row.line}>
                  <Table.Td>{row.line}</Table.Td>
                  <Table.Td>{row.sku}</Table.Td>
                  <Table.Td>{row.name}</Table.Td>
                  <Table.Td>{row.category}</Table.Td>
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{format(row.priceCents)}</Table.Td>
                  <Table.Td>{t(`catalog.importActions.${row.action}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
