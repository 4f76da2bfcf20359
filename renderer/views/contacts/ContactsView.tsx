import { Alert, Anchor, Box, Button, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconSearch, IconUsers, IconUserPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate } from 'react-router';
import type { OutputOf } from '../../../shared/contract';
import type { ContactFilter } from '../../../shared/schemas/contact-filter';
import { useContactPages, useContacts } from '../../api/queries';
import { Placeholder } from '../../components/Placeholder';
import { ROW_HEIGHT, usePagedRows } from '../../components/usePagedRows';
import { ShortcutButton } from '../../components/shortcuts';
import { StatusBadge } from '../../components/StatusBadge';
import { translateMessage } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { ContactFilterFields } from './ContactFilterFields';
import { emptyFilter, hasFilters, toContactFilter, type FilterState } from './contactFilter';

/** Contacts per request; the list asks only for the pages on screen. */
const pageSize = 100;
const columns = ['name', 'email', 'phone', 'city', 'birthday', 'tags'] as const;

export function ContactsView() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [state, setState] = useState<FilterState>(emptyFilter);
  const [debounced] = useDebouncedValue(state, 150);
  const filter = useMemo(() => toContactFilter(debounced), [debounced]);
  // The first page is always needed: it carries the total that sizes the list.
  const first = useContacts({ ...filter, limit: pageSize, offset: 0 });

  const total = first.data?.total ?? 0;
  const noContactsAtAll = !hasFilters(debounced) && !filter.query && first.isSuccess && total === 0;
  const actions = (
    <Group gap="sm">
      <Button variant="default" leftSection={<IconFileImport size={18} aria-hidden />} onClick={() => navigate('/contacts/import')}>
        {t('contacts.import')}
      </Button>
      {!noContactsAtAll && (
        <Button variant="default" leftSection={<IconUsers size={18} aria-hidden />} onClick={() => navigate('/contacts/duplicates')}>
          {t('contacts.checkDuplicates')}
        </Button>
      )}
      <ShortcutButton name="newContact">{t('contacts.create')}</ShortcutButton>
    </Group>
  );

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('contacts.title')}</Title>
        {first.isSuccess && !noContactsAtAll && actions}
      </Group>

      {noContactsAtAll ? (
        <Placeholder
          icon={<IconUserPlus size={36} aria-hidden />}
          title={t('contacts.emptyTitle')}
          description={t('contacts.emptyDescription')}
          actions={actions}
        />
      ) : (
        <>
          <Stack gap="sm">
            <TextInput
              type="search"
              aria-label={t('contacts.search')}
              placeholder={t('contacts.searchPlaceholder')}
              leftSection={<IconSearch size={18} aria-hidden />}
              value={state.query}
              onChange={(event) => setState({ ...state, query: event.currentTarget.value })}
              w={{ base: '100%', sm: 420 }}
              autoComplete="off"
              maxLength={200}
            />
            <ContactFilterFields value={state} onChange={setState} />
          </Stack>
          {first.isSuccess && (
            <Text c="dimmed" size="sm" aria-live="polite">
              {t('contacts.count', { count: total })}
            </Text>
          )}

          {first.isPending ? (
            <Loader aria-label={t('app.loading')} />
          ) : first.isError ? (
            <Alert color="red">{translateMessage(t, first.error.message)}</Alert>
          ) : total === 0 ? (
            <Text c="dimmed">{filter.query ? t('contacts.noMatches', { query: filter.query }) : t('contacts.noFilterMatches')}</Text>
          ) : (
            <ContactTable filter={filter} first={first.data} />
          )}
        </>
      )}
      <Outlet />
    </Stack>
  );
}

/** The contact list as a virtualised table (see usePagedRows). */
function ContactTable({ filter, first }: { filter: ContactFilter; first: OutputOf<'contacts.list'> }) {
  const total = first.total;
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const usePages = (pageNumbers: number[]) => useContactPages(filter, pageNumbers, pageSize);
  const { scrollRef, rows, itemAt: contactAt, spacer } = usePagedRows({ first, pageSize, usePages, resetKey: filter });

  return (
    <Box
      ref={scrollRef}
      h="calc(100vh - 330px)"
      mih={320}
      style={{ overflow: 'auto' }}
      tabIndex={0}
      role="region"
      aria-label={t('contacts.listLabel')}
    >
      <Table highlightOnHover stickyHeader verticalSpacing="sm" aria-rowcount={total + 1} miw={760}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column}>{t(`contacts.columns.${column}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {spacer('top', columns.length)}
          {rows.map((row) => {
            const contact = contactAt(row.index);
            if (!contact) {
              return (
                <Table.Tr key={row.key} h={ROW_HEIGHT} aria-rowindex={row.index + 2}>
                  <Table.Td colSpan={columns.length}>
                    <Text c="dimmed" size="sm">
                      {t('app.loading')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            }
            const name = `${contact.firstName} ${contact.lastName}`;
            return (
              <Table.Tr
                key={row.key}
                h={ROW_HEIGHT}
                aria-rowindex={row.index + 2}
                style={{ cursor: 'pointer' }}
                onClick={() => navigate(`/contacts/${contact.id}`)}
              >
                <Table.Td fw={500}>
                  {/* The link makes the row reachable by keyboard; the row click is the mouse's shortcut. */}
                  <Anchor component={Link} to={`/contacts/${contact.id}`} inherit onClick={(e) => e.stopPropagation()}>
                    {name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{contact.email}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{contact.phone ?? contact.mobile}</Table.Td>
                <Table.Td>{[contact.postalCode, contact.city].filter(Boolean).join(' ')}</Table.Td>
                <Table.Td>{contact.birthday && formatDate(contact.birthday, i18n.language)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {contact.tags.slice(0, 3).map((tag) => (
                      <StatusBadge key={tag}>{tag}</StatusBadge>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
          {spacer('bottom', columns.length)}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
