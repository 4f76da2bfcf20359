import { Button, Code, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { settingsPatch, type Settings } from '../../../shared/schemas/settings';
import { useUpdateSettings } from '../../api/queries';
import { FormActions } from '../../components/FormModal';
import { formResolver, formSchema, useFieldProps, useSubmit } from '../../forms/fields';
import { fillTemplate, placeholders, type PlaceholderValues } from '../planning/invitationText';

const textFormValues = z.object({ invitationSubject: z.string(), invitationTemplate: z.string() });
type TextFormValues = z.infer<typeof textFormValues>;
// Empty fields are stored as absent: then the built-in text applies, in whichever language is set.
const textFormResolver = formResolver(formSchema(textFormValues, settingsPatch, (values) => values));

/** "Einladungstext": subject and text with placeholders, and a live preview for a sample guest. */
export function InvitationTextForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const update = useUpdateSettings();
  const form = useForm<TextFormValues, unknown, TextFormValues>({
    resolver: textFormResolver,
    defaultValues: { invitationSubject: settings.invitationSubject ?? '', invitationTemplate: settings.invitationTemplate ?? '' },
  });
  const field = useFieldProps(form);
  const [subject, body] = form.watch(['invitationSubject', 'invitationTemplate']);
  const sample: PlaceholderValues = {
    vorname: t('settings.sample.firstName'),
    nachname: t('settings.sample.lastName'),
    gastgeberin: t('settings.sample.host'),
    titel: t('settings.sample.title'),
    datum: t('settings.sample.date'),
    uhrzeit: t('settings.sample.time'),
    ort: t('settings.sample.place'),
  };

  const submit = useSubmit(form, (values) => update.mutateAsync(values), { success: () => t('settings.saved') });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('settings.invitationText')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('settings.invitationHint')}{' '}
          {placeholders.map((name) => (
            <Code key={name} mr={4}>{`{${name}}`}</Code>
          ))}
        </Text>
        <TextInput label={t('settings.invitationSubject')} placeholder={t('invitations.defaultSubject')} {...field('invitationSubject')} />
        <Textarea
          label={t('settings.invitationTemplate')}
          placeholder={t('invitations.defaultBody')}
          autosize
          minRows={6}
          maxRows={16}
          {...field('invitationTemplate')}
        />
        <Group>
          <Button
            variant="subtle"
            onClick={() => {
              form.setValue('invitationSubject', t('invitations.defaultSubject'), { shouldDirty: true });
              form.setValue('invitationTemplate', t('invitations.defaultBody'), { shouldDirty: true });
            }}
          >
            {t('settings.useDefaultText')}
          </Button>
        </Group>
        <Paper withBorder p="md" bg="gray.0" component="section" aria-label={t('settings.preview')}>
          <Text size="sm" c="dimmed" mb={4}>
            {t('settings.preview')}
          </Text>
          <Text fw={600}>{fillTemplate(subject || t('invitations.defaultSubject'), sample)}</Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{fillTemplate(body || t('invitations.defaultBody'), sample)}</Text>
        </Paper>
        <FormActions submitting={form.formState.isSubmitting} submitLabel={t('settings.saveInvitationText')} />
      </Stack>
    </form>
  );
}
