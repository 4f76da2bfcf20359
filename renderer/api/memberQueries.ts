import { useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../shared/contract';
import { call } from './client';
import { useOperation, useOperationMutation, type Refresh } from './queries';

/**
 * One membership, the club's settings and the club's printouts. A change to a
 * membership or to the club's rules refreshes the whole club area and export
 * counts; birthday greetings are tasks for members only, so the tasks follow too.
 */
const clubRefreshes: readonly Refresh[] = ['club', 'exports', 'tasks.list'];

export const useClubSettings = () => useOperation('club.settings.get', {});
export const useUpdateClubSettings = () => useOperationMutation('club.settings.update', clubRefreshes);

export const useMember = (contactId: string | undefined) => useOperation('club.member', { contactId: contactId ?? '' }, { enabled: Boolean(contactId) });
export const useJoinClub = () => useOperationMutation('club.join', clubRefreshes);
export const useLeaveClub = () => useOperationMutation('club.leave', clubRefreshes);
export const useSetMemberStatus = () => useOperationMutation('club.setStatus', clubRefreshes);
export const useAddPoints = () => useOperationMutation('club.addPoints', clubRefreshes);

/**
 * The rows of a club printout. The main process logs every print, so the
 * answer is not kept: each opening of a print page asks (and is logged) once.
 */
export const useClubPrint = (input: InputOf<'exports.print'> | undefined) =>
  useQuery({
    queryKey: ['exports.print', input],
    queryFn: () => call('exports.print', input!),
    enabled: Boolean(input),
    gcTime: 0,
    staleTime: Infinity,
  });
