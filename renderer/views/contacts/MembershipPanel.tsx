import { Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCoins, IconId, IconUserPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MemberDetail, PointsEntry } from '../../../shared/schemas/club';
import type { Contact } from '../../../shared/schemas/contact';
import { useClubSettings, useJoinClub, useLeaveClub, useMember, useSetMemberStatus } from '../../api/memberQueries';
import { notifyError, notifySuccess } from '../../components/notify';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../i18n/format';
import { useMoney } from '../../i18n/useMoney';
import { useMemberCell } from '../club/memberCells';
import { PointsModal } from './PointsModal';
import { localDate } from '../../../shared/days';

/** "+50", "-20": a ledger line says which way the points went. */
const signed = (points: number, locale: string) => new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' }).format(points);

/** The contact's membership in the customer club: join, status, tier, points and their history. */
export function MembershipPanel({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const member = useMember(contact.id);
  return (
    <Paper withBorder p="lg" component="section" aria-label={t('membership.title')}>
      <Title order={2} size="h4" mb="xs">
        {t('membership.title')}
      </Title>
      <QueryState query={member}>{(detail) => (detail ? <Membership contact={contact} detail={detail} /> : <JoinOffer contact={contact} />)}</QueryState>
    </Paper>
  );
}

/** Runs a membership change and says how it went; a refusal becomes a notification. */
function useMemberAction() {
  const { t } = useTranslation();
  return async (change: () => Promise<MemberDetail>, success: (detail: MemberDetail) => string) => {
    try {
      notifySuccess(success(await change()));
    } catch (error) {
      notifyError(t, error);
    }
  };
}

function JoinOffer({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const join = useJoinClub();
  const act = useMemberAction();
  return (
    <Group justify="space-between">
      <Text c="dimmed">{t('membership.notMember')}</Text>
      <Button
        leftSection={<IconUserPlus size={18} aria-hidden />}
        loading={join.isPending}
        onClick={() => act(() => join.mutateAsync({ contactId: contact.id }), (detail) => t('membership.joined', { number: detail.member.memberNumber }))}
      >
        {t('membership.join')}
      </Button>
    </Group>
  );
}

function Membership({ contact, detail }: { contact: Contact; detail: MemberDetail }) {
  const { t } = useTranslation();
  const money = useMoney();
  // Status, dates and money look as in the member list.
  const cell = useMemberCell();
  const settings = useClubSettings();
  const join = useJoinClub();
  const setStatus = useSetMemberStatus();
  const act = useMemberAction();
  const [dialog, setDialog] = useState<'points' | 'leave' | null>(null);
  const { member, nextTier } = detail;
  // Points or cents, by the club's tier basis: said only once it is known.
  const basis = settings.data?.tierBasis;
  const missing = nextTier && basis && (basis === 'points' ? t('membership.points.count', { count: nextTier.missing }) : money(nextTier.missing));

  const facts: [string, ReactNode][] = [
    ['number', member.memberNumber],
    ['status', cell(member, 'status')],
    ['since', cell(member, 'joinedOn')],
    ['tier', [member.tier, missing && t('membership.toNextTier', { missing, tier: nextTier.name })].filter(Boolean).join(' · ')],
    ['points', t('membership.points.count', { count: member.points })],
    ['spend12m', cell(member, 'spend12m')],
  ];

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" component="dl" m={0}>
        {facts.map(([key, value]) => (
          <div key={key}>
            <Text component="dt" size="sm" c="dimmed">
              {t(`membership.facts.${key}`)}
            </Text>
            <Text component="dd" m={0} fw={key === 'number' ? 700 : undefined}>
              {value || '–'}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Group gap="xs">
        {member.status === 'left' ? (
          <Button
            loading={join.isPending}
            onClick={() => act(() => join.mutateAsync({ contactId: contact.id }), () => t('membership.rejoined', { number: member.memberNumber }))}
          >
            {t('membership.rejoin')}
          </Button>
        ) : (
          <>
            <Button variant="light" leftSection={<IconCoins size={18} aria-hidden />} onClick={() => setDialog('points')}>
              {t('membership.points.book')}
            </Button>
            <Button variant="default" component={Link} to={`/print/club/card/${contact.id}`} leftSection={<IconId size={18} aria-hidden />}>
              {t('membership.printCard')}
            </Button>
            <Button
              variant="default"
              loading={setStatus.isPending}
              onClick={() =>
                act(
                  () => setStatus.mutateAsync({ contactId: contact.id, status: member.status === 'active' ? 'paused' : 'active' }),
                  (changed) => t(`membership.statusChanged.${changed.member.status}`),
                )
              }
            >
              {t(member.status === 'active' ? 'membership.pause' : 'membership.reactivate')}
            </Button>
            <Button variant="subtle" color="red" onClick={() => setDialog('leave')}>
              {t('membership.leave')}
            </Button>
          </>
        )}
      </Group>
      <PointsHistory ledger={detail.ledger} />
      {dialog === 'points' && <PointsModal contactId={contact.id} balance={member.points} onClose={() => setDialog(null)} />}
      {dialog === 'leave' && <LeaveModal contact={contact} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

/** Leaving keeps the number and the points history, so asking once is enough. */
function LeaveModal({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const { t } = useTranslation();
  const leave = useLeaveClub();
  const act = useMemberAction();
  const name = `${contact.firstName} ${contact.lastName}`;
  return (
    <Modal opened onClose={onClose} title={t('membership.leaveTitle')}>
      <Text>{t('membership.leaveQuestion', { name })}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          color="red"
          loading={leave.isPending}
          onClick={() => act(() => leave.mutateAsync({ contactId: contact.id }), () => t('membership.left', { name })).then(onClose)}
        >
          {t('membership.leaveConfirm')}
        </Button>
      </Group>
    </Modal>
  );
}

/** The points ledger, newest first, with the balance after each line. */
function PointsHistory({ ledger }: { ledger: PointsEntry[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-label={t('membership.history.title')}>
      <Text fw={600} mb="xs">
        {t('membership.history.title')}
      </Text>
      {ledger.length === 0 ? (
        <Text c="dimmed">{t('membership.history.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                {(['at', 'kind', 'reason', 'points', 'balance'] as const).map((column) => (
                  <Table.Th key={column} ta={column === 'points' || column === 'balance' ? 'right' : undefined}>
                    {t(`membership.history.${column}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ledger.toReversed().map((entry, index) => (
                <Table.Tr key={`${entry.at}-${index}`}>
                  <Table.Td>{formatDate(localDate(new Date(entry.at)), i18n.language)}</Table.Td>
                  <Table.Td>{t(`membership.kinds.${entry.kind}`)}</Table.Td>
                  <Table.Td>{entry.reason}</Table.Td>
                  <Table.Td ta="right">{signed(entry.points, i18n.language)}</Table.Td>
                  <Table.Td ta="right">{entry.balance}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
