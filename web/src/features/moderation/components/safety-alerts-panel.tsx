import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { QueueFilter, SafetyAlertItem } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { Loading } from '../../../components/ui/loading';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useSafetyAlerts } from '../api/list-safety-alerts';
import { useResolveSafetyAlert } from '../api/resolve-safety-alert';
import { QuotedMessage, ReasonField, When } from './moderation-fields';
import { QueueFilterField } from './queue-filter';

function alertNames(alert: SafetyAlertItem, formerMember: string) {
  return { from: alert.fromDisplayName ?? formerMember, about: alert.aboutDisplayName ?? formerMember };
}

function ResolveAlertDialog({ groupId, alert }: { groupId: string; alert: SafetyAlertItem }) {
  const { t } = useTranslation();
  const names = alertNames(alert, t('moderation.formerMember'));
  return (
    <ModalDialog
      triggerLabel={t('moderation.safety.resolve')}
      triggerAriaLabel={t('moderation.safety.resolveLabel', { name: names.from })}
      title={t('moderation.safety.resolveTitle')}
      role="alertdialog"
    >
      {(close) => <ResolveAlertForm groupId={groupId} alert={alert} close={close} />}
    </ModalDialog>
  );
}

function ResolveAlertForm({ groupId, alert, close }: { groupId: string; alert: SafetyAlertItem; close: () => void }) {
  const { t } = useTranslation();
  const mutation = useResolveSafetyAlert(groupId);
  const [note, setNote] = useState('');
  const names = alertNames(alert, t('moderation.formerMember'));
  return (
    <Form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        const trimmed = note.trim();
        mutation.mutate({ alertId: alert.id, body: trimmed ? { note: trimmed } : {} }, { onSuccess: close });
      }}
    >
      <p className="what-happens">
        {alert.kind === 'knows-member'
          ? t('moderation.safety.resolveWhatKnows', names)
          : t('moderation.safety.resolveWhat')}
      </p>
      <ReasonField value={note} onChange={setNote} optional />
      {mutation.isError ? <Notice tone="error">{errorMessage(t, mutation.error)}</Notice> : null}
      <div className="actions">
        <Button variant="secondary" onPress={close}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" isBusy={mutation.isPending}>
          {t('moderation.safety.resolveConfirm')}
        </Button>
      </div>
    </Form>
  );
}

/**
 * "Not safe right now", "I think I know this person", crisis wording and identifying details: kept
 * until a facilitator marks them handled, so nothing is lost while nobody is online. Open alerts
 * are marked in the safety colour (the only red on the desk).
 */
export function SafetyAlertsPanel({ groupId, timeZone }: { groupId: string; timeZone?: string }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<QueueFilter>('open');
  const alerts = useSafetyAlerts(groupId, filter);
  const items = alerts.data?.items ?? [];
  return (
    <Panel title={t('moderation.safety.title', { count: alerts.data?.unread ?? 0 })}>
      <p>{t('moderation.safety.intro')}</p>
      <QueueFilterField name="safetyFilter" value={filter} onChange={setFilter} />
      {alerts.isPending ? <Loading label={t('app.loading')} /> : null}
      {alerts.isError ? <Notice tone="error">{errorMessage(t, alerts.error)}</Notice> : null}
      {alerts.isSuccess && items.length === 0 ? <p>{t('moderation.safety.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="item-list" aria-label={t('moderation.safety.listLabel')}>
          {items.map((alert) => {
            const names = alertNames(alert, t('moderation.formerMember'));
            const open = alert.status === 'open';
            return (
              <li key={alert.id} className={open ? 'item item-attention' : 'item'}>
                <p className="item-title">{t(`moderation.safety.kind.${alert.kind}`, names)}</p>
                <p className="muted">
                  <When iso={alert.createdAt} timeZone={timeZone} />
                </p>
                {alert.kind === 'knows-member' && open ? (
                  <p>{t('moderation.safety.hiddenUntilDecided', names)}</p>
                ) : null}
                {alert.message ? (
                  <QuotedMessage
                    body={alert.message.originalBody ?? alert.message.body}
                    name={alert.message.displayName}
                  />
                ) : null}
                {open ? (
                  <div className="item-actions">
                    <ResolveAlertDialog groupId={groupId} alert={alert} />
                  </div>
                ) : (
                  <>
                    <p className="resolved-mark">{t('moderation.safety.resolved')}</p>
                    {alert.resolutionNote ? (
                      <p className="muted">{t('moderation.reports.doneReason', { reason: alert.resolutionNote })}</p>
                    ) : null}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </Panel>
  );
}
