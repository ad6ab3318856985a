import { useTranslation } from 'react-i18next';
import { LogNav } from '../../../features/incident-log/components/log-nav';
import { PatternView } from '../../../features/incident-log/components/pattern-view';

export function LogPatternRoute() {
  const { t } = useTranslation();
  return (
    <div className="page log-page">
      <h1>{t('incidentLog.pattern.title')}</h1>
      <LogNav />
      <p className="lead">{t('incidentLog.pattern.intro')}</p>
      <PatternView />
    </div>
  );
}
