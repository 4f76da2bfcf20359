import { Modal, SegmentedControl, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { consentChannels, consentInput, consentPurposes, consentSources, type ConsentInput } from '../../../shared/schemas/consent';
import type { Contact } from '../../../shared/schemas/contact';
import { useRecordConsent } from '../../api/queries';
import { FormActions } from '../../components/FormModal';
import { FormSelect, formResolver, formSchema, useFieldProps, useSubmit } from '../../forms/fields';

const consentFormValues = z.object({ channel: z.string(), purpose: z.string(), granted: z.string(), source: z.string(), wording: z.string() });
type ConsentFormValues = z.infer<typeof consentFormValues>;
const toConsentInput = (values: ConsentFormValues) =>
  ({ ...values, granted: values.granted === 'yes' }) as ConsentInput; // channel, purpose and source are checked by consentInput
const consentFormResolver = formResolver(formSchema(consentFormValues, consentInput, toConsentInput));

/** "Einwilligung erfassen": one record in the contact's consent log. */
export function RecordConsentModal({ contact, opened, onClose }: { contact: Contact; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('consent.record')} size="lg">
      {opened && <ConsentForm contact={contact} onDone={onClose} />}
    </Modal>
  );
}

function ConsentForm({ contact, onDone }: { contact: Contact; onDone: () => void }) {
  const { t } = useTranslation();
  const standardWording = (values: Pick<ConsentFormValues, 'channel' | 'purpose' | 'granted'>) =>
    t(values.granted === 'yes' ? 'consent.wordingGranted' : 'consent.wordingWithdrawn', {
      what: t(`consent.wordingPurpose.${values.purpose}`),
      how: t(`consent.wordingChannel.${values.channel}`),
    });
  const initial = { channel: 'email', purpose: 'marketing', granted: 'yes', source: 'form' };
  const form = useForm<ConsentFormValues, unknown, ConsentFormValues>({
    resolver: consentFormResolver,
    defaultValues: { ...initial, wording: standardWording(initial) },
  });
  const field = useFieldProps(form);
  const record = useRecordConsent();
  const [channel, purpose, granted] = form.watch(['channel', 'purpose', 'granted']);

  // The standard sentence follows the choices until someone rewrites it.
  useEffect(() => {
    if (!form.getFieldState('wording').isDirty) form.setValue('wording', standardWording({ channel, purpose, granted }));
  }, [channel, purpose, granted]);

  const submit = useSubmit(form, (values) => record.mutateAsync({ ...toConsentInput(values), contactId: contact.id }), {
    success: () => t('consent.recorded'),
    onDone,
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('consent.for', { name: `${contact.firstName} ${contact.lastName}` })}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <FormSelect form={form} name="channel" label={t('consent.columns.channel')} data={consentChannels.map((value) => ({ value, label: t(`consent.channel.${value}`) }))} />
          <FormSelect form={form} name="purpose" label={t('consent.columns.purpose')} data={consentPurposes.map((value) => ({ value, label: t(`consent.purpose.${value}`) }))} />
          <FormSelect form={form} name="source" label={t('consent.columns.source')} data={consentSources.map((value) => ({ value, label: t(`consent.source.${value}`) }))} />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="granted"
          render={({ field: state }) => (
            <SegmentedControl
              aria-label={t('consent.columns.state')}
              value={state.value}
              onChange={state.onChange}
              data={[
                { value: 'yes', label: t('consent.granted') },
                { value: 'no', label: t('consent.withdrawn') },
              ]}
            />
          )}
        />
        <Textarea label={t('consent.columns.wording')} withAsterisk autosize minRows={3} {...field('wording')} />
        <FormActions submitting={form.formState.isSubmitting} onCancel={onDone} />
      </Stack>
    </form>
  );
}
