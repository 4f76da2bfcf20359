import { Alert, Button, Group, Modal, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import type { Contact } from '../../../shared/schemas/contact';
import { useDuplicates, useMergeContacts } from '../../api/queries';
import { BackLink } from '../../components/BackLink';
import { notifyError, notifySuccess } from '../../components/notify';
import { QueryState } from '../../components/QueryState';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../i18n/format';

type DuplicateGroup = OutputOf<'contacts.duplicates'>[number];
const nameOf = (contact: Contact) => `${contact.firstName} ${contact.lastName}`;

/** #/contacts/duplicates — likely duplicates, one group at a time merged into the contact chosen to keep. */
export function DuplicatesView() {
  const { t } = useTranslation();
  const groups = useDuplicates();

  return (
    <Stack gap="lg">
      <BackLink to="/contacts">{t('contacts.backToList')}</BackLink>
      <Title order={1}>{t('duplicates.title')}</Title>
      <Text c="dimmed">{t('duplicates.intro')}</Text>
      <QueryState query={groups}>
        {(data) =>
          data.length === 0 ? (
            <Alert color="teal" icon={<IconCircleCheck aria-hidden />}>
              {t('duplicates.none')}
            </Alert>
          ) : (
            data.map((group) => <GroupCard key={group.contacts.map((contact) => contact.id).join('+')} group={group} />)
          )
        }
      </QueryState>
    </Stack>
  );
}

function GroupCard({ group }: { group: DuplicateGroup }) {
  const { t, i18n } = useTranslation();
  // The oldest record is the likeliest to carry history; it is kept unless chosen otherwise.
  const oldest = [...group.contacts].sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]!;
  const [keepId, setKeepId] = useState(oldest.id);
  const [confirming, setConfirming] = useState(false);
  const merge = useMergeContacts();
  const keep = group.contacts.find((contact) => contact.id === keepId) ?? oldest;
  const groupName = group.contacts.map(nameOf).join(', ');

  const confirm = async () => {
    try {
      await merge.mutateAsync({ keepId: keep.id, mergeIds: group.contacts.filter((contact) => contact.id !== keep.id).map((contact) => contact.id) });
      notifySuccess(t('duplicates.merged', { name: nameOf(keep) }));
    } catch (error) {
      notifyError(t, error);
    }
    setConfirming(false);
  };

  return (
    <Paper withBorder p="lg" component="section" aria-label={groupName}>
      <Stack gap="sm">
        <Group justify="space-between">
          <StatusBadge color="orange">{t(`duplicates.reason.${group.reason}`)}</StatusBadge>
        </Group>
        <Radio.Group label={t('duplicates.keep')} value={keepId} onChange={setKeepId}>
          <Stack gap="xs" mt="xs">
            {group.contacts.map((contact) => (
              <Radio
                key={contact.id}
                value={contact.id}
                label={nameOf(contact)}
                description={[
                  contact.email,
                  contact.phone ?? contact.mobile,
                  [contact.postalCode, contact.city].filter(Boolean).join(' '),
                  t('duplicates.since', { date: formatDate(contact.createdAt.slice(0, 10), i18n.language) }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Group justify="flex-end">
          <Button onClick={() => setConfirming(true)}>{t('duplicates.merge')}</Button>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('duplicates.confirmTitle')}>
        <Stack>
          <Text>{t('duplicates.confirmText', { count: group.contacts.length, name: nameOf(keep) })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={confirm} loading={merge.isPending} data-autofocus>
              {t('duplicates.mergeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
