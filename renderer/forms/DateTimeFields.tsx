import { SimpleGrid, TextInput, type SimpleGridProps } from '@mantine/core';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/** What useFieldProps gives for one field: its registration plus the translated error. */
type BoundField = UseFormRegisterReturn & { error: string | undefined };

/** Dates and times are typed as digits: the numeric keypad on touch screens, no browser suggestions. */
const typed = { inputMode: 'numeric', autoComplete: 'off' } as const;

type DateTimeFieldsProps = {
  /** The grid's columns: side by side in a modal, three across in the event form. */
  cols?: SimpleGridProps['cols'];
  /** Focus "Datum" when the modal opens (where the date is the first thing to type). */
  autoFocus?: boolean;
} & (
  | { end: true; field: (name: 'date' | 'start' | 'end') => BoundField }
  | { end?: false; field: (name: 'date' | 'start') => BoundField }
);

/**
 * The typed "Datum" + "Beginn" (+ optional "Ende") of an event, as every form
 * that sets an event's time shows them; their shapes are checked by
 * dateTimeIssues (forms/dates.ts).
 */
export function DateTimeFields(props: DateTimeFieldsProps) {
  const { t } = useTranslation();
  const { cols = 2, autoFocus = false, field } = props;
  return (
    <SimpleGrid cols={cols} spacing="sm">
      <TextInput
        label={t('events.fields.date')}
        placeholder={t('events.placeholders.date')}
        withAsterisk
        {...typed}
        data-autofocus={autoFocus || undefined}
        {...field('date')}
      />
      <TextInput
        label={t('events.fields.start')}
        placeholder={t('events.placeholders.time')}
        withAsterisk
        {...typed}
        {...field('start')}
      />
      {props.end && (
        <TextInput
          label={t('events.fields.end')}
          placeholder={t('events.placeholders.time')}
          {...typed}
          {...props.field('end')}
        />
      )}
    </SimpleGrid>
  );
}
