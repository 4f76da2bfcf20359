import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { operations } from '../../../shared/contract';
import { AppError, type ValidationIssue } from '../../../shared/errors';
import { useOperation, useOperationMutation, type Refresh } from '../../api/queries';
import { FormActions } from '../../components/FormModal';
import { QueryState } from '../../components/QueryState';
import { formResolver, formSchema, useFieldProps, useSubmit } from '../../forms/fields';

type Dialog = 'enable' | 'change' | 'disable';

/** Einstellungen → "Verschlüsselung": whether the data is encrypted, and turning it on, changing the password, turning it off. */
export function EncryptionSettings() {
  const { t } = useTranslation();
  const status = useOperation('encryption.status', {});
  const [dialog, setDialog] = useState<Dialog>();
  const close = () => setDialog(undefined);

  return (
    <Stack gap="sm" component="section" aria-label={t('encryption.title')}>
      <Title order={2} size="h4">
        {t('encryption.title')}
      </Title>
      <QueryState query={status}>
        {({ enabled }) => (
          <>
            <Text>{t(enabled ? 'encryption.on' : 'encryption.off')}</Text>
            <Group>
              {enabled ? (
                <>
                  <Button variant="default" onClick={() => setDialog('change')}>
                    {t('encryption.change')}
                  </Button>
                  <Button variant="default" color="red" onClick={() => setDialog('disable')}>
                    {t('encryption.disable')}
                  </Button>
                </>
              ) : (
                <Button onClick={() => setDialog('enable')}>{t('encryption.enable')}</Button>
              )}
            </Group>
          </>
        )}
      </QueryState>
      <Modal opened={dialog !== undefined} onClose={close} title={dialog && t(`encryption.${dialog}`)}>
        {dialog === 'enable' && <EnableForm onDone={close} />}
        {dialog === 'change' && <ChangeForm onDone={close} />}
        {dialog === 'disable' && <DisableForm onDone={close} />}
      </Modal>
    </Stack>
  );
}

// The whole folder is reopened: its status may change too.
const refreshes: readonly Refresh[] = ['encryption.status', 'app.status'];

/** The new password must be typed twice alike. */
const sameTwice = (values: { repeat: string } & ({ passphrase: string } | { next: string })): ValidationIssue[] =>
  ('passphrase' in values ? values.passphrase : values.next) === values.repeat ? [] : [{ path: 'repeat', message: 'validation.passphraseMismatch' }];

/**
 * Runs a change that checks the current password; a wrong one (FORBIDDEN)
 * becomes an issue of the "current" field, so the form shows it there.
 */
function checkingCurrent<I, R>(operation: (input: I) => Promise<R>) {
  return async (input: I): Promise<R> => {
    try {
      return await operation(input);
    } catch (error) {
      if (error instanceof AppError && error.code === 'FORBIDDEN') throw new AppError('VALIDATION', error.message, [{ path: 'current', message: error.message }]);
      throw error;
    }
  };
}

const enableValues = z.object({ passphrase: z.string(), repeat: z.string() });
const enableResolver = formResolver(formSchema(enableValues, operations['encryption.enable'].input, ({ passphrase }) => ({ passphrase }), sameTwice));

function EnableForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const enable = useOperationMutation('encryption.enable', refreshes);
  return (
    <PassphraseForm
      resolver={enableResolver}
      defaultValues={{ passphrase: '', repeat: '' }}
      save={({ passphrase }) => enable.mutateAsync({ passphrase })}
      success={t('encryption.enabled')}
      submitLabel={t('encryption.enable')}
      onDone={onDone}
      fields={[
        { name: 'passphrase', label: t('encryption.passphrase'), description: t('encryption.passphraseHint'), autoComplete: 'new-password' },
        { name: 'repeat', label: t('encryption.repeat'), autoComplete: 'new-password' },
      ]}
    >
      <Alert color="orange" icon={<IconAlertTriangle aria-hidden />}>
        {t('encryption.cannotRecover')}
      </Alert>
      <Text size="sm">{t('encryption.backupsToo')}</Text>
    </PassphraseForm>
  );
}

const changeValues = z.object({ current: z.string(), next: z.string(), repeat: z.string() });
const changeResolver = formResolver(formSchema(changeValues, operations['encryption.change'].input, ({ current, next }) => ({ current, next }), sameTwice));

function ChangeForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const change = useOperationMutation('encryption.change', refreshes);
  return (
    <PassphraseForm
      resolver={changeResolver}
      defaultValues={{ current: '', next: '', repeat: '' }}
      save={checkingCurrent(({ current, next }) => change.mutateAsync({ current, next }))}
      success={t('encryption.changed')}
      submitLabel={t('encryption.change')}
      onDone={onDone}
      fields={[
        { name: 'current', label: t('encryption.current'), autoComplete: 'current-password' },
        { name: 'next', label: t('encryption.newPassphrase'), description: t('encryption.passphraseHint'), autoComplete: 'new-password' },
        { name: 'repeat', label: t('encryption.repeat'), autoComplete: 'new-password' },
      ]}
    >
      <Alert color="orange" icon={<IconAlertTriangle aria-hidden />}>
        {t('encryption.cannotRecover')}
      </Alert>
    </PassphraseForm>
  );
}

const disableValues = z.object({ current: z.string() });
const disableResolver = formResolver(formSchema(disableValues, operations['encryption.disable'].input, (values) => values));

function DisableForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const disable = useOperationMutation('encryption.disable', refreshes);
  return (
    <PassphraseForm
      resolver={disableResolver}
      defaultValues={{ current: '' }}
      save={checkingCurrent((values) => disable.mutateAsync(values))}
      success={t('encryption.disabled')}
      submitLabel={t('encryption.disable')}
      onDone={onDone}
      fields={[{ name: 'current', label: t('encryption.current'), autoComplete: 'current-password' }]}
    >
      <Text size="sm">{t('encryption.disableHint')}</Text>
    </PassphraseForm>
  );
}

interface PassphraseField<V> {
  name: Path<V>;
  label: string;
  description?: string;
  autoComplete: 'current-password' | 'new-password';
}

/** A form of password fields (the first focused) with its notes above the buttons. */
function PassphraseForm<V extends FieldValues>({
  resolver,
  defaultValues,
  save,
  success,
  submitLabel,
  onDone,
  fields,
  children,
}: {
  resolver: ReturnType<typeof formResolver<V>>;
  defaultValues: V;
  save: (values: V) => Promise<unknown>;
  success: string;
  submitLabel: string;
  onDone: () => void;
  fields: PassphraseField<V>[];
  children: ReactNode;
}) {
  const form = useForm<V, unknown, V>({ resolver, defaultValues: defaultValues as DefaultValues<V> });
  const field = useFieldProps(form);
  const submit = useSubmit(form, save, { success: () => success, onDone });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {fields.map(({ name, label, description, autoComplete }, index) => (
          <PasswordInput key={name} label={label} description={description} required data-autofocus={index === 0 || undefined} autoComplete={autoComplete} {...field(name)} />
        ))}
        {children}
        <FormActions submitting={form.formState.isSubmitting} submitLabel={submitLabel} onCancel={onDone} />
      </Stack>
    </form>
  );
}
