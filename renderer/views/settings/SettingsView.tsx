import { Code, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { settingsPatch, type Locale, type Settings } from '../../../shared/schemas/settings';
import { useAppStatus, useSettings, useUpdateSettings } from '../../api/queries';
import { FormActions } from '../../components/FormModal';
import { notifyError } from '../../components/notify';
import { FormSelect, formResolver, formSchema, useFieldProps, useSubmit } from '../../forms/fields';
import { formatMoney } from '../../i18n/format';
import { ClubSettingsSection } from './ClubSettingsForm';
import { EncryptionSettings } from './EncryptionSettings';
import { CommissionForm, HostRewardsForm } from './HostRewardsForm';
import { InvitationTextForm } from './InvitationTextForm';

const currencies = ['EUR', 'CHF'] as const;

const settingsFormValues = z.object({ operatorName: z.string(), currency: z.string() });
type SettingsFormValues = z.infer<typeof settingsFormValues>;
const toSettingsInput = (values: SettingsFormValues) => ({
  operatorName: values.operatorName,
  currency: values.currency as Settings['currency'], // checked by settingsPatch
});
const settingsFormResolver = formResolver(formSchema(settingsFormValues, settingsPatch, toSettingsInput));

export function SettingsView() {
  const { t } = useTranslation();
  const settings = useSettings();
  const status = useAppStatus();
  const update = useUpdateSettings();

  // The language applies at once: the stored settings drive i18n (see LocaleGate).
  const changeLocale = async (locale: string) => {
    try {
      await update.mutateAsync({ locale: locale as Locale });
    } catch (error) {
      notifyError(t, error);
    }
  };

  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{t('settings.title')}</Title>
      {settings.data && (
        <>
          <Paper withBorder p="lg">
            <Radio.Group
              label={t('settings.language')}
              description={t('settings.languageDescription')}
              value={settings.data.locale}
              onChange={changeLocale}
            >
              <Group mt="xs">
                <Radio value="de" label={t('settings.german')} lang="de" />
                <Radio value="en" label={t('settings.english')} lang="en" />
              </Group>
            </Radio.Group>
          </Paper>
          <Paper withBorder p="lg">
            <SettingsForm settings={settings.data} />
          </Paper>
          <Paper withBorder p="lg">
            <InvitationTextForm settings={settings.data} />
          </Paper>
          <Paper withBorder p="lg">
            <Stack gap="lg">
              <HostRewardsForm settings={settings.data} />
              <CommissionForm settings={settings.data} />
            </Stack>
          </Paper>
          <Paper withBorder p="lg">
            <ClubSettingsSection />
          </Paper>
          <Paper withBorder p="lg">
            <EncryptionSettings />
          </Paper>
        </>
      )}
      {status.data && (
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('settings.dataFolder')}: <Code>{status.data.dataDir}</Code>
          </Text>
          <Text size="sm" c="dimmed">
            {t('settings.version', { version: status.data.version })}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateSettings();
  const form = useForm<SettingsFormValues, unknown, SettingsFormValues>({
    resolver: settingsFormResolver,
    defaultValues: { operatorName: settings.operatorName ?? '', currency: settings.currency },
  });
  const field = useFieldProps(form);
  const currency = form.watch('currency');

  const submit = useSubmit(form, (values) => update.mutateAsync(toSettingsInput(values)), { success: () => t('settings.saved') });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t('settings.operatorName')} description={t('settings.operatorDescription')} {...field('operatorName')} />
        <FormSelect
          form={form}
          name="currency"
          label={t('settings.currency')}
          description={t('settings.currencyExample', { amount: formatMoney(123450, currency, i18n.language) })}
          data={currencies.map((code) => ({ value: code, label: code }))}
        />
        <FormActions submitting={form.formState.isSubmitting} />
      </Stack>
    </form>
  );
}
