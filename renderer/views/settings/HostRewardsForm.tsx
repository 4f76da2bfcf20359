import { ActionIcon, Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { computeHostReward, defaultHostRewardRules, hostRewardPresets } from '../../../shared/host-rewards';
import type { Settings } from '../../../shared/schemas/settings';
import { useUpdateSettings } from '../../api/queries';
import { FormActions } from '../../components/FormModal';
import { notifyError, notifySuccess } from '../../components/notify';
import { useFieldProps, useSubmit } from '../../forms/fields';
import { useMoney } from '../../i18n/useMoney';
import { formToRules, hostRewardFormResolver, rulesToForm, validRules, type HostRewardFormValues } from './hostRewardForm';

/** The party the example is computed for: enough guests and one booking, so only the sales decide. */
const example = { salesCents: 32_000, buyingGuests: 5, bookings: 1, qualifiedBookedEvents: 0 };

/** Einstellungen → "Gastgeberinnen-Bonus": a published programme as a start, every rule editable, a live example. */
export function HostRewardsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const money = useMoney();
  const update = useUpdateSettings();
  const form = useForm<HostRewardFormValues, unknown, HostRewardFormValues>({
    resolver: hostRewardFormResolver,
    defaultValues: rulesToForm(settings.hostRewards ?? defaultHostRewardRules),
  });
  const tiers = useFieldArray({ control: form.control, name: 'tiers' });
  const field = useFieldProps(form);
  const rules = validRules(form.watch());
  const reward = rules && computeHostReward(rules, example);

  const submit = useSubmit(form, (values) => update.mutateAsync({ hostRewards: formToRules(values) }), {
    success: () => t('rewardSettings.saved'),
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('rewardSettings.title')}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('rewardSettings.title')}
        </Title>
        <Select
          label={t('rewardSettings.preset')}
          description={t('rewardSettings.presetHint')}
          placeholder={t('rewardSettings.presetPlaceholder')}
          data={hostRewardPresets.map((preset) => preset.name)}
          value={null}
          onChange={(name) => {
            const preset = hostRewardPresets.find((candidate) => candidate.name === name);
            if (preset) form.reset(rulesToForm(preset));
          }}
        />
        <TextInput label={t('rewardSettings.name')} required {...field('name')} />
        <SimpleGrid cols={3}>
          <TextInput label={t('rewardSettings.minSales')} {...field('minSales')} />
          <TextInput label={t('rewardSettings.minBuyingGuests')} inputMode="numeric" {...field('minBuyingGuests')} />
          <TextInput label={t('rewardSettings.minBookings')} inputMode="numeric" {...field('minBookings')} />
        </SimpleGrid>
        <Table aria-label={t('rewardSettings.tiers')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rewardSettings.tierFrom')}</Table.Th>
              <Table.Th>{t('rewardSettings.tierCredit')}</Table.Th>
              <Table.Th>{t('rewardSettings.tierHalfPrice')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tiers.fields.map((tier, index) => (
              <Table.Tr key={tier.id}>
                <Table.Td>
                  <TextInput aria-label={t('rewardSettings.tierFromRow', { row: index + 1 })} {...field(`tiers.${index}.from`)} />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={t('rewardSettings.tierCreditRow', { row: index + 1 })} inputMode="decimal" {...field(`tiers.${index}.creditPercent`)} />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={t('rewardSettings.tierHalfPriceRow', { row: index + 1 })} inputMode="numeric" {...field(`tiers.${index}.halfPriceItems`)} />
                </Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" aria-label={t('rewardSettings.removeTier', { row: index + 1 })} disabled={tiers.fields.length === 1} onClick={() => tiers.remove(index)}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button variant="default" size="xs" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => tiers.append({ from: '', creditPercent: '', halfPriceItems: '0' })}>
            {t('rewardSettings.addTier')}
          </Button>
        </Group>
        <SimpleGrid cols={2}>
          <TextInput label={t('rewardSettings.bookingBonus')} {...field('bookingBonus')} />
          <TextInput label={t('rewardSettings.previousHostBonus')} {...field('previousHostBonus')} />
          <TextInput label={t('rewardSettings.cap')} description={t('rewardSettings.emptyIsNone')} {...field('cap')} />
          <TextInput label={t('rewardSettings.expiryDays')} description={t('rewardSettings.emptyIsNone')} inputMode="numeric" {...field('expiryDays')} />
        </SimpleGrid>
        <Alert color={reward?.qualifies ? 'teal' : 'gray'} title={t('rewardSettings.exampleTitle')} aria-live="polite">
          {!reward
            ? t('rewardSettings.exampleInvalid')
            : t('rewardSettings.example', {
                sales: money(example.salesCents),
                result: reward.qualifies
                  ? t('rewardSettings.exampleReward', { credit: money(reward.totalCreditCents), count: reward.halfPriceItems })
                  : t('rewardSettings.exampleNothing'),
              })}
        </Alert>
        <FormActions submitting={form.formState.isSubmitting} submitLabel={t('rewardSettings.save')} />
      </Stack>
    </form>
  );
}

/** "Provision in %": the estimate of the reports. */
export function CommissionForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const update = useUpdateSettings();
  const [percent, setPercent] = useState<number | string>(settings.commissionPercent ?? '');

  const save = async () => {
    try {
      await update.mutateAsync({ commissionPercent: typeof percent === 'number' ? percent : 0 });
      notifySuccess(t('rewardSettings.commissionSaved'));
    } catch (error) {
      notifyError(t, error);
    }
  };

  return (
    <Group align="flex-end">
      <NumberInput
        label={t('rewardSettings.commission')}
        description={t('rewardSettings.commissionHint')}
        value={percent}
        onChange={setPercent}
        min={0}
        max={100}
        decimalScale={2}
        decimalSeparator=","
        suffix=" %"
        w={260}
      />
      <Button variant="default" onClick={save} loading={update.isPending}>
        {t('rewardSettings.saveCommission')}
      </Button>
    </Group>
  );
}
