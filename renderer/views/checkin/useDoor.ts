import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { ContactRef } from '../../../shared/schemas/contact';
import { useCheckIn, useUndoCheckin, useWalkIn } from '../../api/queries';
import { translateMessage } from '../../i18n';
import { formatTime } from '../../i18n/format';
import { doorName } from './door';

export type CheckinTarget = { invitationId: string } | { code: string } | { contactId: string };
export type CheckinOptions = { companions?: number; household?: boolean };

/** What the big banner under the search field says; `id` restarts its fade for a repeated message. */
export interface Feedback {
  id: number;
  kind: 'success' | 'warning' | 'error';
  title: string;
  detail?: string;
}

/** One action of this door's session, undone as a whole: a guest with her household, or a walk-in. */
interface DoorAction {
  invitationIds: string[];
  name: string;
}

let feedbackId = 0;

/**
 * The door's actions for one event: check in, undo (the last action of this
 * session, or any guest's check-in), walk-ins; each answers with feedback in
 * words. The actions never throw: a failure becomes an error message.
 */
export function useDoor(eventId: string, privacy: boolean) {
  const { t, i18n } = useTranslation();
  const checkIn = useCheckIn();
  const undo = useUndoCheckin();
  const walkIn = useWalkIn();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [history, setHistory] = useState<DoorAction[]>([]);

  const name = (contact: Pick<ContactRef, 'firstName' | 'lastName'>) => doorName(contact, privacy);
  const show = (kind: Feedback['kind'], title: string, detail?: string) => setFeedback({ id: ++feedbackId, kind, title, detail });
  const arrived = (guest: string, companions: number) =>
    companions > 0 ? t('checkin.feedback.arrivedWith', { name: guest, companions }) : t('checkin.feedback.arrived', { name: guest });
  const fail = (error: unknown) => show('error', translateMessage(t, error instanceof Error ? error.message : undefined));

  function reportCheckIn(result: OutputOf<'checkin.checkIn'>) {
    const guest = name(result.invitation.contact);
    if (result.alreadyCheckedIn) {
      show('warning', t('checkin.feedback.already', { time: formatTime(result.record.at, i18n.language) }), guest);
      return;
    }
    const household = result.household.map((member) => name(member.contact));
    show(
      'success',
      arrived(guest, result.record.companions),
      household.length > 0 ? t('checkin.feedback.household', { names: household.join(', ') }) : undefined,
    );
    const invitationIds = [result.invitation.id, ...result.household.map((member) => member.id)];
    setHistory((actions) => [...actions, { invitationIds, name: guest }]);
  }

  /** Checks in; throws, so that the caller can fall back (a name that looked like a code). */
  const checkInOrThrow = async (target: CheckinTarget, options: CheckinOptions = {}) =>
    reportCheckIn(await checkIn.mutateAsync({ eventId, ...target, ...options }));

  async function checkInGuest(target: CheckinTarget, options: CheckinOptions = {}): Promise<boolean> {
    try {
      await checkInOrThrow(target, options);
      return true;
    } catch (error) {
      fail(error);
      return false;
    }
  }

  async function takeBack(invitationIds: readonly string[], guest: string): Promise<boolean> {
    try {
      for (const invitationId of invitationIds) {
        // Taken back at another station meanwhile: nothing left to do for her.
        await undo.mutateAsync({ eventId, invitationId }).catch((error: unknown) => {
          if (!(error instanceof AppError && error.message === 'errors.notCheckedIn')) throw error;
        });
      }
      show('success', t('checkin.feedback.undone', { name: guest }));
      return true;
    } catch (error) {
      fail(error);
      return false;
    }
  }

  /** Ctrl+Z and "Rückgängig": the last action of this session at this door. */
  async function undoLast() {
    const last = history.at(-1);
    if (!last) {
      show('warning', t('checkin.feedback.nothingToUndo'));
      return;
    }
    if (await takeBack(last.invitationIds, last.name)) setHistory((actions) => actions.filter((action) => action !== last));
  }

  /** "Check-in zurücknehmen" in the guest list: any guest, any time; she leaves this session's undo history. */
  async function undoGuest(invitationId: string, contact: ContactRef) {
    if (!(await takeBack([invitationId], name(contact)))) return;
    setHistory((actions) =>
      actions
        .map((action) => ({ ...action, invitationIds: action.invitationIds.filter((id) => id !== invitationId) }))
        .filter((action) => action.invitationIds.length > 0),
    );
  }

  /** Registers a walk-in; throws, so that the form can put a field's error on the field. */
  async function registerWalkIn(input: InputOf<'checkin.walkIn'>) {
    const result = await walkIn.mutateAsync(input);
    const guest = name(result.contact);
    const joined = result.memberNumber && t('membership.door.joined', { number: result.memberNumber });
    show('success', arrived(guest, result.record.companions), [t('checkin.feedback.walkIn'), joined].filter(Boolean).join(' · '));
    setHistory((actions) => [...actions, { invitationIds: [result.invitation.id], name: guest }]);
  }

  return { feedback, lastAction: history.at(-1)?.name, checkInOrThrow, checkInGuest, undoLast, undoGuest, registerWalkIn, show, fail };
}

export type Door = ReturnType<typeof useDoor>;
