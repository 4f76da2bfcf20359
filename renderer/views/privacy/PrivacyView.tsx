import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContactRef } from '../../../shared/schemas/contact';
import type { ReviewEntry } from '../../../shared/schemas/privacy';
import { useOperation, useOperationMutation, useSettings, useUpdateSettings } from '../../api/queries';
import { notifyError, notifySuccess } from '../../components/notify';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatInstant } from '../../i18n/format';
import { EraseModal } from './EraseModal';

const PERIODS = [1, 2, 3, 4, 5, 6, 7, 8, 10, 15];
const nameOf = (contact: { firstName: string; lastName: string }) => `${contact.firstName} ${contact.lastName}`;
/** A moment as the day it fell on, on this computer. */
const dayOf = (iso: string, locale: string) => formatDate(new Date(iso).toLocaleDateString('sv'), locale);

/** #/privacy — "Datenschutz": contacts without activity to erase or keep on purpose, the erasure log, and the way to the export log. */
export function PrivacyView() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('privacy.title')}</Title>
      <Text>{t('privacy.intro')}</Text>
      <Anchor component={Link} to="/club/log">
        {t('privacy.exportLog')}
      </Anchor>
      <Review />
      <ErasureLog />
    </Stack>
  );
}

function Review() {
  const { t } = useTranslation();
  const settings = useSettings();
  const updateSettings = useUpdateSettings();
  const years = settings.data?.reviewAfterYears;
  const review = useOperation('privacy.review', { years }, { enabled: years !== undefined, keepPrevious: true });
  const keep = useOperationMutation('privacy.keep', ['privacy.review']);
  const [erasing, setErasing] = useState<ContactRef | null>(null);

  const setYears = async (value: string | null) => {
    if (!value) return;
    try {
      await updateSettings.mutateAsync({ reviewAfterYears: Number(value) });
    } catch (error) {
      notifyError(t, error);
    }
  };
  const keepOne = async (entry: ReviewEntry) => {
    try {
      await keep.mutateAsync({ contactId: entry.contact.id });
      notifySuccess(t('privacy.review.kept', { name: nameOf(entry.contact) }));
    } catch (error) {
      notifyError(t, error);
    }
  };

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('privacy.review.title')}>
      <Group justify="space-between" align="end" mb="xs">
        <Title order={2} size="h3">
          {t('privacy.review.title')}
        </Title>
        <Select
          label={t('privacy.review.years')}
          data={PERIODS.map((count) => ({ value: String(count), label: t('privacy.review.yearsOption', { count }) }))}
          value={years === undefined ? null : String(years)}
          onChange={setYears}
          allowDeselect={false}
          w={200}
        />
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('privacy.review.description')}
      </Text>
      <QueryState query={review}>
        {(entries) => (entries.length === 0 ? <Text c="dimmed">{t('privacy.review.empty', { count: years })}</Text> : <ReviewTable entries={entries} onKeep={keepOne} onErase={setErasing} />)}
      </QueryState>
      <EraseModal contact={erasing} onClose={() => setErasing(null)} />
    </Paper>
  );
}

function ReviewTable({ entries, onKeep, onErase }: { entries: ReviewEntry[]; onKeep: (entry: ReviewEntry) => void; onErase: (contact: ContactRef) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Text fw={500} mb="xs">
        {t('privacy.review.count', { count: entries.length })}
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table striped aria-label={t('privacy.review.title')}>
          <Table.Thead>
            <Table.Tr>
              {(['name', 'city', 'createdAt', 'lastActivity', 'keptAt', 'actions'] as const).map((column) => (
                <Table.Th key={column}>{t(`privacy.review.columns.${column}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => {
              const name = nameOf(entry.contact);
              return (
                <Table.Tr key={entry.contact.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/contacts/${entry.contact.id}`}>
                      {name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{entry.contact.city}</Table.Td>
                  <Table.Td>{dayOf(entry.createdAt, i18n.language)}</Table.Td>
                  <Table.Td>{dayOf(entry.lastActivityAt, i18n.language)}</Table.Td>
                  <Table.Td>{entry.keptAt && dayOf(entry.keptAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="light" leftSection={<IconUserCheck size={16} aria-hidden />} aria-label={t('privacy.review.keepLabel', { name })} onClick={() => onKeep(entry)}>
                        {t('privacy.review.keep')}
                      </Button>
                      <Button
                        size="xs"
                        variant="outline"
                        color="red"
                        leftSection={<IconUserOff size={16} aria-hidden />}
                        aria-label={t('privacy.review.eraseLabel', { name })}
                        onClick={() => onErase(entry.contact)}
                      >
                        {t('privacy.review.erase')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

function ErasureLog() {
  const { t, i18n } = useTranslation();
  const erasures = useOperation('privacy.erasures', {});
  return (
    <Paper withBorder p="lg" component="section" aria-label={t('privacy.erasures.title')}>
      <Title order={2} size="h3" mb="xs">
        {t('privacy.erasures.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('privacy.erasures.description')}
      </Text>
      <QueryState query={erasures}>
        {(entries) =>
          entries.length === 0 ? (
            <Text c="dimmed">{t('privacy.erasures.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={680}>
              <Table striped aria-label={t('privacy.erasures.title')}>
                <Table.Thead>
                  <Table.Tr>
                    {(['pseudonym', 'at', 'by', 'reason', 'kept'] as const).map((column) => (
                      <Table.Th key={column}>{t(`privacy.erasures.columns.${column}`)}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.map((erasure) => (
                    <Table.Tr key={erasure.id}>
                      <Table.Td>{erasure.pseudonym}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(erasure.at, i18n.language)}</Table.Td>
                      <Table.Td>{erasure.by}</Table.Td>
                      <Table.Td>{erasure.reason}</Table.Td>
                      <Table.Td>{[t('privacy.erasures.orders', { count: erasure.keptOrders }), t('privacy.erasures.invitations', { count: erasure.keptInvitations })].join(', ')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Paper>
  );
}
