import { Button, Group, Modal, SimpleGrid, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contactFields } from '../../../shared/schemas/contact';
import type { Event } from '../../../shared/schemas/event';
import { call } from '../../api/client';
import { useAddInvitations, useContacts, useCreateContact, useInvitations } from '../../api/queries';
import { ContactPicker } from '../../components/ContactPicker';
import { FormActions } from '../../components/FormModal';
import { notifyError, notifySuccess } from '../../components/notify';
import { formResolver, formSchema, useFieldProps, useSubmit } from '../../forms/fields';
import { ContactFilterFields } from '../contacts/ContactFilterFields';
import { emptyFilter, toContactFilter, type FilterState } from '../contacts/contactFilter';

/** "Gäste hinzufügen": everybody a filter matches in one step, one person by search, or a new person. */
export function AddGuestsModal({ event, opened, onClose }: { event: Event; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('invitations.add')} size="xl">
      {opened && (
        <Tabs defaultValue="filter" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="filter">{t('invitations.byFilter')}</Tabs.Tab>
            <Tabs.Tab value="search">{t('invitations.bySearch')}</Tabs.Tab>
            <Tabs.Tab value="new">{t('invitations.newPerson')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="filter">
            <ByFilter event={event} onDone={onClose} />
          </Tabs.Panel>
          <Tabs.Panel value="search">
            <BySearch event={event} />
          </Tabs.Panel>
          <Tabs.Panel value="new">
            <NewPerson event={event} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Modal>
  );
}

function useInvite(eventId: string) {
  const { t } = useTranslation();
  const add = useAddInvitations();
  const invite = async (contactIds: string[]) => {
    const { added, alreadyInvited } = await add.mutateAsync({ eventId, contactIds });
    notifySuccess(
      alreadyInvited > 0
        ? t('invitations.addedSome', { count: added.length, already: alreadyInvited })
        : t('invitations.added', { count: added.length }),
    );
  };
  return { invite, pending: add.isPending };
}

function ByFilter({ event, onDone }: { event: Event; onDone: () => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<FilterState>(emptyFilter);
  const [debounced] = useDebouncedValue(state, 150);
  const filter = useMemo(() => toContactFilter(debounced), [debounced]);
  // One row is enough: only the total is shown.
  const matches = useContacts({ ...filter, limit: 1 });
  const total = matches.data?.total ?? 0;
  const { invite, pending } = useInvite(event.id);
  const [collecting, setCollecting] = useState(false);

  const inviteAll = async () => {
    setCollecting(true);
    try {
      const { ids } = await call('contacts.ids', filter);
      if (ids.length > 0) await invite(ids);
      onDone();
    } catch (error) {
      notifyError(t, error);
    } finally {
      setCollecting(false);
    }
  };

  return (
    <Stack gap="md">
      <ContactFilterFields value={state} onChange={setState} withInvitedTo excludeEventId={event.id} />
      <Group justify="space-between">
        <Text aria-live="polite">{matches.isSuccess && t('invitations.matching', { count: total })}</Text>
        <Button onClick={inviteAll} disabled={total === 0 || matches.isPlaceholderData} loading={collecting || pending}>
          {t('invitations.inviteAll', { count: total })}
        </Button>
      </Group>
    </Stack>
  );
}

function BySearch({ event }: { event: Event }) {
  const { t } = useTranslation();
  const invitations = useInvitations(event.id);
  const [picked, setPicked] = useState<string | null>(null);
  const { invite, pending } = useInvite(event.id);
  const invitedIds = (invitations.data ?? []).map((invitation) => invitation.contact.id);

  const submit = async () => {
    if (!picked) return;
    try {
      await invite([picked]);
      setPicked(null);
    } catch (error) {
      notifyError(t, error);
    }
  };

  return (
    <Group align="end">
      <ContactPicker
        label={t('invitations.person')}
        placeholder={t('picker.placeholder')}
        value={picked}
        onChange={(contact) => setPicked(contact?.id ?? null)}
        excludeIds={invitedIds}
        w={360}
        data-autofocus
      />
      <Button onClick={submit} disabled={!picked} loading={pending}>
        {t('invitations.invite')}
      </Button>
    </Group>
  );
}

const newPersonValues = z.object({ firstName: z.string(), lastName: z.string(), email: z.string(), phone: z.string() });
type NewPersonValues = z.infer<typeof newPersonValues>;
const emptyPerson: NewPersonValues = { firstName: '', lastName: '', email: '', phone: '' };
const newPersonResolver = formResolver(formSchema(newPersonValues, contactFields, (values) => values));

/** Somebody not yet in the contacts: created and invited in one go. */
function NewPerson({ event }: { event: Event }) {
  const { t } = useTranslation();
  const form = useForm<NewPersonValues, unknown, NewPersonValues>({ resolver: newPersonResolver, defaultValues: emptyPerson });
  const field = useFieldProps(form);
  const create = useCreateContact();
  const { invite } = useInvite(event.id);

  const submit = useSubmit(
    form,
    async (values) => {
      const contact = await create.mutateAsync(values);
      await invite([contact.id]);
    },
    { onDone: () => form.reset(emptyPerson) },
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('contacts.fields.firstName')} withAsterisk autoComplete="off" {...field('firstName')} />
          <TextInput label={t('contacts.fields.lastName')} withAsterisk autoComplete="off" {...field('lastName')} />
          <TextInput label={t('contacts.fields.email')} type="email" autoComplete="off" {...field('email')} />
          <TextInput label={t('contacts.fields.phone')} type="tel" autoComplete="off" {...field('phone')} />
        </SimpleGrid>
        <FormActions submitting={form.formState.isSubmitting} submitLabel={t('invitations.createAndInvite')} />
      </Stack>
    </form>
  );
}
