import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { TaskView } from '../../../shared/schemas/task';
import { call } from '../../api/client';
import { useTasks } from '../../api/queries';
import { formatDate } from '../../i18n/format';
import { taskText, type TaskTextContext } from '../followup/tasks';
import { useTaskContext } from '../followup/TasksView';
import { PrintShell } from './PrintPage';
import { localDate } from '../../../shared/days';

/** #/print/tasks/:taskIds — one A4 letter per task (ids joined by commas): sender, address, date, greeting, text. */
export function TaskLettersPrint() {
  const { taskIds = '' } = useParams();
  const ids = taskIds.split(',');
  const tasks = useTasks({ status: 'all' });
  const context = useTaskContext();
  const chosen = ids.map((id) => tasks.data?.find((task) => task.id === id)).filter((task) => task !== undefined);
  // The address block needs the full contacts; the task only carries name, e-mail and phone.
  const contacts = useQueries({
    queries: chosen.map((task) => ({ queryKey: ['contacts.get', { id: task.contact.id }], queryFn: () => call('contacts.get', { id: task.contact.id }) })),
  });
  const error = tasks.error ?? contacts.find((query) => query.error)?.error ?? null;

  return (
    <PrintShell back="/followup" error={error} ready={Boolean(tasks.data) && contacts.every((query) => query.data)}>
      {() =>
        chosen.map((task, index) => {
          const contact = contacts[index]!.data!;
          const address = [`${contact.firstName} ${contact.lastName}`, contact.street, [contact.postalCode, contact.city].filter(Boolean).join(' ')];
          return <Letter key={task.id} task={task} address={address.filter(Boolean).join('\n')} context={context(task)} />;
        })
      }
    </PrintShell>
  );
}

function Letter({ task, address, context }: { task: TaskView; address: string; context: TaskTextContext }) {
  const { t, i18n } = useTranslation();
  const text = taskText(t, task, context);
  return (
    <article className="letter" aria-label={t('letter.label', { name: `${task.contact.firstName} ${task.contact.lastName}` })}>
      {context.sender && <div className="sender">{context.sender}</div>}
      <div className="address">{address}</div>
      <div className="date">{formatDate(localDate(new Date()), i18n.language)}</div>
      <p>
        <strong>{text.subject}</strong>
      </p>
      <p>{text.greeting}</p>
      <p className="body">{text.body}</p>
      <p className="body">{text.closing}</p>
    </article>
  );
}
