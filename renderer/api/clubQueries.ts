import { useQueries, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../shared/contract';
import type { MemberFilter, MemberViewInput } from '../../shared/schemas/club';
import { call } from './client';
import { contactQueries, useOperation, useOperationMutation } from './queries';

/** The member list, its saved views and the exports. Membership changes refresh the 'club' and 'exports' areas. */
export const useMembers = (input: InputOf<'club.members'>, enabled = true) => useOperation('club.members', input, { keepPrevious: true, enabled });

/** Pages of the member list by number, for the virtualised table: only the pages on screen are fetched. */
export function useMemberPages(filters: MemberFilter, sort: MemberViewInput['sort'], pages: number[], pageSize: number) {
  return useQueries({
    queries: pages.map((page) => {
      const input = { filters, sort, limit: pageSize, offset: page * pageSize };
      return { queryKey: ['club.members', input], queryFn: () => call('club.members', input) };
    }),
  });
}

/** Every member the filters match, for "alle auswählen"; fetched on demand and cached like the list. */
export function useFetchMemberIds() {
  const queryClient = useQueryClient();
  return (input: InputOf<'club.memberIds'>) =>
    queryClient.fetchQuery({ queryKey: ['club.memberIds', input], queryFn: () => call('club.memberIds', input) });
}

export const useClubTiers = () => useOperation('club.tiers', {});
export const useSavedViews = () => useOperation('club.views.list', {});
export const useSaveView = () => useOperationMutation('club.views.save', ['club.views.list']);
export const useDeleteView = () => useOperationMutation('club.views.delete', ['club.views.list']);

// Tags show in the member list (column and filter) and on the contacts' pages and filters.
export const useAddTags = () => useOperationMutation('contacts.addTags', contactQueries);

export const useExportPreview = (input: InputOf<'exports.preview'>) => useOperation('exports.preview', input, { keepPrevious: true });
export const useCreateExport = () => useOperationMutation('exports.create', ['exports.log']);
export const useExportLog = () => useOperation('exports.log', { limit: 1000 });
