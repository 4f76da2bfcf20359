import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAddressBook, IconDownload, IconFilterOff, IconHistory, IconUsersGroup } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { memberStatuses, type MemberFilter } from '../../../shared/schemas/club';
import { useFetchMemberIds, useMembers, useSavedViews } from '../../api/clubQueries';
import { notifyError } from '../../components/notify';
import { Placeholder } from '../../components/Placeholder';
import { translateMessage } from '../../i18n';
import { BulkActions } from './BulkActions';
import { ClubFilters } from './ClubFilters';
import { ColumnChooser } from './ColumnChooser';
import { ExportDialog } from './ExportDialog';
import { MemberTable, pageSize, type Selection } from './MemberTable';
import { emptyFilters, toMemberFilter, toMemberView, useViewState, type Sort } from './memberView';
import { SavedViews } from './SavedViews';

const noIds: ReadonlySet<string> = new Set();

/** The club's member list: filters, columns, order and saved views, bulk actions, exports and printouts of exactly what is shown. */
export function ClubView() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [view, setView] = useViewState();
  const [debouncedFilters] = useDebouncedValue(view.filters, 150);
  const filters = useMemo(() => toMemberFilter(debouncedFilters), [debouncedFilters]);
  // The first page is always needed: it carries the total that sizes the table.
  const first = useMembers({ filters, sort: view.sort, limit: pageSize, offset: 0 });
  const total = first.data?.total ?? 0;
  // Nobody matching may mean nobody in the club at all, which wants a different message.
  const anyone = useMembers({ filters: { statuses: [...memberStatuses] }, sort: [], limit: 1, offset: 0 }, first.isSuccess && total === 0);
  const noMembersAtAll = first.isSuccess && total === 0 && anyone.data?.total === 0;
  const savedViews = useSavedViews();
  const viewName = savedViews.data?.find((saved) => saved.id === view.savedViewId)?.name;
  const [exporting, setExporting] = useState(false);
  const selection = useSelection(filters, view.sort, total);

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('club.title')}</Title>
        <Group gap="sm">
          <Button variant="default" leftSection={<IconHistory size={18} aria-hidden />} onClick={() => navigate('/club/log')}>
            {t('club.log.open')}
          </Button>
          {!noMembersAtAll && (
            <Button leftSection={<IconDownload size={18} aria-hidden />} onClick={() => setExporting(true)} disabled={total === 0}>
              {t('club.export.open')}
            </Button>
          )}
        </Group>
      </Group>

      {noMembersAtAll ? (
        <Placeholder
          icon={<IconUsersGroup size={36} aria-hidden />}
          title={t('club.empty.title')}
          description={t('club.empty.description')}
          actions={
            <Button leftSection={<IconAddressBook size={18} aria-hidden />} onClick={() => navigate('/contacts')}>
              {t('club.empty.toContacts')}
            </Button>
          }
        />
      ) : (
        <>
          <Group justify="space-between" align="end">
            <SavedViews view={view} onChange={setView} />
            <ColumnChooser columns={view.columns} onChange={(columns) => setView({ ...view, columns })} />
          </Group>
          <ClubFilters value={view.filters} onChange={(changed) => setView({ ...view, filters: changed })} />
          {first.isSuccess && (
            <Text c="dimmed" size="sm" aria-live="polite">
              {t('club.count', { count: total })}
            </Text>
          )}
          {selection.ids.size > 0 && <BulkActions ids={[...selection.ids]} onClear={() => selection.all.onChange(false)} />}

          {first.isPending ? (
            <Loader aria-label={t('app.loading')} />
          ) : first.isError ? (
            <Alert color="red">{translateMessage(t, first.error.message)}</Alert>
          ) : total === 0 ? (
            <Group gap="sm">
              <Text c="dimmed">{t('club.noMatches')}</Text>
              <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={() => setView({ ...view, filters: emptyFilters })}>
                {t('filters.reset')}
              </Button>
            </Group>
          ) : (
            <MemberTable filters={filters} sort={view.sort} columns={view.columns} first={first.data} selection={selection} onSortChange={(sort) => setView({ ...view, sort })} />
          )}
        </>
      )}
      <ExportDialog opened={exporting} onClose={() => setExporting(false)} view={toMemberView(view)} viewName={viewName} />
    </Stack>
  );
}

/**
 * The chosen members. A selection belongs to the filters it was made under:
 * other filters show other people, so it is dropped (not carried over unseen).
 */
function useSelection(filters: MemberFilter, sort: Sort, total: number): Selection {
  const { t } = useTranslation();
  const fetchIds = useFetchMemberIds();
  const key = JSON.stringify(filters);
  const [selection, setSelection] = useState<{ key: string; ids: ReadonlySet<string> }>({ key, ids: noIds });
  const ids = selection.key === key ? selection.ids : noIds;
  const select = (next: ReadonlySet<string>) => setSelection({ key, ids: next });

  return {
    ids,
    toggle: (contactId) => {
      const next = new Set(ids);
      if (!next.delete(contactId)) next.add(contactId);
      select(next);
    },
    all: {
      checked: total > 0 && ids.size === total,
      indeterminate: ids.size > 0 && ids.size < total,
      onChange: (checked) => {
        if (!checked) return select(noIds);
        fetchIds({ filters, sort }).then(
          (result) => select(new Set(result.ids)),
          (error: unknown) => notifyError(t, error),
        );
      },
    },
  };
}
