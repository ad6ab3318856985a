import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useVerifyLog } from '../api/verify-log';

export interface VerificationBadgeProps {
  /** Words for an entry the page knows ("the incident of 20 November at 17.30"), or null. */
  describeEntry?: (entryId: string) => string | null;
}

/**
 * The result of the tamper check: every version of every entry is chained with a keyed hash,
 * so a change made outside Tryg (in the database) shows here, with where the chain breaks.
 */
export function VerificationBadge({ describeEntry }: VerificationBadgeProps) {
  const { t } = useTranslation();
  const check = useVerifyLog();
  if (check.isPending) return <Loading label={t('incidentLog.verify.checking')} />;
  if (check.isError) return <Notice tone="error">{errorMessage(t, check.error)}</Notice>;
  const { intact, versions, brokenAt } = check.data;
  if (intact && versions === 0) return <p className="muted">{t('incidentLog.verify.empty')}</p>;
  const where = brokenAt ? (describeEntry?.(brokenAt.entryId) ?? t('incidentLog.verify.unknownEntry')) : null;
  return (
    <div className={`log-badge ${intact ? 'log-badge-ok' : 'log-badge-broken'}`} role="status">
      <p className="log-badge-title">{intact ? t('incidentLog.verify.intact') : t('incidentLog.verify.broken')}</p>
      <p>
        {intact
          ? t('incidentLog.verify.intactText', { count: versions })
          : brokenAt
            ? t('incidentLog.verify.brokenAt', { where, version: brokenAt.version })
            : t('incidentLog.verify.brokenSomewhere')}
      </p>
      {intact ? null : <p>{t('incidentLog.verify.brokenMeaning')}</p>}
      <Button variant="quiet" isBusy={check.isFetching} onPress={() => void check.refetch()}>
        {check.isFetching ? t('incidentLog.verify.checking') : t('incidentLog.verify.again')}
      </Button>
    </div>
  );
}
