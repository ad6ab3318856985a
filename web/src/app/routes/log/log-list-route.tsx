import { useTranslation } from 'react-i18next';
import { LogNav } from '../../../features/incident-log/components/log-nav';
import { LogOverview } from '../../../features/incident-log/components/log-overview';
import { LogNotice } from './log-notice';

export function LogListRoute() {
  const { t } = useTranslation();
  return (
    <div className="page log-page">
      <h1>{t('incidentLog.list.pageTitle')}</h1>
      <LogNav />
      <LogNotice />
      <p className="lead">{t('incidentLog.list.intro')}</p>
      <LogOverview />
    </div>
  );
}
