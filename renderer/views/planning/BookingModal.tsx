import { ActionIcon, Alert, Anchor, Button, Group, Modal, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconHomeHeart } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { operations } from '../../../shared/contract';
import type { ContactRef } from '../../../shared/schemas/contact';
import type { Event } from '../../../shared/schemas/event';
import { useBookEvent } from '../../api/orderQueries';
import { FormActions } from '../../components/FormModal';
import { DateTimeFields } from '../../forms/DateTimeFields';
import { dateTimeIssues, parseGermanDate, parseTime, toIsoWithOffset } from '../../forms/dates';
import { formResolver, formSchema, useFieldProps, useSubmit } from '../../forms/fields';
import { formatDateTime } from '../../i18n/format';

const bookingValues = z.object({ date: z.string(), start: z.string(), title: z.string() });
type BookingValues = z.infer<typeof bookingValues>;

/** The date is typed into "Datum" as in the event form. */
const bookingFieldMap = { startsAt: 'date' };

/** The row action "Möchte Gastgeberin werden", on order rows and on the invitee list. */
export function BookingAction({ name, onClick }: { name: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('booking.action')}>
      <ActionIcon variant="subtle" color="grape" aria-label={t('booking.actionFor', { name })} onClick={onClick}>
        <IconHomeHeart size={18} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}

/**
 * "Möchte Gastgeberin werden": a new planned party with her as host, booked at
 * this event (events.book); afterwards a link to the new event.
 */
export function BookingModal({ event, guest, onClose }: { event: Event; guest: ContactRef | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={guest !== null} onClose={onClose} title={t('booking.title')}>
      {guest && <BookingForm key={guest.id} event={event} guest={guest} onClose={onClose} />}
    </Modal>
  );
}

function BookingForm({ event, guest, onClose }: { event: Event; guest: ContactRef; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const book = useBookEvent();
  const [booked, setBooked] = useState<Event | null>(null);
  const toInput = (values: BookingValues) => ({
    eventId: event.id,
    contactId: guest.id,
    kind: 'party' as const,
    startsAt: toIsoWithOffset(parseGermanDate(values.date) ?? values.date, parseTime(values.start) ?? values.start),
    ...(values.title.trim() ? { title: values.title } : {}),
  });
  const form = useForm<BookingValues, unknown, BookingValues>({
    resolver: formResolver(formSchema(bookingValues, operations['events.book'].input, toInput, dateTimeIssues), bookingFieldMap),
    defaultValues: { date: '', start: '19:00', title: '' },
  });
  const field = useFieldProps(form);
  const name = `${guest.firstName} ${guest.lastName}`;

  const submit = useSubmit(form, (values) => book.mutateAsync(toInput(values)), { onDone: setBooked, fieldMap: bookingFieldMap });

  if (booked) {
    return (
      <Stack>
        <Alert color="teal" role="status">
          {t('booking.done', { name, when: formatDateTime(booked.startsAt, i18n.language) })}
        </Alert>
        <Group justify="space-between">
          <Anchor component={Link} to={`/planning/${booked.id}`} onClick={onClose}>
            {t('booking.open', { title: booked.title })}
          </Anchor>
          <Button onClick={onClose} data-autofocus>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text>{t('booking.question', { name })}</Text>
        <DateTimeFields field={field} autoFocus />
        <TextInput label={t('events.fields.title')} placeholder={t('booking.titlePlaceholder', { name: guest.firstName })} {...field('title')} />
        <FormActions submitting={book.isPending} onCancel={onClose} submitLabel={t('booking.submit')} />
      </Stack>
    </form>
  );
}
