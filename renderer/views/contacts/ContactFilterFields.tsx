import { Button, Checkbox, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useContactTags, useEvents } from '../../api/queries';
import { formatDateTime } from '../../i18n/format';
import { consentOptions, emptyFilter, hasFilters, type FilterState } from './contactFilter';

const months = Array.from({ length: 12 }, (_, index) => index + 1);

/** "Geburtstagsmonat": January to December by name in the app's language; the value is the month's number as text. */
export function BirthdayMonthSelect({ value, onChange }: { value: string | null; onChange: (month: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const monthName = new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' });
  return (
    <Select
      label={t('filters.birthdayMonth')}
      data={months.map((month) => ({ value: String(month), label: monthName.format(new Date(Date.UTC(2000, month - 1, 1))) }))}
      value={value}
      onChange={onChange}
      clearable
      w={170}
    />
  );
}

/**
 * The contact filters, shared by the contact list and "Gäste hinzufügen" (which
 * also offers "war eingeladen zu"). The free-text search stays with its owner.
 */
export function ContactFilterFields({
  value,
  onChange,
  excludeEventId,
  withInvitedTo = false,
}: {
  value: FilterState;
  onChange: (value: FilterState) => void;
  withInvitedTo?: boolean;
  excludeEventId?: string;
}) {
  const { t } = useTranslation();
  const tags = useContactTags();
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });

  return (
    <Group align="end" gap="sm">
      <MultiSelect
        label={t('filters.tags')}
        data={(tags.data ?? []).map(({ tag, count }) => ({ value: tag, label: t('filters.tagWithCount', { tag, count }) }))}
        value={value.tags}
        onChange={(tagList) => set({ tags: tagList })}
        searchable
        clearable
        w={200}
        nothingFoundMessage={t('filters.noTags')}
      />
      <TextInput label={t('filters.place')} value={value.place} onChange={(e) => set({ place: e.currentTarget.value })} w={160} autoComplete="off" />
      <BirthdayMonthSelect value={value.birthdayMonth} onChange={(month) => set({ birthdayMonth: month })} />
      <Select
        label={t('filters.consent')}
        data={consentOptions.map((option) => ({ value: option, label: t(`filters.consentOptions.${option.replace(':', '.')}`) }))}
        value={value.consent}
        onChange={(consent) => set({ consent })}
        clearable
        w={220}
      />
      {withInvitedTo && <InvitedToFields value={value} set={set} excludeEventId={excludeEventId} />}
      <Checkbox label={t('filters.hasEmail')} checked={value.hasEmail} onChange={(e) => set({ hasEmail: e.currentTarget.checked })} mb={10} />
      <Checkbox label={t('filters.hasPhone')} checked={value.hasPhone} onChange={(e) => set({ hasPhone: e.currentTarget.checked })} mb={10} />
      {hasFilters(value) && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={() => onChange({ ...emptyFilter, query: value.query })}>
          {t('filters.reset')}
        </Button>
      )}
    </Group>
  );
}

/** "war eingeladen zu" with "nur wer zugesagt hat": people from earlier events. */
function InvitedToFields({ value, set, excludeEventId }: { value: FilterState; set: (patch: Partial<FilterState>) => void; excludeEventId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const events = useEvents();
  return (
    <>
      <MultiSelect
        label={t('filters.invitedTo')}
        data={(events.data ?? [])
          .filter((event) => event.id !== excludeEventId)
          .map((event) => ({ value: event.id, label: `${event.title} (${formatDateTime(event.startsAt, i18n.language)})` }))}
        value={value.invitedTo}
        onChange={(invitedTo) => set({ invitedTo, acceptedOnly: invitedTo.length > 0 && value.acceptedOnly })}
        searchable
        clearable
        w={320}
      />
      <Checkbox
        label={t('filters.acceptedOnly')}
        checked={value.acceptedOnly}
        disabled={value.invitedTo.length === 0}
        onChange={(e) => set({ acceptedOnly: e.currentTarget.checked })}
        mb={10}
      />
    </>
  );
}
