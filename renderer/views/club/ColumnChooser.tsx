import { ActionIcon, Button, Checkbox, Group, Popover, ScrollArea, Stack } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { memberColumnIds, type MemberColumnId } from '../../../shared/club/columns';
import { defaultMemberColumns } from '../../../shared/schemas/club';
import { useMemberLabels } from './memberCells';

/**
 * "Spalten": every member and contact field with a checkbox, the chosen ones
 * first in their order, each movable up and down. The last chosen column
 * cannot be unticked, so the table never ends up empty.
 */
export function ColumnChooser({ columns, onChange }: { columns: MemberColumnId[]; onChange: (columns: MemberColumnId[]) => void }) {
  const { t } = useTranslation();
  const labels = useMemberLabels().columns;
  const listed = [...columns, ...memberColumnIds.filter((column) => !columns.includes(column))];

  const move = (index: number, by: -1 | 1) => {
    const next = [...columns];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    onChange(next);
  };
  const toggle = (column: MemberColumnId, on: boolean) =>
    onChange(on ? [...columns, column] : columns.filter((chosen) => chosen !== column));

  return (
    <Popover position="bottom-end" shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={18} aria-hidden />}>
          {t('club.columns.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <ScrollArea.Autosize mah={420} type="auto" offsetScrollbars>
          <Stack gap={4} role="group" aria-label={t('club.columns.button')}>
            {listed.map((column) => {
              const index = columns.indexOf(column);
              const chosen = index >= 0;
              const name = labels[column];
              return (
                <Group key={column} justify="space-between" gap="lg" wrap="nowrap">
                  <Checkbox
                    label={name}
                    checked={chosen}
                    disabled={chosen && columns.length === 1}
                    onChange={(event) => toggle(column, event.currentTarget.checked)}
                  />
                  {chosen && (
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon variant="subtle" size="sm" aria-label={t('club.columns.up', { name })} disabled={index === 0} onClick={() => move(index, -1)}>
                        <IconArrowUp size={14} aria-hidden />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        aria-label={t('club.columns.down', { name })}
                        disabled={index === columns.length - 1}
                        onClick={() => move(index, 1)}
                      >
                        <IconArrowDown size={14} aria-hidden />
                      </ActionIcon>
                    </Group>
                  )}
                </Group>
              );
            })}
          </Stack>
        </ScrollArea.Autosize>
        <Button variant="subtle" size="xs" mt="sm" onClick={() => onChange([...defaultMemberColumns])}>
          {t('club.columns.reset')}
        </Button>
      </Popover.Dropdown>
    </Popover>
  );
}
