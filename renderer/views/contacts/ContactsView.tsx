import { ActionIcon, Alert, Group, Loader, Pagination, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPencil, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useNavigate } from 'react-router';
import { useContacts } from '../../api/queries';
import { Placeholder } from '../../components/Placeholder';
import { ShortcutButton } from '../../components/shortcuts';
import { translateMessage } from '../../i18n';
import { formatDate } from '../../i18n/format';

/** One page of the list; the server searches and pages, so 50,000 contacts never reach the DOM. */
const pageSize = 50;

export function ContactsView() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 150);
  const [page, setPage] = useState(1);
  const contacts = useContacts({ ...(query ? { query } : {}), limit: pageSize, offset: (page - 1) * pageSize });

  const total = contacts.data?.total ?? 0;
  const noContactsAtAll = !query && contacts.isSuccess && total === 0;

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('contacts.title')}</Title>
        {contacts.isSuccess && !noContactsAtAll && <ShortcutButton name="newContact">{t('contacts.create')}</ShortcutButton>}
      </Group>

      {noContactsAtAll ? (
        <Placeholder
          icon={<IconUserPlus size={36} aria-hidden />}
          title={t('contacts.emptyTitle')}
          description={t('contacts.emptyDescription')}
          actions={<ShortcutButton name="newContact">{t('contacts.create')}</ShortcutButton>}
        />
      ) : (
        <>
          <Group justify="space-between" align="end">
            <TextInput
              type="search"
              aria-label={t('contacts.search')}
              placeholder={t('contacts.searchPlaceholder')}
              leftSection={<IconSearch size={18} aria-hidden />}
              value={search}
              onChange={(event) => {
                setSearch(event.currentTarget.value);
                setPage(1);
              }}
              w={{ base: '100%', sm: 420 }}
              autoComplete="off"
              maxLength={200}
            />
            {contacts.isSuccess && (
              <Text c="dimmed" size="sm" aria-live="polite">
                {t('contacts.count', { count: total })}
              </Text>
            )}
          </Group>

          {contacts.isPending ? (
            <Loader aria-label={t('app.loading')} />
          ) : contacts.isError ? (
            <Alert color="red">{translateMessage(t, contacts.error.message)}</Alert>
          ) : total === 0 ? (
            <Text c="dimmed">{t('contacts.noMatches', { query })}</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table highlightOnHover verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('contacts.columns.name')}</Table.Th>
                    <Table.Th>{t('contacts.columns.email')}</Table.Th>
                    <Table.Th>{t('contacts.columns.phone')}</Table.Th>
                    <Table.Th>{t('contacts.columns.city')}</Table.Th>
                    <Table.Th>{t('contacts.columns.birthday')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('contacts.columns.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {contacts.data.items.map((contact) => {
                    const name = `${contact.firstName} ${contact.lastName}`;
                    return (
                      <Table.Tr key={contact.id}>
                        <Table.Td fw={500}>{name}</Table.Td>
                        <Table.Td>{contact.email}</Table.Td>
                        <Table.Td>{contact.phone}</Table.Td>
                        <Table.Td>{contact.city}</Table.Td>
                        <Table.Td>{contact.birthday && formatDate(contact.birthday, i18n.language)}</Table.Td>
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('common.editItem', { name })}
                            onClick={() => navigate(`/contacts/${contact.id}/edit`)}
                          >
                            <IconPencil size={18} aria-hidden />
                          </ActionIcon>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}

          {total > pageSize && (
            <Pagination
              role="group"
              aria-label={t('contacts.pages')}
              total={Math.ceil(total / pageSize)}
              value={page}
              onChange={setPage}
              getItemProps={(item) => ({ 'aria-label': t('contacts.page', { page: item }) })}
              getControlProps={(control) => ({ 'aria-label': t(`contacts.pageControl.${control}`) })}
            />
          )}
        </>
      )}
      <Outlet />
    </Stack>
  );
}
