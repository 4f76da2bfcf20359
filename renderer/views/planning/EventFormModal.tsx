import { Stack, Textarea, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { eventKinds, type Event } from '../../../shared/schemas/event';
import { useCreateEvent, useEvent, useUpdateEvent } from '../../api/queries';
import { ContactPicker } from '../../components/ContactPicker';
import { FormActions, FormModal } from '../../components/FormModal';
import { DateTimeFields } from '../../forms/DateTimeFields';
import { FormSelect, useFieldProps, useSubmit } from '../../forms/fields';
import { emptyEventForm, eventFieldMap, eventFormResolver, eventToForm, formToEventInput, placeFromAddress, type EventFormValues } from './eventForm';

/** Create (/planning/new, over the agenda) or edit (/planning/:id/edit, over the event page) an event. */
export function EventFormModal() {
  const { t } = useTranslation();
  const { id } = useParams();
  const record = useEvent(id);
  return (
    <FormModal title={t(id ? 'events.edit' : 'events.create')} backTo={id ? `/planning/${id}` : '/planning'} editing={Boolean(id)} record={record}>
      {(event, close) => <EventForm event={event} onDone={close} />}
    </FormModal>
  );
}

function EventForm({ event, onDone }: { event: Event | undefined; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm<EventFormValues, unknown, EventFormValues>({
    resolver: eventFormResolver,
    defaultValues: event ? eventToForm(event) : emptyEventForm,
  });
  const field = useFieldProps(form);
  const create = useCreateEvent();
  const update = useUpdateEvent();

  const submit = useSubmit(
    form,
    async (values) => {
      const input = formToEventInput(values);
      // An emptied end, host or capacity is sent as null, which clears it.
      if (event) await update.mutateAsync({ endsAt: null, hostId: null, capacity: null, ...input, id: event.id });
      else await create.mutateAsync(input);
    },
    {
      // The message names no title: the row itself shows it, and one text should not appear twice on screen.
      success: () => t(event ? 'events.updated' : 'events.created'),
      onDone,
      fieldMap: eventFieldMap,
    },
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t('events.fields.title')} withAsterisk data-autofocus {...field('title')} />
        <FormSelect
          form={form}
          name="kind"
          label={t('events.fields.kind')}
          withAsterisk
          data={eventKinds.map((kind) => ({ value: kind, label: t(`events.kind.${kind}`) }))}
        />
        <DateTimeFields field={field} end cols={{ base: 1, xs: 3 }} />
        <Controller
          control={form.control}
          name="hostId"
          render={({ field: host }) => (
            <ContactPicker
              label={t('events.fields.host')}
              placeholder={t('picker.placeholder')}
              value={host.value || null}
              onChange={(contact) => {
                host.onChange(contact?.id ?? '');
                // The party is usually at the host's home: her address fills an empty "Ort".
                const place = contact ? placeFromAddress(contact) : '';
                if (place && form.getValues('place').trim() === '') form.setValue('place', place);
              }}
            />
          )}
        />
        <TextInput label={t('events.fields.place')} {...field('place')} />
        <TextInput
          label={t('events.fields.capacity')}
          placeholder={t('events.placeholders.capacity')}
          inputMode="numeric"
          autoComplete="off"
          {...field('capacity')}
        />
        <Textarea label={t('events.fields.notes')} autosize minRows={2} maxRows={8} {...field('notes')} />
        <FormActions submitting={form.formState.isSubmitting} onCancel={onDone} />
      </Stack>
    </form>
  );
}
