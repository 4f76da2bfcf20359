import { Button, Code, Container, Paper, PasswordInput, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { operations, type AppStatus } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { useOperationMutation } from '../../api/queries';
import { notifyError } from '../../components/notify';
import { formResolver, formSchema, useFieldProps } from '../../forms/fields';

type Locked = Extract<AppStatus, { state: 'locked' }>;

const unlockValues = z.object({ passphrase: z.string() });
type UnlockValues = z.infer<typeof unlockValues>;
const unlockResolver = formResolver(formSchema(unlockValues, operations['app.unlock'].input, (values) => values));

/**
 * Shown instead of the app while the data folder is encrypted and locked: the
 * passphrase, and nothing else, opens it. A wrong one is said at the field,
 * which keeps what was typed and the focus for another try.
 */
export function UnlockScreen({ status }: { status: Locked }) {
  const { t } = useTranslation();
  // Unlocked, app.status answers "ready" and the app replaces this screen.
  const unlock = useOperationMutation('app.unlock', ['app.status']);
  const form = useForm<UnlockValues, unknown, UnlockValues>({ resolver: unlockResolver, defaultValues: { passphrase: '' } });
  const field = useFieldProps(form);

  const submit = form.handleSubmit(async (values) => {
    try {
      await unlock.mutateAsync(values);
    } catch (error) {
      if (error instanceof AppError && error.code === 'FORBIDDEN') form.setError('passphrase', { message: error.message }, { shouldFocus: true });
      else notifyError(t, error);
    }
  });

  return (
    <Container size="xs" py="xl">
      <Paper withBorder p="xl" radius="lg" component="main">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <ThemeIcon variant="light" size={56} radius="xl">
              <IconLock size={32} aria-hidden />
            </ThemeIcon>
            <Title order={1}>{t('unlock.title')}</Title>
            <Text>{t('unlock.intro')}</Text>
            <PasswordInput label={t('unlock.passphrase')} required autoFocus autoComplete="current-password" {...field('passphrase')} />
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('unlock.submit')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('unlock.forgotten')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('unlock.dataFolder')}: <Code>{status.dataDir}</Code>
            </Text>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
