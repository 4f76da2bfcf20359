import { ActionIcon, Anchor, Button, Checkbox, Group, Paper, Stack, Switch, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecklist, IconMail, IconPrinter } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TaskView } from '../../../shared/schemas/task';
import { useCatalog, useCompleteTask, useEvents, useSettings, useTasks } from '../../api/queries';
import { notifyError } from '../../components/notify';
import { Placeholder } from '../../components/Placeholder';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../i18n/format';
import { mailtoUrl, openMailto } from '../planning/invitationText';
import { groupTasks, mailBody, taskText, type TaskTextContext } from './tasks';

/** The names a task's text mentions: its event's title and its product's name. */
export function useTaskContext(): (task: TaskView) => TaskTextContext {
  const events = useEvents({});
  const products = useCatalog({ includeInactive: true });
  const settings = useSettings();
  return useMemo(() => {
    const eventTitles = new Map(events.data?.map((event) => [event.id, event.title]));
    const productNames = new Map(products.data?.map((product) => [product.id, product.name]));
    return (task) => ({
      eventTitle: task.eventId ? eventTitles.get(task.eventId) : undefined,
      productName: task.productId ? productNames.get(task.productId) : undefined,
      sender: settings.data?.operatorName,
    });
  }, [events.data, products.data, settings.data]);
}

/** #/followup — whom to thank, deliver to, call or remind, by due date. */
export function TasksView() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [showDone, setShowDone] = useState(false);
  const tasks = useTasks({ status: showDone ? 'all' : 'open' });
  const groups = useMemo(() => groupTasks(tasks.data ?? [], new Date()), [tasks.data]);

  return (
    <Stack gap="lg">
      <Switch label={t('tasks.showDone')} checked={showDone} onChange={(event) => setShowDone(event.currentTarget.checked)} />
      <QueryState query={tasks}>
        {() =>
          groups.length === 0 ? (
            <Placeholder
              icon={<IconChecklist size={36} aria-hidden />}
              title={t('tasks.emptyTitle')}
              description={t('tasks.emptyDescription')}
              actions={<Button onClick={() => navigate('/planning')}>{t('common.toPlanning')}</Button>}
            />
          ) : (
            groups.map(({ group, tasks: inGroup }) => <TaskGroupTable key={group} group={group} tasks={inGroup} />)
          )
        }
      </QueryState>
    </Stack>
  );
}

function TaskGroupTable({ group, tasks }: { group: string; tasks: TaskView[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const context = useTaskContext();
  const complete = useCompleteTask();
  const heading = t(`tasks.groups.${group}`);

  const setDone = async (task: TaskView, done: boolean) => {
    try {
      await complete.mutateAsync({ taskId: task.id, done });
    } catch (error) {
      notifyError(t, error);
      return;
    }
    if (!done) return;
    const id = notifications.show({
      color: 'teal',
      message: (
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">{t('tasks.completed', { title: task.title })}</Text>
          <Button size="compact-sm" variant="subtle" onClick={() => { notifications.hide(id); void setDone(task, false); }}>
            {t('tasks.undo')}
          </Button>
        </Group>
      ),
    });
  };

  const mail = (task: TaskView) => {
    const text = taskText(t, task, context(task));
    openMailto(mailtoUrl({ to: [task.contact.email!], subject: text.subject, body: mailBody(text) }));
  };

  return (
    <Paper withBorder p="md" component="section" aria-label={heading}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" c={group === 'overdue' ? 'red.8' : undefined}>
          {heading} ({tasks.length})
        </Title>
        {group !== 'done' && (
          <Button variant="default" size="xs" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => navigate(`/print/tasks/${tasks.map((task) => task.id).join(',')}`)}>
            {t('tasks.printGroup')}
          </Button>
        )}
      </Group>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>{t('tasks.columns.done')}</Table.Th>
            <Table.Th>{t('tasks.columns.due')}</Table.Th>
            <Table.Th>{t('tasks.columns.kind')}</Table.Th>
            <Table.Th>{t('tasks.columns.task')}</Table.Th>
            <Table.Th>{t('tasks.columns.contact')}</Table.Th>
            <Table.Th>{t('tasks.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => {
            const name = `${task.contact.firstName} ${task.contact.lastName}`;
            return (
              <Table.Tr key={task.id}>
                <Table.Td>
                  <Checkbox aria-label={t('tasks.doneLabel', { title: task.title })} checked={task.done} onChange={(event) => void setDone(task, event.currentTarget.checked)} />
                </Table.Td>
                <Table.Td>{formatDate(task.due, i18n.language)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`tasks.kinds.${task.kind}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{task.title}</Text>
                  {task.eventId && (
                    <Anchor component={Link} to={`/planning/${task.eventId}`} size="xs">
                      {context(task).eventTitle ?? t('tasks.toEvent')}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/contacts/${task.contact.id}`}>
                    {name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label={task.contact.email ? t('tasks.mail') : t('tasks.noEmail')}>
                      <ActionIcon variant="subtle" aria-label={t('tasks.mailTo', { name })} disabled={!task.contact.email} onClick={() => mail(task)}>
                        <IconMail size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('tasks.letter')}>
                      <ActionIcon variant="subtle" aria-label={t('tasks.letterTo', { name })} onClick={() => navigate(`/print/tasks/${task.id}`)}>
                        <IconPrinter size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
