import { Box, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import type { InvitationView } from '../../../shared/schemas/invitation';
import { RsvpBadge } from '../../components/RsvpBadge';
import { StatusBadge } from '../../components/StatusBadge';
import { formatTime } from '../../i18n/format';
import { arrivedAt, doorName } from './door';

export type SearchResult = OutputOf<'checkin.search'>[number];

/**
 * Invited guests first, then other contacts, as the rows are shown and ↑/↓ walks them. Self check-in
 * offers only the guest list: the whole address book is nobody's business at the door.
 */
export function orderResults(results: readonly SearchResult[], privacy: boolean): SearchResult[] {
  const invited = results.filter((result) => result.invitation);
  return privacy ? invited : [...invited, ...results.filter((result) => !result.invitation)];
}

export const optionId = (index: number) => `door-result-${index}`;
export const resultsId = 'door-results';

/**
 * The search results (in the order of orderResults) as a listbox the search field
 * controls (aria-activedescendant), each a big row. Clicking a row checks her in.
 */
export function DoorResults({
  query,
  busy,
  results,
  selected,
  privacy,
  householdOf,
  onPick,
}: {
  /** The text these results answer (data-query, which the renderer benchmark waits for); `busy` while other contacts may still come. */
  query: string;
  busy: boolean;
  results: readonly SearchResult[];
  selected: number;
  privacy: boolean;
  householdOf: (result: SearchResult) => InvitationView[];
  onPick: (index: number) => void;
}) {
  const { t } = useTranslation();
  const invited = results.filter((result) => result.invitation);
  const groups = [
    { label: t('checkin.invited'), items: invited, offset: 0 },
    { label: t('checkin.others'), items: results.filter((result) => !result.invitation), offset: invited.length },
  ].filter((group) => group.items.length > 0);

  return (
    <Stack id={resultsId} role="listbox" aria-label={t('checkin.results')} aria-busy={busy} data-query={query} gap="md">
      {groups.map((group) => (
        <Stack key={group.label} role="group" aria-label={group.label} gap={6}>
          <Title order={2} size="h4" c="dark.6" tt="uppercase" aria-hidden>
            {group.label}
          </Title>
          {group.items.map((result, position) => {
            const index = group.offset + position;
            return (
              <ResultRow
                key={result.contact.id}
                index={index}
                result={result}
                selected={index === selected}
                privacy={privacy}
                household={result.invitation ? householdOf(result) : []}
                onPick={() => onPick(index)}
              />
            );
          })}
        </Stack>
      ))}
    </Stack>
  );
}

function ResultRow({
  index,
  result,
  selected,
  privacy,
  household,
  onPick,
}: {
  index: number;
  result: SearchResult;
  selected: boolean;
  privacy: boolean;
  household: InvitationView[];
  onPick: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { contact, invitation } = result;
  const since = invitation && arrivedAt(invitation);
  const notes = [invitation?.note, contact.notes].filter(Boolean).join(' · ');
  const details = [contact.city, contact.email].filter(Boolean).join(' · ');

  return (
    <Box
      id={optionId(index)}
      role="option"
      aria-selected={selected}
      onClick={onPick}
      p="md"
      bd={selected ? '3px solid var(--mantine-color-teal-7)' : '3px solid var(--mantine-color-gray-3)'}
      bg={selected ? 'teal.0' : 'white'}
      style={{ borderRadius: 'var(--mantine-radius-md)', cursor: 'pointer' }}
    >
      <Group justify="space-between" wrap="nowrap" align="start">
        <Text fz={32} fw={750} lh={1.15} c="dark.9">
          {doorName(contact, privacy)}
        </Text>
        <Group gap="xs" justify="flex-end">
          {since && (
            <StatusBadge size="xl" color="green.8" variant="filled">
              {t('checkin.thereSince', { time: formatTime(since, i18n.language) })}
            </StatusBadge>
          )}
          {invitation && invitation.plusOnes > 0 && (
            <StatusBadge size="xl" color="dark" variant="outline">
              {t('checkin.plusOnes', { count: invitation.plusOnes })}
            </StatusBadge>
          )}
          {!invitation ? (
            <StatusBadge size="xl" color="gray">
              {t('checkin.notInvited')}
            </StatusBadge>
          ) : invitation.walkIn ? (
            <StatusBadge size="xl" color="gray">
              {t('checkin.walkInBadge')}
            </StatusBadge>
          ) : (
            <RsvpBadge rsvp={invitation.rsvp} size="xl" />
          )}
        </Group>
      </Group>
      {/* Self check-in shows no contact details and no notes to the guests typing. */}
      {!privacy && details && (
        <Text fz={20} c="dark.6">
          {details}
        </Text>
      )}
      {!privacy && notes && (
        <Text fz={22} fw={650} c="orange.9" lineClamp={2}>
          {notes}
        </Text>
      )}
      {!privacy && household.length > 0 && (
        <Text fz={20} c="indigo.9">
          {t('checkin.household', { names: household.map((member) => doorName(member.contact, false)).join(', ') })}
        </Text>
      )}
    </Box>
  );
}
