import { Anchor, Button, Group, Kbd, Stack, Switch, Text, TextInput, Title, type ButtonProps } from '@mantine/core';
import { IconArrowBackUp, IconCamera, IconDoorExit, IconMaximize, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useEffectEvent, useLayoutEffect, useMemo, useRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AppError } from '../../../shared/errors';
import type { Event } from '../../../shared/schemas/event';
import { useCheckinState, useContacts, useEvent, useSettings } from '../../api/queries';
import { useAppChrome } from '../../components/AppLayout';
import { BackLink } from '../../components/BackLink';
import { QueryState } from '../../components/QueryState';
import { formatDateTimeRange } from '../../i18n/format';
import { CameraModal } from './CameraModal';
import { CompanionsModal } from './CompanionsModal';
import { householdKey } from '../../../shared/search/normalize';
import { doorName, householdOf, isInvitationCode } from './door';
import { DoorCounts } from './DoorCounts';
import { DoorFeedback } from './DoorFeedback';
import { DoorResults, optionId, orderResults, resultsId, type SearchResult } from './DoorResults';
import { useDoorSearch } from './doorSearch';
import { GuestLists } from './GuestLists';
import { LeaveDoorModeModal } from './LeaveDoorModeModal';
import { useDoor, type CheckinOptions, type CheckinTarget } from './useDoor';
import { WalkInModal } from './WalkInModal';

type Overlay = 'walkIn' | 'camera' | 'leave' | { companions: SearchResult } | null;

const targetOf = (result: SearchResult): CheckinTarget =>
  result.invitation ? { invitationId: result.invitation.id } : { contactId: result.contact.id };

/** Whether a key press landed in a field that takes text (typing elsewhere goes to the search). */
const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** A door action with its key beside the label; the key stays out of the accessible name ("Rückgängig"). */
function KeyButton({ icon, keys, ariaKeys, children, ...props }: { icon: ReactNode; keys: string; ariaKeys: string } & ButtonProps & ComponentPropsWithoutRef<'button'>) {
  return (
    <Button size="md" variant="default" leftSection={icon} rightSection={<Kbd aria-hidden>{keys}</Kbd>} aria-keyshortcuts={ariaKeys} {...props}>
      {children}
    </Button>
  );
}

/** #/checkin/:eventId — the door of one event. */
export function DoorView() {
  const { eventId = '' } = useParams();
  const event = useEvent(eventId);
  return <QueryState query={event}>{(data) => <DoorScreen event={data} />}</QueryState>;
}

/**
 * The host's screen at the door, for the keyboard alone: one big search field
 * that always has the focus; Enter checks in the chosen (first) match, Esc
 * clears, Ctrl+Z undoes, Ctrl+N takes down a walk-in. A code typed by a USB
 * scanner checks in at once.
 */
function DoorScreen({ event }: { event: Event }) {
  const { t, i18n } = useTranslation();
  const { doorMode, setDoorMode } = useAppChrome();
  const [privacy, setPrivacy] = useState(false);
  const door = useDoor(event.id, privacy);
  const state = useCheckinState(event.id);
  const settings = useSettings();
  // Their addresses tell who lives together: the household hint.
  const invitedContacts = useContacts({ invitedTo: { eventIds: [event.id] }, limit: 1000 });

  const [query, setQuery] = useState('');
  const text = query.trim();
  const search = useDoorSearch(event.id, text, state.data?.guests, invitedContacts.data?.items);
  const results = orderResults(search.results, privacy);
  // The selection follows the person, not the row: the other contacts arriving below keep it where it is.
  const [selection, setSelection] = useState({ query: '', contactId: '' });
  const selected = selection.query === text ? Math.max(0, results.findIndex((result) => result.contact.id === selection.contactId)) : 0;

  const [overlay, setOverlay] = useState<Overlay>(null);
  const overlayRef = useRef<Overlay>(null);
  useLayoutEffect(() => {
    overlayRef.current = overlay;
  });
  const searchRef = useRef<HTMLInputElement>(null);

  // The search field keeps the focus: at the start, after every dialog, after clicks elsewhere.
  const refocus = () =>
    setTimeout(() => {
      if (overlayRef.current === null) searchRef.current?.focus();
    }, 0);
  useEffect(() => {
    if (overlay === null) searchRef.current?.focus();
  }, [overlay]);

  const addresses = useMemo(
    () => new Map((invitedContacts.data?.items ?? []).map((contact) => [contact.id, householdKey(contact)])),
    [invitedContacts.data],
  );
  const guests = state.data?.guests ?? [];
  const household = (result: SearchResult) => (result.invitation ? householdOf(result.contact, result.invitation.id, guests, addresses) : []);

  /**
   * Whom Enter takes for exactly what is typed: the one selected on screen once
   * that is final (a guest: guests come first; anyone once the list is complete),
   * else the chosen one (or the first) of the complete list, asked for now.
   */
  async function chosenFor(typed: string): Promise<SearchResult | undefined> {
    const shown = typed === text ? results[selected] : undefined;
    if (shown && (shown.invitation || search.complete)) return shown;
    const found = orderResults(await search.completeFor(typed), privacy);
    const picked = selection.query === typed ? selection.contactId : undefined;
    return found.find((result) => result.contact.id === picked) ?? found[0];
  }

  /** After an action the field is cleared for the next guest, unless she is typed already. */
  const done = (typed: string) => {
    setQuery((current) => (current.trim() === typed ? '' : current));
    refocus();
  };

  async function checkIn(result: SearchResult, typed: string, options: CheckinOptions = {}) {
    if (await door.checkInGuest(targetOf(result), options)) done(typed);
    else refocus();
  }

  async function enter(mode: 'default' | 'companions' | 'household') {
    const typed = text;
    if (typed === '') return;
    if (mode === 'default' && isInvitationCode(typed)) {
      try {
        await door.checkInOrThrow({ code: typed });
        done(typed);
        return;
      } catch (error) {
        // Some surnames look like a code ("BECKER"): an unknown code without digits is looked up as a name.
        const maybeName = error instanceof AppError && error.code === 'NOT_FOUND' && !/\d/.test(typed);
        if (!maybeName || !(await chosenFor(typed).catch(() => undefined))) {
          door.fail(error);
          return;
        }
      }
    }
    let chosen: SearchResult | undefined;
    try {
      chosen = await chosenFor(typed);
    } catch (error) {
      door.fail(error);
      return;
    }
    if (!chosen) door.show('warning', t('checkin.nothingFound', { query: typed }), t('checkin.nothingFoundHint'));
    else if (mode === 'companions') setOverlay({ companions: chosen });
    else await checkIn(chosen, typed, { household: mode === 'household' });
  }

  const move = (step: number) => {
    if (results.length === 0) return;
    setSelection({ query: text, contactId: results[(selected + step + results.length) % results.length]!.contact.id });
  };

  function enterDoorMode() {
    setDoorMode(true);
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
    refocus();
  }
  function leaveDoorMode() {
    setOverlay(null);
    setDoorMode(false);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }
  // Leaving the page (or the app closing it) ends door mode: the next page has its navigation back.
  useEffect(
    () => () => {
      setDoorMode(false);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    },
    [setDoorMode],
  );

  const onWindowKey = useEffectEvent((keyEvent: KeyboardEvent) => {
    if (overlayRef.current !== null) return; // dialogs keep their keys (Ctrl+Z in the walk-in form undoes typing)
    const mod = keyEvent.ctrlKey || keyEvent.metaKey;
    const key = keyEvent.key.toLowerCase();
    if (mod && !keyEvent.shiftKey && !keyEvent.altKey && key === 'z') {
      keyEvent.preventDefault();
      void door.undoLast().then(refocus);
    } else if (mod && !keyEvent.shiftKey && !keyEvent.altKey && key === 'n') {
      keyEvent.preventDefault();
      setOverlay('walkIn');
    } else if (mod && keyEvent.shiftKey && key === 'q' && doorMode) {
      keyEvent.preventDefault();
      setOverlay('leave');
    } else if (!mod && !keyEvent.altKey && keyEvent.key.length === 1 && keyEvent.key !== ' ' && !isEditable(keyEvent.target)) {
      // A name typed (or a code scanned) while a button had the focus still lands in the search; Space still presses the button.
      searchRef.current?.focus();
    }
  });
  useEffect(() => {
    const onKey = (keyEvent: KeyboardEvent) => onWindowKey(keyEvent);
    const onFocus = () => searchRef.current?.focus();
    window.addEventListener('keydown', onKey);
    window.addEventListener('focus', onFocus);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('focus', onFocus);
    };
  }, []);

  const operator = settings.data?.operatorName;
  const companionsFor = typeof overlay === 'object' && overlay !== null ? overlay.companions : null;

  return (
    // A click anywhere outside the dialogs gives the focus back to the search, after the click's own action.
    <Stack gap="md" onClick={refocus}>
      {!doorMode && <BackLink to="/checkin">{t('checkin.otherEvent')}</BackLink>}
      <Group justify="space-between" align="start" gap="sm">
        <Stack gap={2}>
          <Title order={1} fz={30}>
            {event.title}
          </Title>
          <Text fz="lg" c="dark.6">
            {formatDateTimeRange(event.startsAt, event.endsAt, i18n.language)}
            {' · '}
            {operator ? (
              t('checkin.operator', { name: operator })
            ) : doorMode ? (
              t('checkin.noOperator')
            ) : (
              <Anchor component={Link} to="/settings" inherit>
                {t('checkin.setOperator')}
              </Anchor>
            )}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button size="md" variant="default" leftSection={<IconCamera size={20} aria-hidden />} onClick={() => setOverlay('camera')}>
            {t('checkin.camera.open')}
          </Button>
          <KeyButton icon={<IconUserPlus size={20} aria-hidden />} keys={t('checkin.keys.walkIn')} ariaKeys="Control+N" onClick={() => setOverlay('walkIn')}>
            {t('checkin.walkIn.open')}
          </KeyButton>
          <KeyButton
            icon={<IconArrowBackUp size={20} aria-hidden />}
            keys={t('checkin.keys.undo')}
            ariaKeys="Control+Z"
            aria-description={door.lastAction ? t('checkin.lastAction', { name: door.lastAction }) : undefined}
            disabled={!door.lastAction}
            onClick={() => void door.undoLast()}
          >
            {t('common.undo')}
          </KeyButton>
          {doorMode ? (
            <Button size="md" color="red" variant="light" leftSection={<IconDoorExit size={20} aria-hidden />} aria-keyshortcuts="Control+Shift+Q" onClick={() => setOverlay('leave')}>
              {t('checkin.doorMode.leave')}
            </Button>
          ) : (
            <Button size="md" leftSection={<IconMaximize size={20} aria-hidden />} onClick={enterDoorMode}>
              {t('checkin.doorMode.enter')}
            </Button>
          )}
        </Group>
      </Group>

      {/* Switched before the door opens; in door mode a guest must not switch it off. */}
      {!doorMode && (
        <Switch
          size="md"
          label={t('checkin.privacy.label')}
          description={t('checkin.privacy.description')}
          checked={privacy}
          onChange={(change) => setPrivacy(change.currentTarget.checked)}
        />
      )}

      {!privacy && state.data && <DoorCounts counts={state.data.counts} />}

      <TextInput
        ref={searchRef}
        value={query}
        onChange={(change) => setQuery(change.currentTarget.value)}
        onKeyDown={(keyEvent) => {
          if (keyEvent.nativeEvent.isComposing) return;
          if (keyEvent.key === 'ArrowDown' || keyEvent.key === 'ArrowUp') {
            keyEvent.preventDefault();
            move(keyEvent.key === 'ArrowDown' ? 1 : -1);
          } else if (keyEvent.key === 'Enter') {
            keyEvent.preventDefault();
            void enter(keyEvent.altKey ? 'household' : keyEvent.shiftKey ? 'companions' : 'default');
          } else if (keyEvent.key === 'Escape') {
            keyEvent.preventDefault();
            setQuery('');
          }
        }}
        onBlur={(blur) => {
          if (blur.relatedTarget === null) refocus();
        }}
        label={t('checkin.search')}
        description={privacy ? t('checkin.privacy.hint') : t('checkin.searchHint')}
        placeholder={t('checkin.searchPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={results.length > 0}
        aria-controls={resultsId}
        aria-activedescendant={results.length > 0 ? optionId(selected) : undefined}
        size="xl"
        styles={{
          input: { fontSize: 34, height: 76, fontWeight: 600, borderWidth: 3, borderColor: 'var(--mantine-color-teal-7)' },
          label: { fontSize: 22, fontWeight: 700 },
          description: { fontSize: 16, color: 'var(--mantine-color-dark-6)' },
        }}
      />

      <DoorFeedback feedback={door.feedback} />

      {text !== '' ? (
        results.length > 0 ? (
          <DoorResults query={text} busy={!search.complete} results={results} selected={selected} privacy={privacy} householdOf={household} onPick={(index) => void checkIn(results[index]!, text)} />
        ) : (
          search.complete && (
            <Text fz={24} c="dark.6" data-query={text}>
              {t('checkin.nothingFound', { query: text })} {t('checkin.nothingFoundHint')}
            </Text>
          )
        )
      ) : (
        !privacy && state.data && <GuestLists guests={state.data.guests} door={door} onTabChange={refocus} />
      )}

      {overlay === 'walkIn' && (
        <WalkInModal
          event={event}
          query={query}
          privacy={privacy}
          door={door}
          onDone={() => {
            setOverlay(null);
            setQuery('');
          }}
          onClose={() => setOverlay(null)}
        />
      )}
      {overlay === 'camera' && (
        <CameraModal onCode={(code) => void door.checkInGuest({ code })} onClose={() => setOverlay(null)}>
          <DoorFeedback feedback={door.feedback} />
        </CameraModal>
      )}
      {overlay === 'leave' && <LeaveDoorModeModal onConfirm={leaveDoorMode} onClose={() => setOverlay(null)} />}
      {companionsFor && (
        <CompanionsModal
          name={doorName(companionsFor.contact, privacy)}
          plusOnes={companionsFor.invitation?.plusOnes ?? 0}
          onClose={() => setOverlay(null)}
          onSubmit={(companions) => {
            setOverlay(null);
            void checkIn(companionsFor, text, { companions });
          }}
        />
      )}
    </Stack>
  );
}
