import { Button, Table, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvitationView } from '../../../shared/schemas/invitation';
import { RsvpBadge } from '../../components/RsvpBadge';
import { StatusBadge } from '../../components/StatusBadge';
import { formatTime } from '../../i18n/format';
import { byName } from '../planning/guestCounts';
import { arrivedAt, doorName, noShows } from './door';
import type { Door } from './useDoor';

/**
 * Below the search while nothing is typed: every guest with her check-in state
 * (and a per-guest undo at any time), and the no-shows for the follow-up.
 */
export function GuestLists({ guests, door, onTabChange }: { guests: readonly InvitationView[]; door: Door; onTabChange: () => void }) {
  const { t } = useTranslation();
  const missing = noShows(guests);
  return (
    <Tabs defaultValue="guests" onChange={onTabChange} keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="guests" fz="lg">
          {t('checkin.tabs.guests', { count: guests.length })}
        </Tabs.Tab>
        <Tabs.Tab value="noShows" fz="lg">
          {t('checkin.tabs.noShows', { count: missing.length })}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="guests" pt="md">
        {guests.length === 0 ? <Text c="dimmed">{t('checkin.noGuests')}</Text> : <GuestTable guests={[...guests].sort(byName)} door={door} />}
      </Tabs.Panel>
      <Tabs.Panel value="noShows" pt="md">
        <Text c="dark.6" mb="sm">
          {t('checkin.noShowsHint')}
        </Text>
        {missing.length === 0 ? <Text c="dimmed">{t('checkin.noNoShows')}</Text> : <GuestTable guests={missing} door={door} withReach />}
      </Tabs.Panel>
    </Tabs>
  );
}

function GuestTable({ guests, door, withReach = false }: { guests: readonly InvitationView[]; door: Door; withReach?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" fz="lg" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('checkin.columns.name')}</Table.Th>
            <Table.Th>{t('checkin.columns.rsvp')}</Table.Th>
            {withReach && <Table.Th>{t('checkin.columns.reach')}</Table.Th>}
            <Table.Th>{t('checkin.columns.state')}</Table.Th>
            <Table.Th>{t('checkin.columns.action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {guests.map((guest) => {
            const name = doorName(guest.contact, false);
            const since = arrivedAt(guest);
            return (
              <Table.Tr key={guest.id}>
                <Table.Td fw={600}>
                  {name}
                  {guest.plusOnes > 0 && ` ${t('checkin.plusOnes', { count: guest.plusOnes })}`}
                </Table.Td>
                <Table.Td>{guest.walkIn ? <StatusBadge color="gray">{t('checkin.walkInBadge')}</StatusBadge> : <RsvpBadge rsvp={guest.rsvp} />}</Table.Td>
                {withReach && <Table.Td>{[guest.contact.phone ?? guest.contact.mobile, guest.contact.email].filter(Boolean).join(' · ')}</Table.Td>}
                <Table.Td>
                  {since ? (
                    <StatusBadge color="green">{t('checkin.thereSince', { time: formatTime(since, i18n.language) })}</StatusBadge>
                  ) : (
                    t('checkin.notThere')
                  )}
                </Table.Td>
                <Table.Td>
                  {since ? (
                    <Button variant="default" onClick={() => void door.undoGuest(guest.id, guest.contact)} aria-label={t('checkin.undoGuest', { name })}>
                      {t('checkin.undoGuestShort')}
                    </Button>
                  ) : (
                    <Button variant="light" onClick={() => void door.checkInGuest({ invitationId: guest.id })} aria-label={t('checkin.checkInGuest', { name })}>
                      {t('checkin.checkIn')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
