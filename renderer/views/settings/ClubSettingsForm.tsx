import { ActionIcon, Button, Group, Radio, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { tierBases, type ClubSettings, type TierBasis } from '../../../shared/schemas/club';
import { useClubSettings, useUpdateClubSettings } from '../../api/memberQueries';
import { FormActions } from '../../components/FormModal';
import { QueryState } from '../../components/QueryState';
import { useFieldProps, useSubmit } from '../../forms/fields';
import { translateMessage } from '../../i18n';
import { clubSettingsResolver, convertThreshold, firstMemberNumber, formToSettings, settingsToForm, type ClubFormValues } from './clubSettingsForm';

/** Einstellungen → "Kundenclub": name, member numbers, tiers and the points rules. */
export function ClubSettingsSection() {
  const settings = useClubSettings();
  return <QueryState query={settings}>{(data) => <ClubSettingsForm settings={data} />}</QueryState>;
}

function ClubSettingsForm({ settings }: { settings: ClubSettings }) {
  const { t } = useTranslation();
  const update = useUpdateClubSettings();
  const form = useForm<ClubFormValues, unknown, ClubFormValues>({ resolver: clubSettingsResolver, defaultValues: settingsToForm(settings) });
  const tiers = useFieldArray({ control: form.control, name: 'tiers' });
  const field = useFieldProps(form);
  const [format, basis] = form.watch(['memberNumberFormat', 'tierBasis']);
  const example = firstMemberNumber(format);
  // The ascending and unique checks concern the list as a whole.
  const tiersError = form.formState.errors.tiers?.root?.message ?? form.formState.errors.tiers?.message;

  const submit = useSubmit(form, (values) => update.mutateAsync(formToSettings(values)), { success: () => t('clubSettings.saved') });

  const changeBasis = (to: TierBasis) => {
    const from = form.getValues('tierBasis');
    form.getValues('tiers').forEach((tier, index) => form.setValue(`tiers.${index}.threshold`, convertThreshold(tier.threshold, from, to)));
    form.setValue('tierBasis', to);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('clubSettings.title')}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('clubSettings.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('clubSettings.name')} required {...field('name')} />
          <TextInput
            label={t('clubSettings.memberNumberFormat')}
            description={example ? t('clubSettings.memberNumberExample', { example }) : t('clubSettings.memberNumberHint')}
            required
            {...field('memberNumberFormat')}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="tierBasis"
          render={({ field: radio }) => (
            <Radio.Group label={t('clubSettings.tierBasis')} value={radio.value} onChange={(value) => changeBasis(value as TierBasis)}>
              <Group mt="xs">
                {tierBases.map((option) => (
                  <Radio key={option} value={option} label={t(`clubSettings.basis.${option}`)} />
                ))}
              </Group>
            </Radio.Group>
          )}
        />
        <Table aria-label={t('clubSettings.tiers')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('clubSettings.tierName')}</Table.Th>
              <Table.Th>{t(`clubSettings.threshold.${basis}`)}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tiers.fields.map((tier, index) => (
              <Table.Tr key={tier.id}>
                <Table.Td>
                  <TextInput aria-label={t('clubSettings.tierNameRow', { row: index + 1 })} {...field(`tiers.${index}.name`)} />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t(`clubSettings.thresholdRow.${basis}`, { row: index + 1 })}
                    inputMode={basis === 'points' ? 'numeric' : 'decimal'}
                    {...field(`tiers.${index}.threshold`)}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" aria-label={t('clubSettings.removeTier', { row: index + 1 })} onClick={() => tiers.remove(index)}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {tiers.fields.length === 0 && <Text c="dimmed">{t('clubSettings.noTiers')}</Text>}
        {tiersError && (
          <Text c="red.8" size="sm" role="alert">
            {translateMessage(t, tiersError)}
          </Text>
        )}
        <Group>
          <Button variant="default" size="xs" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => tiers.append({ name: '', threshold: '' })}>
            {t('clubSettings.addTier')}
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('clubSettings.pointsPerEuro')} inputMode="decimal" {...field('pointsPerEuro')} />
          <TextInput label={t('clubSettings.birthdayBonus')} inputMode="numeric" {...field('birthdayBonus')} />
          <TextInput label={t('clubSettings.expireMonths')} description={t('clubSettings.expireNever')} inputMode="numeric" {...field('pointsExpireMonths')} />
        </SimpleGrid>
        <FormActions submitting={form.formState.isSubmitting} submitLabel={t('clubSettings.save')} />
      </Stack>
    </form>
  );
}
