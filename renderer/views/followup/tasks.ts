import type { TFunction } from 'i18next';
import type { TaskView } from '../../../shared/schemas/task';
import { localDate } from '../../../shared/days';

export const taskGroups = ['overdue', 'today', 'thisWeek', 'later', 'done'] as const;
export type TaskGroup = (typeof taskGroups)[number];


/** The group of a task on a given day; the week ends on Sunday, as German calendars have it. */
export function taskGroup(task: Pick<TaskView, 'due' | 'done'>, today: Date): TaskGroup {
  if (task.done) return 'done';
  const todayIso = localDate(today);
  if (task.due < todayIso) return 'overdue';
  if (task.due === todayIso) return 'today';
  const sunday = new Date(today);
  sunday.setDate(today.getDate() + ((7 - today.getDay()) % 7));
  return task.due <= localDate(sunday) ? 'thisWeek' : 'later';
}

/** Tasks by group, each by due date (tasks.list answers them in that order already, but a sort costs nothing). */
export function groupTasks(tasks: TaskView[], today: Date): { group: TaskGroup; tasks: TaskView[] }[] {
  const sorted = [...tasks].sort((a, b) => a.due.localeCompare(b.due));
  return taskGroups
    .map((group) => ({ group, tasks: sorted.filter((task) => taskGroup(task, today) === group) }))
    .filter(({ tasks: inGroup }) => inGroup.length > 0);
}

/** What a task's mail or letter says; names of the event and product where they are known. */
export interface TaskTextContext {
  eventTitle?: string;
  productName?: string;
  sender?: string;
}

/** Subject and text of the ready mail (and the letter) per kind, in the app's language. */
export function taskText(t: TFunction, task: TaskView, context: TaskTextContext): { subject: string; greeting: string; body: string; closing: string } {
  const values = {
    firstName: task.contact.firstName,
    event: context.eventTitle ?? t('taskText.ourEvent'),
    product: context.productName ?? task.title,
    title: task.title,
  };
  return {
    subject: t(`taskText.${task.kind}.subject`, values),
    greeting: t('taskText.greeting', values),
    body: t(`taskText.${task.kind}.body`, values),
    closing: context.sender ? t('taskText.closingWithName', { name: context.sender }) : t('taskText.closing'),
  };
}

/** The whole mail text: greeting, text, closing. */
export const mailBody = (text: ReturnType<typeof taskText>) => `${text.greeting}\n\n${text.body}\n\n${text.closing}`;
