import { useTranslation } from 'react-i18next';
import { ExportPanel } from '../../../features/incident-log/components/export-panel';
import { LogNav } from '../../../features/incident-log/components/log-nav';
import { VerificationBadge } from '../../../features/incident-log/components/verification-badge';

export function LogExportRoute() {
  const { t } = useTranslation();
  return (
    <div className="page log-page">
      <h1>{t('incidentLog.export.pageTitle')}</h1>
      <LogNav />
      <p className="lead">{t('incidentLog.export.lead')}</p>
      <VerificationBadge />
      <ExportPanel />
    </div>
  );
}
