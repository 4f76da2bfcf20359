import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { AppError } from '../../shared/errors';
import { translateMessage } from '../i18n';

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', icon: <IconCheck size={18} aria-hidden />, message });
}

/** Errors that belong to no field: titled by their code, message translated when it is an i18n key. */
export function notifyError(t: TFunction, error: unknown): void {
  const appError = error instanceof AppError ? error : undefined;
  notifications.show({
    color: 'red',
    icon: <IconAlertTriangle size={18} aria-hidden />,
    title: t(`errors.code.${appError?.code ?? 'INTERNAL'}`),
    message: translateMessage(t, error instanceof Error ? error.message : undefined),
    autoClose: 8000,
  });
}
