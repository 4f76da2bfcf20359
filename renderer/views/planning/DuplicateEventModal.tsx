import { Checkbox, Modal, Stack, Text } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { operations } from '../../../shared/contract';
import type { Event } from '../../../shared/schemas/event';
import { useDuplicateEvent } from '../../api/queries';
import { FormActions } from '../../components/FormModal';
import { DateTimeFields } from '../../forms/DateTimeFields';
import { dateTimeIssues, isoToTime, parseGermanDate, parseTime, toIsoWithOffset } from '../../forms/dates';
import { formResolver, formSchema, useFieldProps, useSubmit } from '../../forms/fields';

const duplicateFormValues = z.object({ id: z.string(), date: z.string(), start: z.string(), withInvitees: z.boolean() });
type DuplicateFormValues = z.infer<typeof duplicateFormValues>;

const toDuplicateInput = (values: DuplicateFormValues) => ({
  id: values.id,
  startsAt: toIsoWithOffset(parseGermanDate(values.date) ?? values.date, parseTime(values.start) ?? values.start),
  withInvitees: values.withInvitees,
});

const fieldMap = { startsAt: 'date' };
const duplicateResolver = formResolver(formSchema(duplicateFormValues, operations['events.duplicate'].input, toDuplicateInput, dateTimeIssues), fieldMap);

/** "Wie letztes Mal": the same event at a new date, optionally with the same guests; opens the copy. */
export function DuplicateEventModal({ event, opened, onClose }: { event: Event; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('events.duplicate.title')}>
      {opened && <DuplicateForm event={event} onDone={onClose} />}
    </Modal>
  );
}

function DuplicateForm({ event, onDone }: { event: Event; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useForm<DuplicateFormValues, unknown, DuplicateFormValues>({
    resolver: duplicateResolver,
    defaultValues: { id: event.id, date: '', start: isoToTime(event.startsAt), withInvitees: false },
  });
  const field = useFieldProps(form);
  const duplicate = useDuplicateEvent();

  const submit = useSubmit(form, (values) => duplicate.mutateAsync(toDuplicateInput(values)), {
    success: () => t('events.duplicate.done'),
    onDone: (copy) => {
      onDone();
      void navigate(`/planning/${copy.id}`);
    },
    fieldMap,
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('events.duplicate.intro', { title: event.title })}</Text>
        <DateTimeFields field={field} autoFocus />
        <Checkbox label={t('events.duplicate.withInvitees')} {...form.register('withInvitees')} />
        <FormActions submitting={form.formState.isSubmitting} onCancel={onDone} />
      </Stack>
    </form>
  );
}
