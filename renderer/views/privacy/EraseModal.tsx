import { Alert, Button, Group, List, Modal, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactRef } from '../../../shared/schemas/contact';
import type { Erasure } from '../../../shared/schemas/privacy';
import { call } from '../../api/client';
import { contactQueries, refreshQueries, type Refresh } from '../../api/queries';
import { notifyError, notifySuccess } from '../../components/notify';

/** Everything that shows a person or counts her: after an erasure it shows the pseudonym instead, or drops her. */
const erasureRefreshes: readonly Refresh[] = [
  ...contactQueries,
  'orders.list',
  'orders.reconciliation',
  'events.report',
  'events.get',
  'events.list',
  'reports.dashboard',
  'tasks.list',
  'checkin.state',
  'checkin.search',
  'privacy.review',
  'privacy.erasures',
];

const sameName = (typed: string, lastName: string) => typed.trim().toLocaleLowerCase('de') === lastName.trim().toLocaleLowerCase('de');

/**
 * Asks before anonymising (Art. 17): says what goes and what stays, and
 * enables the red button only once her last name is typed.
 */
export function EraseModal({ contact, onClose, onErased }: { contact: ContactRef | null; onClose: () => void; onErased?: (erasure: Erasure) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState('');
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const name = contact ? `${contact.firstName} ${contact.lastName}` : '';

  const close = () => {
    setTyped('');
    setReason('');
    onClose();
  };

  const erase = async () => {
    if (!contact) return;
    setPending(true);
    try {
      const trimmed = reason.trim();
      const erasure = await call('privacy.erase', { contactId: contact.id, confirm: true, ...(trimmed && { reason: trimmed }) });
      // Her page would ask for her again: nothing of her is left to show.
      queryClient.removeQueries({ queryKey: ['contacts.get', { id: contact.id }] });
      close();
      onErased?.(erasure);
      notifySuccess(t('privacy.erase.done', { name, pseudonym: erasure.pseudonym }));
      await refreshQueries(queryClient, erasureRefreshes);
    } catch (error) {
      notifyError(t, error);
    } finally {
      setPending(false);
    }
  };

  const list = (key: 'removed' | 'kept') => (t(`privacy.erase.${key}`, { returnObjects: true }) as string[]).map((item) => <List.Item key={item}>{item}</List.Item>);

  return (
    <Modal opened={contact !== null} onClose={close} title={t('privacy.erase.title', { name })} size="lg">
      {contact && (
        <Stack gap="md">
          <div>
            <Title order={3} size="h5" mb={4}>
              {t('privacy.erase.removedTitle')}
            </Title>
            <List size="sm">{list('removed')}</List>
          </div>
          <div>
            <Title order={3} size="h5" mb={4}>
              {t('privacy.erase.keptTitle')}
            </Title>
            <List size="sm">{list('kept')}</List>
          </div>
          <Alert color="yellow" variant="light">
            <Text size="sm">{t('privacy.erase.backups')}</Text>
          </Alert>
          <TextInput
            label={t('privacy.erase.confirm', { lastName: contact.lastName })}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          <Textarea
            label={t('privacy.erase.reason')}
            placeholder={t('privacy.erase.reasonPlaceholder')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={erase} loading={pending} disabled={!sameName(typed, contact.lastName)}>
              {t('privacy.erase.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
