import { Alert, Button, Checkbox, Group, List, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileImport } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { duplicateActions, importFields, type ImportInput, type ImportResult } from '../../../shared/schemas/import';
import { useImportContacts } from '../../api/queries';
import { BackLink } from '../../components/BackLink';
import { notifyError } from '../../components/notify';
import { StatusBadge } from '../../components/StatusBadge';
import { translateMessage } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { fileToBase64 } from './importFile';

type Mapping = NonNullable<ImportInput['mapping']>;
type Duplicates = NonNullable<ImportInput['duplicates']>;
type Preview = NonNullable<ImportResult['preview']>;

const mappingChoices = [...importFields, 'ignore'] as const;
/** "consent:email" -> "consentEmail": i18next reads a colon as a namespace separator. */
const fieldLabelKey = (field: string) => `import.fields.${field.replace(/:(\w)/, (_, first: string) => first.toUpperCase())}`;
/** The preview's columns in a familiar order; anything else the server stores follows. */
const previewOrder = ['firstName', 'lastName', 'email', 'phone', 'mobile', 'street', 'postalCode', 'city', 'country', 'birthday', 'tags', 'referredBy', 'notes'];

/**
 * #/contacts/import — pick a file, check what was recognised, fix the column
 * mapping, decide about duplicates, then import. Every step before the last is
 * a dry run: nothing is stored until "N Kontakte importieren".
 */
export function ImportView() {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [mapping, setMapping] = useState<Mapping | undefined>(undefined);
  const [duplicates, setDuplicates] = useState<Duplicates>({});
  const [joinClub, setJoinClub] = useState(false);
  const dryRun = useImportContacts();
  const run = useImportContacts();
  const [dragging, setDragging] = useState(false);

  const check = (next: { file: { name: string; base64: string }; mapping: Mapping | undefined; duplicates: Duplicates; joinClub: boolean }) => {
    setFile(next.file);
    setMapping(next.mapping);
    setDuplicates(next.duplicates);
    setJoinClub(next.joinClub);
    dryRun.mutate(
      {
        fileName: next.file.name,
        contentBase64: next.file.base64,
        dryRun: true,
        ...(next.mapping ? { mapping: next.mapping } : {}),
        duplicates: next.duplicates,
        joinClub: next.joinClub,
      },
      { onError: (error) => notifyError(t, error) },
    );
  };

  const pick = async (picked: File | undefined) => {
    if (!picked) return;
    run.reset();
    check({ file: { name: picked.name, base64: await fileToBase64(picked) }, mapping: undefined, duplicates: {}, joinClub });
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void pick(event.dataTransfer.files[0]);
  };

  const startImport = async () => {
    if (!file) return;
    try {
      await run.mutateAsync({ fileName: file.name, contentBase64: file.base64, ...(mapping ? { mapping } : {}), duplicates, joinClub });
    } catch (error) {
      notifyError(t, error);
    }
  };

  const preview = dryRun.data?.preview;
  const done = run.data;

  return (
    <Stack gap="lg">
      <BackLink to="/contacts">{t('contacts.backToList')}</BackLink>
      <Title order={1}>{t('import.title')}</Title>

      {done && done.errors.length === 0 ? (
        <ImportSummary result={done} onAgain={() => { run.reset(); dryRun.reset(); setFile(null); }} />
      ) : (
        <>
          <Paper
            withBorder
            p="xl"
            style={{ borderStyle: 'dashed', background: dragging ? 'var(--mantine-color-teal-0)' : undefined }}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <Stack align="center" gap="xs">
              <IconFileImport size={36} aria-hidden />
              <Text component="label" htmlFor="import-file" fw={600}>
                {t('import.pickFile')}
              </Text>
              <input
                id="import-file"
                type="file"
                accept=".csv,.txt,.vcf,.vcard"
                onChange={(event) => void pick(event.currentTarget.files?.[0])}
              />
              <Text size="sm" c="dimmed" ta="center">
                {t('import.fileHint')}
              </Text>
            </Stack>
          </Paper>

          {dryRun.isPending && <Loader aria-label={t('import.checking')} />}
          {file && dryRun.data && (
            <>
              {preview && (
                <PreviewSteps
                  fileName={file.name}
                  preview={preview}
                  duplicates={duplicates}
                  onMapping={(header, field) =>
                    check({
                      file,
                      mapping: { ...Object.fromEntries(preview.columns.map((column) => [column.header, column.field])), [header]: field },
                      duplicates,
                      joinClub,
                    })
                  }
                  onDuplicate={(line, action) => check({ file, mapping, duplicates: { ...duplicates, [String(line)]: action }, joinClub })}
                />
              )}
              {dryRun.data.errors.length > 0 && <ErrorList errors={dryRun.data.errors} />}
              <Checkbox
                label={t('membership.import.join')}
                description={joinClub && dryRun.data.joined !== undefined ? t('membership.import.willJoin', { count: dryRun.data.joined }) : undefined}
                checked={joinClub}
                onChange={(event) => check({ file, mapping, duplicates, joinClub: event.currentTarget.checked })}
              />
              <Group justify="flex-end">
                {dryRun.data.errors.length > 0 && <Text c="red.8">{t('import.blocked')}</Text>}
                <Button
                  onClick={startImport}
                  disabled={dryRun.data.errors.length > 0 || dryRun.data.created + dryRun.data.updated === 0}
                  loading={run.isPending}
                >
                  {t('import.run', { count: dryRun.data.created + dryRun.data.updated })}
                </Button>
              </Group>
            </>
          )}
          {done && done.errors.length > 0 && <ErrorList errors={done.errors} />}
        </>
      )}
    </Stack>
  );
}

/** What was recognised, the column mapping and the rows as they will be stored. */
function PreviewSteps({
  fileName,
  preview,
  duplicates,
  onMapping,
  onDuplicate,
}: {
  fileName: string;
  preview: Preview;
  duplicates: Duplicates;
  onMapping: (header: string, field: (typeof mappingChoices)[number]) => void;
  onDuplicate: (line: number, action: (typeof duplicateActions)[number]) => void;
}) {
  const { t, i18n } = useTranslation();
  const keys = [...new Set(preview.rows.flatMap((row) => Object.keys(row.values)))].sort(
    (a, b) => (previewOrder.indexOf(a) + 1 || 99) - (previewOrder.indexOf(b) + 1 || 99),
  );
  const show = (key: string, value: string | undefined) =>
    key === 'birthday' && value && /^(\d{4}|-)-?-?\d{2}-\d{2}$/.test(value) ? formatDate(value, i18n.language) : value;

  return (
    <>
      <Paper withBorder p="lg" component="section" aria-label={t('import.detected')}>
        <Title order={2} size="h4" mb="xs">
          {t('import.detected')}
        </Title>
        <Text>
          {[
            t('import.fileName', { name: fileName }),
            t('import.format', { format: preview.format === 'vcard' ? 'vCard' : 'CSV' }),
            t('import.encoding', { encoding: preview.encoding }),
            preview.delimiter !== undefined && t('import.delimiter', { delimiter: t(`import.delimiters.${delimiterName(preview.delimiter)}`, { defaultValue: preview.delimiter }) }),
            // A vCard names its fields itself; only a CSV has a header preset (or none, then the mapping needs a look).
            preview.format === 'csv' &&
              t('import.preset', { preset: preview.preset ? t(`import.presets.${preview.preset}`, { defaultValue: preview.preset }) : t('import.presets.none') }),
            t('import.rowCount', { count: preview.total }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Paper>

      {preview.columns.length > 0 && (
        <section aria-label={t('import.mapping')}>
          <Title order={2} size="h4" mb={4}>
            {t('import.mapping')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('import.mappingHint')}
          </Text>
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('import.columnInFile')}</Table.Th>
                  <Table.Th>{t('import.becomes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.columns.map((column, index) => (
                  <Table.Tr key={`${index}-${column.header}`}>
                    <Table.Td>
                      <Group gap="xs">
                        {column.header}
                        {!column.recognised && <StatusBadge color="yellow">{t('import.checkColumn')}</StatusBadge>}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Select
                        size="sm"
                        aria-label={t('import.mapColumn', { header: column.header })}
                        data={mappingChoices.map((field) => ({ value: field, label: t(fieldLabelKey(field)) }))}
                        value={column.field}
                        onChange={(field) => field && onMapping(column.header, field as (typeof mappingChoices)[number])}
                        allowDeselect={false}
                        w={260}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      )}

      {preview.rows.length > 0 && (
        <section aria-label={t('import.preview')}>
          <Title order={2} size="h4" mb={4}>
            {t('import.preview')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('import.previewHint', { shown: preview.rows.length, total: preview.total })}
          </Text>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('import.line')}</Table.Th>
                  {keys.map((key) => (
                    <Table.Th key={key}>{t(fieldLabelKey(key), { defaultValue: key })}</Table.Th>
                  ))}
                  <Table.Th>{t('import.notes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.rows.map((row) => (
                  <Table.Tr key={row.line}>
                    <Table.Td>{row.line}</Table.Td>
                    {keys.map((key) => (
                      <Table.Td key={key} style={{ whiteSpace: 'pre-wrap' }}>
                        {show(key, row.values[key])}
                      </Table.Td>
                    ))}
                    <Table.Td>
                      {row.warnings.map((warning) => (
                        <Text key={warning} size="xs" c="orange.9">
                          {warning}
                        </Text>
                      ))}
                      {row.duplicateOf && (
                        <Stack gap={4}>
                          <StatusBadge color="orange">
                            {row.duplicateOf.line
                              ? t('import.duplicateOfLine', { reason: t(`duplicates.reason.${row.duplicateOf.reason}`), line: row.duplicateOf.line })
                              : t('import.duplicateOfContact', { reason: t(`duplicates.reason.${row.duplicateOf.reason}`) })}
                          </StatusBadge>
                          <Select
                            size="xs"
                            aria-label={t('import.duplicateAction', { line: row.line })}
                            data={duplicateActions.map((action) => ({ value: action, label: t(`import.actions.${action}`) }))}
                            value={duplicates[String(row.line)] ?? row.action}
                            onChange={(action) => action && onDuplicate(row.line, action as (typeof duplicateActions)[number])}
                            allowDeselect={false}
                            w={170}
                          />
                        </Stack>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      )}
    </>
  );
}

const delimiterName = (delimiter: string) => ({ ',': 'comma', ';': 'semicolon', '\t': 'tab' })[delimiter] ?? 'other';

/** Every bad line with its reason; the contact and the catalog import show them alike. */
export function ErrorList({ errors }: { errors: ImportResult['errors'] }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('import.errorsTitle', { count: new Set(errors.map((error) => error.line)).size })}>
      <List size="sm" spacing={2}>
        {errors.map((error, index) => (
          <List.Item key={`${error.line}-${index}`}>
            {t('import.errorLine', { line: error.line, reason: translateMessage(t, error.reason) })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function ImportSummary({ result, onAgain }: { result: ImportResult; onAgain: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Alert color="teal" icon={<IconCircleCheck aria-hidden />} title={t('import.doneTitle')}>
      <Stack gap="sm">
        <Text>{t('import.doneText', { created: result.created, updated: result.updated, skipped: result.skipped })}</Text>
        {result.joined !== undefined && <Text>{t('membership.import.joined', { count: result.joined })}</Text>}
        <Group>
          <Button onClick={() => navigate('/contacts')}>{t('import.toContacts')}</Button>
          <Button variant="default" onClick={onAgain}>
            {t('import.another')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
