import { keepPreviousData, QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf, OperationName, OutputOf } from '../../shared/contract';
import { call } from './client';

/**
 * TanStack Query over the typed client. A query's key is [operation, input], so
 * invalidating by operation name refreshes every list and detail of that kind.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The data lives on this computer: a failure is not flaky network, retrying only delays the message.
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

function useOperation<K extends OperationName>(operation: K, input: InputOf<K>, options: { enabled?: boolean; keepPrevious?: boolean } = {}) {
  return useQuery({
    queryKey: [operation, input],
    queryFn: () => call(operation, input),
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
}

/** A mutation that refreshes the queries of the given operations afterwards. */
function useOperationMutation<K extends OperationName>(operation: K, refreshes: readonly OperationName[]) {
  const queryClient = useQueryClient();
  return useMutation<OutputOf<K>, Error, InputOf<K>>({
    mutationFn: (input) => call(operation, input),
    onSuccess: () => Promise.all(refreshes.map((name) => queryClient.invalidateQueries({ queryKey: [name] }))),
  });
}

// Creating the first event or contact ends the "empty" start screen, hence app.status.
const eventQueries = ['events.list', 'events.get', 'app.status'] as const;
const contactQueries = ['contacts.list', 'contacts.get', 'app.status'] as const;

export const useAppStatus = () => useOperation('app.status', {});
export const useSettings = () => useOperation('settings.get', {});

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation<OutputOf<'settings.update'>, Error, InputOf<'settings.update'>>({
    mutationFn: (input) => call('settings.update', input),
    onSuccess: (settings) => queryClient.setQueryData(['settings.get', {}], settings),
  });
}

export const useEvents = () => useOperation('events.list', {});
export const useEvent = (id: string | undefined) => useOperation('events.get', { id: id ?? '' }, { enabled: Boolean(id) });
export const useCreateEvent = () => useOperationMutation('events.create', eventQueries);
export const useUpdateEvent = () => useOperationMutation('events.update', eventQueries);
export const useCancelEvent = () => useOperationMutation('events.cancel', eventQueries);

export const useContacts = (input: InputOf<'contacts.list'>) => useOperation('contacts.list', input, { keepPrevious: true });
export const useContact = (id: string | undefined) => useOperation('contacts.get', { id: id ?? '' }, { enabled: Boolean(id) });
export const useCreateContact = () => useOperationMutation('contacts.create', contactQueries);
export const useUpdateContact = () => useOperationMutation('contacts.update', contactQueries);

/** Demo data touches everything, so everything is refetched. */
export function useLoadDemo() {
  const queryClient = useQueryClient();
  return useMutation<OutputOf<'demo.load'>, Error, void>({
    mutationFn: () => call('demo.load', {}),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
