import { ActionIcon, Anchor, Button, Group, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconBan, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Event } from '../../../shared/schemas/event';
import { formatDateTimeRange } from '../../i18n/format';
import { cancellable, EventStatusBadge } from './EventStatusBadge';


/** Rows are added in steps, so a long past never makes the view slow. */
const step = 50;

/** One section of the event list (upcoming or past). */
export function EventTable({ title, events, onCancel }: { title: string; events: Event[]; onCancel: (event: Event) => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [shown, setShown] = useState(step);

  return (
    <section aria-label={title}>
      <Title order={2} size="h3" mb="xs">
        {title}
      </Title>
      <Table.ScrollContainer minWidth={720}>
        <Table highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('events.columns.when')}</Table.Th>
              <Table.Th>{t('events.columns.kind')}</Table.Th>
              <Table.Th>{t('events.columns.title')}</Table.Th>
              <Table.Th>{t('events.columns.place')}</Table.Th>
              <Table.Th>{t('events.columns.status')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('events.columns.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.slice(0, shown).map((event) => (
              <Table.Tr key={event.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/planning/${event.id}`)}>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTimeRange(event.startsAt, event.endsAt, i18n.language)}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`events.kind.${event.kind}`)}</Table.Td>
                <Table.Td fw={500}>
                  {/* The link makes the row reachable by keyboard; the row click is the mouse's shortcut. */}
                  <Anchor component={Link} to={`/planning/${event.id}`} inherit onClick={(e) => e.stopPropagation()}>
                    {event.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{event.place}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <EventStatusBadge status={event.status} />
                </Table.Td>
                <Table.Td onClick={(e) => e.stopPropagation()}>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    {event.status !== 'cancelled' && (
                      <Tooltip label={t('common.edit')}>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('common.editItem', { name: event.title })}
                          onClick={() => navigate(`/planning/${event.id}/edit`)}
                        >
                          <IconPencil size={18} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    )}
                    {cancellable.has(event.status) && (
                      <Tooltip label={t('events.cancel.title')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('events.cancel.action', { title: event.title })}
                          onClick={() => onCancel(event)}
                        >
                          <IconBan size={18} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {events.length > shown && (
        <Button variant="subtle" mt="xs" onClick={() => setShown(shown + step)}>
          {t('common.showMore')}
        </Button>
      )}
    </section>
  );
}
