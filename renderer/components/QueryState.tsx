import { Alert, Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { translateMessage } from '../i18n';

/** A query's data once it is there; until then a spinner, and its error in the user's language if it fails. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (query.isPending) return <Loader aria-label={t('app.loading')} />;
  if (query.isError) return <Alert color="red">{translateMessage(t, query.error.message)}</Alert>;
  return children(query.data);
}
