import { AppError } from '../../shared/errors';
import { formatMemberNumber } from '../../shared/club/points';
import type { JoinSource, Membership } from '../../shared/schemas/club';
import type { ClubDocument } from '../store/documents';
import { localDate } from '../../shared/days';

/**
 * Changes to the memberships in club.json, as pure steps on the document, so
 * that the club's own operations, a walk-in at the door, an import and a merge
 * of contacts write them in the same change as everything else.
 */

export const alreadyMember = () => new AppError('CONFLICT', 'errors.alreadyMember');

/**
 * She joins: a new member gets the next number and today as her day of
 * joining; a former member is active again under her old number, with her
 * history. A current member (active or paused) cannot join again.
 */
export function joinClub(club: ClubDocument, contactId: string, source: JoinSource, now: Date): { club: ClubDocument; membership: Membership } {
  const existing = club.memberships[contactId];
  if (existing && existing.status !== 'left') throw alreadyMember();
  const membership: Membership = existing
    ? {
        ...existing,
        status: 'active',
        statusChangedAt: now.toISOString(),
        // The time she was away earns no points.
        absences: [...existing.absences, { from: existing.statusChangedAt ?? now.toISOString(), until: now.toISOString() }],
      }
    : {
        contactId,
        memberNumber: formatMemberNumber(club.settings.memberNumberFormat, club.nextMemberNumber),
        joinedOn: localDate(now),
        status: 'active',
        source,
        points: [],
        absences: [],
      };
  return {
    club: { ...club, memberships: { ...club.memberships, [contactId]: membership }, nextMemberNumber: club.nextMemberNumber + (existing ? 0 : 1) },
    membership,
  };
}

/** Everyone of them who is not a member now joins; current members stay as they are. */
export function joinAll(club: ClubDocument, contactIds: Iterable<string>, source: JoinSource, now: Date): { club: ClubDocument; joined: number } {
  let next = club;
  let joined = 0;
  for (const contactId of contactIds) {
    const status = next.memberships[contactId]?.status;
    if (status === 'active' || status === 'paused') continue;
    next = joinClub(next, contactId, source, now).club;
    joined++;
  }
  return { club: next, joined };
}

/**
 * Contacts merged into one keep one membership: the kept contact's, else the
 * first merged one's. It takes the earliest day of joining and the manual
 * points of all. Undefined when none of them was a member.
 */
export function mergeMemberships(club: ClubDocument, keepId: string, mergedIds: Iterable<string>): ClubDocument | undefined {
  const all = [keepId, ...mergedIds].flatMap((contactId) => club.memberships[contactId] ?? []);
  const [base] = all;
  if (!base) return undefined;
  const memberships = { ...club.memberships };
  for (const { contactId } of all) delete memberships[contactId];
  memberships[keepId] = {
    ...base,
    contactId: keepId,
    joinedOn: all.map((membership) => membership.joinedOn).reduce((a, b) => (b < a ? b : a)),
    points: all.flatMap((membership) => membership.points).sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
  };
  return { ...club, memberships };
}
