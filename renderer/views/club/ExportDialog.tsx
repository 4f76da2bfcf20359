import { Alert, Button, Checkbox, Divider, Group, Modal, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  exportFormats,
  exportPurposes,
  printKinds,
  purposeChannel,
  type ExportFormat,
  type ExportPurpose,
  type MemberViewInput,
} from '../../../shared/schemas/club';
import { useCreateExport, useExportPreview } from '../../api/clubQueries';
import { saveBase64File } from '../../components/download';
import { notifyError, notifySuccess } from '../../components/notify';
import { printRoute, type PrintRequest } from './printRequest';

const mimeTypes: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'csv-excel-de': 'text/csv',
  csv: 'text/csv',
  vcard3: 'text/vcard',
  vcard4: 'text/vcard',
};

/**
 * "Exportieren": exactly the current view (filters, columns, order) as a file
 * or a printout. A mailing purpose leaves out members without consent for its
 * channel and says how many; only an explicit tick includes them.
 */
export function ExportDialog({ opened, onClose, view, viewName }: { opened: boolean; onClose: () => void; view: MemberViewInput; viewName: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('club.export.title')} size="lg">
      {opened && <ExportForm view={view} viewName={viewName} onDone={onClose} />}
    </Modal>
  );
}

function ExportForm({ view, viewName, onDone }: { view: MemberViewInput; viewName: string | undefined; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [purpose, setPurpose] = useState<ExportPurpose>('list');
  const [onePerHousehold, setOnePerHousehold] = useState(false);
  const [override, setOverride] = useState(false);
  const [note, setNote] = useState('');
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const create = useCreateExport();

  const channel = purposeChannel[purpose];
  const includeWithoutConsent = channel !== undefined && override;
  const request = { view, viewName, purpose, onePerHousehold, includeWithoutConsent } satisfies PrintRequest;
  // The file's size as chosen, and how many lack consent (which the override does not change).
  const preview = useExportPreview(request);
  const leftOut = preview.data?.withoutConsent ?? 0;
  const withNote = { ...request, note };
  // Each mailing purpose asks for the override afresh.
  const choosePurpose = (value: string) => {
    setPurpose(value as ExportPurpose);
    setOverride(false);
  };

  const exportFile = async () => {
    try {
      const result = await create.mutateAsync({ ...withNote, format });
      saveBase64File(result.fileName, result.contentBase64, mimeTypes[format]);
      notifySuccess(
        result.leftOutForConsent > 0
          ? t('club.export.doneLeftOut', { count: result.count, leftOut: result.leftOutForConsent })
          : t('club.export.done', { count: result.count }),
      );
      onDone();
    } catch (error) {
      notifyError(t, error);
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {viewName ? t('club.export.whatNamed', { name: viewName }) : t('club.export.what')}
      </Text>
      <Radio.Group label={t('club.export.purpose')} value={purpose} onChange={choosePurpose}>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt={6}>
          {exportPurposes.map((value) => (
            <Radio key={value} value={value} label={t(`club.export.purposes.${value}`)} />
          ))}
        </SimpleGrid>
      </Radio.Group>
      {channel && (
        <Stack gap="xs">
          <Text size="sm" aria-live="polite">
            {preview.isSuccess &&
              t(leftOut === 0 ? 'club.export.allConsented' : includeWithoutConsent ? 'club.export.leftOutIncluded' : 'club.export.leftOut', {
                count: leftOut,
                channel: t(`club.channels.${channel}`),
              })}
          </Text>
          {leftOut > 0 && (
            <Checkbox label={t('club.export.override')} checked={override} onChange={(event) => setOverride(event.currentTarget.checked)} />
          )}
          {includeWithoutConsent && (
            <Alert color="orange" icon={<IconAlertTriangle size={18} aria-hidden />}>
              {t('club.export.overrideWarning')}
            </Alert>
          )}
        </Stack>
      )}
      <Checkbox label={t('club.export.onePerHousehold')} checked={onePerHousehold} onChange={(event) => setOnePerHousehold(event.currentTarget.checked)} />
      <TextInput
        label={t('club.export.note')}
        description={t('club.export.noteHint')}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        maxLength={200}
        autoComplete="off"
      />
      <Text fw={500} aria-live="polite">
        {preview.isSuccess && t(onePerHousehold ? 'club.export.countHouseholds' : 'club.export.count', { count: preview.data.count })}
      </Text>

      <Divider label={t('club.export.file')} labelPosition="left" />
      <Group align="end" gap="sm">
        <Select
          label={t('club.export.format')}
          data={exportFormats.map((value) => ({ value, label: t(`club.export.formats.${value}`) }))}
          value={format}
          onChange={(value) => value && setFormat(value as ExportFormat)}
          allowDeselect={false}
          w={280}
        />
        <Button leftSection={<IconDownload size={18} aria-hidden />} onClick={exportFile} loading={create.isPending}>
          {t('club.export.submit')}
        </Button>
      </Group>

      <Divider label={t('club.export.print')} labelPosition="left" />
      <Group gap="sm">
        {printKinds.map((kind) => (
          <Button key={kind} variant="default" leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => navigate(printRoute(kind, withNote))}>
            {t(`club.export.prints.${kind}`)}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
