import { z } from 'zod';
import { id, isoDateTime, optionalText } from './common';

/**
 * Every check-in and every undo is its own record with a unique id, time,
 * device and operator: the audit trail of the door, and what makes a later
 * merge of several door stations idempotent. A guest is "da" when her newest
 * record is a check-in.
 */
export const checkinRecord = z.strictObject({
  id,
  kind: z.enum(['checkin', 'undo']),
  at: isoDateTime,
  /** The station that recorded it (host name of the computer, or a door station's name). */
  device: z.string().trim().min(1).max(100),
  /** The operator name set in Einstellungen, if any. */
  operator: optionalText(100),
  /** Companions who came along with this check-in (her plus-ones), each counted. */
  companions: z.number().int().min(0).max(20).default(0),
  /** For an undo: the check-in it takes back. */
  undoes: id.optional(),
});

export type CheckinRecord = z.output<typeof checkinRecord>;

/** The check-in in force for a guest's records: her newest record, when it is a check-in. */
export function currentCheckin(records: readonly CheckinRecord[]): CheckinRecord | undefined {
  const newest = records.at(-1);
  return newest?.kind === 'checkin' ? newest : undefined;
}

export interface CheckinCounts {
  invited: number;
  accepted: number;
  arrived: number;
  walkIns: number;
  notArrived: number;
}

type Countable = { rsvp: string; walkIn: boolean; checkins: readonly CheckinRecord[] };

/**
 * The door's counts (see checkin.state in the contract): people there now
 * count with their companions; invited, accepted and not arrived count
 * invitations, walk-ins aside.
 */
export function checkinCounts(invitations: readonly Countable[]): CheckinCounts {
  const counts: CheckinCounts = { invited: 0, accepted: 0, arrived: 0, walkIns: 0, notArrived: 0 };
  for (const { rsvp, walkIn, checkins } of invitations) {
    const here = currentCheckin(checkins);
    const people = here ? 1 + here.companions : 0;
    counts.arrived += people;
    if (walkIn) {
      counts.walkIns += people;
      continue;
    }
    counts.invited++;
    if (rsvp === 'yes') counts.accepted++;
    if (!here && rsvp !== 'no') counts.notArrived++;
  }
  return counts;
}
