import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconShieldCheck } from '@tabler/icons-react';
import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate, useParams } from 'react-router';
import type { Contact, ContactRef } from '../../../shared/schemas/contact';
import { useContact, useContactHistory } from '../../api/queries';
import { BackLink } from '../../components/BackLink';
import { QueryState } from '../../components/QueryState';
import { RsvpBadge } from '../../components/RsvpBadge';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate, formatDateTime, formatInstant } from '../../i18n/format';
import { OrdersPanel } from '../orders/OrdersPanel';
import { MembershipPanel } from './MembershipPanel';
import { PrivacyActions } from './PrivacyActions';
import { RecordConsentModal } from './RecordConsentModal';

const nameOf = (contact: ContactRef) => `${contact.firstName} ${contact.lastName}`;
/** "Empfohlen von: A ← B", each name a link to that contact. */
function ContactLinks({ label, contacts, separator }: { label: string; contacts: ContactRef[]; separator: string }) {
  const { t } = useTranslation();
  return (
    <Text>
      {label}:{' '}
      {contacts.length === 0
        ? t('contacts.nobody')
        : contacts.map((contact, index) => (
            <Fragment key={contact.id}>
              {index > 0 && separator}
              <Anchor component={Link} to={`/contacts/${contact.id}`}>
                {nameOf(contact)}
              </Anchor>
            </Fragment>
          ))}
    </Text>
  );
}

/** #/contacts/:id — everything about one person: details, club membership, orders, recommendations, consent log, history. */
export function ContactPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const contact = useContact(id);

  return (
    <Stack gap="lg">
      <BackLink to="/contacts">{t('contacts.backToList')}</BackLink>
      <QueryState query={contact}>{(data) => <ContactDetails contact={data} />}</QueryState>
      <Outlet />
    </Stack>
  );
}

function ContactDetails({ contact }: { contact: Contact }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const address = [contact.street, [contact.postalCode, contact.city].filter(Boolean).join(' '), contact.country].filter(Boolean);
  const fields: [string, ReactNode][] = [
    ['email', [contact.email, ...(contact.extraEmails ?? [])].filter(Boolean).join(', ')],
    ['phone', [contact.phone, ...(contact.extraPhones ?? [])].filter(Boolean).join(', ')],
    ['mobile', contact.mobile],
    ['address', address.join(', ')],
    ['birthday', contact.birthday && formatDate(contact.birthday, i18n.language)],
    [
      'tags',
      contact.tags.length > 0 && (
        <Group gap={4}>
          {contact.tags.map((tag) => (
            <StatusBadge key={tag}>{tag}</StatusBadge>
          ))}
        </Group>
      ),
    ],
  ];

  return (
    <>
      <Group justify="space-between">
        <Title order={1}>{nameOf(contact)}</Title>
        <Group gap="xs">
          <PrivacyActions contact={contact} />
          <Button leftSection={<IconPencil size={18} aria-hidden />} onClick={() => navigate(`/contacts/${contact.id}/edit`)}>
            {t('common.edit')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="lg">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
          {fields.map(([key, value]) => (
            <div key={key}>
              <Text component="dt" size="sm" c="dimmed">
                {t(`contacts.fields.${key}`)}
              </Text>
              <Text component="dd" m={0}>
                {value || '–'}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        {contact.notes && (
          <Text mt="md" style={{ whiteSpace: 'pre-wrap' }}>
            {contact.notes}
          </Text>
        )}
      </Paper>
      <MembershipPanel contact={contact} />
      <OrdersPanel contact={contact} />
      <History contact={contact} />
      <ConsentLog contact={contact} />
    </>
  );
}

/** Recommendations both ways and the events the person was invited to. */
function History({ contact }: { contact: Contact }) {
  const { t, i18n } = useTranslation();
  const history = useContactHistory(contact.id);
  return (
    <QueryState query={history}>
      {({ referredByChain, referrals, invitations }) => (
        <>
          <Paper withBorder p="lg" component="section" aria-label={t('contacts.recommendations')}>
            <Title order={2} size="h4" mb="xs">
              {t('contacts.recommendations')}
            </Title>
            {/* The chain reads from the direct recommender back: "A ← B ← C". */}
            <ContactLinks label={t('contacts.referredBy')} contacts={referredByChain} separator=" ← " />
            <ContactLinks label={t('contacts.hasReferred')} contacts={referrals} separator=", " />
          </Paper>

          <section aria-label={t('contacts.history')}>
            <Title order={2} size="h4" mb="xs">
              {t('contacts.history')}
            </Title>
            {invitations.length === 0 ? (
              <Text c="dimmed">{t('contacts.noHistory')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('events.columns.when')}</Table.Th>
                      <Table.Th>{t('events.columns.title')}</Table.Th>
                      <Table.Th>{t('invitations.columns.rsvp')}</Table.Th>
                      <Table.Th>{t('invitations.columns.plusOnes')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {invitations.map(({ event, invitation }) => (
                      <Table.Tr key={invitation.id}>
                        <Table.Td>{formatDateTime(event.startsAt, i18n.language)}</Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/planning/${event.id}`}>
                            {event.title}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <RsvpBadge rsvp={invitation.rsvp} />
                        </Table.Td>
                        <Table.Td>{invitation.plusOnes}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </section>
        </>
      )}
    </QueryState>
  );
}

/** Consent is a log: every grant and withdrawal with its wording, newest first. */
function ConsentLog({ contact }: { contact: Contact }) {
  const { t, i18n } = useTranslation();
  const [recording, setRecording] = useState(false);
  const records = [...contact.consents].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <section aria-label={t('consent.title')}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('consent.title')}
        </Title>
        <Button variant="light" leftSection={<IconShieldCheck size={18} aria-hidden />} onClick={() => setRecording(true)}>
          {t('consent.record')}
        </Button>
      </Group>
      {records.length === 0 ? (
        <Text c="dimmed">{t('consent.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                {(['channel', 'purpose', 'state', 'at', 'source', 'wording', 'recordedBy'] as const).map((column) => (
                  <Table.Th key={column}>{t(`consent.columns.${column}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {records.map((record) => (
                <Table.Tr key={record.id}>
                  <Table.Td>{t(`consent.channel.${record.channel}`)}</Table.Td>
                  <Table.Td>{t(`consent.purpose.${record.purpose}`)}</Table.Td>
                  <Table.Td>
                    <StatusBadge color={record.granted ? 'green' : 'red'}>{t(record.granted ? 'consent.granted' : 'consent.withdrawn')}</StatusBadge>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(record.at, i18n.language)}</Table.Td>
                  <Table.Td>
                    {t(`consent.source.${record.source}`)}
                    {record.sourceDetail && ` (${record.sourceDetail})`}
                  </Table.Td>
                  <Table.Td>{record.wording}</Table.Td>
                  <Table.Td>{record.recordedBy}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <RecordConsentModal contact={contact} opened={recording} onClose={() => setRecording(false)} />
    </section>
  );
}
