import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ClientCase } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { DateField } from '../../../components/ui/date-field';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { formatDateTime, formatLocalDate } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n/i18n';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useUpdateClient } from '../api/update-client';
import { AttentionMarks } from './attention-marks';

/** Who holds the case, what it needs, its next review date, and closing or reopening it. */
export function CaseOverview({ client }: { client: ClientCase }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const update = useUpdateClient();
  const [review, setReview] = useState(client.nextReviewOn ?? '');
  const [done, setDone] = useState<string | null>(null);
  const change = (body: Parameters<typeof update.mutate>[0]['body'], message: string) =>
    update.mutate({ clientId: client.id, body }, { onSuccess: () => setDone(message) });
  const name = (displayName: string | null) => displayName ?? t('clients.noName');
  return (
    <Panel title={t('clients.case.overview')}>
      {update.isError ? <Notice tone="error">{errorMessage(t, update.error)}</Notice> : null}
      {done && update.isSuccess ? <Notice tone="success">{done}</Notice> : null}
      <AttentionMarks client={client} />
      {client.status === 'closed' && client.purgeOn ? (
        <p className="case-closed-note">
          {t('clients.case.closedNote', { date: formatLocalDate(client.purgeOn, locale) })}
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t('clients.plan.statusLabel')}</dt>
          <dd>{t(`clients.status.${client.status}`)}</dd>
        </div>
        <div>
          <dt>{t('clients.case.primary')}</dt>
          <dd>{name(client.primary.displayName)}</dd>
        </div>
        <div>
          <dt>{t('clients.list.yourRole')}</dt>
          <dd>{t(`clients.role.${client.myRole}`)}</dd>
        </div>
        <div>
          <dt>{t('clients.case.created')}</dt>
          <dd>{formatDateTime(client.createdAt, locale)}</dd>
        </div>
      </dl>
      <Form
        className="form case-review-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!update.isPending) change({ nextReviewOn: review || null }, t('clients.case.reviewSaved'));
        }}
      >
        <DateField
          label={t('clients.case.nextReview')}
          name="nextReviewOn"
          value={review}
          onChange={setReview}
          description={t('clients.case.nextReviewHint')}
        />
        <Button type="submit" variant="secondary" isBusy={update.isPending}>
          {t('clients.case.saveReview')}
        </Button>
      </Form>
      <div className="actions-start">
        {client.status === 'active' ? (
          <ConfirmDialog
            triggerLabel={t('clients.case.close.trigger')}
            title={t('clients.case.close.title')}
            text={t('clients.case.close.text')}
            confirmLabel={t('clients.case.close.confirm')}
            cancelLabel={t('common.cancel')}
            isDisabled={update.isPending}
            onConfirm={() => change({ status: 'closed' }, t('clients.case.close.done'))}
          />
        ) : (
          <Button
            variant="secondary"
            isBusy={update.isPending}
            onPress={() => change({ status: 'active' }, t('clients.case.reopened'))}
          >
            {t('clients.case.reopen')}
          </Button>
        )}
      </div>
    </Panel>
  );
}
