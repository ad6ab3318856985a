import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseTask } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Notice } from '../../../components/ui/notice';
import { formatLocalDate } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n/i18n';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useDeleteTask, useUpdateTask } from '../api/tasks';
import { taskFormOf, toUpdateTask } from '../case-forms';
import { TaskForm } from './task-form';

/** A task as read at a glance (owner, due, status, note), with edit and delete while the case is open. */
export function TaskItem({ clientId, task, editable }: { clientId: string; task: CaseTask; editable: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const update = useUpdateTask();
  const remove = useDeleteTask();
  const [editing, setEditing] = useState(false);
  const title = task.title ?? t('clients.unreadable');
  if (editing) {
    return (
      <li className="item">
        <p className="item-title">{t('clients.plan.editTitle')}</p>
        {update.isError ? <Notice tone="error">{errorMessage(t, update.error)}</Notice> : null}
        <TaskForm
          initial={taskFormOf(task)}
          submitLabel={t('clients.plan.save')}
          isBusy={update.isPending}
          onCancel={() => setEditing(false)}
          onSubmit={(values) =>
            update.mutate(
              { clientId, taskId: task.id, body: toUpdateTask(values) },
              { onSuccess: () => setEditing(false) },
            )
          }
        />
      </li>
    );
  }
  return (
    <li className={task.overdue ? 'item case-task case-task-overdue' : 'item case-task'}>
      <p className="item-title">{title}</p>
      {task.overdue ? <p className="case-overdue">{t('clients.plan.overdue')}</p> : null}
      <dl className="facts">
        <div>
          <dt>{t('clients.plan.owner')}</dt>
          <dd>
            {task.ownerName
              ? t('clients.plan.ownerWithName', { owner: t(`clients.plan.owners.${task.owner}`), name: task.ownerName })
              : t(`clients.plan.owners.${task.owner}`)}
          </dd>
        </div>
        <div>
          <dt>{t('clients.plan.dueOn')}</dt>
          <dd>{task.dueOn ? formatLocalDate(task.dueOn, locale) : t('clients.plan.noDue')}</dd>
        </div>
        <div>
          <dt>{t('clients.plan.statusLabel')}</dt>
          <dd>{t(`clients.plan.statuses.${task.status}`)}</dd>
        </div>
      </dl>
      {task.note ? <p className="case-note">{task.note}</p> : null}
      {remove.isError ? <Notice tone="error">{errorMessage(t, remove.error)}</Notice> : null}
      {editable ? (
        <div className="actions-start">
          <Button variant="secondary" onPress={() => setEditing(true)}>
            {t('clients.plan.edit', { title })}
          </Button>
          <ConfirmDialog
            triggerLabel={t('clients.plan.delete.trigger', { title })}
            title={t('clients.plan.delete.title')}
            text={t('clients.plan.delete.text')}
            confirmLabel={t('clients.plan.delete.confirm')}
            cancelLabel={t('common.cancel')}
            isDisabled={remove.isPending}
            onConfirm={() => remove.mutate({ clientId, taskId: task.id })}
          />
        </div>
      ) : null}
    </li>
  );
}
