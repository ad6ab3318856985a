import { useTranslation } from 'react-i18next';
import { useSummary } from '../api/get-summary';

/** On a facilitator's group card: safety alerts, open reports and held messages, when there are any. */
export function ModerationWaiting({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const summary = useSummary(groupId);
  const data = summary.data;
  if (!data) return null;
  return (
    <>
      {data.openSafetyAlerts > 0 ? (
        <p className="attention-line attention-safety">
          {t('moderation.home.safety', { count: data.openSafetyAlerts })}
        </p>
      ) : null}
      {data.openReports > 0 ? (
        <p className="attention-line">{t('moderation.home.reports', { count: data.openReports })}</p>
      ) : null}
      {data.heldMessages > 0 ? (
        <p className="attention-line">{t('moderation.home.held', { count: data.heldMessages })}</p>
      ) : null}
    </>
  );
}
