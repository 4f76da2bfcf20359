import { Button, Group, Loader, Modal } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifyError } from './notify';

/**
 * A create or edit form at its own route (so a shortcut can open it from
 * anywhere), shown over its list. When editing it waits for the record; a
 * record that is gone is reported and the modal closes.
 */
export function FormModal<T>({
  title,
  backTo,
  editing,
  record,
  children,
}: {
  title: string;
  backTo: string;
  editing: boolean;
  record: UseQueryResult<T>;
  children: (record: T | undefined, close: () => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const close = () => void navigate(backTo);

  useEffect(() => {
    if (record.error) {
      notifyError(t, record.error);
      void navigate(backTo);
    }
  }, [record.error, navigate, backTo, t]);

  return (
    <Modal opened onClose={close} title={title} size="lg">
      {editing && !record.data ? <Loader aria-label={t('app.loading')} /> : children(record.data, close)}
    </Modal>
  );
}

/** The buttons under a form: an optional "Abbrechen" and the submit button ("Speichern" unless named otherwise). */
export function FormActions({ submitting, onCancel, submitLabel }: { submitting: boolean; onCancel?: () => void; submitLabel?: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="sm">
      {onCancel && (
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      )}
      <Button type="submit" loading={submitting}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
