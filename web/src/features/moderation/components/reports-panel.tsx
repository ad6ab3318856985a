import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueFilter, Report } from '@tryg/shared';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useMembers } from '../api/list-members';
import { useReports } from '../api/list-reports';
import { nameOf } from '../moderation-rules';
import { QuotedMessage, When } from './moderation-fields';
import { QueueFilterField } from './queue-filter';
import { ResolveReportDialog } from './resolve-report-dialog';

function Outcome({ report }: { report: Report }) {
  const { t } = useTranslation();
  const what = report.action
    ? t(`moderation.reports.done.${report.action}`)
    : t(`moderation.reports.done.${report.status}`);
  return (
    <>
      <p className="resolved-mark">{what}</p>
      {report.resolutionNote ? (
        <p className="muted">{t('moderation.reports.doneReason', { reason: report.resolutionNote })}</p>
      ) : null}
    </>
  );
}

/** Reports from members: the category and the note, never who reported. */
export function ReportsPanel({ groupId, timeZone }: { groupId: string; timeZone?: string }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<QueueFilter>('open');
  const reports = useReports(groupId, filter);
  const members = useMembers(groupId);
  const items = reports.data?.items ?? [];
  return (
    <Panel title={t('moderation.reports.title', { count: reports.data?.unread ?? 0 })}>
      <p>{t('moderation.reports.intro')}</p>
      <QueueFilterField name="reportsFilter" value={filter} onChange={setFilter} />
      {reports.isPending ? <Loading label={t('app.loading')} /> : null}
      {reports.isError ? <Notice tone="error">{errorMessage(t, reports.error)}</Notice> : null}
      {reports.isSuccess && items.length === 0 ? <p>{t('moderation.reports.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="item-list" aria-label={t('moderation.reports.listLabel')}>
          {items.map((report) => {
            const author =
              report.message?.displayName ??
              nameOf(members.data?.items, report.reportedMemberId) ??
              t('moderation.formerMember');
            return (
              <li key={report.id} className={report.status === 'open' ? 'item item-open' : 'item'}>
                <p className="item-title">{t(`moderation.categories.${report.category}`)}</p>
                <p className="muted">
                  <When iso={report.createdAt} timeZone={timeZone} />
                </p>
                {report.message ? (
                  <QuotedMessage body={report.message.originalBody ?? report.message.body} name={author} />
                ) : (
                  <p className="muted">{t('moderation.reports.messageGone')}</p>
                )}
                {report.note ? <p dir="auto">{t('moderation.reports.note', { note: report.note })}</p> : null}
                {report.status === 'open' ? (
                  <div className="item-actions">
                    <ResolveReportDialog groupId={groupId} report={report} authorName={author} />
                  </div>
                ) : (
                  <Outcome report={report} />
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </Panel>
  );
}
