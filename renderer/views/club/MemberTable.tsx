import { Box, Checkbox, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { memo, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MemberColumnId } from '../../../shared/club/columns';
import type { OutputOf } from '../../../shared/contract';
import type { MemberFilter, MemberRow } from '../../../shared/schemas/club';
import { useMemberPages } from '../../api/clubQueries';
import { useSettings } from '../../api/queries';
import { ROW_HEIGHT, usePagedRows } from '../../components/usePagedRows';
import { useMemberCell, useMemberLabels } from './memberCells';
import { nextSort, type Sort } from './memberView';

/** Members per request; the table asks only for the pages on screen. */
export const pageSize = 200;
const ariaSort = { asc: 'ascending', desc: 'descending' } as const;

export interface Selection {
  ids: ReadonlySet<string>;
  toggle: (contactId: string) => void;
  /** The header checkbox: every member the filters match, or none. */
  all: { checked: boolean; indeterminate: boolean; onChange: (checked: boolean) => void };
}

/**
 * The member list as a virtualised table: only the rows in view (plus a few)
 * are in the DOM and only their pages are fetched, so 10,000 members scroll
 * like 50. A header click sorts; a row click opens the contact.
 */
export function MemberTable({
  filters,
  sort,
  columns,
  first,
  selection,
  onSortChange,
}: {
  filters: MemberFilter;
  sort: Sort;
  columns: MemberColumnId[];
  first: OutputOf<'club.members'>;
  selection: Selection;
  onSortChange: (sort: Sort) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const labels = useMemberLabels();
  const cell = useStableMemberCell();
  const total = first.total;
  const usePages = (pageNumbers: number[]) => useMemberPages(filters, sort, pageNumbers, pageSize);
  const { scrollRef, rows, itemAt: memberAt, spacer } = usePagedRows({ first, pageSize, usePages, resetKey: JSON.stringify([filters, sort]) });
  const columnCount = columns.length + 1;
  // Stable for the memoised rows: a scroll re-renders only the rows that come into view.
  const latest = useRef({ toggle: selection.toggle, navigate });
  useLayoutEffect(() => {
    latest.current = { toggle: selection.toggle, navigate };
  });
  const onToggle = useCallback((contactId: string) => latest.current.toggle(contactId), []);
  const onOpen = useCallback((member: MemberRow) => void latest.current.navigate(`/contacts/${member.contact.id}`), []);

  return (
    <Box
      ref={scrollRef}
      h="calc(100vh - 380px)"
      mih={320}
      style={{ overflow: 'auto' }}
      tabIndex={0}
      role="region"
      aria-label={t('club.list.label')}
    >
      <Table highlightOnHover stickyHeader verticalSpacing="sm" aria-rowcount={total + 1} miw={48 + columns.length * 130}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={48}>
              <Checkbox
                aria-label={t('club.list.selectAll', { count: total })}
                checked={selection.all.checked}
                indeterminate={selection.all.indeterminate}
                onChange={(event) => selection.all.onChange(event.currentTarget.checked)}
              />
            </Table.Th>
            {columns.map((column) => {
              const direction = sort[0]?.column === column ? sort[0].direction : undefined;
              const Icon = direction === 'asc' ? IconArrowUp : direction === 'desc' ? IconArrowDown : IconArrowsSort;
              return (
                <Table.Th key={column} aria-sort={direction ? ariaSort[direction] : 'none'} style={{ whiteSpace: 'nowrap' }}>
                  <UnstyledButton onClick={() => onSortChange(nextSort(sort, column))} fw={700} fz="sm">
                    <Group gap={4} wrap="nowrap">
                      {labels.columns[column]}
                      <Icon size={14} aria-hidden opacity={direction ? 1 : 0.4} />
                    </Group>
                  </UnstyledButton>
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {spacer('top', columnCount)}
          {rows.map((row) => {
            const member = memberAt(row.index);
            if (!member) {
              return (
                <Table.Tr key={row.key} h={ROW_HEIGHT} aria-rowindex={row.index + 2}>
                  <Table.Td colSpan={columnCount}>
                    <Text c="dimmed" size="sm">
                      {t('app.loading')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            }
            return (
              <MemberTableRow
                key={row.key}
                index={row.index}
                member={member}
                columns={columns}
                cell={cell}
                selected={selection.ids.has(member.contact.id)}
                onToggle={onToggle}
                onOpen={onOpen}
              />
            );
          })}
          {spacer('bottom', columnCount)}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

type MemberCell = ReturnType<typeof useMemberCell>;

/**
 * useMemberCell as one function while the language and the currency stay: the
 * memoised rows render again only when what they show changes (and the rows
 * themselves ask for no settings, which would refetch them row by row).
 */
function useStableMemberCell(): MemberCell {
  const { i18n } = useTranslation();
  const currency = useSettings().data?.currency;
  const cell = useMemberCell();
  return useMemo(() => cell, [i18n.language, currency]);
}

/** One member's row; memoised, so that rows staying in view are not rendered again while the list scrolls. */
const MemberTableRow = memo(function MemberTableRow({
  index,
  member,
  columns,
  selected,
  cell,
  onToggle,
  onOpen,
}: {
  index: number;
  member: MemberRow;
  columns: MemberColumnId[];
  cell: MemberCell;
  selected: boolean;
  onToggle: (contactId: string) => void;
  onOpen: (member: MemberRow) => void;
}) {
  const { t } = useTranslation();
  const { contact } = member;
  return (
    <Table.Tr
      h={ROW_HEIGHT}
      aria-rowindex={index + 2}
      // Focusable, so Enter opens the contact like a click does.
      tabIndex={0}
      style={{ cursor: 'pointer' }}
      onClick={() => onOpen(member)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.target === event.currentTarget) onOpen(member);
      }}
    >
      <Table.Td onClick={(event) => event.stopPropagation()}>
        <Checkbox
          aria-label={t('club.list.select', { name: `${contact.firstName} ${contact.lastName}` })}
          checked={selected}
          onChange={() => onToggle(contact.id)}
        />
      </Table.Td>
      {columns.map((column) => (
        <Table.Td key={column} style={{ whiteSpace: 'nowrap' }}>
          {cell(member, column)}
        </Table.Td>
      ))}
    </Table.Tr>
  );
});
