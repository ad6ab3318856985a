import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientCase } from '@tryg/shared';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useCreateTask } from '../api/tasks';
import { EMPTY_TASK, toCreateTask } from '../case-forms';
import { TaskForm } from './task-form';
import { TaskItem } from './task-item';

/** The action plan: the tasks in due-date order (the server's), and a form to add one. */
export function ActionPlanPanel({ client }: { client: ClientCase }) {
  const { t } = useTranslation();
  const create = useCreateTask();
  // A new key empties the form after each task added.
  const [formKey, setFormKey] = useState(0);
  const editable = client.status === 'active';
  return (
    <Panel title={t('clients.plan.title')}>
      <p>{t('clients.plan.intro')}</p>
      {client.tasks.length === 0 ? <p>{t('clients.plan.empty')}</p> : null}
      {client.tasks.length > 0 ? (
        <ul className="item-list" aria-label={t('clients.plan.title')}>
          {client.tasks.map((task) => (
            <TaskItem key={task.id} clientId={client.id} task={task} editable={editable} />
          ))}
        </ul>
      ) : null}
      {editable ? (
        <section className="subpanel" aria-label={t('clients.plan.add')}>
          <h3>{t('clients.plan.add')}</h3>
          {create.isError ? <Notice tone="error">{errorMessage(t, create.error)}</Notice> : null}
          {create.isSuccess ? <Notice tone="success">{t('clients.plan.added')}</Notice> : null}
          <TaskForm
            key={formKey}
            initial={EMPTY_TASK}
            submitLabel={create.isPending ? t('clients.plan.adding') : t('clients.plan.add')}
            isBusy={create.isPending}
            onSubmit={(values) =>
              create.mutate(
                { clientId: client.id, body: toCreateTask(values) },
                { onSuccess: () => setFormKey((k) => k + 1) },
              )
            }
          />
        </section>
      ) : null}
    </Panel>
  );
}
