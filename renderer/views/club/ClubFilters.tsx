import { Badge, Button, Group, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { memberStatuses } from '../../../shared/schemas/club';
import { consentChannels, type ConsentChannel } from '../../../shared/schemas/consent';
import { useClubTiers } from '../../api/clubQueries';
import { useContactTags } from '../../api/queries';
import { emptyFilters, filterErrors, hasFilters, typedDateFields, typedMoneyFields, type FilterState } from './memberView';
import { useMemberLabels } from './memberCells';
import { BirthdayMonthSelect } from '../contacts/ContactFilterFields';

/** Behind "Mehr Filter": the ones needed less often. */
const moreFields = ['birthdayMonth', 'consent', ...typedDateFields, ...typedMoneyFields] as const;

/** The member list's filters. Typed dates and amounts filter once they read as one; until then the field says why not. */
export function ClubFilters({ value, onChange }: { value: FilterState; onChange: (value: FilterState) => void }) {
  const { t } = useTranslation();
  const { columns, values } = useMemberLabels();
  const tiers = useClubTiers();
  const tags = useContactTags();
  const [showMore, setShowMore] = useState(false);
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  const errors = filterErrors(value);
  const moreInUse = moreFields.filter((field) => value[field] !== emptyFilters[field]).length;

  return (
    <Stack gap="sm">
      <Group align="end" gap="sm">
        <TextInput
          type="search"
          label={t('club.filters.search')}
          placeholder={t('club.filters.searchPlaceholder')}
          leftSection={<IconSearch size={18} aria-hidden />}
          value={value.query}
          onChange={(event) => set({ query: event.currentTarget.value })}
          w={{ base: '100%', sm: 300 }}
          autoComplete="off"
          maxLength={200}
        />
        <MultiSelect
          label={columns.status}
          placeholder={value.statuses.length === 0 ? t('club.filters.allStatuses') : undefined}
          data={memberStatuses.map((status) => ({ value: status, label: values.status[status]! }))}
          value={value.statuses}
          onChange={(statuses) => set({ statuses: statuses as FilterState['statuses'] })}
          w={230}
        />
        <MultiSelect
          label={columns.tier}
          data={(tiers.data ?? []).map(({ name, count }) => ({ value: name, label: t('club.filters.withCount', { name, count }) }))}
          value={value.tiers}
          onChange={(tierNames) => set({ tiers: tierNames })}
          nothingFoundMessage={t('club.filters.noTiers')}
          clearable
          w={260}
        />
        <TextInput label={t('filters.place')} value={value.place} onChange={(e) => set({ place: e.currentTarget.value })} w={150} autoComplete="off" maxLength={100} />
        <MultiSelect
          label={t('club.filters.tags')}
          data={(tags.data ?? []).map(({ tag, count }) => ({ value: tag, label: t('club.filters.withCount', { name: tag, count }) }))}
          value={value.tags}
          onChange={(tagList) => set({ tags: tagList })}
          nothingFoundMessage={t('filters.noTags')}
          searchable
          clearable
          w={260}
        />
        <Button
          variant="subtle"
          leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
          rightSection={moreInUse > 0 && <Badge size="sm" circle aria-label={t('club.filters.inUse', { count: moreInUse })}>{moreInUse}</Badge>}
          aria-expanded={showMore}
          onClick={() => setShowMore(!showMore)}
        >
          {showMore ? t('club.filters.fewer') : t('club.filters.more')}
        </Button>
        {hasFilters(value) && (
          <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={() => onChange(emptyFilters)}>
            {t('filters.reset')}
          </Button>
        )}
      </Group>
      {showMore && <MoreFilters value={value} set={set} errors={errors} />}
    </Stack>
  );
}

function MoreFilters({ value, set, errors }: { value: FilterState; set: (patch: Partial<FilterState>) => void; errors: ReturnType<typeof filterErrors> }) {
  const { t } = useTranslation();
  const { columns } = useMemberLabels();
  const errorText = (key: string | undefined) => key && t(key);
  // Dates and amounts are typed: the numeric keypad on touch screens, no browser suggestions.
  const typed = (field: (typeof typedDateFields)[number] | (typeof typedMoneyFields)[number]) => ({
    value: value[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => set({ [field]: event.currentTarget.value }),
    error: errorText(errors[field]),
    autoComplete: 'off',
    w: 170,
  });

  return (
    <Group align="start" gap="sm">
      <BirthdayMonthSelect value={value.birthdayMonth} onChange={(month) => set({ birthdayMonth: month })} />
      <Select
        label={t('filters.consent')}
        placeholder={t('club.filters.anyConsent')}
        data={consentChannels.map((channel) => ({ value: channel, label: t(`club.channels.${channel}`) }))}
        value={value.consent}
        onChange={(channel) => set({ consent: channel as ConsentChannel | null })}
        clearable
        w={170}
      />
      <TextInput label={t('club.filters.lastPurchaseAfter')} placeholder={t('events.placeholders.date')} inputMode="numeric" {...typed('lastPurchaseAfter')} />
      <TextInput label={t('club.filters.lastPurchaseBefore')} placeholder={t('events.placeholders.date')} inputMode="numeric" {...typed('lastPurchaseBefore')} />
      <TextInput label={t('club.filters.spendMin', { column: columns.spend12m })} rightSection="€" inputMode="decimal" {...typed('spendMin')} />
      <TextInput label={t('club.filters.spendMax', { column: columns.spend12m })} rightSection="€" inputMode="decimal" {...typed('spendMax')} />
    </Group>
  );
}
