import { keepPreviousData, QueryClient, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf, OperationName, OutputOf } from '../../shared/contract';
import type { ContactFilter } from '../../shared/schemas/contact-filter';
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

export function useOperation<K extends OperationName>(
  operation: K,
  input: InputOf<K>,
  options: { enabled?: boolean; keepPrevious?: boolean; refetchInterval?: number } = {},
) {
  return useQuery({
    queryKey: [operation, input],
    queryFn: () => call(operation, input),
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    refetchInterval: options.refetchInterval,
  });
}

/**
 * What a change refreshes: the queries of one operation ('contacts.get'), or
 * of a whole area ('club': every club.* query; 'exports': previews and the log).
 */
export type Refresh = OperationName | 'club' | 'exports';

const matches = (refresh: Refresh, key: unknown) => key === refresh || (typeof key === 'string' && key.startsWith(`${refresh}.`));

export function refreshQueries(queryClient: QueryClient, refreshes: readonly Refresh[]) {
  return queryClient.invalidateQueries({ predicate: (query) => refreshes.some((refresh) => matches(refresh, query.queryKey[0])) });
}

/** A mutation that refreshes the given queries afterwards. */
export function useOperationMutation<K extends OperationName>(operation: K, refreshes: readonly Refresh[]) {
  const queryClient = useQueryClient();
  return useMutation<OutputOf<K>, Error, InputOf<K>>({
    mutationFn: (input) => call(operation, input),
    onSuccess: () => refreshQueries(queryClient, refreshes),
  });
}

// Creating the first event or contact ends the "empty" start screen, hence app.status.
// Invitations show up in contact histories and in the "war eingeladen zu" filter, hence the contact queries.
// Members are contacts: the member list, memberships (birthday points) and export counts follow them.
export const contactQueries: readonly Refresh[] = [
  'contacts.list',
  'contacts.get',
  'contacts.search',
  'contacts.tags',
  'contacts.history',
  'contacts.duplicates',
  'invitations.list',
  'app.status',
  'club',
  'exports',
];
const eventQueries = ['events.list', 'events.get', 'contacts.history', 'app.status'] as const;
const invitationQueries = ['invitations.list', 'contacts.history', 'contacts.list'] as const;
// A walk-in creates a contact, and a check-in of a contact who was not invited creates an invitation.
const checkinQueries: readonly Refresh[] = ['checkin.state', 'checkin.search', ...contactQueries];

export const useAppStatus = () => useOperation('app.status', {});
export const useSettings = () => useOperation('settings.get', {});

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation<OutputOf<'settings.update'>, Error, InputOf<'settings.update'>>({
    mutationFn: (input) => call('settings.update', input),
    onSuccess: (settings) => queryClient.setQueryData(['settings.get', {}], settings),
  });
}

export const useEvents = (input: InputOf<'events.list'> = {}) => useOperation('events.list', input, { keepPrevious: true });
export const useEvent = (id: string | undefined) => useOperation('events.get', { id: id ?? '' }, { enabled: Boolean(id) });
export const useCreateEvent = () => useOperationMutation('events.create', eventQueries);
export const useUpdateEvent = () => useOperationMutation('events.update', eventQueries);
export const useCancelEvent = () => useOperationMutation('events.cancel', eventQueries);
export const useSetEventStatus = () => useOperationMutation('events.setStatus', eventQueries);
export const useDuplicateEvent = () => useOperationMutation('events.duplicate', [...eventQueries, ...invitationQueries]);

export const useContacts = (input: InputOf<'contacts.list'>, enabled = true) =>
  useOperation('contacts.list', input, { keepPrevious: true, enabled });

/**
 * Pages of the contact list by number, for a virtualised list: only the pages
 * on screen are fetched, so dragging the scrollbar to the end of 50,000
 * contacts loads one page, not every page before it.
 */
export function useContactPages(filter: ContactFilter, pages: number[], pageSize: number) {
  return useQueries({
    queries: pages.map((page) => {
      const input = { ...filter, limit: pageSize, offset: page * pageSize };
      return { queryKey: ['contacts.list', input], queryFn: () => call('contacts.list', input) };
    }),
  });
}

export const useContact = (id: string | undefined) => useOperation('contacts.get', { id: id ?? '' }, { enabled: Boolean(id) });
export const useContactSearch = (query: string) =>
  useOperation('contacts.search', { query, limit: 20 }, { enabled: query.trim() !== '', keepPrevious: true });
export const useContactTags = () => useOperation('contacts.tags', {});
export const useContactHistory = (id: string) => useOperation('contacts.history', { id });
export const useDuplicates = () => useOperation('contacts.duplicates', {});
export const useCreateContact = () => useOperationMutation('contacts.create', contactQueries);
export const useUpdateContact = () => useOperationMutation('contacts.update', contactQueries);
export const useMergeContacts = () => useOperationMutation('contacts.merge', contactQueries);
export const useRecordConsent = () => useOperationMutation('contacts.recordConsent', contactQueries);

/** A dry run changes nothing, so only a real import refreshes the queries. */
function useImport<K extends 'contacts.import' | 'catalog.import'>(operation: K, refreshes: readonly Refresh[]) {
  const queryClient = useQueryClient();
  return useMutation<OutputOf<K>, Error, InputOf<K>>({
    mutationFn: (input) => call(operation, input),
    onSuccess: (_, input) => (input.dryRun ? undefined : refreshQueries(queryClient, refreshes)),
  });
}
export const useImportContacts = () => useImport('contacts.import', contactQueries);

export const useInvitations = (eventId: string) => useOperation('invitations.list', { eventId });
export const useAddInvitations = () => useOperationMutation('invitations.add', invitationQueries);
export const useRemoveInvitation = () => useOperationMutation('invitations.remove', invitationQueries);
export const useSetRsvp = () => useOperationMutation('invitations.setRsvp', invitationQueries);

/** The door's counts and guests; polled, so check-ins at a second door station show up here too. */
export const useCheckinState = (eventId: string) => useOperation('checkin.state', { eventId }, { refetchInterval: 3000 });
export const checkinSearchInput = (eventId: string, query: string) => ({ eventId, query, limit: 12 }) satisfies InputOf<'checkin.search'>;
export const useCheckinSearch = (eventId: string, query: string) =>
  useOperation('checkin.search', checkinSearchInput(eventId, query), { enabled: query.trim() !== '', keepPrevious: true });
export const useCheckIn = () => useOperationMutation('checkin.checkIn', checkinQueries);
export const useUndoCheckin = () => useOperationMutation('checkin.undo', checkinQueries);
export const useWalkIn = () => useOperationMutation('checkin.walkIn', checkinQueries);

/** Demo data touches everything, so everything is refetched. */
export function useLoadDemo() {
  const queryClient = useQueryClient();
  return useMutation<OutputOf<'demo.load'>, Error, void>({
    mutationFn: () => call('demo.load', {}),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

// Follow-up: catalog, tasks and the dashboard. Products and completed tasks change the reports' figures.
const catalogQueries = ['catalog.list', 'reports.dashboard'] as const;
export const useCatalog = (input: InputOf<'catalog.list'>) => useOperation('catalog.list', input, { keepPrevious: true });
export const useCreateProduct = () => useOperationMutation('catalog.create', catalogQueries);
export const useUpdateProduct = () => useOperationMutation('catalog.update', catalogQueries);
export const useImportCatalog = () => useImport('catalog.import', catalogQueries);

export const useTasks = (input: InputOf<'tasks.list'>) => useOperation('tasks.list', input, { keepPrevious: true });
export const useCompleteTask = () => useOperationMutation('tasks.complete', ['tasks.list']);
export const useDashboard = (input: InputOf<'reports.dashboard'>) => useOperation('reports.dashboard', input, { keepPrevious: true });
