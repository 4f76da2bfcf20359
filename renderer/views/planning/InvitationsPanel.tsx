import { ActionIcon, Anchor, Button, Group, Modal, NumberInput, SegmentedControl, Stack, Switch, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMail, IconMailForward, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContactRef } from '../../../shared/schemas/contact';
import type { Event } from '../../../shared/schemas/event';
import { rsvps, type InvitationView, type Rsvp } from '../../../shared/schemas/invitation';
import { call } from '../../api/client';
import { useInvitations, useRemoveInvitation, useSetRsvp } from '../../api/queries';
import { notifyError } from '../../components/notify';
import { QueryState } from '../../components/QueryState';
import { AddGuestsModal } from './AddGuestsModal';
import { BookingAction, BookingModal } from './BookingModal';
import { byName, guestCounts } from './guestCounts';
import { fillTemplate, mailtoUrl, openMailto } from './invitationText';
import { eventPlaceholders, useInvitationTemplate } from './useInvitationTemplate';

const nameOf = (invitation: InvitationView) => `${invitation.contact.firstName} ${invitation.contact.lastName}`;

/** The invitee list of an event: counts against capacity, replies, companions, invitations by e-mail. */
export function InvitationsPanel({ event, hostName }: { event: Event; hostName: string }) {
  const { t, i18n } = useTranslation();
  const invitations = useInvitations(event.id);
  const [pendingOnly, setPendingOnly] = useState(false);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<InvitationView | null>(null);
  const [booking, setBooking] = useState<ContactRef | null>(null);
  const template = useInvitationTemplate();
  const eventValues = eventPlaceholders(event, hostName, i18n.language);
  // The main process keeps the lists of cancelled and closed events as they are.
  const editable = event.status !== 'cancelled' && event.status !== 'closed';
  // A guest who wants to host says so at (or after) the party she was invited to.
  const bookable = event.status === 'invited' || event.status === 'held';

  const personalMail = (invitation: InvitationView) => {
    const values = { ...eventValues, vorname: invitation.contact.firstName, nachname: invitation.contact.lastName };
    return mailtoUrl({ to: [invitation.contact.email!], subject: fillTemplate(template.subject, values), body: fillTemplate(template.body, values) });
  };
  const all = [...(invitations.data ?? [])].sort(byName);
  const withEmail = all.filter((invitation) => invitation.contact.email);
  const bccMail = () => {
    // One text for everybody: the greeting becomes "Hallo zusammen".
    const values = { ...eventValues, vorname: t('invitations.everyone'), nachname: '' };
    return mailtoUrl({ bcc: withEmail.map((invitation) => invitation.contact.email!), subject: fillTemplate(template.subject, values), body: fillTemplate(template.body, values) });
  };

  const shown = pendingOnly ? all.filter((invitation) => invitation.rsvp === 'pending') : all;
  const counts = guestCounts(all);
  const overCapacity = event.capacity !== undefined && counts.seats > event.capacity;

  return (
    <Stack component="section" aria-label={t('invitations.title')} gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('invitations.title')}
        </Title>
        {editable && (
          <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
            {t('invitations.add')}
          </Button>
        )}
      </Group>

      <QueryState query={invitations}>
        {() => (
          <>
            <Group gap="lg" aria-live="polite" role="status" aria-label={t('invitations.counts')}>
              {(['invited', 'yes', 'no', 'maybe', 'pending'] as const).map((key) => (
                <Text key={key}>
                  {t(`invitations.count.${key}`, { count: counts[key] })}
                  {key === 'yes' && counts.plusOnes > 0 && ` ${t('invitations.count.plusOnes', { count: counts.plusOnes })}`}
                </Text>
              ))}
              {event.capacity !== undefined && (
                <Text fw={600} c={overCapacity ? 'red.8' : 'teal.8'}>
                  {t(overCapacity ? 'invitations.seatsOver' : 'invitations.seats', { seats: counts.seats, capacity: event.capacity })}
                </Text>
              )}
            </Group>

            {all.length === 0 ? (
              <Text c="dimmed">{t('invitations.none')}</Text>
            ) : (
              <>
                <Group justify="space-between">
                  <Switch label={t('invitations.pendingOnly')} checked={pendingOnly} onChange={(e) => setPendingOnly(e.currentTarget.checked)} />
                  <Group gap="xs">
                    <Button
                      variant="light"
                      leftSection={<IconMailForward size={18} aria-hidden />}
                      disabled={withEmail.length === 0}
                      onClick={() => openMailto(bccMail())}
                    >
                      {t('invitations.mailAll', { count: withEmail.length })}
                    </Button>
                  </Group>
                </Group>
                <Text size="sm" c="dimmed">
                  {t('invitations.mailHint')}
                </Text>
                <Table.ScrollContainer minWidth={860}>
                  <Table verticalSpacing="xs" highlightOnHover>
                    <Table.Thead>
                      <Table.Tr>
                        {(['name', 'reach', 'code', 'rsvp', 'plusOnes'] as const).map((column) => (
                          <Table.Th key={column}>{t(`invitations.columns.${column}`)}</Table.Th>
                        ))}
                        <Table.Th>
                          <VisuallyHidden>{t('invitations.columns.actions')}</VisuallyHidden>
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {shown.map((invitation) => (
                        <GuestRow
                          key={invitation.id}
                          invitation={invitation}
                          editable={editable}
                          mailto={invitation.contact.email ? personalMail(invitation) : undefined}
                          onRemove={() => setRemoving(invitation)}
                          onBook={bookable ? () => setBooking(invitation.contact) : undefined}
                        />
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </>
            )}
          </>
        )}
      </QueryState>
      <AddGuestsModal event={event} opened={adding} onClose={() => setAdding(false)} />
      <RemoveGuestModal eventId={event.id} invitation={removing} onClose={() => setRemoving(null)} />
      <BookingModal event={event} guest={booking} onClose={() => setBooking(null)} />
    </Stack>
  );
}

function GuestRow({
  invitation,
  editable,
  mailto,
  onRemove,
  onBook,
}: {
  invitation: InvitationView;
  editable: boolean;
  mailto: string | undefined;
  onRemove: () => void;
  onBook: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const setRsvp = useSetRsvp();
  const name = nameOf(invitation);

  const save = async (rsvp: Rsvp, plusOnes: number) => {
    try {
      await setRsvp.mutateAsync({ invitationId: invitation.id, rsvp, plusOnes });
    } catch (error) {
      notifyError(t, error);
    }
  };

  return (
    <Table.Tr>
      <Table.Td fw={500}>
        <Anchor component={Link} to={`/contacts/${invitation.contact.id}`} inherit>
          {name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{invitation.contact.email}</Text>
        <Text size="sm">{invitation.contact.phone ?? invitation.contact.mobile}</Text>
      </Table.Td>
      <Table.Td ff="monospace">{invitation.code}</Table.Td>
      <Table.Td>
        <SegmentedControl
          size="xs"
          aria-label={t('invitations.rsvpOf', { name })}
          value={invitation.rsvp}
          disabled={!editable}
          onChange={(rsvp) => void save(rsvp as Rsvp, invitation.plusOnes)}
          data={rsvps.map((rsvp) => ({ value: rsvp, label: t(`invitations.rsvp.${rsvp}`) }))}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          // Remounted when the stored number changes, so the field always starts from it.
          key={invitation.plusOnes}
          size="xs"
          w={80}
          min={0}
          max={20}
          clampBehavior="strict"
          allowDecimal={false}
          allowNegative={false}
          disabled={!editable}
          aria-label={t('invitations.plusOnesOf', { name })}
          defaultValue={invitation.plusOnes}
          onBlur={(e) => {
            const plusOnes = Number(e.currentTarget.value || 0);
            if (plusOnes !== invitation.plusOnes) void save(invitation.rsvp, plusOnes);
          }}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <Tooltip label={mailto ? t('invitations.mailOne') : t('invitations.noEmail')}>
            <ActionIcon variant="subtle" aria-label={t('invitations.mailTo', { name })} disabled={!mailto} onClick={() => mailto && openMailto(mailto)}>
              <IconMail size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          {onBook && <BookingAction name={name} onClick={onBook} />}
          {editable && (
            <Tooltip label={t('invitations.remove')}>
              <ActionIcon variant="subtle" color="red" aria-label={t('invitations.removeGuest', { name })} onClick={onRemove}>
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** Asks first; afterwards "Rückgängig" invites the person again with the same reply (the code is new). */
function RemoveGuestModal({ eventId, invitation, onClose }: { eventId: string; invitation: InvitationView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useRemoveInvitation();
  const queryClient = useQueryClient();

  const undo = async (removed: InvitationView, notificationId: string) => {
    notifications.hide(notificationId);
    try {
      const { added } = await call('invitations.add', { eventId, contactIds: [removed.contact.id] });
      const again = added[0];
      if (again && removed.rsvp !== 'pending') await call('invitations.setRsvp', { invitationId: again.id, rsvp: removed.rsvp, plusOnes: removed.plusOnes });
    } catch (error) {
      notifyError(t, error);
    }
    await Promise.all(['invitations.list', 'contacts.history', 'contacts.list'].map((name) => queryClient.invalidateQueries({ queryKey: [name] })));
  };

  const confirm = async () => {
    if (!invitation) return;
    try {
      await remove.mutateAsync({ invitationId: invitation.id });
      const id = `removed-${invitation.id}`;
      notifications.show({
        id,
        color: 'teal',
        autoClose: 10_000,
        message: (
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('invitations.removed', { name: nameOf(invitation) })}</Text>
            <Button size="compact-sm" variant="light" onClick={() => void undo(invitation, id)}>
              {t('common.undo')}
            </Button>
          </Group>
        ),
      });
      onClose();
    } catch (error) {
      notifyError(t, error);
    }
  };

  return (
    <Modal opened={invitation !== null} onClose={onClose} title={t('invitations.removeTitle')}>
      {invitation && (
        <Stack>
          <Text>{t('invitations.removeQuestion', { name: nameOf(invitation) })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={confirm} loading={remove.isPending} data-autofocus>
              {t('invitations.remove')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
