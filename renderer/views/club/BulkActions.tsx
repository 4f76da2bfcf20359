import { Anchor, Autocomplete, Button, Group, Modal, Paper, Select, Stack, Text } from '@mantine/core';
import { IconCalendarPlus, IconTag, IconX } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAddTags } from '../../api/clubQueries';
import { useAddInvitations, useContactTags, useEvents } from '../../api/queries';
import { notifyError, notifySuccess } from '../../components/notify';
import { formatDateTime } from '../../i18n/format';

/** What to do with the chosen members: invite them to an event or give them a tag. */
export function BulkActions({ ids, onClear }: { ids: string[]; onClear: () => void }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'invite' | 'tag' | null>(null);
  const close = () => setDialog(null);
  return (
    <Paper withBorder px="md" py="xs" radius="md" role="region" aria-label={t('club.bulk.label')}>
      <Group justify="space-between" gap="sm">
        <Text fw={500} aria-live="polite">
          {t('club.bulk.selected', { count: ids.length })}
        </Text>
        <Group gap="sm">
          <Button variant="default" leftSection={<IconCalendarPlus size={18} aria-hidden />} onClick={() => setDialog('invite')}>
            {t('club.bulk.invite')}
          </Button>
          <Button variant="default" leftSection={<IconTag size={18} aria-hidden />} onClick={() => setDialog('tag')}>
            {t('club.bulk.tag')}
          </Button>
          <Button variant="subtle" leftSection={<IconX size={18} aria-hidden />} onClick={onClear}>
            {t('club.bulk.clear')}
          </Button>
        </Group>
      </Group>
      <Modal opened={dialog === 'invite'} onClose={close} title={t('club.bulk.invite')}>
        {dialog === 'invite' && <InviteForm ids={ids} onDone={close} />}
      </Modal>
      <Modal opened={dialog === 'tag'} onClose={close} title={t('club.bulk.tag')}>
        {dialog === 'tag' && <TagForm ids={ids} onDone={close} />}
      </Modal>
    </Paper>
  );
}

/** A form of one choice and one button, with the shared "Abbrechen" and error handling. */
function BulkForm({ submitLabel, ready, run, onDone, children }: { submitLabel: string; ready: boolean; run: () => Promise<string>; onDone: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  const [running, setRunning] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setRunning(true);
    try {
      notifySuccess(await run());
      onDone();
    } catch (error) {
      notifyError(t, error);
    } finally {
      setRunning(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" disabled={!ready} loading={running}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function InviteForm({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  // Fixed when the dialog opens, so the query's key stays the same while it is open.
  const [from] = useState(() => new Date().toISOString());
  const events = useEvents({ status: ['planned', 'invited'], from });
  const [eventId, setEventId] = useState<string | null>(null);
  const add = useAddInvitations();
  const upcoming = events.data ?? [];

  const invite = async () => {
    const { added, alreadyInvited } = await add.mutateAsync({ eventId: eventId!, contactIds: ids });
    return alreadyInvited > 0
      ? t('invitations.addedSome', { count: added.length, already: alreadyInvited })
      : t('invitations.added', { count: added.length });
  };

  return (
    <BulkForm submitLabel={t('invitations.invite')} ready={Boolean(eventId)} run={invite} onDone={onDone}>
      <Text size="sm">{t('club.bulk.inviteWho', { count: ids.length })}</Text>
      {events.isSuccess && upcoming.length === 0 ? (
        <Text c="dimmed">
          {t('club.bulk.noEvents')}{' '}
          <Anchor component={Link} to="/planning/new">
            {t('events.create')}
          </Anchor>
        </Text>
      ) : (
        <Select
          label={t('club.bulk.event')}
          data={upcoming.map((event) => ({ value: event.id, label: `${event.title} (${formatDateTime(event.startsAt, i18n.language)})` }))}
          value={eventId}
          onChange={setEventId}
          searchable
          withAsterisk
          data-autofocus
        />
      )}
    </BulkForm>
  );
}

function TagForm({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const tags = useContactTags();
  const [tag, setTag] = useState('');
  const addTags = useAddTags();

  const addTag = async () => {
    const { changed } = await addTags.mutateAsync({ contactIds: ids, tags: [tag.trim()] });
    return changed > 0 ? t('club.bulk.tagged', { count: changed, tag: tag.trim() }) : t('club.bulk.taggedNone', { tag: tag.trim() });
  };

  return (
    <BulkForm submitLabel={t('club.bulk.addTag')} ready={tag.trim() !== ''} run={addTag} onDone={onDone}>
      <Text size="sm">{t('club.bulk.tagWho', { count: ids.length })}</Text>
      <Autocomplete
        label={t('club.bulk.tagName')}
        data={(tags.data ?? []).map((entry) => entry.tag)}
        value={tag}
        onChange={setTag}
        maxLength={50}
        withAsterisk
        data-autofocus
      />
    </BulkForm>
  );
}
