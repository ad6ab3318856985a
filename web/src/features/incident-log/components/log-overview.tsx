import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { currentLocale } from '../../../lib/i18n/i18n';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useIncidents } from '../api/list-incidents';
import { isFiltered, isRangeInvalid, listFiltersOf, NO_FILTERS } from '../lib/list-filters';
import { formatLogTime } from '../lib/log-format';
import { IncidentFilters } from './incident-filters';
import { IncidentList } from './incident-list';
import { VerificationBadge } from './verification-badge';

/** The log's front page: the tamper check, the way to write, and the entries newest first. */
export function LogOverview() {
  const { t } = useTranslation();
  const locale = currentLocale();
  // Filters live in memory only (not in the address), so the browser history stays neutral.
  const [filters, setFilters] = useState(NO_FILTERS);
  const list = useIncidents(listFiltersOf(filters));
  const entries = list.data?.pages.flatMap((page) => page.items) ?? [];

  const describeEntry = (entryId: string) => {
    const entry = entries.find((item) => item.id === entryId);
    return entry ? t('incidentLog.verify.entryAt', { date: formatLogTime(entry.occurredAt, locale) }) : null;
  };

  return (
    <>
      <VerificationBadge describeEntry={describeEntry} />
      <p>
        <Link className="button button-primary log-link-button" to="/log/new">
          {t('incidentLog.list.new')}
        </Link>
      </p>
      <Panel title={t('incidentLog.list.title')}>
        <IncidentFilters filters={filters} onChange={setFilters} rangeInvalid={isRangeInvalid(filters)} />
        {list.isPending ? <Loading label={t('app.loading')} /> : null}
        {list.isError ? <Notice tone="error">{errorMessage(t, list.error)}</Notice> : null}
        {list.isSuccess && entries.length === 0 ? (
          <p className="muted">
            {isFiltered(filters) ? t('incidentLog.list.emptyFiltered') : t('incidentLog.list.empty')}
          </p>
        ) : null}
        {entries.length > 0 ? <IncidentList entries={entries} /> : null}
        {list.hasNextPage ? (
          <Button variant="secondary" isBusy={list.isFetchingNextPage} onPress={() => void list.fetchNextPage()}>
            {list.isFetchingNextPage ? t('incidentLog.list.loadingMore') : t('incidentLog.list.more')}
          </Button>
        ) : null}
      </Panel>
    </>
  );
}
