import { Badge, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportPurposes } from '../../../shared/schemas/club';
import { normalize } from '../../../shared/search/normalize';
import { useExportLog } from '../../api/clubQueries';
import { BackLink } from '../../components/BackLink';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../i18n/format';

/**
 * "Exportprotokoll": every member export and print, newest first — when, who,
 * which view, format, purpose, how many people, how many left out for
 * missing consent, and whether someone exported without consent on purpose.
 */
export function ExportLogView() {
  const { t, i18n } = useTranslation();
  const log = useExportLog();
  const [purpose, setPurpose] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const terms = normalize(query).split(' ').filter(Boolean);
  const formatLabel = (format: string) => (format.startsWith('print-') ? t(`club.export.prints.${format.slice(6)}`) : t(`club.export.formats.${format}`));

  return (
    <Stack gap="lg">
      <BackLink to="/club">{t('club.log.back')}</BackLink>
      <Title order={1}>{t('club.log.title')}</Title>
      <Group align="end" gap="sm">
        <TextInput
          type="search"
          label={t('club.log.search')}
          placeholder={t('club.log.searchPlaceholder')}
          leftSection={<IconSearch size={18} aria-hidden />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          w={300}
          autoComplete="off"
        />
        <Select
          label={t('club.export.purpose')}
          placeholder={t('club.log.anyPurpose')}
          data={exportPurposes.map((value) => ({ value, label: t(`club.export.purposes.${value}`) }))}
          value={purpose}
          onChange={setPurpose}
          clearable
          w={260}
        />
      </Group>
      <QueryState query={log}>
        {(entries) => {
          const shown = entries.filter((entry) => {
            const text = normalize([entry.by, entry.viewName, entry.note, entry.fileName, formatLabel(entry.format)].filter(Boolean).join(' '));
            return (!purpose || entry.purpose === purpose) && terms.every((term) => text.includes(term));
          });
          if (entries.length === 0) return <Text c="dimmed">{t('club.log.empty')}</Text>;
          if (shown.length === 0) return <Text c="dimmed">{t('club.log.noMatches')}</Text>;
          return (
            <Table striped aria-label={t('club.log.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('club.log.at')}</Table.Th>
                  <Table.Th>{t('club.log.by')}</Table.Th>
                  <Table.Th>{t('club.export.format')}</Table.Th>
                  <Table.Th>{t('club.export.purpose')}</Table.Th>
                  <Table.Th>{t('club.log.view')}</Table.Th>
                  <Table.Th ta="right">{t('club.log.count')}</Table.Th>
                  <Table.Th ta="right">{t('club.log.leftOut')}</Table.Th>
                  <Table.Th>{t('club.export.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td>{formatDateTime(entry.at, i18n.language)}</Table.Td>
                    <Table.Td>{entry.by ?? '–'}</Table.Td>
                    <Table.Td>{formatLabel(entry.format)}</Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        {t(`club.export.purposes.${entry.purpose}`)}
                        {entry.includeWithoutConsent && (
                          <Badge color="orange" variant="light">
                            {t('club.log.withoutConsent')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{entry.viewName ?? '–'}</Table.Td>
                    <Table.Td ta="right">{entry.count}</Table.Td>
                    <Table.Td ta="right">{entry.leftOutForConsent}</Table.Td>
                    <Table.Td>{entry.note ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          );
        }}
      </QueryState>
    </Stack>
  );
}
