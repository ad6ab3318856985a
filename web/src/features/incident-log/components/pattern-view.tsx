import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useIncidentStats } from '../api/get-incident-stats';
import { ContactTypeBars } from './contact-type-bars';
import { WeekChart } from './week-chart';

/** The pattern view: how often, week by week, and which kinds of contact, so escalation shows. */
export function PatternView() {
  const { t } = useTranslation();
  const stats = useIncidentStats();
  if (stats.isPending) return <Loading label={t('app.loading')} />;
  if (stats.isError) return <Notice tone="error">{errorMessage(t, stats.error)}</Notice>;
  if (stats.data.total === 0) return <p>{t('incidentLog.pattern.empty')}</p>;
  return (
    <>
      <Panel title={t('incidentLog.pattern.weeksTitle')}>
        <WeekChart stats={stats.data} />
      </Panel>
      <Panel title={t('incidentLog.pattern.typesTitle')}>
        <ContactTypeBars stats={stats.data} />
      </Panel>
    </>
  );
}
